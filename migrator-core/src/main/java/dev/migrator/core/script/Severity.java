package dev.migrator.core.script;

import java.util.Locale;

/**
 * How bad a finding is; errors and warnings fail {@code lintOrFail}, notes do not, and a
 * report counts them apart.
 */
public enum Severity {

	/**
	 * The statement blocks reads or writes for a time that grows with the table, or
	 * breaks running code.
	 */
	ERROR,

	/** The statement is risky depending on the data or on how the revision is run. */
	WARNING,

	/**
	 * The statement would block for long on a large table, but the database says this one
	 * is small ({@code migrator.lint.large-table-rows}): reported, never failing.
	 */
	NOTE;

	/** The lower-case name, as SARIF writes a result's level. */
	public String label() {
		return name().toLowerCase(Locale.ROOT);
	}

}
