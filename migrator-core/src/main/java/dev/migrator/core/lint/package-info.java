/**
 * The safety linter: reads the revisions' statements without a database and reports, by
 * rule id, file and line, those that would block reads or writes for long or break the
 * running application, with the safe alternative. Rules apply PostgreSQL's lock
 * semantics; {@link dev.migrator.core.lint.Linter} names the dialects it knows.
 */
package dev.migrator.core.lint;
