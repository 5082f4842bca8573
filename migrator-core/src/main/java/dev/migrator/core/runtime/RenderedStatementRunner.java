package dev.migrator.core.runtime;

import dev.migrator.core.dialect.Dialect;
import dev.migrator.core.dialect.RenderedStatement;
import dev.migrator.core.dialect.RenderedStatement.Kind;
import dev.migrator.core.op.Operation;
import dev.migrator.core.op.OperationFailedException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Executes an operation's rendered statements on a connection: values bound, runs of the same insert sent as JDBC
 * batches, checks that must find no rows, and the cleanup statements after a failure.
 */
final class RenderedStatementRunner {

	private static final int BATCH_SIZE = 1000;

	private static final int ROWS_SHOWN = 5;

	private final Connection connection;

	private final Dialect dialect;

	RenderedStatementRunner(Connection connection, Dialect dialect) {
		this.connection = connection;
		this.dialect = dialect;
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
				else if (current.parameters().isEmpty()) {
					try (Statement statement = this.connection.createStatement()) {
						statement.execute(current.sql());
					}
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
			throw new OperationFailedException(operation.describe() + " failed at: " + abbreviate(current.sql())
					+ "\nThe database said: " + ex.getMessage() + state, ex);
		}
		catch (RuntimeException ex) {
			cleanUp(statements);
			throw ex;
		}
	}

	/** Runs the statement at {@code from} and the ones after it with the same SQL as one batch; the next index. */
	private int runSameStatements(List<RenderedStatement> work, int from) throws SQLException {
		String sql = work.get(from).sql();
		int end = from;
		while (end < work.size() && work.get(end).kind() == Kind.EXECUTE && work.get(end).sql().equals(sql)
				&& !work.get(end).parameters().isEmpty()) {
			end++;
		}
		try (PreparedStatement statement = this.connection.prepareStatement(sql)) {
			if (end - from == 1) {
				bind(statement, work.get(from).parameters());
				statement.execute();
				return end;
			}
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

	/** Runs the cleanup statements, ignoring their own failures: the original error is the one to report. */
	private void cleanUp(List<RenderedStatement> statements) {
		for (RenderedStatement cleanup : statements) {
			if (cleanup.kind() != Kind.CLEANUP) {
				continue;
			}
			try (Statement statement = this.connection.createStatement()) {
				statement.execute(cleanup.sql());
			}
			catch (SQLException ex) {
				// Expected when the failure came before what the cleanup undoes (a ROLLBACK with no transaction).
			}
		}
	}

	private static String abbreviate(String sql) {
		String flat = sql.replaceAll("\\s+", " ").trim();
		return (flat.length() <= 200) ? flat : flat.substring(0, 199) + "…";
	}

}
