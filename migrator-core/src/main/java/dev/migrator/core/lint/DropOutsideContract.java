package dev.migrator.core.lint;

import dev.migrator.core.lint.ClassifiedStatement.AlterTable;
import dev.migrator.core.lint.ClassifiedStatement.DropSchema;
import dev.migrator.core.lint.ClassifiedStatement.DropTable;
import dev.migrator.core.lint.TableAction.DropColumn;
import dev.migrator.core.script.LintRule;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code drop-outside-contract}: a column or table dropped while the previous application
 * version, which may still read or write it, can run.
 */
final class DropOutsideContract implements Rule {

	private static final String ALTERNATIVE = "Stop using it in the code, deploy that version everywhere, then drop it "
			+ "in a revision with -- migrator:phase contract (the compatibility guard then checks no running client "
			+ "still needs it).";

	@Override
	public LintRule rule() {
		return LintRule.DROP_OUTSIDE_CONTRACT;
	}

	@Override
	public boolean longLock() {
		return false;
	}

	@Override
	public List<Violation> check(StatementContext context) {
		List<Violation> violations = new ArrayList<>();
		if (context.isContract()) {
			return violations;
		}
		String phase = RenameOutsideContract.article(context.revision().phase().label());
		if (context.statement() instanceof DropSchema drop) {
			violations.add(new Violation("DROP SCHEMA " + String.join(", ", drop.schemas()) + " in " + phase
					+ " revision breaks the application version still running, which may use what the schema holds",
					ALTERNATIVE));
		}
		if (context.statement() instanceof DropTable drop) {
			for (String table : drop.tables()) {
				if (context.existing(table)) {
					violations.add(new Violation("DROP TABLE " + table + " in " + phase + " revision breaks the "
							+ "application version still running, which may read or write it", ALTERNATIVE));
				}
			}
		}
		if (context.statement() instanceof AlterTable alter && context.existing(alter.table())) {
			for (TableAction action : alter.actions()) {
				if (action instanceof DropColumn column) {
					violations.add(new Violation("DROP COLUMN " + alter.table() + "." + column.column() + " in " + phase
							+ " revision breaks the application version still running, which may read or write it",
							ALTERNATIVE));
				}
			}
		}
		return violations;
	}

}
