package dev.migrator.core.op;

import java.util.Optional;

/**
 * One schema or data change. Each is an immutable value that is validated when built,
 * rendered by a dialect, executed or recorded for an offline script, and that knows the
 * operation undoing it when one exists.
 */
public sealed interface Operation permits CreateTable, DropTable, RenameTable, AddColumn, DropColumn, AlterColumn,
		RenameColumn, CreateIndex, DropIndex, AddPrimaryKey, AddUniqueConstraint, AddCheckConstraint, AddForeignKey,
		DropConstraint, ValidateConstraint, CreateEnumType, AddEnumValue, RenameEnumValue, DropEnumType, Execute,
		BulkInsert, UpdateRows, BatchAlterTable, AddNotNull, SafeOperation {

	/**
	 * The operation that undoes this one. Empty when there is none ({@code execute},
	 * {@code addEnumValue}) or when the definition it needs was not given (a
	 * {@code dropTable} without the table's definition).
	 */
	Optional<Operation> reverse();

	/** The operation as named in messages, e.g. {@code addColumn users.email}. */
	String describe();

	/**
	 * Whether it cannot run inside a transaction block on any database
	 * ({@code CONCURRENTLY}). Dialect-specific needs (an enum value on an old PostgreSQL)
	 * are flagged on the rendered statements instead.
	 */
	default boolean requiresAutocommit() {
		return false;
	}

	/**
	 * Whether it manages its own transactions, as a safe multi-step operation does: when
	 * a step must run outside the revision's transaction (a validation that must not hold
	 * the lock the step before took, a concurrent index build), the operation commits
	 * what ran before it and runs its steps each in a transaction of its own, as an
	 * autocommit block would, instead of being refused.
	 */
	default boolean splitsTransaction() {
		return false;
	}

}
