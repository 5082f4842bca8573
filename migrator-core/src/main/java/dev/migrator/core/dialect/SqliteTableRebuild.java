package dev.migrator.core.dialect;

import dev.migrator.core.error.ErrorCode;

import dev.migrator.core.dialect.SqliteTableDefinition.Clause;
import dev.migrator.core.dialect.SqliteTableDefinition.ColumnDefinition;
import dev.migrator.core.dialect.SqliteTableDefinition.ConstraintDefinition;
import dev.migrator.core.sql.SqlLexer;
import dev.migrator.core.sql.SqlToken;
import dev.migrator.core.sql.UnquotedNames;
import dev.migrator.core.op.AddCheckConstraint;
import dev.migrator.core.op.AddColumn;
import dev.migrator.core.op.AddForeignKey;
import dev.migrator.core.op.AddPrimaryKey;
import dev.migrator.core.op.AddUniqueConstraint;
import dev.migrator.core.op.AlterColumn;
import dev.migrator.core.op.CreateIndex;
import dev.migrator.core.op.DefaultChange;
import dev.migrator.core.op.DropColumn;
import dev.migrator.core.op.DropConstraint;
import dev.migrator.core.op.DropIndex;
import dev.migrator.core.op.InvalidOperationException;
import dev.migrator.core.op.Operation;
import dev.migrator.core.op.RenameColumn;
import dev.migrator.core.op.TableConstraint;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

// Over 300 lines: SQLite's documented table rebuild, whose steps must stay in order in one place.
/**
 * SQLite's "move and copy" for changes its ALTER TABLE cannot make, after the SQLite
 * documentation's procedure for other kinds of table schema changes: read the table's
 * stored definition, create the changed table under a new name, copy the rows, drop the
 * old table, rename the new one, recreate the indexes and triggers, and check the foreign
 * keys, all in one transaction.
 *
 * <p>
 * Foreign keys: with enforcement on, dropping the old table deletes its rows first, which
 * would cascade into (or be refused by) the tables that refer to it. SQLite ignores
 * {@code PRAGMA foreign_keys} inside a transaction, so such a rebuild must own its
 * transaction: inside a revision's transaction it is refused with directions, in
 * autocommit it switches enforcement off around its own transaction. The rename runs with
 * {@code legacy_alter_table} on, so that SQLite neither checks views and triggers that
 * name the dropped table nor rewrites references to it.
 */
final class SqliteTableRebuild {

	/** Prefix of the new table while it is built beside the old one. */
	static final String NEW_TABLE_PREFIX = "_migrator_new_";

	private static final Set<String> ROWID_NAMES = Set.of("rowid", "oid", "_rowid_");

	private final SqliteDdl ddl;

	SqliteTableRebuild(SqliteDdl ddl) {
		this.ddl = ddl;
	}

	/**
	 * Whether SQLite's own DROP COLUMN can drop the column: nothing but the column itself
	 * refers to it.
	 */
	boolean dropsNatively(TableSnapshot snapshot, String column) {
		SqliteTableDefinition definition;
		try {
			definition = SqliteTableDefinition.parse(snapshot.createSql());
		}
		catch (IllegalArgumentException ex) {
			return true;
		}
		Optional<ColumnDefinition> found = definition.column(column);
		if (found.isEmpty()) {
			return true;
		}
		String key = found.get().key();
		return !found.get().hasDropBlockingClause()
				&& definition.columns.stream().noneMatch((c) -> c != found.get() && c.uses(key))
				&& definition.constraints.stream().noneMatch((c) -> c.names.contains(key))
				&& snapshot.indexes().stream().noneMatch((i) -> new IndexDefinition(i.name(), i.sql()).uses(key));
	}

