package dev.migrator.core.lint;

import dev.migrator.core.sql.SqlToken;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The value a new column gets in existing rows, and whether PostgreSQL 11+ can store it
 * once in the catalog (a non-volatile default) or must compute it row by row, rewriting
 * the table.
 *
 * @param sql the default as written, for messages
 * @param volatility whether the value can be computed once
 * @param cause what makes it volatile, such as {@code random()}; empty when it is not
 */
record ColumnDefault(String sql, Volatility volatility, String cause) {

	enum Volatility {

		/**
		 * Constants, casts of constants and stable functions such as {@code now()}:
		 * evaluated once.
		 */
		NON_VOLATILE,

		/**
		 * A volatile function, a sequence, an identity or a stored generated column:
		 * computed per row.
		 */
		VOLATILE,

		/** A function the linter does not know; it may be volatile. */
		UNKNOWN

	}

	/**
	 * Volatile functions of PostgreSQL and its common extensions that appear in defaults.
	 * {@code now()} and {@code current_timestamp} are not among them: they are stable,
	 * fixed for the transaction, so PostgreSQL 11+ stores the value once.
	 */
	private static final Set<String> VOLATILE_FUNCTIONS = Set.of("random", "random_normal", "gen_random_uuid",
			"gen_random_bytes", "uuid_generate_v1", "uuid_generate_v1mc", "uuid_generate_v4", "uuidv4", "uuidv7",
			"clock_timestamp", "timeofday", "nextval", "setval", "txid_current", "pg_current_xact_id");

	/** Functions known not to be volatile that revisions use in defaults. */
	private static final Set<String> NON_VOLATILE_FUNCTIONS = Set.of("now", "transaction_timestamp",
			"statement_timestamp", "current_date", "current_time", "current_timestamp", "localtime", "localtimestamp",
			"current_user", "current_schema", "session_user", "coalesce", "nullif", "greatest", "least", "lower",
			"upper", "trim", "concat", "length", "md5", "abs", "round", "to_timestamp", "to_date", "to_char",
			"date_trunc", "make_date", "make_timestamp", "make_interval", "jsonb_build_object", "json_build_object",
			"jsonb_build_array", "json_build_array", "array", "cast", "row", "interval", "timezone", "extract");

	/**
	 * Type names that are followed by a parenthesis without being a call, as in
	 * {@code 'x'::varchar(10)}.
	 */
	private static final Set<String> TYPE_NAMES = Set.of("varchar", "char", "character", "numeric", "decimal",
			"timestamp", "timestamptz", "time", "timetz", "bit", "varbit", "varying", "float");

	/** Reads the default expression that followed {@code DEFAULT}. */
	static ColumnDefault of(List<SqlToken> expression) {
		String sql = expression.stream().map(SqlToken::text).collect(Collectors.joining(" "));
		for (int i = 0; i < expression.size(); i++) {
			SqlToken token = expression.get(i);
			boolean call = token.kind() == SqlToken.Kind.WORD && i + 1 < expression.size()
					&& expression.get(i + 1).isSymbol("(");
			boolean afterCast = i > 0 && expression.get(i - 1).isSymbol("::");
			if (!call || afterCast || TYPE_NAMES.contains(token.identifier())) {
				continue;
			}
			String function = token.identifier();
			if (VOLATILE_FUNCTIONS.contains(function)) {
				return new ColumnDefault(sql, Volatility.VOLATILE, function + "()");
			}
			if (!NON_VOLATILE_FUNCTIONS.contains(function)) {
				return new ColumnDefault(sql, Volatility.UNKNOWN, function + "()");
			}
		}
		return new ColumnDefault(sql, Volatility.NON_VOLATILE, "");
	}

	/**
	 * A value computed for every row whatever the expression: a sequence, an identity, a
	 * generated column.
	 */
	static ColumnDefault computedPerRow(String sql, String cause) {
		return new ColumnDefault(sql, Volatility.VOLATILE, cause);
	}

	/** Whether the default is {@code NULL}, which gives existing rows no value at all. */
	boolean isNull() {
		return this.sql.equalsIgnoreCase("null") || this.sql.toLowerCase(java.util.Locale.ROOT).startsWith("null ::");
	}

}
