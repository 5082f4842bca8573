package dev.migrator.core.lint;

import dev.migrator.core.lint.ClassifiedStatement.AlterTable;
import dev.migrator.core.lint.ClassifiedStatement.AddDomainConstraint;
import dev.migrator.core.lint.ClassifiedStatement.DropDatabase;
import dev.migrator.core.lint.ClassifiedStatement.DropSchema;
import dev.migrator.core.lint.ClassifiedStatement.RenameEnumValue;
import dev.migrator.core.lint.ClassifiedStatement.RenameSchema;
import dev.migrator.core.lint.ClassifiedStatement.TransactionControl;
import dev.migrator.core.lint.ClassifiedStatement.Truncate;
import dev.migrator.core.lint.TableAction.DetachPartition;
import dev.migrator.core.lint.TableAction.DropNotNull;
import dev.migrator.core.lint.ClassifiedStatement.ColumnDefinition;
import dev.migrator.core.lint.ClassifiedStatement.CreateIndex;
import dev.migrator.core.lint.ClassifiedStatement.CreateTable;
import dev.migrator.core.lint.ClassifiedStatement.DataChange;
import dev.migrator.core.lint.ClassifiedStatement.DropIndex;
import dev.migrator.core.lint.ClassifiedStatement.DropTable;
import dev.migrator.core.lint.ClassifiedStatement.LockTable;
import dev.migrator.core.lint.ClassifiedStatement.Other;
import dev.migrator.core.lint.ClassifiedStatement.Reindex;
import dev.migrator.core.lint.ClassifiedStatement.RewriteCommand;
import dev.migrator.core.lint.TableAction.AddColumn;
import dev.migrator.core.lint.TableAction.AddConstraint;
import dev.migrator.core.lint.TableAction.AlterColumnType;
import dev.migrator.core.lint.TableAction.ConstraintKind;
import dev.migrator.core.lint.TableAction.DropColumn;
import dev.migrator.core.lint.TableAction.DropConstraint;
import dev.migrator.core.lint.TableAction.OtherAction;
import dev.migrator.core.lint.TableAction.RenameColumn;
import dev.migrator.core.lint.TableAction.RenameTable;
import dev.migrator.core.lint.TableAction.SetNotNull;
import dev.migrator.core.lint.TableAction.ValidateConstraint;
import dev.migrator.core.sql.SqlLexer;
import dev.migrator.core.sql.SqlToken;
import dev.migrator.core.sql.TokenCursor;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

// Over 300 lines: one classification rule per statement shape the linter knows.
/**
 * Recognises the statements the lint rules look at, from tokens: no full SQL parser, so
 * anything unusual is {@link Other} rather than an error. Names are compared as
 * PostgreSQL does (unquoted ones folded to lower case) and tables are named by their last
 * part, without the schema.
 */
final class StatementClassifier {

	/** Words that end a column's type and start its constraints. */
	private static final Set<String> TYPE_ENDS = Set.of("CONSTRAINT", "NOT", "NULL", "DEFAULT", "PRIMARY", "UNIQUE",
			"CHECK", "REFERENCES", "COLLATE", "GENERATED", "USING", "COMPRESSION", "STORAGE");

	/** Words that end a column default's expression. */
	private static final Set<String> DEFAULT_ENDS = Set.of("CONSTRAINT", "NOT", "NULL", "PRIMARY", "UNIQUE", "CHECK",
			"REFERENCES", "COLLATE", "GENERATED");

	private static final Set<String> TABLE_CONSTRAINT_STARTS = Set.of("CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK",
			"FOREIGN", "EXCLUDE", "LIKE");

	/**
	 * Words after {@code ADD} that start a table constraint rather than a column named
	 * without COLUMN.
	 */
	private static final Set<String> ADDED_CONSTRAINT_STARTS = Set.of("CONSTRAINT", "CHECK", "UNIQUE", "PRIMARY",
			"FOREIGN", "EXCLUDE", "NOT");