	/** The statements that apply the operations to the table by rebuilding it once. */
	List<RenderedStatement> render(String described, String table, List<Operation> operations, RenderContext context) {
		Subject subject = Subject.of(described);
		if (!context.schema().isLive()) {
			throw new InvalidOperationException(ErrorCode.OFFLINE_UNSUPPORTED, subject
					+ ": SQLite cannot make this change with "
					+ "ALTER TABLE, so the table is rebuilt from its live definition, which an offline script cannot read. "
					+ "Generate this part of the script against the database, or run the migration online.");
		}
		TableSnapshot snapshot = context.schema()
			.table(table)
			.orElseThrow(() -> new InvalidOperationException(ErrorCode.NO_SUCH_TABLE,
					subject + ": there is no table " + table + " to rebuild."));
		SqliteTableDefinition definition = read(subject, snapshot);
		List<IndexDefinition> indexes = new ArrayList<>();
		snapshot.indexes().forEach((i) -> indexes.add(new IndexDefinition(i.name(), i.sql())));
		for (Operation operation : operations) {
			apply(Subject.of(operation.describe()), operation, definition, indexes, snapshot);
		}
		return wrap(subject, snapshot, context, body(snapshot, definition, indexes));
	}

	private SqliteTableDefinition read(Subject subject, TableSnapshot snapshot) {
		SqliteTableDefinition definition;
		try {
			definition = SqliteTableDefinition.parse(snapshot.createSql());
		}
		catch (IllegalArgumentException ex) {
			throw unreadable(subject, snapshot, ex.getMessage());
		}
		List<String> parsed = definition.columns.stream().map(ColumnDefinition::key).toList();
		List<String> stored = snapshot.columns().stream().map(UnquotedNames::fold).toList();
		if (!parsed.equals(stored)) {
			throw unreadable(subject, snapshot, "its columns read as " + parsed + " but SQLite lists " + stored);
		}
		return definition;
	}

	private static InvalidOperationException unreadable(Subject subject, TableSnapshot snapshot, String why) {
		return new InvalidOperationException(ErrorCode.SQLITE_REBUILD_UNREADABLE,
				subject + ": the definition of table " + snapshot.name() + " could not be read for a rebuild (" + why
						+ "). Stored definition: " + snapshot.createSql()
						+ ". Rebuild it by hand with op.execute(...) following the SQLite documentation.");
	}

	private void apply(Subject subject, Operation operation, SqliteTableDefinition definition,
			List<IndexDefinition> indexes, TableSnapshot snapshot) {
		if (operation instanceof AddColumn add) {
			if (definition.column(add.column().name()).isPresent()) {
				throw invalid(subject, "the table already has a column " + add.column().name() + ".");
			}
			String text = this.ddl.columnDefinition(add.column(), subject.column(add.column().name()));
			definition.columns.add(ColumnDefinition.added(add.column().name(), text));
		}
		else if (operation instanceof DropColumn drop) {
			dropColumn(subject, drop.column(), definition, indexes);
		}
		else if (operation instanceof AlterColumn alter) {
			alterColumn(subject, alter, definition);
		}
		else if (operation instanceof RenameColumn rename) {
			renameColumn(subject, rename, definition, indexes, snapshot);
		}
		else if (operation instanceof AddPrimaryKey add) {
			if (definition.hasPrimaryKey()) {
				throw invalid(subject, "the table already has a primary key; drop it first (dropConstraint).");
			}
			addConstraint(subject, add.constraint(), definition, indexes);
		}
		else if (operation instanceof AddUniqueConstraint add) {
			addConstraint(subject, add.constraint(), definition, indexes);
		}
		else if (operation instanceof AddCheckConstraint add) {
			addConstraint(subject, add.constraint(), definition, indexes);
		}
		else if (operation instanceof AddForeignKey add) {
			addConstraint(subject, add.constraint(), definition, indexes);
		}
		else if (operation instanceof DropConstraint drop) {
			dropConstraint(subject, drop.name(), definition, indexes);
		}
		else if (operation instanceof CreateIndex create) {
			String name = create.requireName();
			if (findIndex(indexes, name).isPresent()) {
				if (create.skipIfExists()) {
					return;
				}
				throw invalid(subject, "an index " + name + " already exists.");
			}
			indexes.add(new IndexDefinition(name, this.ddl.createIndex(create)));
		}
		else if (operation instanceof DropIndex drop) {
			Optional<IndexDefinition> index = findIndex(indexes, drop.name());
			if (index.isEmpty() && !drop.skipIfMissing()) {
				throw invalid(subject, "the table has no index " + drop.name() + ".");
			}
			index.ifPresent(indexes::remove);
		}
		else {
			throw invalid(subject, "this operation cannot be part of a table rebuild.");
		}
	}

