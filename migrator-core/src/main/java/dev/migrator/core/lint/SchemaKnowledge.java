package dev.migrator.core.lint;

import dev.migrator.core.lint.ClassifiedStatement.AlterTable;
import dev.migrator.core.lint.ClassifiedStatement.ColumnDefinition;
import dev.migrator.core.lint.ClassifiedStatement.CreateIndex;
import dev.migrator.core.lint.ClassifiedStatement.CreateTable;
import dev.migrator.core.lint.ClassifiedStatement.DropTable;
import dev.migrator.core.lint.TableAction.AddColumn;
import dev.migrator.core.lint.TableAction.AddConstraint;
import dev.migrator.core.lint.TableAction.AlterColumnType;
import dev.migrator.core.lint.TableAction.DropColumn;
import dev.migrator.core.lint.TableAction.DropConstraint;
import dev.migrator.core.lint.TableAction.RenameColumn;
import dev.migrator.core.lint.TableAction.RenameTable;
import dev.migrator.core.lint.TableAction.ValidateConstraint;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the revisions read so far (and, when there is one, the database) say about the
 * schema, as far as the rules need it: the tables created by the revision being linted
 * (empty, so anything goes on them), column types, and the {@code IS NOT NULL} checks and
 * whether they are validated. Revisions are read in topological order into one state, so
 * on a branched history a revision also sees what a sibling branch did before it; tables
 * no revision created are simply unknown.
 */
final class SchemaKnowledge {

	/** Column types by table, then column. */
	private final Map<String, Map<String, SqlType>> columnTypes = new HashMap<>();

	/**
	 * Checks made of {@code column IS NOT NULL} terms, by table, then constraint name.
	 */
	private final Map<String, Map<String, NotNullCheck>> notNullChecks = new HashMap<>();

	/** Indexed columns by table, as {@code CREATE INDEX} named them. */
	private final Map<String, Set<String>> indexedColumns = new HashMap<>();

	/** Columns some CHECK constraint reads, by table. */
	private final Map<String, Set<String>> checkedColumns = new HashMap<>();

	/** The table of each index the revisions built and named. */
	private final Map<String, String> indexTables = new HashMap<>();

	/** Indexes the current revision built. */
	private final Set<String> indexesCreatedInRevision = new HashSet<>();

	/** Partitioned tables ({@code PARTITION BY}) the revisions created. */
	private final Set<String> partitioned = new HashSet<>();

	/** Tables some earlier revision created. */
	private final Set<String> createdEarlier = new HashSet<>();

	/** Tables the current revision created: empty, so nothing on them blocks anyone. */
	private final Set<String> createdInRevision = new HashSet<>();

	/** Constraints the current revision added as NOT VALID, as {@code table.name}. */
	private final Set<String> addedNotValidInRevision = new HashSet<>();

	/** What the database says, for tables the revisions did not just create. */
	private final DatabaseCatalog catalog;

	private record NotNullCheck(List<String> columns, boolean validated) {
	}

	SchemaKnowledge() {
		this(DatabaseCatalog.NONE);
	}

	SchemaKnowledge(DatabaseCatalog catalog) {
		this.catalog = catalog;
	}

	/** What the database says of tables; knows nothing without one. */
	DatabaseCatalog catalog() {
		return this.catalog;
	}

	/** Starts the next revision: what it creates is new until it ends. */
	void startRevision() {
		this.createdEarlier.addAll(this.createdInRevision);
		this.createdInRevision.clear();
		this.addedNotValidInRevision.clear();
		this.indexesCreatedInRevision.clear();
	}

	/**
	 * Whether the table was created by the revision being linted, earlier than the
	 * current statement.
	 */
	boolean isNew(String table) {
		return this.createdInRevision.contains(table);
	}

	Optional<SqlType> columnType(String table, String column) {
		return Optional.ofNullable(this.columnTypes.getOrDefault(table, Map.of()).get(column));
	}

	/**
	 * Whether a validated check proves the column holds no NULL, so that SET NOT NULL
	 * need not scan.
	 */
	boolean hasValidatedNotNullCheck(String table, String column) {
		return this.notNullChecks.getOrDefault(table, Map.of())
			.values()
			.stream()
			.anyMatch((check) -> check.validated() && check.columns().contains(column))
				|| (!isNew(table) && this.catalog.provesNotNull(table, column));
	}

	/**
	 * Whether the revisions created the table as a partitioned table, whose index builds
	 * cannot be concurrent.
	 */
	boolean isPartitioned(String table) {
		return this.partitioned.contains(table) || (!isNew(table) && this.catalog.isPartitioned(table));
	}

	/**
	 * Whether the index belongs to a partitioned table, which cannot drop it
	 * concurrently.
	 */
	boolean isPartitionedIndex(String index) {
		String table = this.indexTables.get(index);
		return (table != null) ? isPartitioned(table) : this.catalog.isPartitionedIndex(index);
	}

