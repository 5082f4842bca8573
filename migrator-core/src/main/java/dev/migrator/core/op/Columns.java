package dev.migrator.core.op;

import java.util.List;

/**
 * Static factories for table definitions, meant for static import next to
 * {@link ColumnType}'s:
 * {@code createTable("users", col("id", bigint()).primaryKey().identity(), col("email", varchar(255)).notNull())}.
 */
public final class Columns {

	private Columns() {
	}

	/** A nullable column of the type; refine it with {@link Column}'s methods. */
	public static Column col(String name, ColumnType type) {
		return Column.of(name, type);
	}

	public static PrimaryKeyConstraint primaryKey(String... columns) {
		return PrimaryKeyConstraint.of(columns);
	}

	public static UniqueConstraint unique(String... columns) {
		return UniqueConstraint.of(columns);
	}

	/**
	 * A check whose name the convention builds from {@code label}, e.g.
	 * {@code ck_orders_positive_amount}.
	 */
	public static CheckConstraint check(String label, String condition) {
		return CheckConstraint.of(label, condition);
	}

	public static ForeignKeyConstraint foreignKey(String column, String referredTable, String referredColumn) {
		return ForeignKeyConstraint.of(column, referredTable, referredColumn);
	}

	public static ForeignKeyConstraint foreignKey(List<String> columns, String referredTable,
			List<String> referredColumns) {
		return ForeignKeyConstraint.of(columns, referredTable, referredColumns);
	}

}
