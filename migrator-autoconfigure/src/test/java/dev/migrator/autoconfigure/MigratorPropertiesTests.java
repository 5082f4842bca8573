package dev.migrator.autoconfigure;

import dev.migrator.core.config.MigratorConfig;
import dev.migrator.core.runtime.LockTimeoutRetry;
import dev.migrator.core.script.PhaseFilter;
import dev.migrator.core.script.Target;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MigratorProperties}.
 */
class MigratorPropertiesTests {

	@Test
	void defaultsAreTheEngineDefaults() {
		MigratorProperties properties = new MigratorProperties();
		MigratorConfig engine = MigratorConfig.builder().build();
		assertThat(properties.isEnabled()).isTrue();
		assertThat(properties.getLocations()).isEqualTo(engine.locations())
			.containsExactly(MigratorConfig.DEFAULT_LOCATION);
		assertThat(properties.getJavaPackages()).isEqualTo(engine.javaPackages());
		assertThat(Optional.ofNullable(properties.getSchema())).isEqualTo(engine.tables().schema());
		assertThat(properties.getVersionTable()).isEqualTo(engine.tables().versionTable());
		assertThat(properties.getHistoryTable()).isEqualTo(engine.tables().historyTable());
		assertThat(Optional.ofNullable(properties.getLockTimeout())).isEqualTo(engine.settings().lockTimeout());
		assertThat(Optional.ofNullable(properties.getStatementTimeout()))
			.isEqualTo(engine.settings().statementTimeout());
		assertThat(properties.getLockWait()).isEqualTo(engine.lockWait()).isEqualTo(MigratorConfig.DEFAULT_LOCK_WAIT);
		assertThat(properties.getChecksumPolicy()).isEqualTo(engine.checksumPolicy());
		assertThat(properties.getUrl()).isNull();
		assertThat(properties.getUser()).isNull();
		assertThat(properties.getPassword()).isNull();
		MigratorProperties.LockRetry retry = properties.getLockRetry();
		assertThat(new LockTimeoutRetry(retry.getAttempts(), retry.getBaseDelay(), retry.getMaxDelay()))
			.isEqualTo(engine.lockRetry());
		assertThat(properties.getClients().getTable()).isEqualTo(engine.compatibility().clientsTable());
		assertThat(properties.getLint().getEnable()).isEmpty();
		assertThat(engine.lint().enabled()).isEmpty();
		assertThat(properties.getLint().getPostgresVersion()).isNull();
		assertThat(engine.lint().postgresVersion()).isEmpty();
		assertThat(properties.getLint().getLargeTableRows()).isEqualTo(engine.lint().largeTableRows())
			.isEqualTo(10_000);
		assertThat(properties.getClients().getLiveWindow()).isEqualTo(engine.compatibility().liveWindow());
		assertThat(properties.getJob().isAllowContractWithLiveClients())
			.isEqualTo(engine.compatibility().allowContractWithLiveClients());
		assertThat(Optional.ofNullable(properties.getDialect())).isEqualTo(engine.dialect());
		MigratorProperties.Backfill backfill = properties.getBackfill();
		assertThat(backfill.isRunOnUpgrade()).isEqualTo(engine.backfillSettings().runOnUpgrade()).isTrue();
		assertThat(backfill.getTable()).isEqualTo(engine.backfillSettings().table()).isEqualTo("migrator_backfill");
		assertThat(backfill.getProgressInterval()).isEqualTo(engine.backfillSettings().progressInterval())
			.isEqualTo(Duration.ofSeconds(10));
		MigratorProperties.Replica replica = properties.getReplica();
		assertThat(ReplicaLagLimits.of(replica)).isEqualTo(engine.replicaSettings().limits());
		assertThat(replica.getPollInterval()).isEqualTo(engine.replicaSettings().pollInterval())
			.isEqualTo(Duration.ofSeconds(1));
		assertThat(replica.getSources()).isEmpty();
		assertThat(engine.replicaSettings().replicas()).isEmpty();
	}

	@Test
	void jobDefaultsLintInCheckAndNameNoBackfill() {
		MigratorProperties.Job job = new MigratorProperties().getJob();
		assertThat(job.isCheckLint()).isTrue();
		assertThat(job.getBackfill()).isNull();
		assertThat(job.getLintReport()).isNull();
		assertThat(job.getLintClasspathRoot()).isNull();
	}

	@Test
	void clientsRecordThemselvesByDefaultWellWithinTheLiveWindow() {
		MigratorProperties.Clients clients = new MigratorProperties().getClients();
		assertThat(clients.isEnabled()).isTrue();
		assertThat(clients.getHeartbeatInterval().multipliedBy(3)).isLessThanOrEqualTo(clients.getLiveWindow());
	}

	@Test
	void jobDefaultsUpgradeToEveryHead() {
		MigratorProperties.Job job = new MigratorProperties().getJob();
		assertThat(job.getProfile()).isEqualTo("migrate").isEqualTo(MigrationJobProfile.DEFAULT_PROFILE);
		assertThat(job.getCommand()).isEqualTo(JobCommand.UPGRADE);
		assertThat(Target.parse(job.getTarget())).isInstanceOf(Target.Heads.class);
		assertThat(Target.parse(job.getFrom())).isInstanceOf(Target.Base.class);
		assertThat(job.getRange()).isEmpty();
		assertThat(job.isExit()).isTrue();
		assertThat(job.getPhase()).isEqualTo(PhaseFilter.ALL);
	}

