package dev.migrator.core.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What the runtime must know about one SQL statement before running it: whether
 * PostgreSQL refuses it inside a transaction block, and which index a concurrent build
 * creates. It reads the statement's first words only; the linter has the full classifier,
 * and the runtime must not depend on it.
 *
 * @param kind what the statement is, as far as running it goes
 * @param index for a {@code CREATE INDEX CONCURRENTLY} with a name: the index it creates
 * (its schema when the table is schema-qualified)
 */
record StatementTraits(Kind kind, Optional<IndexName> index) {

	/**
	 * The first PostgreSQL version that accepts {@code ALTER TYPE … ADD VALUE} inside a
	 * transaction block.
	 */
	static final int ENUM_VALUE_IN_TRANSACTION_SINCE = 12;

	/** Statement kinds that change where or how the runtime runs a statement. */
	enum Kind {

		/** Anything else: runs wherever the revision runs. */
		ORDINARY("statement"),

		CREATE_INDEX_CONCURRENTLY("CREATE INDEX CONCURRENTLY"),

		DROP_INDEX_CONCURRENTLY("DROP INDEX CONCURRENTLY"),

		REINDEX_CONCURRENTLY("REINDEX CONCURRENTLY"),

		/**
		 * {@code ALTER TYPE … ADD VALUE}: outside a transaction on PostgreSQL before 12
		 * only.
		 */
		ADD_ENUM_VALUE("ALTER TYPE … ADD VALUE");

		private final String label;

		Kind(String label) {
			this.label = label;
		}

		String label() {
			return this.label;
		}

	}

	/** An index name as PostgreSQL resolves it: unquoted names folded to lower case. */
	record IndexName(Optional<String> schema, String name) {
	}

	static StatementTraits of(String sql) {
		List<String> words = Words.leading(sql, 12);
		if (starts(words, "CREATE", "INDEX", "CONCURRENTLY")
				|| starts(words, "CREATE", "UNIQUE", "INDEX", "CONCURRENTLY")) {
			int at = words.indexOf(Words.upper("CONCURRENTLY")) + 1;
			return new StatementTraits(Kind.CREATE_INDEX_CONCURRENTLY, createdIndex(words, at));
		}
		if (starts(words, "DROP", "INDEX", "CONCURRENTLY")) {
			return new StatementTraits(Kind.DROP_INDEX_CONCURRENTLY, Optional.empty());
		}
		if (!words.isEmpty() && words.get(0).equals("REINDEX") && words.contains("CONCURRENTLY")) {
			return new StatementTraits(Kind.REINDEX_CONCURRENTLY, Optional.empty());
		}
		if (starts(words, "ALTER", "TYPE") && addsValue(words)) {
			return new StatementTraits(Kind.ADD_ENUM_VALUE, Optional.empty());
		}
		return new StatementTraits(Kind.ORDINARY, Optional.empty());
	}

	/**
	 * Whether it builds, drops or rebuilds an index {@code CONCURRENTLY}, which never
	 * runs in a transaction block.
	 */
	boolean isConcurrent() {
		return this.kind == Kind.CREATE_INDEX_CONCURRENTLY || this.kind == Kind.DROP_INDEX_CONCURRENTLY
				|| this.kind == Kind.REINDEX_CONCURRENTLY;
	}

	/**
	 * Whether the server refuses it inside a transaction block; an unknown server version
	 * (an offline script) is taken as a current one.
	 */
	boolean runsOutsideTransaction(OptionalInt serverMajorVersion) {
		if (this.kind == Kind.ADD_ENUM_VALUE) {
			return serverMajorVersion.isPresent() && serverMajorVersion.getAsInt() < ENUM_VALUE_IN_TRANSACTION_SINCE;
		}
		return isConcurrent();
	}

	private static boolean starts(List<String> words, String... expected) {
		if (words.size() < expected.length) {
			return false;
		}
		for (int i = 0; i < expected.length; i++) {
			if (!words.get(i).equals(expected[i])) {
				return false;
			}
		}
		return true;
	}

