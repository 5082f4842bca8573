package dev.migrator.core.dialect;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One statement an operation renders to: SQL with {@code ?} placeholders and the values
 * to bind to them.
 *
 * @param sql the SQL text
 * @param parameters the values bound to the placeholders, in order ({@code null} is SQL
 * NULL)
 * @param kind whether it is run, checked (must return no rows) or run only to clean up
 * after a failure
 * @param needsAutocommit whether it runs outside the revision's transaction: the database
 * refuses it inside a transaction block, or it is a step of a safe operation that must
 * commit on its own (a long validation that must not hold the lock an earlier step took)
 * @param note for a check, what rows mean; shown in the error and, offline, as a comment
 */
public record RenderedStatement(String sql, List<Object> parameters, Kind kind, boolean needsAutocommit, String note) {

	public RenderedStatement {
		Objects.requireNonNull(sql, "sql");
		parameters = Collections.unmodifiableList(new ArrayList<>(parameters));
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(note, "note");
	}

	public static RenderedStatement of(String sql) {
		return new RenderedStatement(sql, List.of(), Kind.EXECUTE, false, "");
	}

	public static RenderedStatement of(String sql, List<?> parameters) {
		return new RenderedStatement(sql, new ArrayList<>(parameters), Kind.EXECUTE, false, "");
	}

	/**
	 * A query that must return no rows; rows fail the operation with the note and the
	 * rows found.
	 */
	public static RenderedStatement check(String sql, List<?> parameters, String note) {
		return new RenderedStatement(sql, new ArrayList<>(parameters), Kind.CHECK, false, note);
	}

	/**
	 * Run only when a statement of the same operation failed, to leave the connection as
	 * it was.
	 */
	public static RenderedStatement cleanup(String sql) {
		return new RenderedStatement(sql, List.of(), Kind.CLEANUP, false, "");
	}

	/**
	 * An {@code UPDATE} run again and again until it changes no row: a backfill in
	 * batches, each batch committed on its own when it runs outside a transaction, so
	 * that no batch holds its row locks for long.
	 */
	public static RenderedStatement repeated(String sql) {
		return new RenderedStatement(sql, List.of(), Kind.REPEAT, false, "");
	}

	/**
	 * The same statement, marked as refused by the database inside a transaction block.
	 */
	public RenderedStatement needingAutocommit() {
		return new RenderedStatement(this.sql, this.parameters, this.kind, true, this.note);
	}

	/** What the runtime does with a rendered statement. */
	public enum Kind {

		/** Run it. */
		EXECUTE,

		/** Query it; any row fails the operation. */
		CHECK,

		/** Run it only after a failure of the same operation, ignoring its own errors. */
		CLEANUP,

		/** Run it until it changes no row. */
		REPEAT

	}

}