	private void dropColumn(Subject subject, String name, SqliteTableDefinition definition,
			List<IndexDefinition> indexes) {
		ColumnDefinition column = requireColumn(subject, definition, name);
		String key = column.key();
		for (ColumnDefinition other : definition.columns) {
			if (other != column && other.uses(key)) {
				throw invalid(subject, "the definition of column " + other.name + " uses " + name
						+ " (a check or generated expression); change or drop it first.");
			}
		}
		definition.columns.remove(column);
		if (definition.columns.isEmpty()) {
			throw invalid(subject,
					"dropping " + name + " would leave the table without columns; drop the table instead.");
		}
		// As PostgreSQL does: the constraints and indexes that cover the column go with
		// it.
		definition.constraints.removeIf((c) -> c.names.contains(key));
		indexes.removeIf((i) -> i.uses(key));
	}

	private void alterColumn(Subject subject, AlterColumn alter, SqliteTableDefinition definition) {
		ColumnDefinition column = requireColumn(subject, definition, alter.column());
		alter.type().ifPresent((t) -> {
			column.type = this.ddl.type(t, subject.column(alter.column()));
			column.changed();
		});
		alter.using().ifPresent((u) -> column.copyExpression = Optional.of("(" + u + ")"));
		alter.nullable().ifPresent((nullable) -> {
			column.clauses.removeIf((c) -> c.keyword.equals("NOT") || c.keyword.equals("NULL"));
			if (!nullable) {
				column.clauses.add(Clause.written("NOT NULL"));
			}
			column.changed();
		});
		alter.serverDefault().ifPresent((change) -> {
			column.clauses.removeIf((c) -> c.keyword.equals("DEFAULT"));
			if (change instanceof DefaultChange.SetTo set) {
				column.clauses.add(Clause.written(this.ddl.defaultClause(set.value())));
			}
			column.changed();
		});
	}

	private void renameColumn(Subject subject, RenameColumn rename, SqliteTableDefinition definition,
			List<IndexDefinition> indexes, TableSnapshot snapshot) {
		ColumnDefinition column = requireColumn(subject, definition, rename.from());
		if (definition.column(rename.to()).isPresent()) {
			throw invalid(subject, "the table already has a column " + rename.to() + ".");
		}
		String from = column.key();
		for (TableSnapshot.NamedSql trigger : snapshot.triggers()) {
			if (SqlLexer.SQLITE.significantTokens(trigger.sql())
				.stream()
				.anyMatch((t) -> t.isName() && SqliteTableDefinition.key(t).equals(from))) {
				throw invalid(subject, "the trigger " + trigger.name() + " names " + rename.from()
						+ "; rename the column with op.renameColumn outside the batch, which lets SQLite rewrite the trigger.");
			}
		}
		String to = this.ddl.q(rename.to());
		column.name = rename.to();
		column.nameSql = to;
		column.changed();
		for (ColumnDefinition each : definition.columns) {
			for (int i = 0; i < each.clauses.size(); i++) {
				Clause clause = each.clauses.get(i);
				if (clause.names.contains(from)) {
					each.clauses.set(i, Clause
						.written(SqliteTableDefinition.rename(clause.text, clause.keywordToken(), false, from, to)));
					each.changed();
				}
			}
		}
		for (int i = 0; i < definition.constraints.size(); i++) {
			ConstraintDefinition constraint = definition.constraints.get(i);
			if (constraint.names.contains(from)) {
				definition.constraints.set(i, ConstraintDefinition
					.of(SqliteTableDefinition.rename(constraint.text, constraint.keywordToken(), false, from, to)));
			}
		}
		for (IndexDefinition index : indexes) {
			if (index.uses(from)) {
				index.sql = SqliteTableDefinition.rename(index.sql, index.onToken(), true, from, to);
			}
		}
	}

	private void addConstraint(Subject subject, TableConstraint constraint, SqliteTableDefinition definition,
			List<IndexDefinition> indexes) {
		String name = constraint.requireName();
		if (hasConstraint(definition, name) || findIndex(indexes, name).isPresent()) {
			throw invalid(subject, "the table already has a constraint or index named " + name + ".");
		}
		for (String column : constraint.columns()) {
			requireColumn(subject, definition, column);
		}
		definition.constraints.add(ConstraintDefinition.of(this.ddl.constraintDefinition(constraint)));
	}