	private static boolean addsValue(List<String> words) {
		// ALTER TYPE name ADD VALUE, or ALTER TYPE schema . name ADD VALUE
		int add = words.indexOf("ADD");
		return add > 2 && add + 1 < words.size() && words.get(add + 1).equals("VALUE");
	}

	/**
	 * After {@code CONCURRENTLY}:
	 * {@code [IF NOT EXISTS] [name] ON [ONLY] [schema.]table}.
	 */
	private static Optional<IndexName> createdIndex(List<String> words, int at) {
		int i = at;
		if (i + 2 < words.size() && words.get(i).equals("IF") && words.get(i + 1).equals("NOT")
				&& words.get(i + 2).equals("EXISTS")) {
			i += 3;
		}
		if (i >= words.size() || words.get(i).equals("ON")) {
			// No name: PostgreSQL chooses one, which cannot be told from the text.
			return Optional.empty();
		}
		String name = words.get(i);
		if (i + 1 >= words.size() || !words.get(i + 1).equals("ON")) {
			return Optional.empty();
		}
		int table = i + 2;
		if (table < words.size() && words.get(table).equals("ONLY")) {
			table++;
		}
		Optional<String> schema = (table + 1 < words.size() && words.get(table + 1).equals("."))
				? Optional.of(Words.name(words.get(table))) : Optional.empty();
		return Optional.of(new IndexName(schema, Words.name(name)));
	}

	/**
	 * The leading words of a statement: keywords and unquoted names upper-cased, quoted
	 * names kept with their quotes, {@code .}, {@code ,} and parentheses as words of
	 * their own; comments skipped.
	 */
	private static final class Words {

		private Words() {
		}

		static String upper(String word) {
			return word.toUpperCase(Locale.ROOT);
		}

		/**
		 * The identifier a word stands for: quoted as written, unquoted folded to lower
		 * case as PostgreSQL does.
		 */
		static String name(String word) {
			if (word.startsWith("\"")) {
				return word.substring(1, word.length() - 1).replace("\"\"", "\"");
			}
			return word.toLowerCase(Locale.ROOT);
		}

		static List<String> leading(String sql, int limit) {
			List<String> words = new ArrayList<>();
			int i = 0;
			int length = sql.length();
			while (i < length && words.size() < limit) {
				char c = sql.charAt(i);
				if (Character.isWhitespace(c)) {
					i++;
				}
				else if (c == '-' && i + 1 < length && sql.charAt(i + 1) == '-') {
					int end = sql.indexOf('\n', i);
					i = (end < 0) ? length : end + 1;
				}
				else if (c == '/' && i + 1 < length && sql.charAt(i + 1) == '*') {
					i = afterBlockComment(sql, i);
				}
				else if (c == '"') {
					int end = i + 1;
					while (end < length
							&& (sql.charAt(end) != '"' || (end + 1 < length && sql.charAt(end + 1) == '"'))) {
						end += (sql.charAt(end) == '"') ? 2 : 1;
					}
					words.add(sql.substring(i, Math.min(end + 1, length)));
					i = end + 1;
				}
				else if (Character.isLetter(c) || c == '_') {
					int end = i;
					while (end < length && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_'
							|| sql.charAt(end) == '$')) {
						end++;
					}
					// Upper-cased for keywords; name() folds it back to lower case for an
					// unquoted identifier.
					words.add(upper(sql.substring(i, end)));
					i = end;
				}
				else if (c == '.' || c == '(' || c == ')' || c == ',') {
					words.add(String.valueOf(c));
					i++;
				}
				else {
					// A string, number or operator: nothing after it decides how the
					// statement runs.
					break;
				}
			}
			return words;
		}

		/** PostgreSQL's block comments nest. */
		private static int afterBlockComment(String sql, int start) {
			int depth = 0;
			int i = start;
			while (i < sql.length()) {
				if (sql.startsWith("/*", i)) {
					depth++;
					i += 2;
				}
				else if (sql.startsWith("*/", i)) {
					depth--;
					i += 2;
					if (depth == 0) {
						return i;
					}
				}
				else {
					i++;
				}
			}
			return i;
		}

	}

}
