package dev.migrator.core.runtime;

import dev.migrator.core.dialect.Dialect;
import dev.migrator.core.script.Direction;
import dev.migrator.core.script.PlanStep;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which statements of a revision that commits as it goes have run, so that a run killed
 * halfway continues after the last completed statement instead of repeating it. One row
 * per statement: {@code done} once it committed (in the same transaction as the statement
 * wherever the statement allows a transaction), {@code running} while a statement that
 * cannot run in a transaction runs. A {@code running} row that outlives its run means
 * nobody can tell whether the statement completed; the rows of a revision are deleted
 * when its step is recorded.
 */
public final class ProgressTable {

	private final String qualified;

	public ProgressTable(Dialect dialect, StateTables tables) {
		this.qualified = dialect.qualify(tables.schema(), tables.progressTable());
	}

	/** What one statement's row says. */
	public enum State {

		RUNNING("running"), DONE("done");

		private final String label;

		State(String label) {
			this.label = label;
		}

		public String label() {
			return this.label;
		}

		static State fromLabel(String label) {
			return "done".equals(label) ? DONE : RUNNING;
		}

	}

	/**
	 * One statement's row.
	 *
	 * @param revision the revision
	 * @param direction {@code upgrade} or {@code downgrade}
	 * @param index the statement's 0-based position in the revision
	 * @param line the statement's line in its file
	 * @param checksum the statement text's checksum when it ran
	 * @param state running or done
	 */
	public record Mark(String revision, String direction, int index, int line, String checksum, State state) {
	}

	/**
	 * A step that has rows.
	 *
	 * @param revision the revision
	 * @param direction {@code upgrade} or {@code downgrade}
	 */
	record Step(String revision, String direction) {

		static Step of(PlanStep step) {
			return new Step(step.revision().id(), label(step.direction()));
		}

	}

	/**
	 * The steps that have rows: those an earlier run left part-way. Read before a run, it
	 * stays true during it for every step but those that commit as they go, which write
	 * rows and delete them themselves.
	 */
	Set<Step> steps(Connection connection) throws SQLException {
		Set<Step> steps = new HashSet<>();
		try (PreparedStatement statement = connection
			.prepareStatement("SELECT DISTINCT revision, direction FROM " + this.qualified)) {
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					steps.add(new Step(rs.getString(1), rs.getString(2)));
				}
			}
		}
		return steps;
	}

	/** The rows of one revision's step, by statement index. */
	Map<Integer, Mark> read(Connection connection, String revision, Direction direction) throws SQLException {
		Map<Integer, Mark> marks = new HashMap<>();
		try (PreparedStatement statement = connection
			.prepareStatement(select() + " WHERE revision = ? AND direction = ?")) {
			statement.setString(1, revision);
			statement.setString(2, label(direction));
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					Mark mark = mark(rs);
					marks.put(mark.index(), mark);
				}
			}
		}
		return marks;
	}

	/** Every {@code running} row: statements whose outcome nobody knows. */
	public List<Mark> unresolved(Connection connection) throws SQLException {
		List<Mark> marks = new ArrayList<>();
		try (PreparedStatement statement = connection
			.prepareStatement(select() + " WHERE state = 'running' ORDER BY revision, direction, statement_index")) {
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					marks.add(mark(rs));
				}
			}
		}
		return Collections.unmodifiableList(marks);
	}

	/**
	 * Every row: the statements of the steps that interrupted runs left part-way, in
	 * revision, direction and statement order.
	 */
	public List<Mark> all(Connection connection) throws SQLException {
		List<Mark> marks = new ArrayList<>();
		try (PreparedStatement statement = connection
			.prepareStatement(select() + " ORDER BY revision, direction, statement_index")) {
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					marks.add(mark(rs));
				}
			}
		}
		return Collections.unmodifiableList(marks);
	}

	/**
	 * Writes the statement's row, replacing what was there; in the caller's transaction.
	 */
	void mark(Connection connection, Mark mark) throws SQLException {
		forget(connection, mark);
		try (PreparedStatement statement = connection.prepareStatement("INSERT INTO " + this.qualified
				+ " (revision, direction, statement_index, line, checksum, state) VALUES (?, ?, ?, ?, ?, ?)")) {
			statement.setString(1, mark.revision());
			statement.setString(2, mark.direction());
			statement.setInt(3, mark.index());
			statement.setInt(4, mark.line());
			statement.setString(5, mark.checksum());
			statement.setString(6, mark.state().label());
			statement.executeUpdate();
		}
	}

	/** Deletes one statement's row, so that the statement runs again. */
	public void forget(Connection connection, Mark mark) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(
				"DELETE FROM " + this.qualified + " WHERE revision = ? AND direction = ? AND statement_index = ?")) {
			statement.setString(1, mark.revision());
			statement.setString(2, mark.direction());
			statement.setInt(3, mark.index());
			statement.executeUpdate();
		}
	}

	/** Records that a statement whose outcome was unknown completed. */
	public void markDone(Connection connection, Mark mark) throws SQLException {
		mark(connection,
				new Mark(mark.revision(), mark.direction(), mark.index(), mark.line(), mark.checksum(), State.DONE));
	}

	/** Deletes a step's rows once the step is recorded; in the caller's transaction. */
	void clear(Connection connection, String revision, Direction direction) throws SQLException {
		try (PreparedStatement statement = connection
			.prepareStatement("DELETE FROM " + this.qualified + " WHERE revision = ? AND direction = ?")) {
			statement.setString(1, revision);
			statement.setString(2, label(direction));
			statement.executeUpdate();
		}
	}

	static String label(Direction direction) {
		return (direction == Direction.UPGRADE) ? "upgrade" : "downgrade";
	}

	private String select() {
		return "SELECT revision, direction, statement_index, line, checksum, state FROM " + this.qualified;
	}

	private static Mark mark(ResultSet rs) throws SQLException {
		return new Mark(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getString(5),
				State.fromLabel(rs.getString(6)));
	}

}
