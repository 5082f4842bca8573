package dev.migrator.core.op;

import dev.migrator.core.error.ErrorCode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The operations API a Java migration uses through {@code context.op()}, after Alembic's
 * {@code op}. Each call validates the operation, names its constraints and indexes by the
 * naming convention, and runs it at once on the revision's connection (or records it for
 * an offline script). A bad call fails before any of its statements runs.
 *
 * <pre>{@code
 * op.createTable("users", col("id", bigint()).primaryKey().identity(), col("email", varchar(255)).notNull());
 * op.createIndex(CreateIndex.on("users", "email").unique());
 * op.autocommitBlock(() -> op.createIndex(CreateIndex.on("users", "created_at").concurrently()));
 * }</pre>
 */
public final class Operations {

	private final OperationRunner runner;

	private final NamingConvention naming;

	private final List<LintAllowance> allowances;

	public Operations(OperationRunner runner, NamingConvention naming) {
		this(runner, naming, List.of());
	}

	private Operations(OperationRunner runner, NamingConvention naming, List<LintAllowance> allowances) {
		this.runner = Objects.requireNonNull(runner, "runner");
		this.naming = Objects.requireNonNull(naming, "naming");
		this.allowances = List.copyOf(allowances);
	}

	/**
	 * The same operations with one lint rule allowed for each operation run through the
	 * returned object, as a {@code -- migrator:allow} comment allows it for one SQL
	 * statement: {@code op.allowing("index-not-concurrent", "40 rows, written once a
	 * day").createIndex("ix_settings_name", "settings", "name")}. Call it for the one
	 * operation it is meant for; {@code op} itself allows nothing. Chain it to allow more
	 * than one rule.
	 * @param ruleId the lint rule's id; an unknown id fails the lint and the run
	 * ({@code unknown-lint-rule})
	 * @param reason why the finding is acceptable here; required
	 * ({@code allow-without-reason})
	 */
	public Operations allowing(String ruleId, String reason) {
		List<LintAllowance> more = new ArrayList<>(this.allowances);
		more.add(new LintAllowance(ruleId, reason));
		return new Operations(this.runner, this.naming, more);
	}

	/**
	 * The dialect's name, {@code postgresql} or {@code sqlite}, for the rare
	 * dialect-specific branch.
	 */
	public String dialect() {
		return this.runner.dialect();
	}

	/** The naming convention in use. */
	public NamingConvention namingConvention() {
		return this.naming;
	}

	/** Names and runs any operation; the other methods are shorthands for this. */
	public void run(Operation operation) {
		Objects.requireNonNull(operation, "operation");
		if (operation instanceof AlterColumn alter && !alter.changesAnything()) {
			throw new InvalidOperationException(ErrorCode.INVALID_OPERATION,
					alter.describe() + " changes nothing: give a type, nullability, server default or comment.");
		}
		if (operation instanceof BatchAlterTable batch) {
			batch.operations().forEach((o) -> {
				if (o instanceof AlterColumn alter && !alter.changesAnything()) {
					throw new InvalidOperationException(ErrorCode.INVALID_OPERATION,
							alter.describe() + " changes nothing.");
				}
			});
		}
		if (this.allowances.isEmpty()) {
			this.runner.run(this.naming.apply(operation));
		}
		else {
			this.runner.run(this.naming.apply(operation), this.allowances);
		}
	}

	/**
	 * Runs the reverse of an operation, named by the same convention as when it ran: the
	 * downgrade of an upgrade written with {@link #run}. Fails before running anything
	 * when the operation has no reverse.
	 */
	public void undo(Operation operation) {
		Operation named = this.naming.apply(Objects.requireNonNull(operation, "operation"));
		Operation reverse = named.reverse()
			.orElseThrow(() -> new InvalidOperationException(ErrorCode.IRREVERSIBLE,
					named.describe() + " has no reverse: "
							+ (named instanceof Execute || named instanceof BulkInsert || named instanceof UpdateRows
									|| named instanceof AddEnumValue ? "it cannot be undone automatically"
											: "give the definition it drops (or the existing values it changes)")
							+ ". Write the downgrade's operations explicitly."));
		run(reverse);
	}

	public void createTable(String table, Column... columns) {
		run(new CreateTable(table, List.of(columns), List.of()));
	}

	public void createTable(String table, List<Column> columns, List<TableConstraint> constraints) {
		run(new CreateTable(table, columns, constraints));
	}

	public void dropTable(String table) {
		run(DropTable.of(table));
	}

	public void renameTable(String from, String to) {
		run(new RenameTable(from, to));
	}

	public void addColumn(String table, Column column) {
		run(new AddColumn(table, column));
	}

	public void dropColumn(String table, String column) {
		run(DropColumn.of(table, column));
	}

	/**
	 * Alters a column:
	 * {@code op.alterColumn(AlterColumn.of("users", "email").type(text()).notNull())}.
	 */
	public void alterColumn(AlterColumn alteration) {
		run(alteration);
	}

	public void renameColumn(String table, String from, String to) {
		run(new RenameColumn(table, from, to));
	}

	public void createIndex(String name, String table, String... columns) {
		run(CreateIndex.on(table, columns).named(name));
	}