	@Test
	void everyEngineSettingIsAPropertyOrABeanOrDeliberatelyLeftOut() {
		List<String> engineSettings = new ArrayList<>(Arrays.stream(MigratorConfig.class.getDeclaredMethods())
			.filter((method) -> Modifier.isPublic(method.getModifiers()) && !Modifier.isStatic(method.getModifiers())
					&& method.getParameterCount() == 0)
			.map(Method::getName)
			.toList());
		// Properties: dataSource (url, user, password or the application's), locations,
		// javaPackages, tables
		// (schema, versionTable, historyTable), settings (lockTimeout, statementTimeout),
		// lockWait, checksumPolicy.
		// Beans: javaMigrations, listeners, namingConvention, and customizers for
		// extraSources. The class loader is
		// the application's.
		// The dialect only matters offline, and the job always has a DataSource to tell
		// it.
		// Properties: lockRetry (lock-retry.*), compatibility (clients.table,
		// clients.live-window,
		// job.allow-contract-with-live-clients), lint (lint.enable,
		// lint.postgres-version, lint.large-table-rows). The backfill and
		// replica settings belong
		// to their own features. Fleet: fleet.* and a FleetTargets bean; the run table is
		// named after the version table.
		assertThat(engineSettings).containsExactlyInAnyOrder("dataSource", "locations", "javaMigrations",
				"javaPackages", "extraSources", "classLoader", "tables", "settings", "lockWait", "checksumPolicy",
				"dialect", "listeners", "namingConvention", "backfillSettings", "replicaSettings", "lockRetry",
				"compatibility", "lint", "placeholders", "fleet", "fleetRunTable");
	}

	@Test
	void metadataDescribesEveryPropertyInOneSentence() throws IOException {
		String metadata = generatedMetadata();
		metadata = metadata.substring(metadata.indexOf("\"properties\""), metadata.indexOf("\"hints\""));
		Matcher property = Pattern.compile("\\{\\s*\"name\": \"(migrator\\.[^\"]+)\",(.*?)\\}", Pattern.DOTALL)
			.matcher(metadata);
		Map<String, String> descriptions = new java.util.TreeMap<>();
		while (property.find()) {
			Matcher description = Pattern.compile("\"description\": \"([^\"]*)\"").matcher(property.group(2));
			descriptions.put(property.group(1), description.find() ? description.group(1) : "");
		}
		assertThat(descriptions).containsKeys("migrator.enabled", "migrator.locations", "migrator.java-packages",
				"migrator.schema", "migrator.version-table", "migrator.history-table", "migrator.lock-timeout",
				"migrator.statement-timeout", "migrator.lock-wait", "migrator.checksum-policy", "migrator.url",
				"migrator.user", "migrator.password", "migrator.job.profile", "migrator.job.command",
				"migrator.job.target", "migrator.job.from", "migrator.job.range", "migrator.job.exit",
				"migrator.job.phase", "migrator.job.allow-contract-with-live-clients", "migrator.lock-retry.attempts",
				"migrator.lock-retry.base-delay", "migrator.lock-retry.max-delay", "migrator.clients.enabled",
				"migrator.clients.heartbeat-interval", "migrator.clients.live-window", "migrator.clients.table");
		assertThat(descriptions).containsKeys("migrator.dialect", "migrator.backfill.run-on-upgrade",
				"migrator.backfill.table", "migrator.backfill.progress-interval", "migrator.replica.max-lag-bytes",
				"migrator.replica.resume-lag-bytes", "migrator.replica.max-lag", "migrator.replica.resume-lag",
				"migrator.replica.poll-interval", "migrator.replica.sources", "migrator.job.backfill",
				"migrator.job.lint-report", "migrator.job.lint-classpath-root", "migrator.job.check-lint",
				"migrator.lint.enable", "migrator.lint.postgres-version", "migrator.lint.large-table-rows",
				"migrator.placeholders");
		descriptions.forEach((name, text) -> {
			assertThat(text).as(name).endsWith(".").doesNotContain(". ");
		});
		assertThat(descriptions.get("migrator.enabled")).startsWith("Whether");
		assertThat(descriptions.get("migrator.job.exit")).startsWith("Whether");
		assertThat(descriptions.get("migrator.clients.enabled")).startsWith("Whether");
		assertThat(descriptions.get("migrator.job.allow-contract-with-live-clients")).startsWith("Whether");
	}

	@Test
	void metadataShowsTheDefaults() throws IOException {
		String metadata = generatedMetadata();
		assertThat(metadata).containsPattern("\"name\": \"migrator.lock-wait\",[^}]*\"defaultValue\": \"10m\"");
		assertThat(metadata)
			.containsPattern("\"name\": \"migrator.version-table\",[^}]*\"defaultValue\": \"migrator_version\"");
		// JSON may escape the slash.
		assertThat(metadata).containsPattern("\"name\": \"migrator.locations\",[^}]*\"classpath:db\\\\?/revisions\"");
		assertThat(metadata).containsPattern("\"name\": \"migrator.job.command\",[^}]*\"defaultValue\": \"upgrade\"");
		assertThat(metadata)
			.containsPattern("\"name\": \"migrator.backfill.table\",[^}]*\"defaultValue\": \"migrator_backfill\"");
		assertThat(metadata)
			.containsPattern("\"name\": \"migrator.backfill.progress-interval\",[^}]*\"defaultValue\": \"10s\"");
		assertThat(metadata)
			.containsPattern("\"name\": \"migrator.replica.poll-interval\",[^}]*\"defaultValue\": \"1s\"");
		assertThat(metadata).containsPattern("\"name\": \"migrator.job.check-lint\",[^}]*\"defaultValue\": true");
		assertThat(metadata)
			.containsPattern("\"name\": \"migrator.lint.large-table-rows\",[^}]*\"defaultValue\": 10000");
	}

	private static String generatedMetadata() throws IOException {
		try (InputStream in = MigratorPropertiesTests.class
			.getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			assertThat(in).as("metadata generated by the configuration processor").isNotNull();
			return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		}
	}

}
