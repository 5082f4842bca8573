package dev.migrator.maven;

import dev.migrator.core.error.ErrorCode;

import dev.migrator.core.config.MigratorConfig;
import dev.migrator.core.config.ReplicaLagSettings;
import dev.migrator.core.error.MigratorException;
import dev.migrator.core.runtime.LockTimeoutRetry;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The starter's engine settings beyond the connection, the locations and the state tables
 * (those are {@link PluginSettings}): timeouts, the checksum policy, lock retries, the
 * clients table, backfills, replica lag, the opt-in lint rules and the placeholders. They
 * are read from the same keys as the starter reads, in application.properties or as
 * {@code -D} user properties, so that a goal runs the engine the way the application's
 * migration job does. An unset key keeps the engine's default, which is the starter's
 * default too.
 */
final class EngineSettings {

	static final String REPLICA_SOURCES = "migrator.replica.sources.";

	private final ApplicationProperties properties;

	EngineSettings(ApplicationProperties properties) {
		this.properties = properties;
	}

	/**
	 * Sets every configured value on the builder; values are read here, so that a wrong
	 * one fails the goal with its key.
	 */
	void applyTo(MigratorConfig.Builder builder, ClassLoader loader) {
		duration("migrator.lock-timeout").ifPresent(builder::lockTimeout);
		duration("migrator.statement-timeout").ifPresent(builder::statementTimeout);
		duration("migrator.lock-wait").ifPresent(builder::lockWait);
		setting("migrator.checksum-policy").map(Setting::checksumPolicy).ifPresent(builder::checksumPolicy);
		lockRetry().ifPresent(builder::lockRetry);
		setting("migrator.clients.table").map(Setting::value).ifPresent(builder::clientsTable);
		duration("migrator.clients.live-window").ifPresent(builder::clientLiveWindow);
		flag("migrator.job.allow-contract-with-live-clients").ifPresent(builder::allowContractWithLiveClients);
		flag("migrator.backfill.run-on-upgrade").ifPresent(builder::runBackfillsOnUpgrade);
		setting("migrator.backfill.table").map(Setting::value).ifPresent(builder::backfillTable);
		duration("migrator.backfill.progress-interval").ifPresent(builder::backfillProgressInterval);
		builder.replicaLagLimits(ReplicaLagSettings.limits(bytes("migrator.replica.max-lag-bytes"),
				bytes("migrator.replica.resume-lag-bytes"), duration("migrator.replica.max-lag"),
				duration("migrator.replica.resume-lag")));
		duration("migrator.replica.poll-interval").ifPresent(builder::replicaLagPollInterval);
		setting("migrator.lint.enable").map((s) -> PluginSettings.list(s.value())).ifPresent(builder::lintEnable);
		setting("migrator.lint.postgres-version").map(Setting::value).ifPresent(builder::lintPostgresVersion);
		setting("migrator.lint.large-table-rows").map(Setting::number).ifPresent(builder::lintLargeTableRows);
		builder.placeholders(this.properties.entries("migrator.placeholders"));
		for (String name : this.properties.mapKeys(REPLICA_SOURCES)) {
			builder.replica(name, replica(name, loader));
		}
	}

	/**
	 * The starter's lock retry: the attempts and delays given, the defaults for others.
	 */
	private Optional<LockTimeoutRetry> lockRetry() {
		Optional<Integer> attempts = setting("migrator.lock-retry.attempts").map(Setting::number);
		Optional<Duration> baseDelay = duration("migrator.lock-retry.base-delay");
		Optional<Duration> maxDelay = duration("migrator.lock-retry.max-delay");
		if (attempts.isEmpty() && baseDelay.isEmpty() && maxDelay.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(new LockTimeoutRetry(attempts.orElse(LockTimeoutRetry.DEFAULT_ATTEMPTS),
				baseDelay.orElse(LockTimeoutRetry.DEFAULT_BASE_DELAY),
				maxDelay.orElse(LockTimeoutRetry.DEFAULT_MAX_DELAY)));
	}

	private DriverDataSource replica(String name, ClassLoader loader) {
		String prefix = REPLICA_SOURCES + name + ".";
		String url = this.properties.get(prefix + "url")
			.orElseThrow(
					() -> new MigratorException(ErrorCode.INVALID_CONFIGURATION, prefix + "url is empty. Set it to the "
							+ "JDBC URL of replica " + name + ", or remove " + REPLICA_SOURCES + name + "."));
		// Unpooled, as the starter's: lag is read once per poll interval.
		return new DriverDataSource(url, this.properties.get(prefix + "username"),
				this.properties.get(prefix + "password"), loader);
	}

	private Optional<Setting> setting(String key) {
		return this.properties.get(key).map((value) -> new Setting(key, value));
	}

	private Optional<Duration> duration(String key) {
		return setting(key).map(Setting::duration);
	}

	private Optional<Boolean> flag(String key) {
		return setting(key).map(Setting::flag);
	}

	private OptionalLong bytes(String key) {
		return setting(key).map((setting) -> OptionalLong.of(setting.bytes())).orElse(OptionalLong.empty());
	}

}
