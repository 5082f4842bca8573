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

	List<Violation> check(StatementContext context);

}
