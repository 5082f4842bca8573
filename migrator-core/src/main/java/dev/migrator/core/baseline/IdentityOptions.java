package dev.migrator.core.baseline;

import java.util.StringJoiner;

import static dev.migrator.core.baseline.CatalogQuery.flag;
import static dev.migrator.core.baseline.CatalogQuery.number;
import static dev.migrator.core.baseline.CatalogQuery.text;

/**
 * The options of an identity column's sequence that differ from what
 * {@code GENERATED ... AS IDENTITY} gives by itself, so that a plain identity column
 * stays plain in the baseline.
 */
final class IdentityOptions {

	private IdentityOptions() {
	}

	/**
	 * @param table the table's name
	 * @param column the column's name
	 * @param type the column's type as format_type prints it
	 * @param row the column's catalog row: its sequence's start, increment, minimum,
	 * maximum, cache and cycle at 7 to 12, its name at 13, quoted at 14
	 */
	static String of(String table, String column, String type, Object[] row) {
		if (row[7] == null) {
			return "";
		}
		long start = number(row[7]);
		long increment = number(row[8]);
		long min = number(row[9]);
		long max = number(row[10]);
		long typeMax = switch (type) {
			case "smallint" -> Short.MAX_VALUE;
			case "integer" -> Integer.MAX_VALUE;
			default -> Long.MAX_VALUE;
		};
		long typeMin = switch (type) {
			case "smallint" -> Short.MIN_VALUE;
			case "integer" -> Integer.MIN_VALUE;
			default -> Long.MIN_VALUE;
		};
		StringJoiner options = new StringJoiner(" ", " (", ")");
		options.setEmptyValue("");
		if (!text(row[13]).equals(table + "_" + column + "_seq")) {
			options.add("SEQUENCE NAME " + text(row[14]));
		}
		if (increment != 1) {
			options.add("INCREMENT BY " + increment);
		}
		if (min != ((increment > 0) ? 1 : typeMin)) {
			options.add("MINVALUE " + min);
		}
		if (max != ((increment > 0) ? typeMax : -1)) {
			options.add("MAXVALUE " + max);
		}
		if (start != ((increment > 0) ? min : max)) {
			options.add("START WITH " + start);
		}
		if (number(row[11]) != 1) {
			options.add("CACHE " + number(row[11]));
		}
		if (flag(row[12])) {
			options.add("CYCLE");
		}
		return options.toString();
	}

}
