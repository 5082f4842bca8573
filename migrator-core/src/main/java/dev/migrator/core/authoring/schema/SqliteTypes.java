package dev.migrator.core.authoring.schema;

import dev.migrator.core.op.ColumnType;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SQLite's declared type names in the operations API's terms. SQLite keeps a column's
 * type as declared; the names the SQLite dialect writes map back to the portable types,
 * anything else stays the declared text.
 */
final class SqliteTypes {

	private static final Map<String, ColumnType> NAMED = Map.ofEntries(Map.entry("INTEGER", ColumnType.integer()),
			Map.entry("BIGINT", ColumnType.bigint()), Map.entry("SMALLINT", ColumnType.smallint()),
			Map.entry("TEXT", ColumnType.text()), Map.entry("BOOLEAN", ColumnType.bool()),
			Map.entry("DATE", ColumnType.date()), Map.entry("TIMESTAMP", ColumnType.timestamp()),
			Map.entry("TIMESTAMPTZ", ColumnType.timestamptz()), Map.entry("CHAR(36)", ColumnType.uuid()),
			Map.entry("JSON", ColumnType.json()), Map.entry("BLOB", ColumnType.bytes()));

	private static final Pattern VARCHAR = Pattern.compile("VARCHAR\\((\\d+)\\)");

	private static final Pattern NUMERIC = Pattern.compile("NUMERIC\\((\\d+),(\\d+)\\)");

	private SqliteTypes() {
	}

	/**
	 * The declared type in upper case without white space around parentheses and commas,
	 * for comparison.
	 */
	static String normalize(String declared) {
		return declared.strip().toUpperCase(Locale.ROOT).replaceAll("\\s+", " ").replaceAll(" ?([(),]) ?", "$1");
	}

	static ColumnType of(String declared) {
		String normalized = normalize(declared);
		ColumnType named = NAMED.get(normalized);
		if (named != null) {
			return named;
		}
		Matcher varchar = VARCHAR.matcher(normalized);
		if (varchar.matches()) {
			return ColumnType.varchar(Integer.parseInt(varchar.group(1)));
		}
		Matcher numeric = NUMERIC.matcher(normalized);
		if (numeric.matches() && Integer.parseInt(numeric.group(2)) <= Integer.parseInt(numeric.group(1))) {
			return ColumnType.numeric(Integer.parseInt(numeric.group(1)), Integer.parseInt(numeric.group(2)));
		}
		return ColumnType.custom(declared.strip());
	}

}