	/**
	 * Creates an index described fluently:
	 * {@code CreateIndex.on("users", "email").unique().concurrently()}.
	 */
	public void createIndex(CreateIndex index) {
		run(index);
	}

	public void dropIndex(String name) {
		run(DropIndex.named(name));
	}

	/**
	 * Drops an index described fluently:
	 * {@code DropIndex.named("ix_users_email").concurrently().ifExists()}.
	 */
	public void dropIndex(DropIndex drop) {
		run(drop);
	}

	public void addPrimaryKey(String table, String... columns) {
		run(new AddPrimaryKey(table, PrimaryKeyConstraint.of(columns)));
	}

	public void addUniqueConstraint(String table, String... columns) {
		run(new AddUniqueConstraint(table, UniqueConstraint.of(columns)));
	}

	public void addUniqueConstraint(String table, UniqueConstraint constraint) {
		run(new AddUniqueConstraint(table, constraint));
	}

	/**
	 * Adds a check named by the convention from {@code label} ({@code ck_{table}_{label}}
	 * by default).
	 */
	public void addCheckConstraint(String table, String label, String condition) {
		run(new AddCheckConstraint(table, CheckConstraint.of(label, condition), false));
	}

	public void addCheckConstraint(AddCheckConstraint operation) {
		run(operation);
	}

	public void addForeignKey(String table, ForeignKeyConstraint foreignKey) {
		run(new AddForeignKey(table, foreignKey, false));
	}

	/**
	 * Adds a foreign key that PostgreSQL checks only for new rows until
	 * {@link #validateConstraint}.
	 */
	public void addForeignKeyNotValid(String table, ForeignKeyConstraint foreignKey) {
		run(new AddForeignKey(table, foreignKey, true));
	}

	/**
	 * Makes a column NOT NULL the safe way: on PostgreSQL a {@code NOT VALID} check,
	 * validated in a transaction of its own while writes go on, then {@code SET NOT NULL}
	 * without a scan (PostgreSQL 12 and later) and the check dropped; see
	 * {@link AddNotNull}. In a transactional revision it commits what ran before it.
	 */
	public void addNotNull(String table, String column) {
		run(AddNotNull.of(table, column));
	}

	/**
	 * The safe forms of operations that would lock a busy PostgreSQL table for long:
	 * {@code op.safe().addForeignKey(...)}, {@code op.safe().addUniqueConstraint(...)}
	 * and so on.
	 */
	public SafeOperations safe() {
		return new SafeOperations(this);
	}

	public void dropConstraint(String table, String name) {
		run(DropConstraint.of(table, name));
	}

	public void validateConstraint(String table, String name) {
		run(new ValidateConstraint(table, name));
	}

	public void createEnumType(String name, String... values) {
		run(new CreateEnumType(name, List.of(values)));
	}

	public void addEnumValue(String type, String value) {
		run(AddEnumValue.of(type, value));
	}

	/**
	 * Adds an enum value described fluently:
	 * {@code AddEnumValue.of("mood", "meh").before("ok").ifNotExists()}.
	 */
	public void addEnumValue(AddEnumValue operation) {
		run(operation);
	}

	public void renameEnumValue(String type, String from, String to) {
		run(new RenameEnumValue(type, from, to));
	}

	public void dropEnumType(String name) {
		run(DropEnumType.of(name));
	}

	/** Runs one statement with {@code ?} parameters bound. */
	public void execute(String sql, Object... parameters) {
		run(new Execute(sql, Arrays.asList(parameters)));
	}

	/** Inserts rows, each a list of values in the order of {@code columns}. */
	public void bulkInsert(String table, List<String> columns, List<? extends List<?>> rows) {
		run(new BulkInsert(table, columns, rows.stream().map(Operations::nullSafe).toList()));
	}

	/**
	 * Inserts rows given as maps from column name to value, all with the same columns.
	 */
	public void bulkInsert(String table, List<? extends Map<String, ?>> rows) {
		run(BulkInsert.ofMaps(table, rows));
	}

	/**
	 * Updates rows by table and column names:
	 * {@code op.updateRows(UpdateRows.table("users").set("active", true))}.
	 */
	public void updateRows(UpdateRows update) {
		run(update);
	}

	/**
	 * Applies several changes to one table together: on SQLite a single table rebuild for
	 * all of them.
	 * {@code op.batchAlterTable("users", batch -> batch.dropColumn("legacy").alterColumn("email", c -> c.notNull()))}
	 */
	public void batchAlterTable(String table, Consumer<BatchOperations> changes) {
		BatchOperations batch = new BatchOperations(table);
		changes.accept(batch);
		run(batch.build());
	}

	/**
	 * Runs the work outside the revision's transaction, like Alembic's
	 * {@code autocommit_block}: what ran before is committed, the work runs in autocommit
	 * (so {@code CREATE INDEX CONCURRENTLY} may run), and a new transaction begins for
	 * the rest. A failure after the commit leaves the earlier part applied.
	 */
	public void autocommitBlock(AutocommitWork work) throws Exception {
		this.runner.autocommit(work);
	}

	private static List<Object> nullSafe(List<?> row) {
		// List.copyOf refuses nulls, and a NULL value is a legitimate cell.
		return java.util.Collections.unmodifiableList(new java.util.ArrayList<Object>(row));
	}

}
