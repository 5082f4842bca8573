package dev.migrator.core.script;

import dev.migrator.core.sql.SqlLexer;
import dev.migrator.core.sql.SqlToken;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the runtime must know about one SQL statement before running it, read once from
 * its leading words when the statement is parsed: whether it is one of the statements a
 * database may refuse inside a transaction block ({@link dev.migrator.core.dialect}
 * decides), and which index a concurrent build creates. The linter has the full
 * classifier; this reads the first words only.
 *
 * @param kind what the statement is, as far as running it goes
 * @param index for a {@code CREATE INDEX CONCURRENTLY} with a name: the index it creates
 * (its schema when the table is schema-qualified)
 */
public record StatementTraits(Kind kind, Optional<IndexName> index) {

	/** How many leading words are read: enough for the longest form recognised. */
	private static final int LEADING_WORDS = 12;

	public StatementTraits {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(index, "index");
	}

	/** Statement kinds that change where or how the runtime runs a statement. */
	public enum Kind {

		/** Anything else: runs wherever the revision runs. */
		ORDINARY("statement"),

		CREATE_INDEX_CONCURRENTLY("CREATE INDEX CONCURRENTLY"),

		DROP_INDEX_CONCURRENTLY("DROP INDEX CONCURRENTLY"),

		REINDEX_CONCURRENTLY("REINDEX CONCURRENTLY"),

		/** {@code ALTER TYPE … ADD VALUE}, refused in a transaction by old servers. */
		ADD_ENUM_VALUE("ALTER TYPE … ADD VALUE"),

		/** {@code VACUUM}, which neither PostgreSQL nor SQLite runs in a transaction. */
		VACUUM("VACUUM"),

		/** A SQLite {@code PRAGMA}, most of which do nothing inside a transaction. */
		PRAGMA("PRAGMA"),

		/**
		 * {@code BEGIN}, {@code COMMIT}, {@code ROLLBACK}, {@code SAVEPOINT} and their
		 * kin: the engine owns the transactions, so a revision may not hold one.
		 */
		TRANSACTION_CONTROL("transaction control");

		private final String label;

		Kind(String label) {
			this.label = label;
		}

		/** The statement kind as messages name it. */
		public String label() {
			return this.label;
		}

	}

	/**
	 * An index name as PostgreSQL resolves it: unquoted names folded to lower case.
	 *
	 * @param schema the schema, when the indexed table is qualified with one
	 * @param name the index name
	 */
	public record IndexName(Optional<String> schema, String name) {

		public IndexName {
			Objects.requireNonNull(schema, "schema");
			Objects.requireNonNull(name, "name");
		}

	}

	/**
	 * The traits of a statement written in code or rendered from an operation, lexed
	 * here; statements read from files get theirs from the splitter's tokens.
	 */
	public static StatementTraits of(String sql) {
		return of(SqlLexer.POSTGRESQL.tokens(sql));
	}

	/** The traits of a statement from its tokens; whitespace and comments are skipped. */
	public static StatementTraits of(List<SqlToken> tokens) {
		List<Word> words = leadingWords(tokens);
		if (starts(words, "CREATE", "INDEX", "CONCURRENTLY")
				|| starts(words, "CREATE", "UNIQUE", "INDEX", "CONCURRENTLY")) {
			int at = indexOf(words, "CONCURRENTLY") + 1;
			return new StatementTraits(Kind.CREATE_INDEX_CONCURRENTLY, createdIndex(words, at));
		}
		if (starts(words, "DROP", "INDEX", "CONCURRENTLY")) {
			return new StatementTraits(Kind.DROP_INDEX_CONCURRENTLY, Optional.empty());
		}
		if (starts(words, "REINDEX") && indexOf(words, "CONCURRENTLY") >= 0) {
			return new StatementTraits(Kind.REINDEX_CONCURRENTLY, Optional.empty());
		}
		if (starts(words, "ALTER", "TYPE") && addsValue(words)) {
			return new StatementTraits(Kind.ADD_ENUM_VALUE, Optional.empty());
		}
		if (starts(words, "VACUUM")) {
			return new StatementTraits(Kind.VACUUM, Optional.empty());
		}
		if (isTransactionControl(words)) {
			return new StatementTraits(Kind.TRANSACTION_CONTROL, Optional.empty());
		}
		if (starts(words, "PRAGMA")) {
			return new StatementTraits(Kind.PRAGMA, Optional.empty());
		}
		return new StatementTraits(Kind.ORDINARY, Optional.empty());
	}

