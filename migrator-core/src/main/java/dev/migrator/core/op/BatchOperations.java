package dev.migrator.core.op;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The changes of one {@link Operations#batchAlterTable} call, collected in order; the
 * table is the batch's.
 */
public final class BatchOperations {

	private final String table;

	private final List<Operation> operations = new ArrayList<>();

	BatchOperations(String table) {
		this.table = table;
	}

	public BatchOperations addColumn(Column column) {
		return add(new AddColumn(this.table, column));
	}

	public BatchOperations dropColumn(String column) {
		return add(DropColumn.of(this.table, column));
	}

	/** Drops a column whose definition is given, so the batch can be reversed. */
	public BatchOperations dropColumn(Column definition) {
		return add(new DropColumn(this.table, definition.name(), java.util.Optional.of(definition)));
	}

	/**
	 * Alters a column: {@code batch.alterColumn("email", c -> c.type(text()).notNull())}.
	 */
	public BatchOperations alterColumn(String column, UnaryOperator<AlterColumn> change) {
		return add(change.apply(AlterColumn.of(this.table, column)));
	}

	public BatchOperations renameColumn(String from, String to) {
		return add(new RenameColumn(this.table, from, to));
	}

	public BatchOperations addPrimaryKey(String... columns) {
		return add(new AddPrimaryKey(this.table, PrimaryKeyConstraint.of(columns)));
	}

	public BatchOperations addUniqueConstraint(String... columns) {
		return add(new AddUniqueConstraint(this.table, UniqueConstraint.of(columns)));
	}

	public BatchOperations addCheckConstraint(String label, String condition) {
		return add(new AddCheckConstraint(this.table, CheckConstraint.of(label, condition), false));
	}

	public BatchOperations addForeignKey(ForeignKeyConstraint foreignKey) {
		return add(new AddForeignKey(this.table, foreignKey, false));
	}

	public BatchOperations dropConstraint(String name) {
		return add(DropConstraint.of(this.table, name));
	}

	public BatchOperations createIndex(String name, String... columns) {
		return add(CreateIndex.on(this.table, columns).named(name));
	}

	public BatchOperations createIndex(CreateIndex index) {
		return add(index);
	}

	public BatchOperations dropIndex(String name) {
		return add(DropIndex.named(name).on(this.table));
	}

	/** Any operation on this table that a batch can hold. */
	public BatchOperations add(Operation operation) {
		this.operations.add(operation);
		return this;
	}

	BatchAlterTable build() {
		return new BatchAlterTable(this.table, this.operations);
	}

}
