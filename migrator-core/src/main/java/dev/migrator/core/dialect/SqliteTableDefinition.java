package dev.migrator.core.dialect;

import dev.migrator.core.sql.SqlLexer;
import dev.migrator.core.sql.SqlToken.Kind;
import dev.migrator.core.sql.SqlToken;
import dev.migrator.core.sql.UnquotedNames;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

// Over 300 lines: one parser for the grammar of SQLite's stored CREATE TABLE text.
/**
 * A stored {@code CREATE TABLE} statement taken apart into what a rebuild changes: the
 * columns with their type and constraint clauses, the table constraints, and the options
 * after the parentheses. Parts a rebuild leaves alone are written back exactly as stored,
 * so collations, conflict clauses and generated columns survive.
 */
final class SqliteTableDefinition {

	private static final Set<String> TABLE_CONSTRAINTS = Set.of("CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK", "FOREIGN");

	private static final Set<String> CLAUSE_STARTS = Set.of("CONSTRAINT", "PRIMARY", "NOT", "NULL", "UNIQUE", "CHECK",
			"DEFAULT", "COLLATE", "REFERENCES", "GENERATED", "AS");

	/** Clauses whose parenthesized part may name columns of this table. */
	private static final Set<String> EXPRESSION_CLAUSES = Set.of("CHECK", "GENERATED", "AS");

	final List<ColumnDefinition> columns;

	final List<ConstraintDefinition> constraints;

	final String options;

	private SqliteTableDefinition(List<ColumnDefinition> columns, List<ConstraintDefinition> constraints,
			String options) {
		this.columns = columns;
		this.constraints = constraints;
		this.options = options;
	}

	/** Parses a stored statement; fails with a message saying what could not be read. */
	static SqliteTableDefinition parse(String createSql) {
		List<SqlToken> tokens = SqlLexer.SQLITE.significantTokens(createSql);
		int open = -1;
		for (int i = 0; i < tokens.size(); i++) {
			if (tokens.get(i).isSymbol("(")) {
				open = i;
				break;
			}
		}
		int close = (open < 0) ? -1 : matching(tokens, open);
		if (close < 0) {
			throw new IllegalArgumentException("it is not of the form CREATE TABLE name (...)");
		}
		List<ColumnDefinition> columns = new ArrayList<>();
		List<ConstraintDefinition> constraints = new ArrayList<>();
		for (List<SqlToken> part : splitOnCommas(tokens, open + 1, close)) {
			if (part.isEmpty()) {
				throw new IllegalArgumentException("it has an empty element between commas");
			}
			SqlToken first = part.get(0);
			if (first.kind() == Kind.WORD && TABLE_CONSTRAINTS.contains(upper(first))) {
				constraints.add(ConstraintDefinition.parse(createSql, part));
			}
			else {
				columns.add(ColumnDefinition.parse(createSql, part));
			}
		}
		String options = createSql.substring(tokens.get(close).end()).strip();
		return new SqliteTableDefinition(columns, constraints, options);
	}

	Optional<ColumnDefinition> column(String name) {
		String key = UnquotedNames.fold(name);
		return this.columns.stream().filter((c) -> c.key().equals(key)).findFirst();
	}

	/**
	 * The statement that creates the table as it now stands, under the given (quoted)
	 * name.
	 */
	String createStatement(String quotedName) {
		List<String> parts = new ArrayList<>();
		this.columns.forEach((c) -> parts.add(c.text()));
		this.constraints.forEach((c) -> parts.add(c.text()));
		return "CREATE TABLE " + quotedName + " (" + String.join(", ", parts) + ")"
				+ (this.options.isEmpty() ? "" : " " + this.options);
	}

	/** Whether the table has no rowid of its own. */
	boolean isWithoutRowid() {
		return this.options.toUpperCase(Locale.ROOT).replaceAll("\\s+", " ").contains("WITHOUT ROWID");
	}

	/**
	 * Whether a column is the rowid under another name: the one primary key column
	 * declared exactly {@code INTEGER}.
	 */
	boolean hasRowidAlias() {
		for (ColumnDefinition column : this.columns) {
			if (column.clauses.stream()
				.anyMatch((c) -> c.keyword.equals("PRIMARY") && !c.text.toUpperCase(Locale.ROOT).contains("DESC"))
					&& column.type.equalsIgnoreCase("INTEGER")) {
				return true;
			}
		}
		for (ConstraintDefinition constraint : this.constraints) {
			if (constraint.keyword.equals("PRIMARY") && constraint.columns.size() == 1) {
				Optional<ColumnDefinition> column = column(constraint.columns.get(0));
				return column.isPresent() && column.get().type.equalsIgnoreCase("INTEGER");
			}
		}
		return false;
	}

