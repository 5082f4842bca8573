package dev.migrator.core.runtime;

import dev.migrator.core.dialect.Dialect;
import dev.migrator.core.runtime.HistoryEntry.Action;
import dev.migrator.core.runtime.HistoryEntry.Outcome;
import dev.migrator.core.script.PlanStep;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A step's success recorded in one text where the driver sends the statements of a
 * prepared text in one round trip (PgJDBC): the version rows it deletes and inserts, its
 * statement progress forgotten, its history row, and {@code COMMIT}. Sent on its own it
 * takes one round trip instead of five; sent after the step's last statement, in the same
 * text ({@link Closing}), it takes none of its own, so that a revision of one statement
 * costs one round trip in all, which is most of what applying a long history of small
 * revisions takes. Plain statements with a placeholder for each row rather than one
 * statement over arrays: the server plans them in less time, and a row the step deletes
 * and inserts again needs no special case.
 */
final class SuccessRecord {

	private final Dialect dialect;

	private final StateTables tables;

	private final Map<Shape, String> texts = new ConcurrentHashMap<>();

	SuccessRecord(Dialect dialect, StateTables tables) {
		this.dialect = dialect;
		this.tables = tables;
	}

	/**
	 * Records the success and commits: the record is the last thing a step's transaction
	 * does. The driver learns from the server that no transaction is open any more, so
	 * the caller's own commit sends nothing (PgJDBC's {@code commit()} does nothing
	 * then); when the record or the commit fails, nothing of the step is committed.
	 */
	void recordAndCommit(Connection connection, PlanStep step, Action action, Instant started, Instant finished,
			String runBy) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(text(step, true, false))) {
			int at = bindRows(statement, 1, step, true);
			at = bindHistory(statement, at, step, action, started, runBy);
			this.dialect.setInstant(statement, at, finished);
			statement.setLong(at + 1, Duration.between(started, finished).toMillis());
			statement.execute();
		}
	}

	/**
	 * The record to send after the step's last statement, in the same text. It cannot
	 * know when that statement ends, so the server times it: the step finished when its
	 * transaction began, by the runner's clock, plus how long the transaction has been
	 * open, by the server's (two clocks, but no difference between them is taken).
	 * @param forgetsProgress whether the step has statement progress rows to delete (an
	 * earlier run left it part-way); most steps have none, and the statement is left out
	 */
	Closing closing(PlanStep step, Action action, Instant started, String runBy, boolean forgetsProgress) {
		return new Closing(text(step, forgetsProgress, true), (statement, from, began) -> {
			int at = bindRows(statement, from, step, forgetsProgress);
			at = bindHistory(statement, at, step, action, started, runBy);
			this.dialect.setInstant(statement, at, began);
			statement.setLong(at + 1, Duration.between(started, began).toMillis());
		});
	}

	private static int bindRows(PreparedStatement statement, int from, PlanStep step, boolean forgetsProgress)
			throws SQLException {
		int at = from;
		for (String row : step.deleteRows()) {
			statement.setString(at++, row);
		}
		for (String row : step.insertRows()) {
			statement.setString(at++, row);
		}
		if (forgetsProgress) {
			statement.setString(at++, step.revision().id());
			statement.setString(at++, ProgressTable.label(step.direction()));
		}
		return at;
	}

	/** Binds the history row up to its outcome; the index after it. */
	private int bindHistory(PreparedStatement statement, int from, PlanStep step, Action action, Instant started,
			String runBy) throws SQLException {
		statement.setString(from, step.revision().id());
		statement.setString(from + 1, action.label());
		statement.setString(from + 2, step.revision().checksum());
		this.dialect.setInstant(statement, from + 3, started);
		statement.setString(from + 4, HistoryTable.truncate(runBy, 255));
		statement.setString(from + 5, Outcome.SUCCESS.label());
		return from + 6;
	}

	private String text(PlanStep step, boolean forgetsProgress, boolean timedByServer) {
		return this.texts.computeIfAbsent(
				new Shape(step.deleteRows().size(), step.insertRows().size(), forgetsProgress, timedByServer),
				this::write);
	}

	private String write(Shape shape) {
		String versions = this.dialect.qualify(this.tables.schema(), this.tables.versionTable());
		StringBuilder text = new StringBuilder();
		if (shape.deleted() > 0) {
			text.append("DELETE FROM ")
				.append(versions)
				.append(" WHERE version_num IN (")
				.append(String.join(", ", Collections.nCopies(shape.deleted(), "?")))
				.append(");\n");
		}
		if (shape.inserted() > 0) {
			text.append("INSERT INTO ")
				.append(versions)
				.append(" (version_num) VALUES ")
				.append(String.join(", ", Collections.nCopies(shape.inserted(), "(?)")))
				.append(";\n");
		}
		if (shape.forgetsProgress()) {
			text.append("DELETE FROM ")
				.append(this.dialect.qualify(this.tables.schema(), this.tables.progressTable()))
				.append(" WHERE revision = ? AND direction = ?;\n");
		}
		text.append("INSERT INTO ")
			.append(this.dialect.qualify(this.tables.schema(), this.tables.historyTable()))
			.append(" (revision, direction, checksum, started_at, run_by, outcome, finished_at, duration_ms, error)")
			.append(" VALUES (?, ?, ?, ?, ?, ?, ");
		if (shape.timedByServer()) {
			String open = "(clock_timestamp() - transaction_timestamp())";
			text.append("CAST(? AS timestamp with time zone) + ")
				.append(open)
				.append(", ? + CAST(round(extract(epoch FROM ")
				.append(open)
				.append(") * 1000) AS bigint)");
		}
		else {
			text.append("?, ?");
		}
		return text.append(", NULL);\nCOMMIT").toString();
	}

	/**
	 * The version rows a step deletes and inserts, whether it has progress rows, and who
	 * times it: one text each.
	 */
	private record Shape(int deleted, int inserted, boolean forgetsProgress, boolean timedByServer) {
	}

	/**
	 * The statements that end a step's transaction, for the caller to send after its last
	 * statement in one prepared text, binding from the first placeholder after that
	 * statement's (it has none).
	 *
	 * @param sql the statements, ending with {@code COMMIT}
	 * @param binder binds their values, given when the transaction began
	 */
	record Closing(String sql, Binder binder) {

		void bind(PreparedStatement statement, int from, Instant began) throws SQLException {
			this.binder.bind(statement, from, began);
		}

	}

	/** Binds a {@link Closing}'s values. */
	@FunctionalInterface
	interface Binder {

		void bind(PreparedStatement statement, int from, Instant began) throws SQLException;

	}

}
