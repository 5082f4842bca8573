package dev.migrator.core.lint;

import dev.migrator.core.script.LintRule;

import java.util.List;

/**
 * {@code prefer-text} (opt-in): a {@code varchar(n)} or {@code char(n)} column. The limit
 * costs a rewrite-free change only to raise it; lowering it, or any change of
 * {@code char(n)}, rewrites the table, and {@code char(n)} pads with blanks.
 */
final class PreferText implements Rule {

	@Override
	public LintRule rule() {
		return LintRule.PREFER_TEXT;
	}

	@Override
	public boolean longLock() {
		return false;
	}

	@Override
	public List<Violation> check(StatementContext context) {
		return DeclaredColumn.of(context.statement())
			.stream()
			.filter((column) -> (column.type().name().equals("varchar") && !column.type().modifiers().isEmpty())
					|| column.type().name().equals("char"))
			.map((column) -> new Violation(
					"The column " + column.qualified() + " is " + column.type()
							+ ": the length limit lives in the type, so tightening it later rewrites the table"
							+ (column.type().name().equals("char") ? ", and char pads every value with blanks" : ""),
					"text, with a CHECK (length(...) <= n) constraint if a limit is needed: it can be added NOT VALID "
							+ "and changed without a rewrite."))
			.toList();
	}

}
