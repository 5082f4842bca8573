package dev.migrator.core.fleet;

import dev.migrator.core.error.ErrorCode;
import dev.migrator.core.error.MigratorException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

/**
 * Checks that a target's schema exists before anything runs on it: PostgreSQL accepts a
 * search path naming a missing schema, and the revisions would then create their tables
 * in the next schema on the path, the shared one.
 */
public final class TargetSchema {

	private TargetSchema() {
	}

	public static void requireExists(DataSource main, FleetTarget.Schema target) {
		try (Connection connection = main.getConnection();
				PreparedStatement query = connection
					.prepareStatement("SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = ?")) {
			query.setString(1, target.schema());
			try (ResultSet row = query.executeQuery()) {
				if (!row.next()) {
					throw new MigratorException(ErrorCode.FLEET_SCHEMA_MISSING, "The schema '" + target.schema()
							+ "' does not exist. Create it (the tenant's provisioning does), or leave it out of the "
							+ "fleet's targets.");
				}
			}
		}
		catch (SQLException ex) {
			throw new MigratorException(ErrorCode.DATABASE_ERROR,
					"Could not check that the schema '" + target.schema() + "' exists: " + ex.getMessage(), ex);
		}
	}

}