	boolean hasPrimaryKey() {
		return this.constraints.stream().anyMatch((c) -> c.keyword.equals("PRIMARY")) || this.columns.stream()
			.anyMatch((column) -> column.clauses.stream().anyMatch((c) -> c.keyword.equals("PRIMARY")));
	}

	static String upper(SqlToken token) {
		return token.text().toUpperCase(Locale.ROOT);
	}

	/** The name a token stands for, in lower case: SQLite names are case-insensitive. */
	static String key(SqlToken token) {
		return UnquotedNames.fold(token.name());
	}

	/** The index of the parenthesis closing the one at {@code open}, or -1. */
	static int matching(List<SqlToken> tokens, int open) {
		int depth = 0;
		for (int i = open; i < tokens.size(); i++) {
			if (tokens.get(i).isSymbol("(")) {
				depth++;
			}
			else if (tokens.get(i).isSymbol(")")) {
				depth--;
				if (depth == 0) {
					return i;
				}
			}
		}
		return -1;
	}

	/**
	 * The tokens between {@code from} and {@code to} (exclusive) split at commas outside
	 * parentheses.
	 */
	static List<List<SqlToken>> splitOnCommas(List<SqlToken> tokens, int from, int to) {
		List<List<SqlToken>> parts = new ArrayList<>();
		List<SqlToken> current = new ArrayList<>();
		int depth = 0;
		for (int i = from; i < to; i++) {
			SqlToken token = tokens.get(i);
			if (token.isSymbol("(")) {
				depth++;
			}
			else if (token.isSymbol(")")) {
				depth--;
			}
			if (depth == 0 && token.isSymbol(",")) {
				parts.add(current);
				current = new ArrayList<>();
			}
			else {
				current.add(token);
			}
		}
		if (!current.isEmpty()) {
			parts.add(current);
		}
		return parts;
	}

	/**
	 * The column names used inside the first parenthesis group at or after token
	 * {@code from}, up to its match (or the end with {@code toEnd}); a name followed by a
	 * parenthesis is a function and not counted.
	 */
	static Set<String> namesIn(List<SqlToken> tokens, int from, boolean toEnd) {
		int[] range = range(tokens, from, toEnd);
		Set<String> names = new HashSet<>();
		for (int i = range[0]; i < range[1]; i++) {
			if (isColumnName(tokens, i)) {
				names.add(key(tokens.get(i)));
			}
		}
		return names;
	}

	/**
	 * The text with the column {@code fromKey} renamed where {@link #namesIn} finds
	 * column names.
	 */
	static String rename(String text, int from, boolean toEnd, String fromKey, String quotedTo) {
		List<SqlToken> tokens = SqlLexer.SQLITE.significantTokens(text);
		int[] range = range(tokens, from, toEnd);
		StringBuilder renamed = new StringBuilder();
		int copied = 0;
		for (int i = range[0]; i < range[1]; i++) {
			if (isColumnName(tokens, i) && key(tokens.get(i)).equals(fromKey)) {
				renamed.append(text, copied, tokens.get(i).start()).append(quotedTo);
				copied = tokens.get(i).end();
			}
		}
		return renamed.append(text.substring(copied)).toString();
	}

	private static int[] range(List<SqlToken> tokens, int from, boolean toEnd) {
		for (int i = from; i < tokens.size(); i++) {
			if (tokens.get(i).isSymbol("(")) {
				int close = matching(tokens, i);
				return new int[] { i + 1, (toEnd || close < 0) ? tokens.size() : close };
			}
		}
		return new int[] { 0, 0 };
	}

	private static boolean isColumnName(List<SqlToken> tokens, int i) {
		SqlToken token = tokens.get(i);
		boolean call = i + 1 < tokens.size() && tokens.get(i + 1).isSymbol("(");
		boolean qualified = i > 0 && tokens.get(i - 1).isSymbol(".");
		return token.isName() && !call && !qualified && !isKeyword(token);
	}

	private static boolean isKeyword(SqlToken token) {
		return token.kind() == Kind.WORD && Set
			.of("AND", "OR", "NOT", "NULL", "IS", "IN", "LIKE", "GLOB", "BETWEEN", "CASE", "WHEN", "THEN", "ELSE",
					"END", "CAST", "AS", "COLLATE", "ASC", "DESC", "WHERE", "ESCAPE", "EXISTS", "TRUE", "FALSE",
					"CURRENT_TIMESTAMP", "CURRENT_DATE", "CURRENT_TIME", "MATCH", "REGEXP")
			.contains(upper(token));
	}

