package dev.migrator.core.script;

/**
 * One statement of a SQL revision, without its terminating semicolon.
 *
 * @param sql the statement text as written
 * @param line the 1-based line of the file where the statement starts
 */
public record SqlStatement(String sql, int line) {
}
