package dev.migrator.core.lint;

import dev.migrator.core.script.LintRule;

import java.util.List;

/**
 * {@code prefer-timestamptz} (opt-in): a {@code timestamp} column without time zone,
 * whose values mean a different instant in every session time zone.
 */
final class PreferTimestamptz implements Rule {

	@Override
	public LintRule rule() {
		return LintRule.PREFER_TIMESTAMPTZ;
	}

	@Override
	public boolean longLock() {
		return false;
	}

	@Override
	public List<Violation> check(StatementContext context) {
		return DeclaredColumn.of(context.statement())
			.stream()
			.filter((column) -> column.type().name().equals("timestamp"))
			.map((column) -> new Violation("The column " + column.qualified() + " is timestamp without time zone: "
					+ "its values name no instant, so clients in other time zones read other times, and a later "
					+ "change to timestamptz rewrites the table",
					"timestamptz, which stores an instant and shows it in the session's time zone."))
			.toList();
	}

}
