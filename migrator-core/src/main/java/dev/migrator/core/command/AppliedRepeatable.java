package dev.migrator.core.command;

/**
 * A repeatable revision the database has run.
 *
 * @param id the revision's id
 * @param changed whether its file changed since its latest run (the next upgrade to the
 * heads runs it again)
 */
public record AppliedRepeatable(String id, boolean changed) {
}