	/**
	 * One column: its name as written, its type, its clauses; rewritten only when
	 * changed.
	 */
	static final class ColumnDefinition {

		String nameSql;

		String name;

		String type;

		final List<Clause> clauses;

		/**
		 * The column of the old table its values come from; empty for a column the
		 * rebuild adds.
		 */
		Optional<String> source;

		/** The expression the copy reads instead of the source column ({@code USING}). */
		Optional<String> copyExpression = Optional.empty();

		private final String original;

		private boolean changed;

		private ColumnDefinition(String nameSql, String name, String type, List<Clause> clauses,
				Optional<String> source, String original) {
			this.nameSql = nameSql;
			this.name = name;
			this.type = type;
			this.clauses = clauses;
			this.source = source;
			this.original = original;
		}

		static ColumnDefinition parse(String sql, List<SqlToken> part) {
			SqlToken nameToken = part.get(0);
			if (!nameToken.isName() && nameToken.kind() != Kind.STRING) {
				throw new IllegalArgumentException("a column definition starts with '" + nameToken.text() + "'");
			}
			String name = (nameToken.kind() == Kind.STRING)
					? nameToken.text().substring(1, nameToken.text().length() - 1).replace("''", "'")
					: nameToken.name();
			int i = 1;
			while (i < part.size() && part.get(i).kind() == Kind.WORD && !CLAUSE_STARTS.contains(upper(part.get(i)))) {
				i++;
			}
			if (i > 1 && i < part.size() && part.get(i).isSymbol("(")) {
				i = matching(part, i) + 1;
			}
			String type = (i > 1) ? sql.substring(part.get(1).start(), part.get(i - 1).end()) : "";
			List<Clause> clauses = new ArrayList<>();
			for (List<SqlToken> group : clauseGroups(part, i, name)) {
				clauses.add(Clause.of(sql, group));
			}
			String original = sql.substring(nameToken.start(), part.get(part.size() - 1).end());
			return new ColumnDefinition(nameToken.text(), name, type, clauses, Optional.of(name), original);
		}

		/** A column the rebuild adds, written by the dialect. */
		static ColumnDefinition added(String name, String definition) {
			ColumnDefinition column = parse(definition, SqlLexer.SQLITE.significantTokens(definition));
			column.name = name;
			column.source = Optional.empty();
			return column;
		}

		private static List<List<SqlToken>> clauseGroups(List<SqlToken> part, int from, String column) {
			List<List<SqlToken>> groups = new ArrayList<>();
			List<SqlToken> current = null;
			int depth = 0;
			for (int i = from; i < part.size(); i++) {
				SqlToken token = part.get(i);
				if (depth == 0 && token.kind() == Kind.WORD && CLAUSE_STARTS.contains(upper(token))
						&& startsClause(current, token, i, part)) {
					current = new ArrayList<>();
					groups.add(current);
				}
				if (current == null) {
					throw new IllegalArgumentException("the definition of column " + column + " has '" + token.text()
							+ "' where a constraint was expected");
				}
				current.add(token);
				if (token.isSymbol("(")) {
					depth++;
				}
				else if (token.isSymbol(")")) {
					depth--;
				}
			}
			return groups;
		}

		private static boolean startsClause(List<SqlToken> current, SqlToken token, int i, List<SqlToken> part) {
			if (current == null) {
				return true;
			}
			SqlToken last = current.get(current.size() - 1);
			boolean named = current.get(0).is("CONSTRAINT");
			if (named && current.size() <= 2) {
				return false;
			}
			String kind = upper(current.get(named ? 2 : 0));
			if (last.is("DEFAULT") || (token.is("NULL") && last.is("NOT"))) {
				return false;
			}
			if (kind.equals("GENERATED") && token.is("AS")) {
				return false;
			}
			if (kind.equals("REFERENCES")) {
				if ((token.is("NULL") || token.is("DEFAULT")) && last.is("SET")) {
					return false;
				}
				if (token.is("NOT") && i + 1 < part.size() && part.get(i + 1).is("DEFERRABLE")) {
					return false;
				}
			}
			return true;
		}

		String key() {
			return UnquotedNames.fold(this.name);
		}

		String text() {
			if (!this.changed) {
				return this.original;
			}
			StringBuilder text = new StringBuilder(this.nameSql);
			if (!this.type.isEmpty()) {
				text.append(' ').append(this.type);
			}
			this.clauses.forEach((c) -> text.append(' ').append(c.text));
			return text.toString();
		}

