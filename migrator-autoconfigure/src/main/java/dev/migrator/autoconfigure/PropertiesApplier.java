package dev.migrator.autoconfigure;

import dev.migrator.core.error.ErrorCode;

import dev.migrator.core.config.MigratorConfig;
import dev.migrator.core.error.MigratorException;
import dev.migrator.core.dialect.Dialects;
import dev.migrator.core.dialect.UnsupportedDatabaseException;
import dev.migrator.core.runtime.LockTimeoutRetry;

import java.time.Duration;

/**
 * Copies the {@code migrator.*} properties onto the engine's configuration builder. Unset
 * optional values keep the engine's defaults; every check of a value is the engine's, so
 * its message is the one users see.
 */
final class PropertiesApplier {

	private final MigratorProperties properties;

	PropertiesApplier(MigratorProperties properties) {
		this.properties = properties;
	}

	void applyTo(MigratorConfig.Builder builder) {
		MigratorProperties properties = this.properties;
		builder.locations(properties.getLocations());
		builder.javaPackages(properties.getJavaPackages());
		if (properties.getSchema() != null) {
			builder.schema(properties.getSchema());
		}
		builder.versionTable(properties.getVersionTable());
		builder.historyTable(properties.getHistoryTable());
		if (properties.getLockTimeout() != null) {
			builder.lockTimeout(properties.getLockTimeout());
		}
		if (properties.getStatementTimeout() != null) {
			builder.statementTimeout(properties.getStatementTimeout());
		}
		if (properties.getLockWait() != null) {
			builder.lockWait(properties.getLockWait());
		}
		if (properties.getChecksumPolicy() != null) {
			builder.checksumPolicy(properties.getChecksumPolicy());
		}
		MigratorProperties.LockRetry retry = properties.getLockRetry();
		builder.lockRetry(
				new LockTimeoutRetry(retry.getAttempts(), orZero(retry.getBaseDelay()), orZero(retry.getMaxDelay())));
		builder.lintEnable(properties.getLint().getEnable());
		builder.lintLargeTableRows(properties.getLint().getLargeTableRows());
		if (properties.getLint().getPostgresVersion() != null) {
			builder.lintPostgresVersion(properties.getLint().getPostgresVersion());
		}
		builder.placeholders(properties.getPlaceholders());
		MigratorProperties.Clients clients = properties.getClients();
		builder.clientsTable(clients.getTable());
		if (clients.getLiveWindow() != null) {
			builder.clientLiveWindow(clients.getLiveWindow());
		}
		builder.allowContractWithLiveClients(properties.getJob().isAllowContractWithLiveClients());
		applyDialect(builder);
		applyBackfill(builder, properties.getBackfill());
		applyReplica(builder, properties.getReplica());
		applyFleet(builder, properties.getFleet());
	}

	private static void applyFleet(MigratorConfig.Builder builder, MigratorProperties.Fleet fleet) {
		if (fleet.getSchemas() != null && !fleet.getSchemas().isBlank()) {
			builder.fleetSchemas(fleet.getSchemas());
		}
		if (fleet.getDatabases() != null && !fleet.getDatabases().isBlank()) {
			builder.fleetDatabases(fleet.getDatabases());
		}
		builder.fleetParallelism(fleet.getParallelism());
		builder.fleetWaves(fleet.getWaves());
		builder.fleetMaxFailures(fleet.getMaxFailures());
		if (fleet.getLease() != null) {
			builder.fleetLease(fleet.getLease());
		}
	}

	private void applyDialect(MigratorConfig.Builder builder) {
		String dialect = this.properties.getDialect();
		if (dialect == null || dialect.isBlank()) {
			return;
		}
		try {
			// The engine reads the name only when it needs it: checking it now fails
			// startup, not the job.
			builder.dialect(Dialects.byName(dialect).name());
		}
		catch (UnsupportedDatabaseException ex) {
			throw new MigratorException(ErrorCode.INVALID_CONFIGURATION, "migrator.dialect: " + ex.getMessage(), ex);
		}
	}

	private static void applyBackfill(MigratorConfig.Builder builder, MigratorProperties.Backfill backfill) {
		builder.runBackfillsOnUpgrade(backfill.isRunOnUpgrade());
		builder.backfillTable(backfill.getTable());
		if (backfill.getProgressInterval() != null) {
			builder.backfillProgressInterval(backfill.getProgressInterval());
		}
	}

	private static void applyReplica(MigratorConfig.Builder builder, MigratorProperties.Replica replica) {
		builder.replicaLagLimits(ReplicaLagLimits.of(replica));
		if (replica.getPollInterval() != null) {
			builder.replicaLagPollInterval(replica.getPollInterval());
		}
	}

	private static Duration orZero(Duration duration) {
		return (duration != null) ? duration : Duration.ZERO;
	}

}