	private void dropConstraint(Subject subject, String name, SqliteTableDefinition definition,
			List<IndexDefinition> indexes) {
		String key = UnquotedNames.fold(name);
		if (definition.constraints
			.removeIf((c) -> c.name.map((n) -> UnquotedNames.fold(n).equals(key)).orElse(false))) {
			return;
		}
		for (ColumnDefinition column : definition.columns) {
			if (column.clauses.removeIf((c) -> c.name.map((n) -> UnquotedNames.fold(n).equals(key)).orElse(false))) {
				column.changed();
				return;
			}
		}
		Optional<IndexDefinition> index = findIndex(indexes, name);
		if (index.isPresent()) {
			indexes.remove(index.get());
			return;
		}
		List<String> known = new ArrayList<>();
		definition.constraints.forEach((c) -> c.name.ifPresent(known::add));
		definition.columns.forEach((column) -> column.clauses.forEach((c) -> c.name.ifPresent(known::add)));
		throw invalid(subject, "the table has no constraint named " + name + " (named constraints: " + known
				+ "; unnamed ones cannot be dropped by name, rebuild with the changed definition instead).");
	}

	private List<RenderedStatement> body(TableSnapshot snapshot, SqliteTableDefinition definition,
			List<IndexDefinition> indexes) {
		String table = this.ddl.q(snapshot.name());
		String building = this.ddl.q(NEW_TABLE_PREFIX + snapshot.name());
		List<String> targets = new ArrayList<>();
		List<String> sources = new ArrayList<>();
		boolean rowidColumn = false;
		for (ColumnDefinition column : definition.columns) {
			rowidColumn |= ROWID_NAMES.contains(column.key());
			if (column.source.isPresent() && !column.isGenerated()) {
				targets.add(this.ddl.q(column.name));
				sources.add(column.copyExpression.orElse(this.ddl.q(column.source.get())));
			}
		}
		rowidColumn |= snapshot.columns().stream().anyMatch((c) -> ROWID_NAMES.contains(UnquotedNames.fold(c)));
		if (!definition.isWithoutRowid() && !definition.hasRowidAlias() && !rowidColumn) {
			// Keeps each row's rowid, which nothing else would carry over when there is
			// no INTEGER PRIMARY KEY.
			targets.add(0, "rowid");
			sources.add(0, "rowid");
		}
		List<RenderedStatement> body = new ArrayList<>();
		body.add(RenderedStatement.of(definition.createStatement(building)));
		if (!targets.isEmpty()) {
			body.add(RenderedStatement.of("INSERT INTO " + building + " (" + String.join(", ", targets) + ") SELECT "
					+ String.join(", ", sources) + " FROM " + table));
		}
		body.add(RenderedStatement.of("DROP TABLE " + table));
		body.add(RenderedStatement.of("PRAGMA legacy_alter_table = ON"));
		body.add(RenderedStatement.of("ALTER TABLE " + building + " RENAME TO " + table));
		if (!snapshot.legacyAlterTable()) {
			body.add(RenderedStatement.of("PRAGMA legacy_alter_table = OFF"));
		}
		snapshot.sequence()
			.ifPresent((seq) -> body
				.add(RenderedStatement.of("UPDATE sqlite_sequence SET seq = ? WHERE name = ? AND seq < ?",
						List.of(seq, snapshot.name(), seq))));
		indexes.forEach((i) -> body.add(RenderedStatement.of(i.sql)));
		snapshot.triggers().forEach((t) -> body.add(RenderedStatement.of(t.sql())));
		body.add(RenderedStatement.check("SELECT * FROM pragma_foreign_key_check(?)", List.of(snapshot.name()),
				"rows of " + snapshot.name() + " refer to rows that do not exist"));
		for (String referring : snapshot.referencedBy()) {
			body.add(RenderedStatement.check("SELECT * FROM pragma_foreign_key_check(?)", List.of(referring),
					"rows of " + referring + " refer to rows of " + snapshot.name() + " that no longer exist"));
		}
		return body;
	}

