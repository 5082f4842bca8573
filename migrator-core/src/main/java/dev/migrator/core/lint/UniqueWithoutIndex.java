package dev.migrator.core.lint;

import dev.migrator.core.lint.ClassifiedStatement.AlterTable;
import dev.migrator.core.lint.TableAction.AddColumn;
import dev.migrator.core.lint.TableAction.AddConstraint;
import dev.migrator.core.lint.TableAction.ConstraintKind;
import dev.migrator.core.script.LintRule;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code unique-without-index}: a UNIQUE or PRIMARY KEY constraint on an existing table
 * that builds its index under the ALTER TABLE's lock, instead of adopting one built
 * concurrently ({@code USING INDEX}).
 */
final class UniqueWithoutIndex implements Rule {

	@Override
	public LintRule rule() {
		return LintRule.UNIQUE_WITHOUT_INDEX;
	}

	@Override
	public boolean longLock() {
		return true;
	}

	@Override
	public List<Violation> check(StatementContext context) {
		List<Violation> violations = new ArrayList<>();
		if (!(context.statement() instanceof AlterTable alter) || !context.existing(alter.table())) {
			return violations;
		}
		String table = alter.table();
		for (TableAction action : alter.actions()) {
			if (action instanceof AddConstraint add && !add.usingIndex()
					&& (add.kind() == ConstraintKind.UNIQUE || add.kind() == ConstraintKind.PRIMARY_KEY)) {
				violations.add(violation("ADD " + add.kind().sql(), table, add.kind().sql()));
			}
			if (action instanceof AddColumn add && add.inlineIndex()) {
				violations.add(violation("ADD COLUMN " + add.column() + " with an inline UNIQUE or PRIMARY KEY", table,
						"UNIQUE"));
			}
		}
		return violations;
	}

	private static Violation violation(String what, String table, String kind) {
		return new Violation(
				what + " on the existing table " + table + " builds its index under an ACCESS EXCLUSIVE "
						+ "lock, blocking reads and writes for the whole build",
				"CREATE UNIQUE INDEX CONCURRENTLY name ON " + table + " (...) in a revision with "
						+ "-- migrator:transactional false, then ALTER TABLE " + table + " ADD CONSTRAINT ... " + kind
						+ " USING INDEX name (a catalog change).");
	}

}