	/** Words of a check expression that are not columns. */
	private static final Set<String> EXPRESSION_WORDS = Set.of("IS", "NOT", "NULL", "AND", "OR", "IN", "BETWEEN",
			"LIKE", "ILIKE", "TRUE", "FALSE", "ANY", "ALL", "ARRAY", "CASE", "WHEN", "THEN", "ELSE", "END", "CAST",
			"AS", "DISTINCT", "FROM", "SIMILAR", "TO", "VALUE");

	private StatementClassifier() {
	}

	static ClassifiedStatement classify(String sql) {
		TokenCursor cursor = new TokenCursor(SqlLexer.POSTGRESQL.significantTokens(sql));
		skipCommonTableExpressions(cursor);
		String first = cursor.next().keyword();
		return switch (first) {
			case "CREATE" -> create(cursor);
			case "DROP" -> drop(cursor);
			case "REINDEX" -> reindex(cursor);
			case "ALTER" -> alter(cursor);
			case "TRUNCATE" -> truncate(cursor);
			case "BEGIN", "START", "COMMIT", "END", "ROLLBACK", "ABORT", "SAVEPOINT", "RELEASE" ->
				new TransactionControl(first);
			case "PREPARE" ->
				cursor.peek().is("TRANSACTION") ? new TransactionControl("PREPARE TRANSACTION") : new Other();
			case "UPDATE" -> dataChange("UPDATE", cursor);
			case "DELETE" -> cursor.accept("FROM") ? dataChange("DELETE", cursor) : new Other();
			case "VACUUM" -> vacuum(cursor);
			case "CLUSTER" -> cluster(cursor);
			case "LOCK" -> lock(cursor);
			default -> new Other();
		};
	}

	/**
	 * {@code WITH a AS (...), b AS (...) UPDATE ...}: the statement that matters follows
	 * the CTEs.
	 */
	private static void skipCommonTableExpressions(TokenCursor cursor) {
		if (!cursor.accept("WITH")) {
			return;
		}
		cursor.accept("RECURSIVE");
		do {
			cursor.name();
			cursor.parenthesised();
			cursor.accept("AS");
			cursor.accept("NOT");
			cursor.accept("MATERIALIZED");
			cursor.parenthesised();
		}
		while (cursor.acceptSymbol(","));
	}

	private static ClassifiedStatement create(TokenCursor cursor) {
		boolean unique = cursor.accept("UNIQUE");
		if (cursor.accept("INDEX")) {
			boolean concurrently = cursor.accept("CONCURRENTLY");
			cursor.accept("IF", "NOT", "EXISTS");
			Optional<String> name = cursor.peek().is("ON") ? Optional.empty() : cursor.name();
			cursor.accept("ON");
			boolean only = cursor.accept("ONLY");
			Optional<String> table = cursor.name();
			if (table.isEmpty()) {
				return new Other();
			}
			if (cursor.accept("USING")) {
				cursor.name();
			}
			List<String> columns = cursor.peek().isSymbol("(") ? indexedColumns(cursor.parenthesised()) : List.of();
			return new CreateIndex(table.get(), unique, concurrently, name, columns, only);
		}
		if (unique) {
			return new Other();
		}
		if (!cursor.accept("GLOBAL")) {
			cursor.accept("LOCAL");
		}
		if (!cursor.accept("TEMPORARY") && !cursor.accept("TEMP")) {
			cursor.accept("UNLOGGED");
		}
		if (!cursor.accept("TABLE")) {
			return new Other();
		}
		boolean ifNotExists = cursor.accept("IF", "NOT", "EXISTS");
		Optional<String> table = cursor.name();
		if (table.isEmpty()) {
			return new Other();
		}
		List<SqlToken> definitions = cursor.peek().isSymbol("(") ? cursor.parenthesised() : List.of();
		return new CreateTable(table.get(), ifNotExists, columns(definitions), tableCheckedColumns(definitions),
				partitionedBy(cursor));
	}

