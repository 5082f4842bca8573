package dev.migrator.core.op;

import dev.migrator.core.error.ErrorCode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Several changes to one table applied together: on SQLite one table rebuild ("move and
 * copy") for all of them, on PostgreSQL the usual statements in order.
 */
public record BatchAlterTable(String table, List<Operation> operations) implements Operation {

	public BatchAlterTable {
		Identifiers.require("batchAlterTable", "table name", table);
		operations = List.copyOf(operations);
		for (Operation operation : operations) {
			Optional<String> target = tableOf(operation);
			if (target.isEmpty()) {
				throw new InvalidOperationException(ErrorCode.INVALID_OPERATION, "batchAlterTable " + table + ": "
						+ operation.describe() + " cannot be part of a batch; run it on its own.");
			}
			if (!target.get().equals(table)) {
				throw new InvalidOperationException(ErrorCode.INVALID_OPERATION,
						"batchAlterTable " + table + ": " + operation.describe() + " is on another table.");
			}
		}
	}

	/**
	 * The table a batchable operation changes; empty for operations a batch cannot hold.
	 */
	static Optional<String> tableOf(Operation operation) {
		if (operation instanceof AddColumn o) {
			return Optional.of(o.table());
		}
		if (operation instanceof DropColumn o) {
			return Optional.of(o.table());
		}
		if (operation instanceof AlterColumn o) {
			return Optional.of(o.table());
		}
		if (operation instanceof RenameColumn o) {
			return Optional.of(o.table());
		}
		if (operation instanceof AddPrimaryKey o) {
			return Optional.of(o.table());
		}
		if (operation instanceof AddUniqueConstraint o) {
			return Optional.of(o.table());
		}
		if (operation instanceof AddCheckConstraint o) {
			return Optional.of(o.table());
		}
		if (operation instanceof AddForeignKey o) {
			return Optional.of(o.table());
		}
		if (operation instanceof DropConstraint o) {
			return Optional.of(o.table());
		}
		if (operation instanceof CreateIndex o && !o.concurrent()) {
			return Optional.of(o.table());
		}
		if (operation instanceof DropIndex o && !o.concurrent()) {
			return o.table();
		}
		return Optional.empty();
	}

	/** The reverse of each operation, last first; empty when one of them has none. */
	@Override
	public Optional<Operation> reverse() {
		List<Operation> reversed = new ArrayList<>();
		for (int i = this.operations.size() - 1; i >= 0; i--) {
			Optional<Operation> undo = this.operations.get(i).reverse();
			if (undo.isEmpty()) {
				return Optional.empty();
			}
			reversed.add(undo.get());
		}
		return Optional.of(new BatchAlterTable(this.table, reversed));
	}

	@Override
	public String describe() {
		return "batchAlterTable " + this.table;
	}

}
