/**
 * SQL as text, the lowest layer above the error catalog: durations as PostgreSQL reads
 * them and the one SQL lexer that the splitter, the linter, the runtime and the SQLite
 * code share. Internal; may change.
 */
package dev.migrator.core.sql;