	/**
	 * Whether the rest of a {@code CREATE TABLE} says {@code PARTITION BY} (not only
	 * {@code PARTITION OF}, which makes a partition).
	 */
	private static boolean partitionedBy(TokenCursor cursor) {
		while (!cursor.atEnd()) {
			if (cursor.accept("PARTITION", "BY")) {
				return true;
			}
			if (cursor.peek().isSymbol("(")) {
				cursor.parenthesised();
			}
			else {
				cursor.next();
			}
		}
		return false;
	}

	/**
	 * The columns named by the checks of a table definition: a column's own check, or a
	 * table check's expression.
	 */
	private static List<String> tableCheckedColumns(List<SqlToken> definitions) {
		List<String> checked = new ArrayList<>();
		for (List<SqlToken> element : new TokenCursor(definitions).restSplitAtCommas()) {
			TokenCursor cursor = new TokenCursor(element);
			boolean column = !element.isEmpty() && element.get(0).isName()
					&& !TABLE_CONSTRAINT_STARTS.contains(element.get(0).keyword());
			String name = column ? cursor.next().identifier() : "";
			while (!cursor.atEnd()) {
				if (cursor.accept("CHECK")) {
					List<String> names = checkedColumns(cursor.parenthesised());
					checked.addAll(column ? List.of(name) : names);
				}
				else if (cursor.peek().isSymbol("(")) {
					cursor.parenthesised();
				}
				else {
					cursor.next();
				}
			}
		}
		return checked;
	}

	/**
	 * The names a check expression reads: names that are neither a qualifier, nor a
	 * function, nor an expression word.
	 */
	static List<String> checkedColumns(List<SqlToken> body) {
		List<String> columns = new ArrayList<>();
		for (int i = 0; i < body.size(); i++) {
			SqlToken token = body.get(i);
			boolean qualifier = i + 1 < body.size() && (body.get(i + 1).isSymbol(".") || body.get(i + 1).isSymbol("("));
			boolean cast = i > 0 && body.get(i - 1).isSymbol("::");
			if (token.isName() && !qualifier && !cast && !EXPRESSION_WORDS.contains(token.keyword())
					&& !columns.contains(token.identifier())) {
				columns.add(token.identifier());
			}
		}
		return columns;
	}

	/**
	 * The columns an index covers: a plain column (possibly with an opclass or order), or
	 * the columns an expression element reads, since PostgreSQL rebuilds an expression
	 * index when the type of a column it reads changes.
	 */
	private static List<String> indexedColumns(List<SqlToken> elements) {
		List<String> columns = new ArrayList<>();
		for (List<SqlToken> element : new TokenCursor(elements).restSplitAtCommas()) {
			if (element.isEmpty()) {
				continue;
			}
			List<String> read = (element.get(0).isName() && (element.size() == 1 || !element.get(1).isSymbol("(")))
					? List.of(element.get(0).identifier()) : checkedColumns(element);
			read.stream().filter((column) -> !columns.contains(column)).forEach(columns::add);
		}
		return columns;
	}

	private static List<ColumnDefinition> columns(List<SqlToken> definitions) {
		List<ColumnDefinition> columns = new ArrayList<>();
		for (List<SqlToken> element : new TokenCursor(definitions).restSplitAtCommas()) {
			if (element.isEmpty() || !element.get(0).isName()
					|| TABLE_CONSTRAINT_STARTS.contains(element.get(0).keyword())) {
				continue;
			}
			TokenCursor cursor = new TokenCursor(element);
			String name = cursor.next().identifier();
			columns.add(new ColumnDefinition(name, SqlType.of(typeTokens(cursor))));
		}
		return columns;
	}

	private static ClassifiedStatement drop(TokenCursor cursor) {
		if (cursor.accept("INDEX")) {
			boolean concurrently = cursor.accept("CONCURRENTLY");
			return new DropIndex(concurrently, names(cursor));
		}
		if (cursor.accept("DATABASE")) {
			cursor.accept("IF", "EXISTS");
			return new DropDatabase(cursor.name().orElse(""));
		}
		if (cursor.accept("SCHEMA")) {
			return new DropSchema(names(cursor));
		}
		if (!cursor.accept("TABLE")) {
			return new Other();
		}
		cursor.accept("IF", "EXISTS");
		List<String> tables = new ArrayList<>();
		do {
			cursor.name().ifPresent(tables::add);
		}
		while (cursor.acceptSymbol(","));
		return tables.isEmpty() ? new Other() : new DropTable(tables);
	}

