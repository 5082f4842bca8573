package dev.migrator.core.op;

/**
 * The safe forms of the operations that would otherwise lock a busy PostgreSQL table for
 * long: {@code op.safe().addForeignKey("orders", foreignKey("user_id", "users", "id"))}.
 * Each runs as several steps, and steps that must not share a transaction run each in its
 * own (the revision's transaction is committed before them, as
 * {@link Operations#autocommitBlock} does). See {@link SafeOperation} for the SQL of
 * each.
 */
public final class SafeOperations {

	private final Operations operations;

	SafeOperations(Operations operations) {
		this.operations = operations;
	}

	/**
	 * Adds the foreign key {@code NOT VALID}, then validates it in a transaction of its
	 * own.
	 */
	public void addForeignKey(String table, ForeignKeyConstraint foreignKey) {
		this.operations.run(new SafeOperation(new AddForeignKey(table, foreignKey, false)));
	}

	/**
	 * Adds the check {@code NOT VALID}, then validates it in a transaction of its own.
	 */
	public void addCheckConstraint(String table, String label, String condition) {
		addCheckConstraint(table, CheckConstraint.of(label, condition));
	}

	public void addCheckConstraint(String table, CheckConstraint check) {
		this.operations.run(new SafeOperation(new AddCheckConstraint(table, check, false)));
	}

	/** Builds the unique index concurrently, then makes it the constraint. */
	public void addUniqueConstraint(String table, String... columns) {
		addUniqueConstraint(table, UniqueConstraint.of(columns));
	}

	public void addUniqueConstraint(String table, UniqueConstraint constraint) {
		this.operations.run(new SafeOperation(new AddUniqueConstraint(table, constraint)));
	}

	/**
	 * Adds a column with a default without rewriting the table under a lock that blocks
	 * writes.
	 */
	public void addColumn(String table, Column column) {
		this.operations.run(new SafeOperation(new AddColumn(table, column)));
	}

	/**
	 * Adds an enum value outside the revision's transaction, so that the rest of the
	 * revision may use it.
	 */
	public void addEnumValue(String type, String value) {
		addEnumValue(AddEnumValue.of(type, value));
	}

	public void addEnumValue(AddEnumValue operation) {
		this.operations.run(new SafeOperation(operation));
	}

	/** The same as {@link Operations#addNotNull}, which is always safe. */
	public void addNotNull(String table, String column) {
		this.operations.addNotNull(table, column);
	}

}
