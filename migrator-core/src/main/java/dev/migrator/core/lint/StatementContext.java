package dev.migrator.core.lint;

import dev.migrator.core.script.Phase;
import dev.migrator.core.script.Revision;

/**
 * One statement as a rule sees it: classified, with its revision and what the revisions
 * before it said about the schema (the knowledge is as it was just before this
 * statement).
 *
 * @param statementsInRevision how many statements the revision's upgrade has, this one
 * included
 * @param version the PostgreSQL version the statement is judged for
 */
record StatementContext(Revision revision, ClassifiedStatement statement, SchemaKnowledge schema, String dialect,
		int statementsInRevision, PostgresVersion version) {

	/**
	 * Whether the table existed before this revision, so that its rows (and its readers)
	 * may be many.
	 */
	boolean existing(String table) {
		return !this.schema.isNew(table);
	}

	boolean isContract() {
		return this.revision.phase() == Phase.CONTRACT;
	}

	boolean isPostgresql() {
		return "postgresql".equals(this.dialect);
	}

}
