package dev.migrator.core.op;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Updates rows of a table named by name:
 * {@code UpdateRows.table("users").set("status", "active").where("status",
 * null)}. Values are bound; a SET may also be an SQL expression. Conditions are
 * equalities joined with AND (a {@code null} value means IS NULL); anything more is a job
 * for {@link Execute}.
 */
public record UpdateRows(String table, List<Assignment> assignments, List<Condition> conditions) implements Operation {

	public UpdateRows {
		Identifiers.require("updateRows", "table name", table);
		assignments = List.copyOf(assignments);
		conditions = List.copyOf(conditions);
	}

	/** An update of the table that sets nothing yet. */
	public static UpdateRows table(String table) {
		return new UpdateRows(table, List.of(), List.of());
	}

	/** Sets the column to a bound value. */
	public UpdateRows set(String column, Object value) {
		return withAssignment(
				new Assignment(column, new Assignment.Bound(SqlValues.require("updateRows " + this.table, value))));
	}

	/** Sets the column to an SQL expression, e.g. {@code lower(email)}. */
	public UpdateRows setExpression(String column, String sql) {
		return withAssignment(new Assignment(column,
				new Assignment.Expression(Identifiers.requireSql("updateRows " + this.table, "SET expression", sql))));
	}

	/** Only rows whose column equals the value (IS NULL for {@code null}). */
	public UpdateRows where(String column, Object value) {
		List<Condition> more = new ArrayList<>(this.conditions);
		more.add(new Condition(column, SqlValues.require("updateRows " + this.table, value)));
		return new UpdateRows(this.table, this.assignments, more);
	}

	private UpdateRows withAssignment(Assignment assignment) {
		List<Assignment> more = new ArrayList<>(this.assignments);
		more.add(assignment);
		return new UpdateRows(this.table, more, this.conditions);
	}

	@Override
	public Optional<Operation> reverse() {
		return Optional.empty();
	}

	@Override
	public String describe() {
		return "updateRows " + this.table;
	}

	/** {@code column = value}. */
	public record Assignment(String column, Value value) {

		public Assignment {
			Identifiers.require("updateRows", "column name", column);
			java.util.Objects.requireNonNull(value, "value");
		}

		/** What a column is set to. */
		public sealed interface Value permits Bound, Expression {

		}

		/** A bound value; {@code null} for SQL NULL. */
		public record Bound(Object value) implements Value {
		}

		/** An SQL expression, used as written. */
		public record Expression(String sql) implements Value {
		}

	}

	/** {@code column = value}, or {@code column IS NULL} for a {@code null} value. */
	public record Condition(String column, Object value) {

		public Condition {
			Identifiers.require("updateRows", "column name", column);
		}

	}

}