		void changed() {
			this.changed = true;
		}

		boolean isGenerated() {
			return this.clauses.stream().anyMatch((c) -> c.keyword.equals("GENERATED") || c.keyword.equals("AS"));
		}

		/**
		 * Whether a check or generation expression of this column uses the named column.
		 */
		boolean uses(String key) {
			return this.clauses.stream().anyMatch((c) -> c.names.contains(key));
		}

		/** Whether the column carries a constraint that SQLite's DROP COLUMN refuses. */
		boolean hasDropBlockingClause() {
			return this.clauses.stream()
				.anyMatch((c) -> Set.of("PRIMARY", "UNIQUE", "CHECK", "REFERENCES", "GENERATED", "AS")
					.contains(c.keyword));
		}

	}

	/**
	 * One column constraint clause, e.g. {@code NOT NULL} or
	 * {@code CONSTRAINT c CHECK (a > 0)}.
	 */
	static final class Clause {

		final Optional<String> name;

		final String keyword;

		String text;

		final Set<String> names;

		private Clause(Optional<String> name, String keyword, String text, Set<String> names) {
			this.name = name;
			this.keyword = keyword;
			this.text = text;
			this.names = names;
		}

		static Clause of(String sql, List<SqlToken> tokens) {
			boolean named = tokens.get(0).is("CONSTRAINT");
			if (named && tokens.size() < 3) {
				throw new IllegalArgumentException("a CONSTRAINT name is not followed by a constraint");
			}
			int keywordAt = named ? 2 : 0;
			String keyword = upper(tokens.get(keywordAt));
			String text = sql.substring(tokens.get(0).start(), tokens.get(tokens.size() - 1).end());
			Set<String> names = EXPRESSION_CLAUSES.contains(keyword)
					? namesIn(SqlLexer.SQLITE.significantTokens(text), keywordAt, false) : Set.of();
			return new Clause(named ? Optional.of(tokens.get(1).name()) : Optional.empty(), keyword, text, names);
		}

		/**
		 * A clause written by the dialect, such as {@code NOT NULL} or {@code DEFAULT 0}.
		 */
		static Clause written(String text) {
			return of(text, SqlLexer.SQLITE.significantTokens(text));
		}

		int keywordToken() {
			return this.name.isPresent() ? 2 : 0;
		}

	}

	/**
	 * One table constraint: {@code PRIMARY KEY}, {@code UNIQUE}, {@code CHECK} or
	 * {@code FOREIGN KEY}.
	 */
	static final class ConstraintDefinition {

		final Optional<String> name;

		final String keyword;

		List<String> columns;

		String text;

		Set<String> names;

		private ConstraintDefinition(Optional<String> name, String keyword, List<String> columns, String text,
				Set<String> names) {
			this.name = name;
			this.keyword = keyword;
			this.columns = columns;
			this.text = text;
			this.names = names;
		}

		static ConstraintDefinition parse(String sql, List<SqlToken> part) {
			String text = sql.substring(part.get(0).start(), part.get(part.size() - 1).end());
			return of(text);
		}

		/** A constraint from its SQL text, as stored or as written by the dialect. */
		static ConstraintDefinition of(String text) {
			List<SqlToken> tokens = SqlLexer.SQLITE.significantTokens(text);
			boolean named = tokens.get(0).is("CONSTRAINT");
			if (named && tokens.size() < 3) {
				throw new IllegalArgumentException("a CONSTRAINT name is not followed by a constraint");
			}
			int keywordAt = named ? 2 : 0;
			String keyword = upper(tokens.get(keywordAt));
			List<String> columns = new ArrayList<>();
			if (!keyword.equals("CHECK")) {
				int open = keywordAt;
				while (open < tokens.size() && !tokens.get(open).isSymbol("(")) {
					open++;
				}
				int close = (open < tokens.size()) ? matching(tokens, open) : -1;
				if (close < 0) {
					throw new IllegalArgumentException("the constraint '" + text + "' has no column list");
				}
				for (List<SqlToken> item : splitOnCommas(tokens, open + 1, close)) {
					columns.add(item.get(0).name());
				}
			}
			Set<String> names = keyword.equals("CHECK") ? namesIn(tokens, keywordAt, false)
					: new HashSet<>(columns.stream().map(UnquotedNames::fold).toList());
			return new ConstraintDefinition(named ? Optional.of(tokens.get(1).name()) : Optional.empty(), keyword,
					columns, text, names);
		}

		int keywordToken() {
			return this.name.isPresent() ? 2 : 0;
		}

		String text() {
			return this.text;
		}

	}

}
