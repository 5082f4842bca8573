package dev.migrator.core.op;

import dev.migrator.core.error.ErrorCode;

/**
 * A column's type, as a small portable model each dialect maps to its own SQL. A type a
 * dialect cannot express fails when the operation is rendered, before anything runs;
 * {@link #custom} is the escape hatch.
 */
public sealed interface ColumnType
		permits StandardType, ColumnType.Varchar, ColumnType.Numeric, ColumnType.EnumType, ColumnType.Custom {

	/** The type as written in messages, e.g. {@code varchar(255)}. */
	String describe();

	static ColumnType integer() {
		return StandardType.INTEGER;
	}

	static ColumnType bigint() {
		return StandardType.BIGINT;
	}

	static ColumnType smallint() {
		return StandardType.SMALLINT;
	}

	static ColumnType varchar(int length) {
		return new Varchar(length);
	}

	static ColumnType text() {
		return StandardType.TEXT;
	}

	static ColumnType bool() {
		return StandardType.BOOLEAN;
	}

	static ColumnType numeric(int precision, int scale) {
		return new Numeric(precision, scale);
	}

	static ColumnType date() {
		return StandardType.DATE;
	}

	static ColumnType timestamp() {
		return StandardType.TIMESTAMP;
	}

	static ColumnType timestamptz() {
		return StandardType.TIMESTAMPTZ;
	}

	static ColumnType uuid() {
		return StandardType.UUID;
	}

	static ColumnType json() {
		return StandardType.JSON;
	}

	static ColumnType jsonb() {
		return StandardType.JSONB;
	}

	static ColumnType bytes() {
		return StandardType.BYTES;
	}

	/** A column of a PostgreSQL enum type created with {@code createEnumType}. */
	static ColumnType enumType(String name) {
		return new EnumType(name);
	}

	/** A type written as SQL, used verbatim on every dialect. */
	static ColumnType custom(String sql) {
		return new Custom(sql);
	}

	/** A character type with a maximum length. */
	record Varchar(int length) implements ColumnType {

		public Varchar {
			if (length < 1) {
				throw new InvalidOperationException(ErrorCode.INVALID_TYPE,
						"varchar needs a positive length, not " + length + ".");
			}
		}

		@Override
		public String describe() {
			return "varchar(" + this.length + ")";
		}

	}

	/**
	 * An exact number with {@code precision} digits, {@code scale} of them after the
	 * point.
	 */
	record Numeric(int precision, int scale) implements ColumnType {

		public Numeric {
			if (precision < 1 || scale < 0 || scale > precision) {
				throw new InvalidOperationException(ErrorCode.INVALID_TYPE, "numeric(" + precision + ", " + scale
						+ ") is not a valid type: precision must be positive and scale between 0 and the precision.");
			}
		}

		@Override
		public String describe() {
			return "numeric(" + this.precision + ", " + this.scale + ")";
		}

	}

	/** A named PostgreSQL enum type. */
	record EnumType(String name) implements ColumnType {

		public EnumType {
			Identifiers.require("enumType", "enum type name", name);
		}

		@Override
		public String describe() {
			return "enum " + this.name;
		}

	}

	/**
	 * SQL text used as the type on every dialect; the migration's author vouches for it.
	 */
	record Custom(String sql) implements ColumnType {

		public Custom {
			sql = Identifiers.requireSql("custom", "type SQL", sql);
		}

		@Override
		public String describe() {
			return this.sql;
		}

	}

}