	private List<RenderedStatement> wrap(Subject subject, TableSnapshot snapshot, RenderContext context,
			List<RenderedStatement> body) {
		boolean enforced = snapshot.foreignKeysEnforced();
		String legacyBefore = "PRAGMA legacy_alter_table = " + (snapshot.legacyAlterTable() ? "ON" : "OFF");
		List<RenderedStatement> statements = new ArrayList<>();
		if (context.inTransaction()) {
			if (enforced && !snapshot.referencedBy().isEmpty()) {
				throw new InvalidOperationException(ErrorCode.SQLITE_REBUILD_NEEDS_AUTOCOMMIT, subject
						+ ": SQLite cannot make " + "this change with ALTER TABLE, so table " + snapshot.name()
						+ " is rebuilt; with foreign keys enforced, "
						+ "dropping its old copy would cascade into or be refused by "
						+ String.join(", ", snapshot.referencedBy())
						+ ", and SQLite ignores PRAGMA foreign_keys inside a transaction. Put this operation in "
						+ "op.autocommitBlock(...) or mark the revision transactional=false: the rebuild then runs in a "
						+ "transaction of its own with foreign keys off, as the SQLite documentation prescribes, and checks "
						+ "them before committing.");
			}
			if (enforced) {
				// Checks of the new table's own foreign keys wait for
				// pragma_foreign_key_check, which names the rows.
				statements.add(RenderedStatement.of("PRAGMA defer_foreign_keys = ON"));
			}
			statements.addAll(body);
			if (enforced) {
				statements.add(RenderedStatement.of("PRAGMA defer_foreign_keys = OFF"));
			}
		}
		else {
			if (enforced) {
				statements.add(RenderedStatement.of("PRAGMA foreign_keys = OFF"));
			}
			statements.add(RenderedStatement.of("BEGIN"));
			statements.addAll(body);
			statements.add(RenderedStatement.of("COMMIT"));
			if (enforced) {
				statements.add(RenderedStatement.of("PRAGMA foreign_keys = ON"));
			}
			statements.add(RenderedStatement.cleanup("ROLLBACK"));
			if (enforced) {
				statements.add(RenderedStatement.cleanup("PRAGMA foreign_keys = ON"));
			}
		}
		// legacy_alter_table is not undone by a rollback.
		statements.add(RenderedStatement.cleanup(legacyBefore));
		return statements;
	}

	private static boolean hasConstraint(SqliteTableDefinition definition, String name) {
		String key = UnquotedNames.fold(name);
		return definition.constraints.stream()
			.anyMatch((c) -> c.name.map((n) -> UnquotedNames.fold(n).equals(key)).orElse(false))
				|| definition.columns.stream()
					.anyMatch((column) -> column.clauses.stream()
						.anyMatch((c) -> c.name.map((n) -> UnquotedNames.fold(n).equals(key)).orElse(false)));
	}

	private static Optional<IndexDefinition> findIndex(List<IndexDefinition> indexes, String name) {
		return indexes.stream().filter((i) -> UnquotedNames.same(i.name, name)).findFirst();
	}

	private static ColumnDefinition requireColumn(Subject subject, SqliteTableDefinition definition, String name) {
		return definition.column(name)
			.orElseThrow(() -> invalid(subject, "the table has no column " + name + " (columns: "
					+ definition.columns.stream().map((c) -> c.name).toList() + ")."));
	}

	private static InvalidOperationException invalid(Subject subject, String detail) {
		return new InvalidOperationException(ErrorCode.INVALID_OPERATION, subject + ": " + detail);
	}

	/**
	 * An index of the table: its name and the statement that creates it, changed when a
	 * column is renamed.
	 */
	static final class IndexDefinition {

		final String name;

		String sql;

		IndexDefinition(String name, String sql) {
			this.name = name;
			this.sql = sql;
		}

		/** The token after which the indexed columns and the WHERE clause come. */
		int onToken() {
			List<SqlToken> tokens = SqlLexer.SQLITE.significantTokens(this.sql);
			for (int i = 0; i < tokens.size(); i++) {
				if (tokens.get(i).is("ON")) {
					return i;
				}
			}
			return tokens.size();
		}

		boolean uses(String key) {
			return SqliteTableDefinition.namesIn(SqlLexer.SQLITE.significantTokens(this.sql), onToken(), true)
				.contains(key);
		}

	}

}