	/** {@code [IF EXISTS] a, b}: the names. */
	private static List<String> names(TokenCursor cursor) {
		cursor.accept("IF", "EXISTS");
		List<String> names = new ArrayList<>();
		do {
			cursor.name().ifPresent(names::add);
		}
		while (cursor.acceptSymbol(","));
		return names;
	}

	private static ClassifiedStatement alter(TokenCursor cursor) {
		if (cursor.accept("TABLE")) {
			return alterTable(cursor);
		}
		if (cursor.accept("SCHEMA")) {
			Optional<String> from = cursor.name();
			if (from.isPresent() && cursor.accept("RENAME", "TO")) {
				return cursor.name()
					.<ClassifiedStatement>map((to) -> new RenameSchema(from.get(), to))
					.orElseGet(Other::new);
			}
			return new Other();
		}
		if (cursor.accept("TYPE")) {
			Optional<String> type = cursor.name();
			if (type.isPresent() && cursor.accept("RENAME", "VALUE")) {
				String from = cursor.next().text();
				cursor.accept("TO");
				return new RenameEnumValue(type.get(), from, cursor.next().text());
			}
			return new Other();
		}
		if (cursor.accept("DOMAIN")) {
			Optional<String> domain = cursor.name();
			if (domain.isPresent() && cursor.accept("ADD")) {
				return new AddDomainConstraint(domain.get(), hasNotValid(cursor));
			}
		}
		return new Other();
	}

	private static ClassifiedStatement truncate(TokenCursor cursor) {
		cursor.accept("TABLE");
		List<String> tables = new ArrayList<>();
		do {
			cursor.accept("ONLY");
			cursor.name().ifPresent(tables::add);
			cursor.acceptSymbol("*");
		}
		while (cursor.acceptSymbol(","));
		return new Truncate(tables, cursor.restHasTopLevel("CASCADE"));
	}

	private static ClassifiedStatement reindex(TokenCursor cursor) {
		boolean concurrently = false;
		if (cursor.peek().isSymbol("(")) {
			List<SqlToken> options = cursor.parenthesised();
			concurrently = options.stream().anyMatch((token) -> token.is("CONCURRENTLY"));
		}
		String kind = cursor.next().keyword();
		concurrently |= cursor.accept("CONCURRENTLY");
		String target = (kind + " " + cursor.name().orElse("")).strip();
		return new Reindex(target, concurrently);
	}

	private static ClassifiedStatement alterTable(TokenCursor cursor) {
		cursor.accept("IF", "EXISTS");
		cursor.accept("ONLY");
		Optional<String> name = cursor.name();
		if (name.isEmpty()) {
			return new Other();
		}
		String table = name.get();
		cursor.acceptSymbol("*");
		if (cursor.accept("RENAME")) {
			return new AlterTable(table, List.of(rename(cursor)));
		}
		List<TableAction> actions = new ArrayList<>();
		for (List<SqlToken> action : cursor.restSplitAtCommas()) {
			actions.add(action(table, new TokenCursor(action)));
		}
		return new AlterTable(table, actions);
	}

	private static TableAction rename(TokenCursor cursor) {
		if (cursor.accept("TO")) {
			return cursor.name().<TableAction>map(RenameTable::new).orElseGet(OtherAction::new);
		}
		if (cursor.peek().is("CONSTRAINT")) {
			return new OtherAction();
		}
		cursor.accept("COLUMN");
		Optional<String> from = cursor.name();
		cursor.accept("TO");
		Optional<String> to = cursor.name();
		if (from.isEmpty() || to.isEmpty()) {
			return new OtherAction();
		}
		return new RenameColumn(from.get(), to.get());
	}

