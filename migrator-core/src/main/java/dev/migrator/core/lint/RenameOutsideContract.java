package dev.migrator.core.lint;

import dev.migrator.core.lint.ClassifiedStatement.AlterTable;
import dev.migrator.core.lint.ClassifiedStatement.RenameEnumValue;
import dev.migrator.core.lint.ClassifiedStatement.RenameSchema;
import dev.migrator.core.lint.TableAction.RenameColumn;
import dev.migrator.core.lint.TableAction.RenameTable;
import dev.migrator.core.script.LintRule;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code rename-outside-contract}: a rename while the previous application version, which
 * uses the old name, may still run. The lock is brief; the breakage is not.
 */
final class RenameOutsideContract implements Rule {

	@Override
	public LintRule rule() {
		return LintRule.RENAME_OUTSIDE_CONTRACT;
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
		String phase = context.revision().phase().label();
		if (context.statement() instanceof RenameSchema rename) {
			violations.add(new Violation(
					"ALTER SCHEMA " + rename.from() + " RENAME TO " + rename.to() + " in " + article(phase)
							+ " revision breaks the application version still running, whose queries "
							+ "and search_path name the old schema",
					"Keep the schema's name; if it must change, create the new schema, move the objects and "
							+ "the code over, and drop the old one in a revision with -- migrator:phase contract."));
		}
		if (context.statement() instanceof RenameEnumValue rename) {
			violations.add(new Violation(
					"ALTER TYPE " + rename.type() + " RENAME VALUE " + rename.from() + " TO " + rename.to() + " in "
							+ article(phase) + " revision breaks the application version still "
							+ "running, which writes and compares the old value",
					"Add the new value (ALTER TYPE ... ADD VALUE), write it from the code, move the rows with a "
							+ "backfill, and stop using the old value; an enum value cannot be dropped, so leave it."));
		}
		if (!(context.statement() instanceof AlterTable alter) || !context.existing(alter.table())) {
			return violations;
		}
		for (TableAction action : alter.actions()) {
			if (action instanceof RenameColumn rename) {
				violations.add(new Violation(
						"RENAME COLUMN " + alter.table() + "." + rename.from() + " to " + rename.to() + " in "
								+ article(phase) + " revision breaks the application version still running, which "
								+ "reads and writes the old name",
						"Add the new column and write to both (expand), fill it with a backfill (migrate), move reads "
								+ "to it, then drop the old column in a revision with -- migrator:phase contract."));
			}
			if (action instanceof RenameTable rename) {
				violations.add(new Violation(
						"RENAME TABLE " + alter.table() + " to " + rename.to() + " in " + article(phase)
								+ " revision breaks the application version still running, which uses the "
								+ "old name",
						"Create the new table (or a view with the new name over the old one) and write to both, move "
								+ "reads over, then drop the old one in a revision with -- migrator:phase contract."));
			}
		}
		return violations;
	}

	static String article(String phase) {
		return (phase.startsWith("e") ? "an " : "a ") + phase;
	}

}
