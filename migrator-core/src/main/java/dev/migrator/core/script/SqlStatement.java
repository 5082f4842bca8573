package dev.migrator.core.script;

import java.util.List;
import java.util.Objects;

/**
 * One statement of a SQL revision, without its terminating semicolon.
 *
 * @param sql the statement text as written
 * @param line the 1-based line of the file where the statement starts
 * @param allowances the {@code -- migrator:allow} comments that belong to it, in the
 * order written
 * @param traits what the runtime must know to run it, read once from its text
 */
public record SqlStatement(String sql, int line, List<Allowance> allowances, StatementTraits traits) {

	public SqlStatement {
		Objects.requireNonNull(sql, "sql");
		allowances = List.copyOf(allowances);
		Objects.requireNonNull(traits, "traits");
	}

	/** A statement with its traits read from the text. */
	public SqlStatement(String sql, int line, List<Allowance> allowances) {
		this(sql, line, allowances, StatementTraits.of(sql));
	}

	/** A statement no lint rule is allowed for. */
	public SqlStatement(String sql, int line) {
		this(sql, line, List.of());
	}

	/** Whether an allow comment names the lint rule. */
	public boolean allows(String ruleId) {
		return this.allowances.stream().anyMatch((allowance) -> allowance.ruleId().equals(ruleId));
	}

	/** The same statement with one more allowance. */
	SqlStatement withAllowance(Allowance allowance) {
		List<Allowance> more = new java.util.ArrayList<>(this.allowances);
		more.add(allowance);
		return new SqlStatement(this.sql, this.line, more, this.traits);
	}

	// Revisions built in code take their checksum from this text (Revision.Builder), so a
	// statement without allowances must print exactly as it did before allowances (and
	// traits, which follow from the text) existed, or every recorded checksum would
	// change.
	@Override
	public String toString() {
		String base = "SqlStatement[sql=" + this.sql + ", line=" + this.line;
		return this.allowances.isEmpty() ? base + "]" : base + ", allowances=" + this.allowances + "]";
	}

}
