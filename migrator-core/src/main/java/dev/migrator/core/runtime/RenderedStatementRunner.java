package dev.migrator.core.runtime;

import dev.migrator.core.dialect.Dialect;
import dev.migrator.core.dialect.RenderedStatement;
import dev.migrator.core.dialect.RenderedStatement.Kind;
import dev.migrator.core.op.Operation;
import dev.migrator.core.op.OperationFailedException;
import dev.migrator.core.script.StatementTraits;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Executes an operation's rendered statements on a connection: values bound, runs of the
 * same insert sent as JDBC batches, checks that must find no rows, repeated batch
 * updates, and the cleanup statements after a failure. In autocommit a statement that
 * times out waiting for a lock runs again after a pause, and a concurrent index build
 * first drops the INVALID index an earlier failed build left.
 */
final class RenderedStatementRunner {

	private static final int BATCH_SIZE = 1000;

	private static final int ROWS_SHOWN = 5;

	private static final long REPEAT_REPORT_EVERY = 100_000;

	private static final Logger logger = LoggerFactory.getLogger(RenderedStatementRunner.class);

	private final Connection connection;

	private final Dialect dialect;

	private final EffectiveTimeouts timeouts;

	private final Optional<Autocommit> autocommit;

	private final LockQueueCheck lockQueue;

	/**
	 * Runs statements inside the caller's transaction: nothing is retried there, the
	 * transaction is.
	 */
	RenderedStatementRunner(Connection connection, Dialect dialect, EffectiveTimeouts timeouts,
			LockQueueCheck lockQueue) {
		this(connection, dialect, timeouts, lockQueue, Optional.empty());
	}

	RenderedStatementRunner(Connection connection, Dialect dialect, EffectiveTimeouts timeouts,
			LockQueueCheck lockQueue, Optional<Autocommit> autocommit) {
		this.connection = connection;
		this.dialect = dialect;
		this.timeouts = timeouts;
		this.lockQueue = lockQueue;
		this.autocommit = autocommit;
	}

	void run(Operation operation, List<RenderedStatement> statements) {
		List<RenderedStatement> work = statements.stream().filter((s) -> s.kind() != Kind.CLEANUP).toList();
		RenderedStatement current = null;
		try {
			int i = 0;
			while (i < work.size()) {
				current = work.get(i);
				if (current.kind() == Kind.CHECK) {
					check(operation, current);
					i++;
				}
				else if (current.kind() == Kind.REPEAT) {
					repeat(current);
					i++;
				}
				else if (current.parameters().isEmpty()) {
					execute(current.sql());
					i++;
				}
				else {
					i = runSameStatements(work, i);
				}
			}
		}
		catch (SQLException ex) {
			cleanUp(statements);
			String state = (ex.getSQLState() != null) ? " [SQLState " + ex.getSQLState() + "]" : "";
			throw new OperationFailedException(operation.describe() + " failed at: "
					+ StatementText.abbreviate(current.sql()) + "\nThe database said: " + ex.getMessage() + state, ex);
		}
		catch (RuntimeException ex) {
			cleanUp(statements);
			throw ex;
		}
	}

	private void execute(String sql) throws SQLException {
		StatementTraits traits = StatementTraits.of(sql);
		if (this.autocommit.isEmpty()) {
			this.lockQueue.beforeRunning(this.connection, sql, this.timeouts.lockFor(traits));
			try (Statement statement = this.connection.createStatement()) {
				statement.execute(sql);
			}
			return;
		}
		Autocommit mode = this.autocommit.get();
		retrying(mode, sql, () -> {
			boolean ownLockTimeout = !mode.timeouts().lockFor(traits).equals(mode.timeouts().lock());
			if (ownLockTimeout) {
				this.dialect.applyTimeouts(this.connection, mode.timeouts().lockFor(traits), Optional.empty(), false);
			}
			try {
				new InvalidIndexRepair(this.connection, this.dialect).beforeBuilding(traits, mode.revision());
				this.lockQueue.beforeRunning(this.connection, sql, mode.timeouts().lockFor(traits));
				try (Statement statement = this.connection.createStatement()) {
					statement.execute(sql);
				}
			}
			finally {
				if (ownLockTimeout) {
					// Back to the lock timeout of the statements around it; the block's
					// scope resets it at its end.
					this.dialect.applyTimeouts(this.connection, mode.timeouts().lock(), Optional.empty(), false);
				}
			}
			return null;
		});
	}