	private static TableAction action(String table, TokenCursor cursor) {
		if (cursor.accept("ADD")) {
			if (ADDED_CONSTRAINT_STARTS.contains(cursor.peek().keyword())) {
				return addConstraint(table, cursor);
			}
			cursor.accept("COLUMN");
			cursor.accept("IF", "NOT", "EXISTS");
			return cursor.name().map((column) -> addColumn(column, cursor)).orElseGet(OtherAction::new);
		}
		if (cursor.accept("DROP")) {
			if (cursor.accept("CONSTRAINT")) {
				cursor.accept("IF", "EXISTS");
				return cursor.name().<TableAction>map(DropConstraint::new).orElseGet(OtherAction::new);
			}
			cursor.accept("COLUMN");
			cursor.accept("IF", "EXISTS");
			return cursor.name().<TableAction>map(DropColumn::new).orElseGet(OtherAction::new);
		}
		if (cursor.accept("ALTER")) {
			cursor.accept("COLUMN");
			Optional<String> column = cursor.name();
			if (column.isEmpty()) {
				return new OtherAction();
			}
			if (cursor.accept("SET", "DATA", "TYPE") || cursor.accept("TYPE")) {
				SqlType type = SqlType.of(typeTokens(cursor));
				return new AlterColumnType(column.get(), type, cursor.restHasTopLevel("USING"));
			}
			if (cursor.accept("SET", "NOT", "NULL")) {
				return new SetNotNull(column.get());
			}
			if (cursor.accept("DROP", "NOT", "NULL")) {
				return new DropNotNull(column.get());
			}
			return new OtherAction();
		}
		if (cursor.accept("DETACH", "PARTITION")) {
			Optional<String> partition = cursor.name();
			boolean concurrently = cursor.accept("CONCURRENTLY") || cursor.accept("FINALIZE");
			return partition.<TableAction>map((name) -> new DetachPartition(name, concurrently))
				.orElseGet(OtherAction::new);
		}
		if (cursor.accept("VALIDATE", "CONSTRAINT")) {
			return cursor.name().<TableAction>map(ValidateConstraint::new).orElseGet(OtherAction::new);
		}
		return new OtherAction();
	}

	/**
	 * The tokens of a type: everything up to the first word that starts a constraint or
	 * clause.
	 */
	private static List<SqlToken> typeTokens(TokenCursor cursor) {
		List<SqlToken> type = new ArrayList<>();
		while (!cursor.atEnd() && !TYPE_ENDS.contains(cursor.peek().keyword())) {
			if (cursor.peek().isSymbol("(")) {
				type.add(cursor.peek());
				List<SqlToken> inside = cursor.parenthesised();
				type.addAll(inside);
				type.add(new SqlToken(SqlToken.Kind.SYMBOL, ")", 0, 0, true));
			}
			else {
				type.add(cursor.next());
			}
		}
		return type;
	}

	private static TableAction addColumn(String column, TokenCursor cursor) {
		SqlType type = SqlType.of(typeTokens(cursor));
		boolean notNull = false;
		boolean inlineIndex = false;
		boolean references = false;
		Optional<ColumnDefault> columnDefault = type.serial()
				? Optional
					.of(ColumnDefault.computedPerRow(type.name() + " serial", "a serial type's sequence (nextval)"))
				: Optional.empty();
		while (!cursor.atEnd()) {
			if (cursor.accept("NOT", "NULL")) {
				notNull = true;
			}
			else if (cursor.accept("PRIMARY", "KEY")) {
				notNull = true;
				inlineIndex = true;
			}
			else if (cursor.accept("UNIQUE")) {
				inlineIndex = true;
			}
			else if (cursor.accept("REFERENCES")) {
				references = true;
			}
			else if (cursor.accept("DEFAULT")) {
				columnDefault = Optional.of(ColumnDefault.of(defaultTokens(cursor)));
			}
			else if (cursor.accept("GENERATED")) {
				Optional<ColumnDefault> generated = generated(cursor);
				if (generated.isPresent()) {
					columnDefault = generated;
				}
			}
			else if (cursor.peek().isSymbol("(")) {
				cursor.parenthesised();
			}
			else {
				cursor.next();
			}
		}
		return new AddColumn(column, type, notNull, columnDefault, inlineIndex, references);
	}

