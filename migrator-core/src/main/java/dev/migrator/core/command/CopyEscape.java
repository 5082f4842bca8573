package dev.migrator.core.command;

import java.util.Objects;

/**
 * What drift's copy reached outside its scratch schema, and the statement that did: found
 * before it committed, so that it was rolled back, or before it ran.
 *
 * @param what what the statement does, as the rest of a sentence whose subject is the
 * revision ("changes public.audit, which the revisions did not create")
 * @param statement the statement, abbreviated, secrets masked
 * @param note what the rollback could not undo, or empty
 */
record CopyEscape(String what, String statement, String note) {

	CopyEscape {
		Objects.requireNonNull(what, "what");
		Objects.requireNonNull(statement, "statement");
		Objects.requireNonNull(note, "note");
	}

	/** The statement changed, or would change, these live objects. */
	static CopyEscape changes(String objects, String statement, String note) {
		return new CopyEscape("changes " + objects + ", which the revisions did not create", statement, note);
	}

	/** The statement cannot be checked, or waits on the live database. */
	static CopyEscape unchecked(String what, String statement) {
		return new CopyEscape(what, statement, "");
	}

	/** The message of the statement's own failure, inside the revision's. */
	String statementMessage() {
		return "drift's copy stopped this statement: it " + this.what + ". " + this.note;
	}

	/**
	 * The message of the failed drift check, naming the revision whose replay escaped.
	 */
	String message(String revision) {
		return "drift could not build its copy: revision " + revision + " " + this.what
				+ "; drift does not replay it against the live database, so the statement (" + this.statement
				+ ") was stopped and nothing of it stayed. " + this.note
				+ "Name in revisions only what earlier revisions create, without a schema (as for fleets), or compare "
				+ "this database another way.";
	}

}
