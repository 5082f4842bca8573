package dev.migrator.core.authoring.schema;

import dev.migrator.core.op.ColumnType;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL's printed type names ({@code format_type}) in the operations API's terms.
 */
final class PostgresTypes {

	private static final Map<String, ColumnType> NAMED = Map.ofEntries(Map.entry("integer", ColumnType.integer()),
			Map.entry("bigint", ColumnType.bigint()), Map.entry("smallint", ColumnType.smallint()),
			Map.entry("text", ColumnType.text()), Map.entry("boolean", ColumnType.bool()),
			Map.entry("date", ColumnType.date()), Map.entry("timestamp without time zone", ColumnType.timestamp()),
			Map.entry("timestamp with time zone", ColumnType.timestamptz()), Map.entry("uuid", ColumnType.uuid()),
			Map.entry("json", ColumnType.json()), Map.entry("jsonb", ColumnType.jsonb()),
			Map.entry("bytea", ColumnType.bytes()));

	private static final Pattern VARCHAR = Pattern.compile("character varying\\((\\d+)\\)");

	private static final Pattern NUMERIC = Pattern.compile("numeric\\((\\d+),(\\d+)\\)");

	private PostgresTypes() {
	}

	/**
	 * @param printed the type as {@code format_type} prints it
	 * @param enumName the enum type's name when the column's type is an enum of the
	 * reflected schema
	 */
	static ColumnType of(String printed, Optional<String> enumName) {
		if (enumName.isPresent()) {
			return ColumnType.enumType(enumName.get());
		}
		ColumnType named = NAMED.get(printed);
		if (named != null) {
			return named;
		}
		Matcher varchar = VARCHAR.matcher(printed);
		if (varchar.matches()) {
			return ColumnType.varchar(Integer.parseInt(varchar.group(1)));
		}
		Matcher numeric = NUMERIC.matcher(printed);
		if (numeric.matches()) {
			return ColumnType.numeric(Integer.parseInt(numeric.group(1)), Integer.parseInt(numeric.group(2)));
		}
		return ColumnType.custom(printed);
	}

}
