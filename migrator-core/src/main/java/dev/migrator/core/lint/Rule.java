package dev.migrator.core.lint;

import dev.migrator.core.script.LintRule;
import java.util.List;

/**
 * One lint rule's check of one statement. Rules are pure: they read the context and
 * report, nothing more.
 */
interface Rule {

	LintRule rule();

	/**
	 * Whether a statement this rule reports holds a lock that blocks writes (or reads)
	 * for as long as the table takes to scan, rewrite or index, rather than for a catalog
	 * change; {@code several-long-locks} counts them.
	 */
	boolean longLock();

	/**
	 * Whether the harm grows with the table the statement works on, so that on a table
	 * the database says is small the finding is only a note: every long lock but
	 * {@code LOCK TABLE} and {@code TRUNCATE}, whose harm does not depend on the rows.
	 */
	default boolean growsWithTable() {
		return longLock();
	}

	List<Violation> check(StatementContext context);

}
