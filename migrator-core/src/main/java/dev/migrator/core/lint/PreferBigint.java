package dev.migrator.core.lint;

import dev.migrator.core.script.LintRule;

import java.util.List;
import java.util.Set;

/**
 * {@code prefer-bigint} (opt-in): a key column ({@code id} or {@code ..._id}) declared
 * {@code integer} or {@code smallint}. Such keys run out (2^31 values), and widening the
 * column later rewrites the table and every table that references it.
 */
final class PreferBigint implements Rule {

	private static final Set<String> NARROW = Set.of("integer", "smallint");

	@Override
	public LintRule rule() {
		return LintRule.PREFER_BIGINT;
	}

	@Override
	public boolean longLock() {
		return false;
	}

	@Override
	public List<Violation> check(StatementContext context) {
		return DeclaredColumn.of(context.statement())
			.stream()
			.filter((column) -> !column.type().array() && NARROW.contains(column.type().name()))
			.filter((column) -> column.column().equals("id") || column.column().endsWith("_id"))
			.map((column) -> new Violation(
					"The key column " + column.qualified() + " is " + column.type() + ": it runs out of values at "
							+ (column.type().name().equals("smallint") ? "32767" : "2147483647")
							+ ", and widening it later rewrites the table and every table that references it",
					"Declare key columns bigint (8 bytes instead of 4, nothing else)."))
			.toList();
	}

}
