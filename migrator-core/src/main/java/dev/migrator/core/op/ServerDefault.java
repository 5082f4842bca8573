package dev.migrator.core.op;

import dev.migrator.core.error.ErrorCode;

/**
 * A column's default as the database applies it. DDL cannot bind parameters, so a
 * {@link Literal} is rendered as a SQL literal by the dialect's escaping; an
 * {@link Expression} is SQL text used as given.
 */
public sealed interface ServerDefault permits ServerDefault.Literal, ServerDefault.Expression {

	/** A constant: a string, number or boolean. */
	static ServerDefault value(Object value) {
		return new Literal(value);
	}

	/** SQL evaluated by the database, e.g. {@code now()} or {@code CURRENT_TIMESTAMP}. */
	static ServerDefault expression(String sql) {
		return new Expression(sql);
	}

	/** A constant default. */
	record Literal(Object value) implements ServerDefault {

		public Literal {
			if (!(value instanceof String || value instanceof Number || value instanceof Boolean)) {
				throw new InvalidOperationException(ErrorCode.INVALID_DEFAULT,
						"A literal default must be a string, number or boolean, not "
								+ ((value == null) ? "null (drop the default instead)" : value.getClass().getName())
								+ ". Use ServerDefault.expression(...) for anything else.");
			}
		}

	}

	/** A default given as SQL. */
	record Expression(String sql) implements ServerDefault {

		public Expression {
			sql = Identifiers.requireSql("serverDefault", "default expression", sql);
		}

	}

}
