package dev.migrator.core.lint;

import dev.migrator.core.script.LintRule;

import java.util.List;

/**
 * {@code prefer-identity} (opt-in): a {@code serial} column. Its sequence is a separate
 * object with its own grants and ownership; an identity column is the standard form and
 * keeps the sequence tied to the column.
 */
final class PreferIdentity implements Rule {

	@Override
	public LintRule rule() {
		return LintRule.PREFER_IDENTITY;
	}

	@Override
	public boolean longLock() {
		return false;
	}

	@Override
	public List<Violation> check(StatementContext context) {
		return DeclaredColumn.of(context.statement())
			.stream()
			.filter((column) -> column.type().serial())
			.map((column) -> new Violation(
					"The column " + column.qualified() + " is a serial type, whose sequence "
							+ "is a separate object: grants, copies of the table and dumps must handle it apart",
					column.type().name() + " GENERATED ALWAYS AS IDENTITY (or BY DEFAULT, to accept explicit values)."))
			.toList();
	}

}
