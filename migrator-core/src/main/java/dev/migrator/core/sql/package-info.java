/**
 * The bottom text layer: SQL as text, before anything knows what a revision is. One lexer
 * ({@link dev.migrator.core.sql.SqlLexer}) cuts SQL into tokens for the statement
 * splitter, the linter, the runtime's statement traits and the SQLite table parser, so
 * that strings, comments and quoted names are recognised the same way everywhere; and
 * durations are read as revision headers write them.
 */
package dev.migrator.core.sql;
