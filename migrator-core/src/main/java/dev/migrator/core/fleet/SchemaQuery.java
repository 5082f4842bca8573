package dev.migrator.core.fleet;

import dev.migrator.core.error.ErrorCode;
import dev.migrator.core.error.MigratorException;
import dev.migrator.core.sql.DatabaseMessageRedaction;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

/**
 * Targets read by a query on the main database, one schema name per row in the first
 * column ({@code migrator.fleet.schemas}), such as
 * {@code SELECT schema_name FROM tenants WHERE active ORDER BY created_at}.
 */
public final class SchemaQuery implements FleetTargets {

	/** The setting users write the query in; messages name it. */
	public static final String PROPERTY = "migrator.fleet.schemas";

	private final DataSource dataSource;

	private final String sql;

	public SchemaQuery(DataSource dataSource, String sql) {
		this.dataSource = dataSource;
		this.sql = sql;
	}

	@Override
	public List<FleetTarget> list() {
		List<FleetTarget> targets = new ArrayList<>();
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(this.sql)) {
			int row = 0;
			while (rows.next()) {
				row++;
				String schema = rows.getString(1);
				if (schema == null || schema.isBlank()) {
					throw new MigratorException(ErrorCode.FLEET_TARGETS_INVALID,
							"The fleet's target query (" + PROPERTY + ") returned "
									+ ((schema == null) ? "NULL" : "an empty name") + " in row " + row
									+ ". Make it return one schema name per row, none NULL; " + "nothing was run.");
				}
				targets.add(FleetTarget.schema(schema));
			}
		}
		catch (SQLException ex) {
			throw new MigratorException(ErrorCode.FLEET_TARGETS_INVALID,
					"The fleet's target query (" + PROPERTY + ") failed: "
							+ DatabaseMessageRedaction.redact(ex.getMessage())
							+ ". Fix the query (one schema name per row in the first column); nothing was run.",
					ex);
		}
		return targets;
	}

	@Override
	public String description() {
		return "the target query (" + PROPERTY + ")";
	}

}