	private static List<SqlToken> defaultTokens(TokenCursor cursor) {
		List<SqlToken> expression = new ArrayList<>();
		int depth = 0;
		while (!cursor.atEnd()) {
			SqlToken token = cursor.peek();
			if (depth == 0 && !expression.isEmpty() && DEFAULT_ENDS.contains(token.keyword())) {
				break;
			}
			if (token.isSymbol("(")) {
				depth++;
			}
			else if (token.isSymbol(")")) {
				depth--;
			}
			expression.add(cursor.next());
		}
		return expression;
	}

	/**
	 * {@code GENERATED ... AS IDENTITY} or
	 * {@code GENERATED ALWAYS AS (expression) STORED}.
	 */
	private static Optional<ColumnDefault> generated(TokenCursor cursor) {
		if (!cursor.accept("ALWAYS")) {
			cursor.accept("BY", "DEFAULT");
		}
		cursor.accept("AS");
		if (cursor.accept("IDENTITY")) {
			return Optional.of(ColumnDefault.computedPerRow("GENERATED AS IDENTITY", "an identity column's sequence"));
		}
		cursor.parenthesised();
		// A virtual generated column (PostgreSQL 18) is computed when read; only a stored
		// one fills every row.
		if (cursor.accept("STORED")) {
			return Optional
				.of(ColumnDefault.computedPerRow("GENERATED ALWAYS AS (...) STORED", "a stored generated column"));
		}
		return Optional.empty();
	}

	private static TableAction addConstraint(String table, TokenCursor cursor) {
		Optional<String> name = Optional.empty();
		if (cursor.accept("CONSTRAINT")) {
			name = cursor.name();
		}
		ConstraintKind kind;
		List<String> notNullColumns = List.of();
		List<String> checkedColumns = List.of();
		boolean usingIndex = false;
		if (cursor.accept("CHECK")) {
			kind = ConstraintKind.CHECK;
			List<SqlToken> body = cursor.parenthesised();
			notNullColumns = notNullColumns(body);
			checkedColumns = checkedColumns(body);
			if (name.isEmpty() && notNullColumns.size() == 1) {
				// The name PostgreSQL chooses for an unnamed check on one column.
				name = Optional.of(table + "_" + notNullColumns.get(0) + "_check");
			}
		}
		else if (cursor.accept("FOREIGN", "KEY")) {
			kind = ConstraintKind.FOREIGN_KEY;
		}
		else if (cursor.accept("NOT", "NULL")) {
			// PostgreSQL 18: a named NOT NULL constraint on one column, which may be NOT
			// VALID.
			kind = ConstraintKind.NOT_NULL;
			Optional<String> column = cursor.name();
			notNullColumns = column.map(List::of).orElse(List.of());
			if (name.isEmpty() && column.isPresent()) {
				name = Optional.of(table + "_" + column.get() + "_not_null");
			}
		}
		else if (cursor.peek().is("UNIQUE") || cursor.peek().is("PRIMARY")) {
			kind = cursor.accept("UNIQUE") ? ConstraintKind.UNIQUE : ConstraintKind.PRIMARY_KEY;
			cursor.accept("PRIMARY", "KEY");
			cursor.accept("NULLS", "NOT", "DISTINCT");
			cursor.accept("NULLS", "DISTINCT");
			usingIndex = cursor.peek().is("USING") && cursor.peek(1).is("INDEX") && !cursor.peek(2).is("TABLESPACE");
		}
		else {
			cursor.accept("EXCLUDE");
			kind = ConstraintKind.EXCLUDE;
		}
		boolean notValid = hasNotValid(cursor);
		return new AddConstraint(name, kind, notValid, usingIndex, notNullColumns, checkedColumns);
	}

	private static boolean hasNotValid(TokenCursor cursor) {
		while (!cursor.atEnd()) {
			if (cursor.accept("NOT", "VALID")) {
				return true;
			}
			if (cursor.peek().isSymbol("(")) {
				cursor.parenthesised();
			}
			else {
				cursor.next();
			}
		}
		return false;
	}