	/** Whether an index the revisions built covers the column. */
	boolean isIndexed(String table, String column) {
		return this.indexedColumns.getOrDefault(table, Set.of()).contains(column)
				|| (!isNew(table) && this.catalog.isIndexed(table, column));
	}

	/** Whether a CHECK constraint the revisions added reads the column. */
	boolean isChecked(String table, String column) {
		return this.checkedColumns.getOrDefault(table, Set.of()).contains(column)
				|| (!isNew(table) && this.catalog.isChecked(table, column));
	}

	/** Whether the current revision built the index, so that it is new and unused. */
	boolean isIndexNew(String index) {
		return this.indexesCreatedInRevision.contains(index);
	}

	/** Whether the current revision added this constraint as NOT VALID. */
	boolean addedNotValidInRevision(String table, String constraint) {
		return this.addedNotValidInRevision.contains(table + "." + constraint);
	}

	/** Records what the statement changed; called after the rules have looked at it. */
	void apply(ClassifiedStatement statement) {
		if (statement instanceof CreateTable create) {
			if (!(create.ifNotExists() && this.createdEarlier.contains(create.table()))) {
				this.createdInRevision.add(create.table());
				Map<String, SqlType> columns = new HashMap<>();
				for (ColumnDefinition column : create.columns()) {
					columns.put(column.name(), column.type());
				}
				this.columnTypes.put(create.table(), columns);
				this.notNullChecks.remove(create.table());
				this.checkedColumns.put(create.table(), new HashSet<>(create.checkedColumns()));
				if (create.partitioned()) {
					this.partitioned.add(create.table());
				}
				else {
					this.partitioned.remove(create.table());
				}
			}
		}
		else if (statement instanceof CreateIndex index) {
			this.indexedColumns.computeIfAbsent(index.table(), (name) -> new HashSet<>()).addAll(index.columns());
			index.name().ifPresent(this.indexesCreatedInRevision::add);
			index.name().ifPresent((name) -> this.indexTables.put(name, index.table()));
		}
		else if (statement instanceof DropTable drop) {
			drop.tables().forEach(this::forget);
		}
		else if (statement instanceof AlterTable alter) {
			String table = alter.table();
			for (TableAction action : alter.actions()) {
				table = apply(table, action);
			}
		}
	}

	/** Applies one action; returns the table's name afterwards. */
	private String apply(String table, TableAction action) {
		Map<String, SqlType> columns = this.columnTypes.computeIfAbsent(table, (name) -> new HashMap<>());
		Map<String, NotNullCheck> checks = this.notNullChecks.computeIfAbsent(table, (name) -> new HashMap<>());
		if (action instanceof AddColumn add) {
			columns.put(add.column(), add.type());
		}
		else if (action instanceof AlterColumnType alter) {
			columns.put(alter.column(), alter.type());
		}
		else if (action instanceof DropColumn drop) {
			columns.remove(drop.column());
		}
		else if (action instanceof RenameColumn rename) {
			SqlType type = columns.remove(rename.from());
			if (type != null) {
				columns.put(rename.to(), type);
			}
		}
		else if (action instanceof AddConstraint add && add.name().isEmpty()) {
			this.checkedColumns.computeIfAbsent(table, (name) -> new HashSet<>()).addAll(add.checkedColumns());
		}
		else if (action instanceof AddConstraint add) {
			this.checkedColumns.computeIfAbsent(table, (name) -> new HashSet<>()).addAll(add.checkedColumns());
			if (!add.notNullColumns().isEmpty()) {
				checks.put(add.name().get(), new NotNullCheck(add.notNullColumns(), !add.notValid()));
			}
			if (add.notValid()) {
				this.addedNotValidInRevision.add(table + "." + add.name().get());
			}
		}
		else if (action instanceof ValidateConstraint validate) {
			checks.computeIfPresent(validate.name(), (name, check) -> new NotNullCheck(check.columns(), true));
		}
		else if (action instanceof DropConstraint drop) {
			checks.remove(drop.name());
		}
		else if (action instanceof RenameTable rename) {
			move(table, rename.to());
			return rename.to();
		}
		return table;
	}

	private void move(String from, String to) {
		Optional.ofNullable(this.columnTypes.remove(from)).ifPresent((columns) -> this.columnTypes.put(to, columns));
		Optional.ofNullable(this.notNullChecks.remove(from)).ifPresent((checks) -> this.notNullChecks.put(to, checks));
		Optional.ofNullable(this.indexedColumns.remove(from))
			.ifPresent((columns) -> this.indexedColumns.put(to, columns));
		if (this.partitioned.remove(from)) {
			this.partitioned.add(to);
		}
		if (this.createdInRevision.remove(from)) {
			this.createdInRevision.add(to);
		}
		if (this.createdEarlier.remove(from)) {
			this.createdEarlier.add(to);
		}
	}

	private void forget(String table) {
		this.columnTypes.remove(table);
		this.notNullChecks.remove(table);
		this.indexedColumns.remove(table);
		this.checkedColumns.remove(table);
		this.partitioned.remove(table);
		this.createdInRevision.remove(table);
		this.createdEarlier.remove(table);
	}

}
