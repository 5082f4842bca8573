package dev.migrator.core.command;

import java.util.Objects;

/**
 * What drift's copy reached outside its scratch schema, and the statement that did: found
 * before it committed, so that it was rolled back, or before it ran.
 *
 * @param what the live object or objects it changed or would change, as a sentence part
 * ("changes public.audit")
 * @param statement the statement, abbreviated
 * @param note what the rollback could not undo, or empty
 */
record CopyEscape(String what, String statement, String note) {

	CopyEscape {
		Objects.requireNonNull(what, "what");
		Objects.requireNonNull(statement, "statement");
		Objects.requireNonNull(note, "note");
	}

	/** The message of the statement's own failure, inside the revision's. */
	String statementMessage() {
		return "drift's copy stopped this statement: it " + this.what + ", which the revisions did not create. "
				+ this.note;
	}

	/**
	 * The message of the failed drift check, naming the revision whose replay escaped.
	 */
	String message(String revision) {
		return "drift could not build its copy: revision " + revision + " " + this.what
				+ ", which the revisions did not create; drift does not replay it against the live database, so the "
				+ "statement (" + this.statement + ") was stopped and nothing of it stayed. " + this.note
				+ "Name in revisions only what earlier revisions create, without a schema (as for fleets), or compare "
				+ "this database another way.";
	}

}
