/**
 * The bottom text layer: SQL as text, before anything knows what a revision is. One lexer
 * ({@link dev.migrator.core.sql.SqlLexer}) cuts SQL into tokens for the statement
 * splitter, the linter, the runtime's statement traits and the SQLite table parser, so
 * that strings, comments and quoted names are recognised the same way everywhere;
 * durations are read as revision headers write them; and statement text and database
 * messages are redacted ({@link dev.migrator.core.sql.SecretRedaction},
 * {@link dev.migrator.core.sql.DatabaseMessageRedaction}) before they reach a log, the
 * history table or the endpoint.
 */
package dev.migrator.core.sql;
