package dev.migrator.core.fleet;

import dev.migrator.core.error.ErrorCode;
import dev.migrator.core.error.MigratorException;
import dev.migrator.core.sql.DatabaseMessageRedaction;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

import javax.sql.DataSource;

/**
 * Targets read by a query on the main database, one tenant database per row
 * ({@code migrator.fleet.databases}): its JDBC URL in the first column (or the one named
 * {@code url}), and optionally columns named {@code user} (or {@code username}) and
 * {@code password}; a NULL or missing credential falls back to the URL's own, then the
 * main DataSource's. No value of a row reaches a message: a bad row is named by its
 * number.
 */
public final class DatabaseQuery implements FleetTargets {

	/** The setting users write the query in; messages name it. */
	public static final String PROPERTY = "migrator.fleet.databases";

	private final DataSource dataSource;

	private final String sql;

	public DatabaseQuery(DataSource dataSource, String sql) {
		this.dataSource = dataSource;
		this.sql = sql;
	}

	@Override
	public List<FleetTarget> list() {
		List<FleetTarget> targets = new ArrayList<>();
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(this.sql)) {
			ResultSetMetaData columns = rows.getMetaData();
			int url = column(columns, "url").orElse(1);
			OptionalInt user = column(columns, "user", "username");
			OptionalInt password = column(columns, "password");
			int row = 0;
			while (rows.next()) {
				row++;
				String value = rows.getString(url);
				if (value == null || value.isBlank()) {
					throw new MigratorException(ErrorCode.FLEET_TARGETS_INVALID,
							"The fleet's target query (" + PROPERTY + ") returned "
									+ ((value == null) ? "NULL" : "an empty URL") + " in row " + row
									+ ". Make it return one JDBC URL per row, none NULL; nothing was run.");
				}
				targets.add(FleetTarget.database(value, text(rows, user), text(rows, password)));
			}
		}
		catch (SQLException ex) {
			throw new MigratorException(ErrorCode.FLEET_TARGETS_INVALID,
					"The fleet's target query (" + PROPERTY + ") failed: "
							+ DatabaseMessageRedaction.redact(ex.getMessage())
							+ ". Fix the query (one JDBC URL per row, optionally user and password columns); nothing "
							+ "was run.",
					ex);
		}
		return targets;
	}

	private static OptionalInt column(ResultSetMetaData columns, String... labels) throws SQLException {
		for (int i = 1; i <= columns.getColumnCount(); i++) {
			String label = columns.getColumnLabel(i).toLowerCase(Locale.ROOT);
			for (String wanted : labels) {
				if (label.equals(wanted)) {
					return OptionalInt.of(i);
				}
			}
		}
		return OptionalInt.empty();
	}

	private static Optional<String> text(ResultSet rows, OptionalInt column) throws SQLException {
		return column.isPresent() ? Optional.ofNullable(rows.getString(column.getAsInt())) : Optional.empty();
	}

	@Override
	public String description() {
		return "the target query (" + PROPERTY + ")";
	}

}
