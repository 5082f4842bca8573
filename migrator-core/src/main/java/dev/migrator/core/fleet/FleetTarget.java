package dev.migrator.core.fleet;

import dev.migrator.core.error.ErrorCode;
import dev.migrator.core.error.MigratorException;
import dev.migrator.core.sql.JdbcUrlRedaction;

import java.util.Optional;

/**
 * One member of a fleet: a tenant's schema in the main database, or a tenant's own
 * database. Either holds the tenant's tables and its own version and history tables.
 * {@link #name()} is what the run table, the reports and the logs call it, and never
 * holds a secret.
 */
public sealed interface FleetTarget permits FleetTarget.Schema, FleetTarget.Database {

	/** What identifies the target in the run table, reports and logs; no credentials. */
	String name();

	/** The kind as the run table spells it. */
	String kind();

	/** A tenant's schema in the main database. */
	static FleetTarget schema(String schema) {
		return new Schema(schema);
	}

	/**
	 * A tenant's database, with the main DataSource's credentials unless the URL carries
	 * its own.
	 */
	static FleetTarget database(String url) {
		return new Database(url, Optional.empty(), Optional.empty());
	}

	/** A tenant's database with its own credentials. */
	static FleetTarget database(String url, Optional<String> user, Optional<String> password) {
		return new Database(url, user, password);
	}

	/**
	 * A tenant's schema in the main database: revisions run with it first on the search
	 * path, and its state tables are in it.
	 *
	 * @param schema the schema's name as the database spells it (no folding applies)
	 */
	record Schema(String schema) implements FleetTarget {

		/** The run table's spelling of this kind. */
		public static final String KIND = "schema";

		public Schema {
			if (schema == null || schema.isBlank()) {
				throw new MigratorException(ErrorCode.FLEET_TARGETS_INVALID,
						"A fleet target has an empty schema name. Every target must name its schema.");
			}
		}

		@Override
		public String name() {
			return this.schema;
		}

		@Override
		public String kind() {
			return KIND;
		}

		@Override
		public String toString() {
			return this.schema;
		}

	}

	/**
	 * A tenant's own database, reached by its JDBC URL: its state tables are in it (in
	 * {@code migrator.schema}, or the connection's default schema) and its run lock is
	 * its own. Its name is the URL without credentials; the user and password never leave
	 * this record (its {@code toString} is the name).
	 *
	 * @param url the JDBC URL, possibly carrying credentials
	 * @param user the user to connect as; empty for the URL's or the main DataSource's
	 * @param password the password; empty for the URL's or the main DataSource's
	 */
	record Database(String url, Optional<String> user, Optional<String> password) implements FleetTarget {

		/** The run table's spelling of this kind. */
		public static final String KIND = "database";

		public Database {
			if (url == null || url.isBlank()) {
				throw new MigratorException(ErrorCode.FLEET_TARGETS_INVALID,
						"A fleet target has an empty JDBC URL. Every database target must give its URL.");
			}
			if (!url.startsWith("jdbc:")) {
				throw new MigratorException(ErrorCode.FLEET_TARGETS_INVALID, "A fleet target's URL '"
						+ JdbcUrlRedaction.withoutCredentials(url) + "' is not a JDBC URL (jdbc:...).");
			}
			user = user.filter((u) -> !u.isEmpty());
			password = password.filter((p) -> !p.isEmpty());
		}

		@Override
		public String name() {
			return JdbcUrlRedaction.withoutCredentials(this.url);
		}

		@Override
		public String kind() {
			return KIND;
		}

		@Override
		public String toString() {
			return name();
		}

	}

}
