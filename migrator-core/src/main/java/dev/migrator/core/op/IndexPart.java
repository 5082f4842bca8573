package dev.migrator.core.op;

/**
 * One element of an index: a column, or an SQL expression such as {@code lower(email)}.
 */
public sealed interface IndexPart permits IndexPart.ColumnPart, IndexPart.ExpressionPart {

	static IndexPart column(String name) {
		return new ColumnPart(name);
	}

	static IndexPart expression(String sql) {
		return new ExpressionPart(sql);
	}

	/** An indexed column. */
	record ColumnPart(String name) implements IndexPart {

		public ColumnPart {
			Identifiers.require("createIndex", "column name", name);
		}

	}

	/** An indexed expression, used as written. */
	record ExpressionPart(String sql) implements IndexPart {

		public ExpressionPart {
			sql = Identifiers.requireSql("createIndex", "index expression", sql);
		}

	}

}
