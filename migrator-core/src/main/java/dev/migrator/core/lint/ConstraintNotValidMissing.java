package dev.migrator.core.lint;

import dev.migrator.core.lint.ClassifiedStatement.AlterTable;
import dev.migrator.core.lint.TableAction.AddColumn;
import dev.migrator.core.lint.TableAction.AddConstraint;
import dev.migrator.core.lint.TableAction.ConstraintKind;
import dev.migrator.core.lint.TableAction.ValidateConstraint;
import dev.migrator.core.script.LintRule;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code constraint-not-valid-missing}: a foreign key or check added to an existing table
 * and validated at once, row by row, under a lock that blocks writes. Also a
 * {@code VALIDATE CONSTRAINT} in the same transaction that added the constraint
 * {@code NOT VALID}: the lock of the {@code ADD} is still held, so {@code NOT VALID}
 * gained nothing.
 */
final class ConstraintNotValidMissing implements Rule {

	@Override
	public LintRule rule() {
		return LintRule.CONSTRAINT_NOT_VALID_MISSING;
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
			if (action instanceof AddConstraint add && !add.notValid() && add.kind() == ConstraintKind.NOT_NULL) {
				violations.add(notNull(table, add, context));
			}
			if (action instanceof AddConstraint add && !add.notValid()
					&& (add.kind() == ConstraintKind.FOREIGN_KEY || add.kind() == ConstraintKind.CHECK)) {
				String lock = (add.kind() == ConstraintKind.FOREIGN_KEY)
						? "a SHARE ROW EXCLUSIVE lock on " + table
								+ " and on the referenced table, blocking writes to both"
						: "an ACCESS EXCLUSIVE lock on " + table + ", blocking reads and writes";
				violations.add(new Violation(
						"ADD " + add.kind().sql() + " on the existing table " + table
								+ " without NOT VALID checks every row while holding " + lock,
						"ADD CONSTRAINT ... " + add.kind().sql()
								+ " (...) NOT VALID (only a brief lock), then VALIDATE "
								+ "CONSTRAINT in a later revision: it checks the rows without blocking writes."));
			}
			if (action instanceof AddColumn add && add.references()) {
				violations.add(new Violation("ADD COLUMN " + table + "." + add.column() + " ... REFERENCES declares a "
						+ "foreign key, which takes a SHARE ROW EXCLUSIVE lock on " + table
						+ " and on the referenced table, blocking writes to both, and cannot be added NOT VALID inline",
						"ADD COLUMN without REFERENCES, then ADD CONSTRAINT ... FOREIGN KEY (...) REFERENCES ... "
								+ "NOT VALID, then VALIDATE CONSTRAINT in a later revision."));
			}
			if (action instanceof ValidateConstraint validate && context.revision().transactional()
					&& context.schema().addedNotValidInRevision(table, validate.name())) {
				violations.add(new Violation("VALIDATE CONSTRAINT " + validate.name() + " runs in the same transaction "
						+ "that added it NOT VALID, so the lock taken by ADD CONSTRAINT is still held while every row of "
						+ table + " is checked: NOT VALID gained nothing",
						"Validate the constraint in a later revision, or make this revision "
								+ "-- migrator:transactional false so that each statement commits on its own."));
			}
		}
		return violations;
	}

	/**
	 * {@code ADD CONSTRAINT ... NOT NULL column} scans like {@code SET NOT NULL}; only
	 * PostgreSQL 18 can add it NOT VALID.
	 */
	private static Violation notNull(String table, AddConstraint add, StatementContext context) {
		String column = add.notNullColumns().isEmpty() ? "..." : add.notNullColumns().get(0);
		String message = "ADD CONSTRAINT ... NOT NULL " + column + " on the existing table " + table
				+ " without NOT VALID checks every row under an ACCESS EXCLUSIVE lock, blocking reads and writes";
		if (context.version().atLeast(18)) {
			return new Violation(message,
					"ADD CONSTRAINT " + add.name().orElse(table + "_" + column + "_not_null") + " NOT NULL " + column
							+ " NOT VALID (only a brief lock), then VALIDATE CONSTRAINT in a later revision: it "
							+ "checks the rows without blocking writes, and the column is then NOT NULL.");
		}
		return new Violation(message, "ADD CONSTRAINT ... CHECK (" + column + " IS NOT NULL) NOT VALID, then, in a "
				+ "later revision, VALIDATE CONSTRAINT, SET NOT NULL (it skips the scan) and drop the check; NOT NULL "
				+ "constraints can be added NOT VALID only from PostgreSQL 18.");
	}

}
