package dev.migrator.core.script;

import java.util.Objects;

/**
 * What a backfill does to each batch of rows: a SQL {@code SET} expression, or Java code.
 */
public sealed interface BackfillAction permits BackfillAction.SetExpression, BackfillAction.JavaFunction {

	/**
	 * The assignments of an {@code UPDATE}, as in {@code status = 'active'} or
	 * {@code a = 1, b = lower(name)}.
	 *
	 * @param sql the text after {@code SET}
	 */
	record SetExpression(String sql) implements BackfillAction {

		public SetExpression {
			Objects.requireNonNull(sql, "sql");
			sql = sql.strip();
			// A trailing semicolon from habit would end the UPDATE before its WHERE
			// clause.
			while (sql.endsWith(";")) {
				sql = sql.substring(0, sql.length() - 1).stripTrailing();
			}
			if (sql.isEmpty()) {
				throw new IllegalArgumentException("A backfill's SET expression is empty");
			}
		}

		@Override
		public String toString() {
			return "SET " + this.sql;
		}

	}

	/**
	 * Java code given the keys of each batch's rows and the batch's connection.
	 *
	 * @param function the code
	 */
	record JavaFunction(BackfillFunction function) implements BackfillAction {

		public JavaFunction {
			Objects.requireNonNull(function, "function");
		}

		@Override
		public String toString() {
			// A lambda's class name carries a generated suffix that tells a reader
			// nothing.
			String type = this.function.getClass().getName();
			int lambda = type.indexOf("$$Lambda");
			return "Java function " + ((lambda >= 0) ? "in " + type.substring(0, lambda) : type);
		}

	}

}
