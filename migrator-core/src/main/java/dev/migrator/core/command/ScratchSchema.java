package dev.migrator.core.command;

import dev.migrator.core.config.MigratorConfig;
import dev.migrator.core.dialect.Dialect;
import dev.migrator.core.dialect.Dialects;
import dev.migrator.core.error.ErrorCode;
import dev.migrator.core.error.MigratorException;
import dev.migrator.core.fleet.FleetTarget;
import dev.migrator.core.fleet.SearchPathDataSource;
import dev.migrator.core.sql.DatabaseMessageRedaction;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Optional;

import javax.sql.DataSource;

/**
 * A scratch schema of the live PostgreSQL database, {@code migrator_drift_<random>}: the
 * copy's revisions run with it first on the search path, as a fleet target's do, so that
 * what they create lands in it; fenced ({@link ScratchFence}) so that what reaches past
 * it to the live schema is rolled back or refused; dropped with everything in it when
 * closed.
 */
final class ScratchSchema implements ScratchPlace {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final String PREFIX = "migrator_drift_";

	private final DataSource main;

	private final String name;

	private final MigratorConfig config;

	private final ScratchFence fence;

	private ScratchSchema(DataSource main, String name, MigratorConfig config, ScratchFence fence) {
		this.main = main;
		this.name = name;
		this.config = config;
		this.fence = fence;
	}

	static ScratchSchema create(MigratorConfig base, DataSource main, Connection live) {
		byte[] random = new byte[6];
		RANDOM.nextBytes(random);
		String name = PREFIX + HexFormat.of().formatHex(random);
		try (Statement statement = live.createStatement()) {
			live.setAutoCommit(true);
			statement.execute("CREATE SCHEMA " + Dialects.forConnection(live).quote(name));
		}
		catch (SQLException ex) {
			throw new MigratorException(ErrorCode.SCRATCH_DATABASE,
					"Could not create the scratch schema " + name + " that drift builds the revisions' schema in: "
							+ DatabaseMessageRedaction.redact(ex.getMessage())
							+ ". The user needs the CREATE privilege on the database.",
					ex);
		}
		ScratchFence fence = new ScratchFence(new SearchPathDataSource(main, new FleetTarget.Schema(name)), name);
		return new ScratchSchema(main, name, base.forScratch(fence, Optional.of(name)), fence);
	}

	@Override
	public String describe() {
		return "the scratch schema " + this.name;
	}

	@Override
	public Optional<MigratorException> escaped(RuntimeException failure, String building) {
		return this.fence.failure(failure, building);
	}

	@Override
	public MigratorConfig config() {
		return this.config;
	}

	@Override
	public void close() {
		try (Connection connection = DatabaseConnector.open(this.main);
				Statement statement = connection.createStatement()) {
			connection.setAutoCommit(true);
			Dialect dialect = Dialects.forConnection(connection);
			statement.execute("DROP SCHEMA IF EXISTS " + dialect.quote(this.name) + " CASCADE");
		}
		catch (SQLException ex) {
			throw new MigratorException(ErrorCode.SCRATCH_DATABASE,
					"Could not drop drift's scratch schema " + this.name + ": "
							+ DatabaseMessageRedaction.redact(ex.getMessage()) + ". Drop it by hand: DROP SCHEMA "
							+ this.name + " CASCADE.",
					ex);
		}
	}

}
