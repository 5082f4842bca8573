package dev.migrator.core.runtime;

import dev.migrator.core.dialect.Dialect;
import dev.migrator.core.script.PlanStep;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The table with one row per applied head, as Alembic's {@code alembic_version}. */
public final class VersionTable {

	private final Dialect dialect;

	private final StateTables tables;

	private final String qualified;

	public VersionTable(Dialect dialect, StateTables tables) {
		this.dialect = dialect;
		this.tables = tables;
		this.qualified = dialect.qualify(tables.schema(), tables.versionTable());
	}

	/** The rows; none when the table does not exist yet (nothing has ever run). */
	public Set<String> read(Connection connection) throws SQLException {
		if (!this.dialect.tableExists(connection, this.tables.schema(), this.tables.versionTable())) {
			return Set.of();
		}
		Set<String> rows = new TreeSet<>();
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT version_num FROM " + this.qualified)) {
			while (rs.next()) {
				rows.add(rs.getString(1));
			}
		}
		return new LinkedHashSet<>(rows);
	}

	/** Records a step, in the caller's transaction. */
	public void record(Connection connection, PlanStep step) throws SQLException {
		change(connection, step.deleteRows(), step.insertRows());
	}

	/** Replaces every row, in the caller's transaction. */
	public void replace(Connection connection, Set<String> rows) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.executeUpdate("DELETE FROM " + this.qualified);
		}
		change(connection, Set.of(), rows);
	}

	private void change(Connection connection, Set<String> delete, Set<String> insert) throws SQLException {
		if (!delete.isEmpty()) {
			try (PreparedStatement statement = connection
				.prepareStatement("DELETE FROM " + this.qualified + " WHERE version_num = ?")) {
				for (String id : delete) {
					statement.setString(1, id);
					statement.addBatch();
				}
				statement.executeBatch();
			}
		}
		if (!insert.isEmpty()) {
			try (PreparedStatement statement = connection
				.prepareStatement("INSERT INTO " + this.qualified + " (version_num) VALUES (?)")) {
				for (String id : insert) {
					statement.setString(1, id);
					statement.addBatch();
				}
				statement.executeBatch();
			}
		}
	}

	/** The statements of a step for an offline script. */
	public List<String> render(PlanStep step) {
		List<String> statements = new ArrayList<>();
		for (String id : new TreeSet<>(step.deleteRows())) {
			statements.add("DELETE FROM " + this.qualified + " WHERE version_num = " + this.dialect.literal(id));
		}
		for (String id : new TreeSet<>(step.insertRows())) {
			statements
				.add("INSERT INTO " + this.qualified + " (version_num) VALUES (" + this.dialect.literal(id) + ")");
		}
		return statements;
	}

}
