package dev.migrator.core.lint;

import dev.migrator.core.script.Allowance;
import dev.migrator.core.script.LintRule;

import java.util.List;
import java.util.Objects;

/**
 * One statement as the linter reads it, wherever it came from: a SQL file's statement, or
 * (later) the SQL an operation of a Java migration renders.
 *
 * @param sql the statement's text
 * @param line the 1-based line where it starts in its file, or 0 when it has none
 * @param allowances the rules its author allowed for it
 */
public record LintStatement(String sql, int line, List<Allowance> allowances) {

	public LintStatement {
		Objects.requireNonNull(sql, "sql");
		allowances = List.copyOf(allowances);
	}

	/** A statement without allowances. */
	public LintStatement(String sql, int line) {
		this(sql, line, List.of());
	}

	/** Whether an allowance names the rule. */
	public boolean allows(LintRule rule) {
		return this.allowances.stream().anyMatch((allowance) -> allowance.ruleId().equals(rule.id()));
	}

}
