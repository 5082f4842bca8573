package dev.migrator.core.lint;

import dev.migrator.core.script.LintRule;
import java.util.List;
import java.util.Optional;

/**
 * {@code several-long-locks}: a second statement holding a long lock in one transaction.
 * Each lock stays until commit, so the first table stays blocked while the second
 * statement works: the outage is the sum of both, and two tables locked in one order
 * invite deadlocks. Autocommit revisions release each lock as their statement ends.
 */
final class SeveralLongLocks {

	/**
	 * A statement that took a long lock earlier in the transaction.
	 *
	 * @param line its line
	 * @param ruleId the rule that says why its lock is long
	 */
	record HeldLock(int line, String ruleId) {
	}

	LintRule rule() {
		return LintRule.SEVERAL_LONG_LOCKS;
	}

	/**
	 * The violation for a statement with a long lock of its own while others are held;
	 * none otherwise.
	 */
	Optional<Violation> check(Optional<HeldLock> current, List<HeldLock> held) {
		if (current.isEmpty() || held.isEmpty()) {
			return Optional.empty();
		}
		HeldLock first = held.get(0);
		String where = (first.line() > 0) ? "the statement on line " + first.line() : "an earlier statement";
		return Optional.of(new Violation(
				"this statement takes a long lock (" + current.get().ruleId() + ") while " + where + " ("
						+ first
							.ruleId()
						+ ") still holds one: the revision runs in one transaction, which keeps "
						+ "every lock until commit, so the tables stay blocked for the time of all of them",
				"Give each long-lock statement a revision of its own, or make the statements safe (CONCURRENTLY, "
						+ "NOT VALID then VALIDATE, backfills) so that none holds a long lock."));
	}

}
