package dev.migrator.core.lint;

import dev.migrator.core.sql.SqlToken;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A column type as written in DDL, reduced to what decides whether changing it rewrites
 * the table: PostgreSQL's canonical name, its modifiers ({@code varchar(20)},
 * {@code numeric(10,2)}) and whether it is an array.
 *
 * @param name the canonical name, such as {@code varchar}, {@code integer} or
 * {@code timestamptz}
 * @param modifiers the type modifiers; empty for none
 * @param array whether it is an array of the type
 * @param serial whether it was written as a serial type, which adds a sequence default
 */
record SqlType(String name, List<Integer> modifiers, boolean array, boolean serial) {

	/** Spellings PostgreSQL accepts for the same type, mapped to the name it reports. */
	private static final Map<String, String> CANONICAL = Map.ofEntries(Map.entry("int", "integer"),
			Map.entry("int4", "integer"), Map.entry("int2", "smallint"), Map.entry("int8", "bigint"),
			Map.entry("character varying", "varchar"), Map.entry("char varying", "varchar"),
			Map.entry("character", "char"), Map.entry("bpchar", "char"), Map.entry("decimal", "numeric"),
			Map.entry("dec", "numeric"), Map.entry("timestamp without time zone", "timestamp"),
			Map.entry("timestamp with time zone", "timestamptz"), Map.entry("time without time zone", "time"),
			Map.entry("time with time zone", "timetz"), Map.entry("float8", "double precision"),
			Map.entry("float4", "real"), Map.entry("bool", "boolean"), Map.entry("bit varying", "varbit"));

	private static final Map<String, String> SERIAL = Map.of("serial", "integer", "serial4", "integer", "bigserial",
			"bigint", "serial8", "bigint", "smallserial", "smallint", "serial2", "smallint");

	SqlType {
		modifiers = List.copyOf(modifiers);
	}

	/**
	 * Reads a type from its tokens, such as {@code character varying ( 20 )} or
	 * {@code int[]}.
	 */
	static SqlType of(List<SqlToken> tokens) {
		List<String> words = new ArrayList<>();
		List<Integer> modifiers = new ArrayList<>();
		boolean array = false;
		int depth = 0;
		for (SqlToken token : tokens) {
			if (token.isSymbol("(")) {
				depth++;
			}
			else if (token.isSymbol(")")) {
				depth--;
			}
			else if (token.isSymbol("[") || token.is("ARRAY")) {
				array = true;
			}
			else if (depth > 0 && token.kind() == SqlToken.Kind.NUMBER) {
				modifiers.add(parseModifier(token.text()));
			}
			else if (depth == 0 && token.isSymbol(".")) {
				// A schema-qualified type (pg_catalog.int4) is named by its last part.
				words.clear();
			}
			else if (depth == 0 && token.isName()) {
				words.add(token.identifier());
			}
		}
		String written = String.join(" ", words).replaceFirst("^.*\\.", "");
		if (SERIAL.containsKey(written)) {
			return new SqlType(SERIAL.get(written), List.of(), array, true);
		}
		String name = CANONICAL.getOrDefault(written, written);
		if (name.equals("float")) {
			// float(p) is real up to 24 bits of precision and double precision above; no
			// p means double.
			boolean single = !modifiers.isEmpty() && modifiers.get(0) <= 24;
			return new SqlType(single ? "real" : "double precision", List.of(), array, false);
		}
		if ((name.equals("char") || name.equals("bit")) && modifiers.isEmpty() && !written.equals("bpchar")) {
			// char and bit without a length mean a length of one.
			modifiers = List.of(1);
		}
		return new SqlType(name, modifiers, array, false);
	}

	/**
	 * Whether the type is known at all; an empty name means the column's type could not
	 * be told.
	 */
	boolean isKnown() {
		return !this.name.isEmpty();
	}

	@Override
	public String toString() {
		String mods = this.modifiers.isEmpty() ? ""
				: this.modifiers.stream().map(String::valueOf).collect(Collectors.joining(",", "(", ")"));
		return this.name + mods + (this.array ? "[]" : "");
	}

	private static int parseModifier(String text) {
		try {
			return Integer.parseInt(text.toLowerCase(Locale.ROOT));
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

}