	/**
	 * The columns of a check made only of {@code column IS NOT NULL} terms joined by AND,
	 * which PostgreSQL 12+ accepts as proof for {@code SET NOT NULL}; empty for any other
	 * check.
	 */
	static List<String> notNullColumns(List<SqlToken> body) {
		List<String> columns = new ArrayList<>();
		List<SqlToken> term = new ArrayList<>();
		int depth = 0;
		for (SqlToken token : body) {
			if (token.isSymbol("(")) {
				depth++;
			}
			else if (token.isSymbol(")")) {
				depth--;
			}
			if (depth == 0 && token.is("AND")) {
				if (!notNullTerm(term, columns)) {
					return List.of();
				}
				term = new ArrayList<>();
			}
			else {
				term.add(token);
			}
		}
		return notNullTerm(term, columns) ? columns : List.of();
	}

	private static boolean notNullTerm(List<SqlToken> term, List<String> columns) {
		List<SqlToken> inner = term;
		while (inner.size() > 2 && inner.get(0).isSymbol("(") && inner.get(inner.size() - 1).isSymbol(")")) {
			inner = inner.subList(1, inner.size() - 1);
		}
		if (inner.size() == 1 && inner.get(0).isSymbol("(")) {
			return false;
		}
		if (inner.size() >= 4 && inner.get(inner.size() - 3).is("IS") && inner.get(inner.size() - 2).is("NOT")
				&& inner.get(inner.size() - 1).is("NULL") && inner.get(inner.size() - 4).isName()) {
			List<SqlToken> name = inner.subList(0, inner.size() - 3);
			// A column may be qualified by its table; anything else (an expression) is
			// not a plain column.
			for (int i = 0; i < name.size(); i++) {
				boolean expected = (i % 2 == 0) ? name.get(i).isName() : name.get(i).isSymbol(".");
				if (!expected) {
					return false;
				}
			}
			columns.add(name.get(name.size() - 1).identifier());
			return true;
		}
		return false;
	}

	private static ClassifiedStatement dataChange(String command, TokenCursor cursor) {
		cursor.accept("ONLY");
		Optional<String> table = cursor.name();
		if (table.isEmpty()) {
			return new Other();
		}
		return new DataChange(command, table.get(), cursor.restHasTopLevel("WHERE"));
	}

	private static ClassifiedStatement vacuum(TokenCursor cursor) {
		boolean full = false;
		if (cursor.peek().isSymbol("(")) {
			List<SqlToken> options = cursor.parenthesised();
			for (int i = 0; i < options.size(); i++) {
				if (options.get(i).is("FULL")) {
					// FULL may be followed by a boolean: FULL false turns it off.
					String value = (i + 1 < options.size()) ? options.get(i + 1).text() : "";
					full = !(value.equalsIgnoreCase("false") || value.equalsIgnoreCase("off") || value.equals("0"));
				}
			}
		}
		else {
			while (cursor.peek().is("FULL") || cursor.peek().is("FREEZE") || cursor.peek().is("VERBOSE")
					|| cursor.peek().is("ANALYZE") || cursor.peek().is("ANALYSE")) {
				full |= cursor.next().is("FULL");
			}
		}
		return full ? new RewriteCommand("VACUUM FULL", cursor.name().orElse("")) : new Other();
	}

	private static ClassifiedStatement cluster(TokenCursor cursor) {
		if (cursor.peek().isSymbol("(")) {
			cursor.parenthesised();
		}
		cursor.accept("VERBOSE");
		return new RewriteCommand("CLUSTER", cursor.name().orElse(""));
	}

	private static ClassifiedStatement lock(TokenCursor cursor) {
		cursor.accept("TABLE");
		cursor.accept("ONLY");
		List<String> tables = new ArrayList<>();
		do {
			cursor.name().ifPresent(tables::add);
			cursor.acceptSymbol("*");
		}
		while (cursor.acceptSymbol(","));
		return new LockTable(tables);
	}

}