	/**
	 * Runs the update until a run changes no row; each run its own transaction in
	 * autocommit.
	 */
	private void repeat(RenderedStatement update) throws SQLException {
		long total = 0;
		long nextReport = REPEAT_REPORT_EVERY;
		while (true) {
			long changed;
			if (this.autocommit.isEmpty()) {
				try (Statement statement = this.connection.createStatement()) {
					changed = statement.executeLargeUpdate(update.sql());
				}
			}
			else {
				changed = retrying(this.autocommit.get(), update.sql(), () -> {
					try (Statement statement = this.connection.createStatement()) {
						return statement.executeLargeUpdate(update.sql());
					}
				});
			}
			if (changed == 0) {
				return;
			}
			total += changed;
			if (total >= nextReport) {
				logger.info("Backfilled {} rows so far: {}", total, StatementText.abbreviate(update.sql()));
				nextReport += REPEAT_REPORT_EVERY;
			}
		}
	}

	private <T> T retrying(Autocommit mode, String sql, LockTimeoutRetrier.Work<T> work) throws SQLException {
		try {
			return mode.retrier().run(StatementText.abbreviate(sql), work);
		}
		catch (SQLException | RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			if (ex instanceof InterruptedException) {
				Thread.currentThread().interrupt();
			}
			throw new OperationFailedException(
					"Interrupted while waiting to run " + StatementText.abbreviate(sql) + " again", ex);
		}
	}

	/**
	 * Runs the statement at {@code from} and the ones after it with the same SQL as one
	 * batch; the next index.
	 */
	private int runSameStatements(List<RenderedStatement> work, int from) throws SQLException {
		String sql = work.get(from).sql();
		int end = from;
		while (end < work.size() && work.get(end).kind() == Kind.EXECUTE && work.get(end).sql().equals(sql)
				&& !work.get(end).parameters().isEmpty()) {
			end++;
		}
		if (end - from == 1) {
			List<Object> parameters = work.get(from).parameters();
			LockTimeoutRetrier.Work<Void> single = () -> {
				try (PreparedStatement statement = this.connection.prepareStatement(sql)) {
					bind(statement, parameters);
					statement.execute();
				}
				return null;
			};
			if (this.autocommit.isPresent()) {
				retrying(this.autocommit.get(), sql, single);
			}
			else {
				runUnchecked(single);
			}
			return end;
		}
		try (PreparedStatement statement = this.connection.prepareStatement(sql)) {
			int pending = 0;
			for (int i = from; i < end; i++) {
				bind(statement, work.get(i).parameters());
				statement.addBatch();
				if (++pending == BATCH_SIZE) {
					statement.executeBatch();
					pending = 0;
				}
			}
			if (pending > 0) {
				statement.executeBatch();
			}
		}
		return end;
	}

	private static void runUnchecked(LockTimeoutRetrier.Work<Void> work) throws SQLException {
		try {
			work.run();
		}
		catch (SQLException | RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void check(Operation operation, RenderedStatement check) throws SQLException {
		List<String> found = new ArrayList<>();
		boolean more = false;
		try (PreparedStatement statement = this.connection.prepareStatement(check.sql())) {
			bind(statement, check.parameters());
			try (ResultSet rs = statement.executeQuery()) {
				ResultSetMetaData meta = rs.getMetaData();
				while (rs.next()) {
					if (found.size() == ROWS_SHOWN) {
						more = true;
						break;
					}
					List<String> cells = new ArrayList<>();
					for (int c = 1; c <= meta.getColumnCount(); c++) {
						cells.add(meta.getColumnLabel(c) + "=" + rs.getString(c));
					}
					found.add("(" + String.join(", ", cells) + ")");
				}
			}
		}
		if (!found.isEmpty()) {
			throw new OperationFailedException(operation.describe() + ": " + check.note() + ": "
					+ String.join(", ", found) + (more ? " and more" : "") + ". Nothing of the operation was kept; "
					+ "fix those rows (or the change) and run it again.");
		}
	}

	private void bind(PreparedStatement statement, List<Object> parameters) throws SQLException {
		for (int i = 0; i < parameters.size(); i++) {
			this.dialect.bind(statement, i + 1, parameters.get(i));
		}
	}

	/**
	 * Runs the cleanup statements, ignoring their own failures: the original error is the
	 * one to report.
	 */
	private void cleanUp(List<RenderedStatement> statements) {
		for (RenderedStatement cleanup : statements) {
			if (cleanup.kind() != Kind.CLEANUP) {
				continue;
			}
			try (Statement statement = this.connection.createStatement()) {
				statement.execute(cleanup.sql());
			}
			catch (SQLException ex) {
				// Expected when the failure came before what the cleanup undoes (a
				// ROLLBACK with no transaction).
			}
		}
	}

	/**
	 * How statements run in autocommit: each retried after a lock timeout, concurrent
	 * index statements under their own lock timeout.
	 *
	 * @param retrier retries the statement
	 * @param timeouts the revision's timeouts
	 * @param revision the revision's id, for messages
	 */
	record Autocommit(LockTimeoutRetrier retrier, EffectiveTimeouts timeouts, String revision) {
	}

}
