package dev.migrator.core.op;

import dev.migrator.core.error.ErrorCode;

import java.util.Objects;
import java.util.Optional;

/**
 * An operation done the safe multi-step way on PostgreSQL, so that a busy table stays
 * readable and writable while it changes; built by {@link Operations#safe()}. What each
 * kind becomes:
 * <ul>
 * <li>{@link AddForeignKey}, {@link AddCheckConstraint}: added {@code NOT VALID} (a brief
 * lock), then {@code VALIDATE CONSTRAINT} in a transaction of its own;</li>
 * <li>{@link AddUniqueConstraint}: {@code CREATE UNIQUE INDEX CONCURRENTLY}, then
 * {@code ADD CONSTRAINT … UNIQUE USING INDEX};</li>
 * <li>{@link AddColumn} with a default: one statement where PostgreSQL 11 or later adds
 * it without rewriting the table (a default that is not volatile); else the column added
 * without it, the default set for new rows, the existing rows filled in batches, and NOT
 * NULL added as {@link AddNotNull} does;</li>
 * <li>{@link AddEnumValue}: outside the revision's transaction, committed before what
 * follows uses it, and {@code IF NOT EXISTS} so that the revision can run again.</li>
 * </ul>
 * SQLite has none of these lock problems (one writer at a time) nor most of the
 * statements: there the operation runs as its plain form.
 *
 * @param operation the plain operation
 * @param notNullCheck for an {@link AddColumn} of a NOT NULL column that is filled in
 * batches: the name of the helper check that makes it NOT NULL, given by the naming
 * convention as for {@link AddNotNull}; else empty
 */
public record SafeOperation(Operation operation, Optional<String> notNullCheck) implements Operation {

	/** The safe form of the operation; the naming convention names what it needs. */
	public SafeOperation(Operation operation) {
		this(operation, Optional.empty());
	}

	public SafeOperation {
		Objects.requireNonNull(operation, "operation");
		Objects.requireNonNull(notNullCheck, "notNullCheck");
		notNullCheck.ifPresent((c) -> Identifiers.require("safe " + operation.describe(), "check name", c));
		if (!(operation instanceof AddForeignKey || operation instanceof AddCheckConstraint
				|| operation instanceof AddUniqueConstraint || operation instanceof AddColumn
				|| operation instanceof AddEnumValue)) {
			throw new InvalidOperationException(ErrorCode.INVALID_OPERATION, operation.describe()
					+ " has no safe form; safe() covers addForeignKey, addCheckConstraint, addUniqueConstraint, "
					+ "addColumn and addEnumValue (and addNotNull, which is always safe).");
		}
		boolean notValid = (operation instanceof AddForeignKey fk && fk.notValid())
				|| (operation instanceof AddCheckConstraint check && check.notValid());
		if (notValid) {
			throw new InvalidOperationException(ErrorCode.INVALID_OPERATION, operation.describe()
					+ ": the safe form validates the constraint. To leave it NOT VALID, use the plain operation.");
		}
	}

	/**
	 * For an {@link AddColumn} of a NOT NULL column: the label of the helper check, as
	 * {@link AddNotNull} has.
	 */
	public Optional<String> notNullCheckLabel() {
		if (this.operation instanceof AddColumn add && !add.column().nullable()) {
			return Optional.of(add.column().name() + "_not_null");
		}
		return Optional.empty();
	}

	@Override
	public Optional<Operation> reverse() {
		return this.operation.reverse();
	}

	@Override
	public boolean splitsTransaction() {
		return true;
	}

	@Override
	public String describe() {
		return this.operation.describe() + " (safe)";
	}

}
