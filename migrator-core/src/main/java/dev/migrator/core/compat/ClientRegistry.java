package dev.migrator.core.compat;

import dev.migrator.core.error.ErrorCode;

import dev.migrator.core.error.MigratorException;
import dev.migrator.core.dialect.Dialect;
import dev.migrator.core.dialect.Dialects;
import dev.migrator.core.runtime.StateTables;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import javax.sql.DataSource;

/**
 * The table where running application instances record themselves: id, application and
 * version, the revisions their code needs, last heartbeat. A web application writes only
 * here; the engine reads it before a contract revision. Instants come from the writer's
 * clock: keep the live window several heartbeat intervals long so that clock skew between
 * machines does not matter.
 */
public final class ClientRegistry {

	/**
	 * Rows whose heartbeat is older than this are removed when an instance registers:
	 * they died long ago.
	 */
	static final Duration FORGET_AFTER = Duration.ofDays(7);

	private final DataSource dataSource;

	private final StateTables tables;

	private final CompatibilitySettings settings;

	private final Clock clock;

	public ClientRegistry(DataSource dataSource, StateTables tables, CompatibilitySettings settings) {
		this(dataSource, tables, settings, Clock.systemUTC());
	}

	public ClientRegistry(DataSource dataSource, StateTables tables, CompatibilitySettings settings, Clock clock) {
		this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
		this.tables = Objects.requireNonNull(tables, "tables");
		this.settings = Objects.requireNonNull(settings, "settings");
		this.clock = Objects.requireNonNull(clock, "clock");
	}

	/**
	 * Records the instance (again). Only DML: the migration job creates the table, and a
	 * web application's database role needs no more than SELECT, INSERT, UPDATE and
	 * DELETE on it.
	 */
	public void register(ClientInstance client) {
		withConnection("register " + client.instanceId(), (connection, dialect) -> {
			if (!exists(connection, dialect)) {
				throw new SQLException("the table does not exist; the migration job creates it with the state tables");
			}
			Instant now = this.clock.instant();
			forgetDead(connection, dialect, now);
			try (PreparedStatement statement = connection.prepareStatement("INSERT INTO " + table(dialect)
					+ " (instance_id, application, version, heads, registered_at, heartbeat_at) VALUES (?, ?, ?, ?, ?, ?) "
					+ "ON CONFLICT (instance_id) DO UPDATE SET application = excluded.application, version = "
					+ "excluded.version, heads = excluded.heads, heartbeat_at = excluded.heartbeat_at")) {
				statement.setString(1, client.instanceId());
				statement.setString(2, client.application());
				statement.setString(3, client.version());
				statement.setString(4, String.join(",", client.heads()));
				dialect.setInstant(statement, 5, now);
				dialect.setInstant(statement, 6, now);
				statement.executeUpdate();
			}
			return null;
		});
	}

	/**
	 * Says the instance is alive; false when it has no row (the table was emptied):
	 * register it again then.
	 */
	public boolean heartbeat(String instanceId) {
		return withConnection("heartbeat " + instanceId, (connection, dialect) -> {
			if (!exists(connection, dialect)) {
				return false;
			}
			try (PreparedStatement statement = connection
				.prepareStatement("UPDATE " + table(dialect) + " SET heartbeat_at = ? WHERE instance_id = ?")) {
				dialect.setInstant(statement, 1, this.clock.instant());
				statement.setString(2, instanceId);
				return statement.executeUpdate() > 0;
			}
		});
	}

	/** Removes the instance's row, as it shuts down. */
	public void deregister(String instanceId) {
		withConnection("deregister " + instanceId, (connection, dialect) -> {
			if (exists(connection, dialect)) {
				try (PreparedStatement statement = connection
					.prepareStatement("DELETE FROM " + table(dialect) + " WHERE instance_id = ?")) {
					statement.setString(1, instanceId);
					statement.executeUpdate();
				}
			}
			return null;
		});
	}

	/**
	 * The instances whose last heartbeat is within the live window, oldest heartbeat
	 * first. Reads only.
	 */
	public List<RegisteredClient> liveClients() {
		return withConnection("read the live clients", this::liveClients);
	}

	/** Every recorded instance, live or not, oldest heartbeat first. Reads only. */
	public List<RegisteredClient> clients() {
		return withConnection("read the clients", this::clients);
	}

	/**
	 * The live instances, read on the caller's connection; none when the table does not
	 * exist.
	 */
	public List<RegisteredClient> liveClients(Connection connection, Dialect dialect) throws SQLException {
		Instant since = this.clock.instant().minus(this.settings.liveWindow());
		return clients(connection, dialect).stream().filter((c) -> !c.lastHeartbeat().isBefore(since)).toList();
	}

	/** Now, by the registry's clock. */
	public Instant now() {
		return this.clock.instant();
	}

	private List<RegisteredClient> clients(Connection connection, Dialect dialect) throws SQLException {
		if (!exists(connection, dialect)) {
			return List.of();
		}
		List<RegisteredClient> clients = new ArrayList<>();
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT instance_id, application, version, heads, registered_at, "
						+ "heartbeat_at FROM " + table(dialect))) {
			while (rs.next()) {
				String heads = rs.getString("heads");
				Set<String> ids = (heads == null || heads.isBlank()) ? Set.of()
						: Arrays.stream(heads.split(","))
							.map(String::trim)
							.filter((h) -> !h.isEmpty())
							.collect(Collectors.toSet());
				clients.add(new RegisteredClient(rs.getString("instance_id"), rs.getString("application"),
						rs.getString("version"), ids, dialect.getInstant(rs, "registered_at"),
						dialect.getInstant(rs, "heartbeat_at")));
			}
		}
		clients.sort(java.util.Comparator.comparing(RegisteredClient::lastHeartbeat)
			.thenComparing(RegisteredClient::instanceId));
		return clients;
	}

	private void forgetDead(Connection connection, Dialect dialect, Instant now) throws SQLException {
		Instant before = now.minus(FORGET_AFTER);
		for (RegisteredClient client : clients(connection, dialect)) {
			if (client.lastHeartbeat().isBefore(before)) {
				try (PreparedStatement statement = connection
					.prepareStatement("DELETE FROM " + table(dialect) + " WHERE instance_id = ?")) {
					statement.setString(1, client.instanceId());
					statement.executeUpdate();
				}
			}
		}
	}

	private boolean exists(Connection connection, Dialect dialect) throws SQLException {
		return dialect.tableExists(connection, this.tables.schema(), this.settings.clientsTable());
	}

	private String table(Dialect dialect) {
		return dialect.qualify(this.tables.schema(), this.settings.clientsTable());
	}

	private <T> T withConnection(String what, Work<T> work) {
		try (Connection connection = this.dataSource.getConnection()) {
			connection.setAutoCommit(true);
			return work.run(connection, Dialects.forConnection(connection));
		}
		catch (SQLException ex) {
			throw new MigratorException(ErrorCode.CLIENT_REGISTRY,
					"Could not " + what + " in the clients table " + this.settings.clientsTable() + ": "
							+ ex.getMessage()
							+ ". Run the migration job once (it creates the table), and grant the application's user "
							+ "SELECT, INSERT, UPDATE and DELETE on it; or switch the registry off "
							+ "(migrator.clients.enabled=false).",
					ex);
		}
	}

	/** Work on one connection with its dialect. */
	@FunctionalInterface
	private interface Work<T> {

		T run(Connection connection, Dialect dialect) throws SQLException;

	}

}