	/**
	 * Whether it builds, drops or rebuilds an index {@code CONCURRENTLY}: it waits for
	 * other transactions without blocking anyone, so it runs under its own lock timeout.
	 */
	public boolean isConcurrent() {
		return this.kind == Kind.CREATE_INDEX_CONCURRENTLY || this.kind == Kind.DROP_INDEX_CONCURRENTLY
				|| this.kind == Kind.REINDEX_CONCURRENTLY;
	}

	/**
	 * One leading word: a keyword or name, or one of {@code . ( ) ,}.
	 *
	 * @param key the keyword upper-cased (empty for a quoted name), or the punctuation
	 * @param token the token it was read from
	 */
	private record Word(String key, SqlToken token) {

		boolean is(String expected) {
			return this.key.equals(expected);
		}

	}

	/**
	 * The leading words, up to the first string, number or operator: nothing after one
	 * decides how the statement runs.
	 */
	private static List<Word> leadingWords(List<SqlToken> tokens) {
		List<Word> words = new ArrayList<>();
		for (SqlToken token : tokens) {
			if (words.size() == LEADING_WORDS) {
				break;
			}
			if (token.isTrivia()) {
				continue;
			}
			if (token.isName()) {
				words.add(new Word(token.keyword(), token));
			}
			else if (token.isSymbol(".") || token.isSymbol("(") || token.isSymbol(")") || token.isSymbol(",")) {
				words.add(new Word(token.text(), token));
			}
			else {
				break;
			}
		}
		return words;
	}

	private static boolean starts(List<Word> words, String... expected) {
		if (words.size() < expected.length) {
			return false;
		}
		for (int i = 0; i < expected.length; i++) {
			if (!words.get(i).is(expected[i])) {
				return false;
			}
		}
		return true;
	}

	private static int indexOf(List<Word> words, String expected) {
		for (int i = 0; i < words.size(); i++) {
			if (words.get(i).is(expected)) {
				return i;
			}
		}
		return -1;
	}

	private static boolean isTransactionControl(List<Word> words) {
		if (words.isEmpty()) {
			return false;
		}
		String first = words.get(0).key();
		return switch (first) {
			case "BEGIN", "COMMIT", "END", "ROLLBACK", "ABORT", "SAVEPOINT", "RELEASE" -> true;
			case "START", "PREPARE" -> words.size() > 1 && words.get(1).is("TRANSACTION");
			default -> false;
		};
	}

	private static boolean addsValue(List<Word> words) {
		// ALTER TYPE name ADD VALUE, or ALTER TYPE schema . name ADD VALUE
		int add = indexOf(words, "ADD");
		return add > 2 && add + 1 < words.size() && words.get(add + 1).is("VALUE");
	}

	/**
	 * After {@code CONCURRENTLY}:
	 * {@code [IF NOT EXISTS] [name] ON [ONLY] [schema.]table}.
	 */
	private static Optional<IndexName> createdIndex(List<Word> words, int at) {
		int i = at;
		if (i + 2 < words.size() && words.get(i).is("IF") && words.get(i + 1).is("NOT")
				&& words.get(i + 2).is("EXISTS")) {
			i += 3;
		}
		if (i >= words.size() || words.get(i).is("ON")) {
			// No name: PostgreSQL chooses one, which cannot be told from the text.
			return Optional.empty();
		}
		SqlToken name = words.get(i).token();
		if (i + 1 >= words.size() || !words.get(i + 1).is("ON")) {
			return Optional.empty();
		}
		int table = i + 2;
		if (table < words.size() && words.get(table).is("ONLY")) {
			table++;
		}
		Optional<String> schema = (table + 1 < words.size() && words.get(table + 1).is("."))
				? Optional.of(words.get(table).token().identifier()) : Optional.empty();
		return Optional.of(new IndexName(schema, name.identifier()));
	}

}
