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

/**
 * A step's success recorded in one statement where the database allows data-modifying
 * common table expressions (PostgreSQL): the version rows it deletes and inserts, its
 * statement progress forgotten and its history row, in one round trip instead of four,
 * and the step's transaction committed in the same round trip. A revision of one
 * statement then costs two or three round trips in all, which is most of what applying a
 * long history of small revisions takes.
 */
final class SuccessRecord {

	private final Dialect dialect;

	private final String sql;

	SuccessRecord(Dialect dialect, StateTables tables) {
		this.dialect = dialect;
		String versions = dialect.qualify(tables.schema(), tables.versionTable());
		this.sql = "WITH deleted AS (DELETE FROM " + versions + " WHERE version_num = ANY (?)), "
				+ "inserted AS (INSERT INTO " + versions + " (version_num) SELECT unnest(?::varchar[])), "
				+ "forgotten AS (DELETE FROM " + dialect.qualify(tables.schema(), tables.progressTable())
				+ " WHERE revision = ? AND direction = ?) INSERT INTO "
				+ dialect.qualify(tables.schema(), tables.historyTable())
				+ " (revision, direction, checksum, started_at, finished_at, duration_ms, run_by, outcome, error)"
				+ " VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL);\nCOMMIT";
	}

	/**
	 * Whether this step can be recorded so: the parts of one statement see the same
	 * snapshot, so a row it deletes and inserts again would collide with itself.
	 */
	boolean fits(PlanStep step) {
		return Collections.disjoint(step.deleteRows(), step.insertRows());
	}

	/**
	 * Records the success and commits: the record is the last thing a step's transaction
	 * does. The driver learns from the server that no transaction is open any more, so
	 * the caller's own commit sends nothing (PgJDBC's {@code commit()} does nothing
	 * then); when the record or the commit fails, nothing of the step is committed.
	 */
	void recordAndCommit(Connection connection, PlanStep step, Action action, Instant started, Instant finished,
			String runBy) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(this.sql)) {
			statement.setArray(1, connection.createArrayOf("varchar", step.deleteRows().toArray()));
			statement.setArray(2, connection.createArrayOf("varchar", step.insertRows().toArray()));
			statement.setString(3, step.revision().id());
			statement.setString(4, ProgressTable.label(step.direction()));
			statement.setString(5, step.revision().id());
			statement.setString(6, action.label());
			statement.setString(7, step.revision().checksum());
			this.dialect.setInstant(statement, 8, started);
			this.dialect.setInstant(statement, 9, finished);
			statement.setLong(10, Duration.between(started, finished).toMillis());
			statement.setString(11, HistoryTable.truncate(runBy, 255));
			statement.setString(12, Outcome.SUCCESS.label());
			statement.execute();
		}
	}

}
