package dev.migrator.core.compat;

import dev.migrator.core.error.ErrorCode;

import dev.migrator.core.error.MigratorException;

import java.time.Duration;
import java.util.Objects;

/**
 * How the compatibility guard finds running instances and what it lets through.
 *
 * @param clientsTable the table running instances record themselves in, in the version
 * table's schema
 * @param liveWindow how recent an instance's last heartbeat must be for it to count as
 * running
 * @param allowContractWithLiveClients whether a contract revision runs even though live
 * instances predate it (the override: logged, never silent)
 */
public record CompatibilitySettings(String clientsTable, Duration liveWindow, boolean allowContractWithLiveClients) {

	public static final String DEFAULT_CLIENTS_TABLE = "migrator_clients";

	public static final Duration DEFAULT_LIVE_WINDOW = Duration.ofSeconds(60);

	public CompatibilitySettings {
		Objects.requireNonNull(clientsTable, "clientsTable");
		Objects.requireNonNull(liveWindow, "liveWindow");
		if (clientsTable.isBlank()) {
			throw new MigratorException(ErrorCode.INVALID_CONFIGURATION,
					"The clients table name is empty. Give it a name.");
		}
		if (liveWindow.isNegative() || liveWindow.isZero()) {
			throw new MigratorException(ErrorCode.INVALID_CONFIGURATION,
					"The client live window must be positive, but is " + liveWindow
							+ ". Give a duration of a few heartbeat intervals, such as 60s.");
		}
	}

	public static CompatibilitySettings defaults() {
		return new CompatibilitySettings(DEFAULT_CLIENTS_TABLE, DEFAULT_LIVE_WINDOW, false);
	}

}
