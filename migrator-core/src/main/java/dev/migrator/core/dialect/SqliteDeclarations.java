package dev.migrator.core.dialect;

import dev.migrator.core.dialect.SqliteTableDefinition.Clause;
import dev.migrator.core.dialect.SqliteTableDefinition.ColumnDefinition;
import dev.migrator.core.dialect.SqliteTableDefinition.ConstraintDefinition;
import dev.migrator.core.sql.SqlLexer;
import dev.migrator.core.sql.SqlToken;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What SQLite keeps only in the text of a stored {@code CREATE TABLE} or
 * {@code CREATE INDEX} (constraint names, check conditions, index expressions and
 * conditions), read with the same parser the table rebuild uses, for schema reflection.
 */
public final class SqliteDeclarations {

	private SqliteDeclarations() {
	}

	/**
	 * A constraint as declared, on a column or on the table.
	 *
	 * @param name its name, when declared with {@code CONSTRAINT name}
	 * @param kind {@code PRIMARY KEY}, {@code UNIQUE}, {@code CHECK} or
	 * {@code FOREIGN KEY}
	 * @param columns the columns it covers; for a column's own constraint, that column;
	 * none for a check
	 * @param condition a check's condition, without {@code CHECK} and its parentheses
	 */
	public record DeclaredConstraint(Optional<String> name, String kind, List<String> columns,
			Optional<String> condition) {

		public DeclaredConstraint {
			Objects.requireNonNull(name, "name");
			Objects.requireNonNull(kind, "kind");
			columns = List.copyOf(columns);
			Objects.requireNonNull(condition, "condition");
		}

	}

	/**
	 * An index as declared.
	 *
	 * @param parts each indexed column or expression as written
	 * @param where the condition of a partial index
	 */
	public record DeclaredIndex(List<String> parts, Optional<String> where) {

		public DeclaredIndex {
			parts = List.copyOf(parts);
			Objects.requireNonNull(where, "where");
		}

	}

	/**
	 * The constraints a stored {@code CREATE TABLE} declares, columns' own first, in the
	 * order written.
	 */
	public static List<DeclaredConstraint> constraints(String createTableSql) {
		SqliteTableDefinition table = SqliteTableDefinition.parse(createTableSql);
		List<DeclaredConstraint> constraints = new ArrayList<>();
		for (ColumnDefinition column : table.columns) {
			for (Clause clause : column.clauses) {
				kind(clause.keyword).ifPresent((kind) -> constraints.add(new DeclaredConstraint(clause.name, kind,
						kind.equals("CHECK") ? List.of() : List.of(column.name),
						kind.equals("CHECK") ? condition(clause.text) : Optional.empty())));
			}
		}
		for (ConstraintDefinition constraint : table.constraints) {
			kind(constraint.keyword).ifPresent((kind) -> constraints.add(new DeclaredConstraint(constraint.name, kind,
					constraint.columns, kind.equals("CHECK") ? condition(constraint.text) : Optional.empty())));
		}
		return constraints;
	}

	/**
	 * Whether the table's rowid column is declared {@code AUTOINCREMENT}: never reusing a
	 * value, as an identity.
	 */
	public static boolean autoincrement(String createTableSql) {
		return SqlLexer.SQLITE.significantTokens(createTableSql).stream().anyMatch((t) -> t.is("AUTOINCREMENT"));
	}

	/** The parts and condition of a stored {@code CREATE INDEX}. */
	public static DeclaredIndex index(String createIndexSql) {
		List<SqlToken> tokens = SqlLexer.SQLITE.significantTokens(createIndexSql);
		int on = 0;
		while (on < tokens.size() && !tokens.get(on).is("ON")) {
			on++;
		}
		int open = on;
		while (open < tokens.size() && !tokens.get(open).isSymbol("(")) {
			open++;
		}
		int close = (open < tokens.size()) ? SqliteTableDefinition.matching(tokens, open) : -1;
		if (close < 0) {
			throw new IllegalArgumentException("not of the form CREATE INDEX name ON table (...): " + createIndexSql);
		}
		List<String> parts = new ArrayList<>();
		for (List<SqlToken> part : SqliteTableDefinition.splitOnCommas(tokens, open + 1, close)) {
			parts.add(createIndexSql.substring(part.get(0).start(), part.get(part.size() - 1).end()));
		}
		Optional<String> where = Optional.empty();
		if (close + 2 < tokens.size() && tokens.get(close + 1).is("WHERE")) {
			where = Optional.of(createIndexSql.substring(tokens.get(close + 2).start()).strip());
		}
		return new DeclaredIndex(parts, where);
	}

	private static Optional<String> kind(String keyword) {
		return switch (keyword) {
			case "PRIMARY" -> Optional.of("PRIMARY KEY");
			case "UNIQUE" -> Optional.of("UNIQUE");
			case "CHECK" -> Optional.of("CHECK");
			case "FOREIGN", "REFERENCES" -> Optional.of("FOREIGN KEY");
			default -> Optional.empty();
		};
	}

	/** The text inside the parentheses after {@code CHECK}. */
	private static Optional<String> condition(String clause) {
		List<SqlToken> tokens = SqlLexer.SQLITE.significantTokens(clause);
		for (int i = 0; i < tokens.size(); i++) {
			if (tokens.get(i).is("CHECK") && i + 1 < tokens.size() && tokens.get(i + 1).isSymbol("(")) {
				int close = SqliteTableDefinition.matching(tokens, i + 1);
				if (close > i + 1) {
					return Optional.of(clause.substring(tokens.get(i + 1).end(), tokens.get(close).start()).strip());
				}
			}
		}
		return Optional.empty();
	}

}
