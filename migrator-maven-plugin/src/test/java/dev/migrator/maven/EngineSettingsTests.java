package dev.migrator.maven;

import dev.migrator.core.config.ChecksumPolicy;
import dev.migrator.core.config.MigratorConfig;
import dev.migrator.core.error.MigratorException;
import dev.migrator.core.lint.LintSettings;
import dev.migrator.core.lint.PostgresVersion;
import dev.migrator.core.replica.ReplicaDataSource;
import dev.migrator.core.runtime.LockTimeoutRetry;
import dev.migrator.core.script.LagLimits;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnitAccess;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The goals read every engine setting the starter reads, from the same keys, so that a
 * goal runs the engine as the application's migration job does.
 */
class EngineSettingsTests {

	/**
	 * Builder methods no goal calls, on purpose. Each takes an object of the
	 * application's code, which a Spring context supplies as a bean and a Maven build has
	 * no way to name.
	 */
	private static final Set<String> NOT_FOR_GOALS = Set.of(
			// Java migrations are instances: the goals find them through java-packages.
			"javaMigrations",
			// Extra revision sources are code, set by a MigratorConfigCustomizer bean.
			"source",
			// One placeholder at a time is for code; the goals set the whole map.
			"placeholder",
			// Listeners and the naming convention are beans of the application.
			"listener", "backfillListener", "namingConvention",
			// A fleet rolls out through the migration job (several processes sharing a
			// run
			// table); a goal works on the one database of the build. The targets bean is
			// code, too.
			"fleetSchemas", "fleetDatabases", "fleetTargets", "fleetParallelism", "fleetWaves", "fleetMaxFailures",
			"fleetLease", "fleetListener");

	@TempDir
	Path project;

	@Test
	void theGoalsCallEveryBuilderMethodButTheListedOnes() {
		JavaClasses goals = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("dev.migrator.maven");
		Set<String> called = goals.stream()
			.flatMap((type) -> Stream.concat(type.getMethodCallsFromSelf().stream(),
					type.getMethodReferencesFromSelf().stream()))
			.filter((access) -> access.getTargetOwner().isEquivalentTo(MigratorConfig.Builder.class))
			.map(JavaCodeUnitAccess::getName)
			.collect(Collectors.toCollection(TreeSet::new));
		Set<String> setters = builderSetters();
		assertThat(setters).as("the exceptions name builder methods").containsAll(NOT_FOR_GOALS);
		Set<String> missing = new TreeSet<>(setters);
		missing.removeAll(called);
		missing.removeAll(NOT_FOR_GOALS);
		assertThat(missing)
			.as("builder methods no goal calls: map the starter's property, or list the method "
					+ "in NOT_FOR_GOALS with the reason")
			.isEmpty();
	}

	@Test
	void everyEngineKeyOfTheStarterReachesTheEngine() {
		Map<String, String> keys = Map.ofEntries(Map.entry("migrator.lock-timeout", "3s"),
				Map.entry("migrator.statement-timeout", "1min"), Map.entry("migrator.lock-wait", "PT30S"),
				Map.entry("migrator.checksum-policy", "warn"), Map.entry("migrator.lock-retry.attempts", "2"),
				Map.entry("migrator.lock-retry.base-delay", "100ms"), Map.entry("migrator.lock-retry.max-delay", "1s"),
				Map.entry("migrator.clients.table", "app_clients"), Map.entry("migrator.clients.live-window", "90s"),
				Map.entry("migrator.job.allow-contract-with-live-clients", "true"),
				Map.entry("migrator.backfill.run-on-upgrade", "true"), Map.entry("migrator.backfill.table", "jobs"),
				Map.entry("migrator.backfill.progress-interval", "5s"),
				Map.entry("migrator.replica.max-lag-bytes", "64MB"),
				Map.entry("migrator.replica.resume-lag-bytes", "16MB"), Map.entry("migrator.replica.max-lag", "10s"),
				Map.entry("migrator.replica.poll-interval", "2s"),
				Map.entry("migrator.replica.sources.east.url", "jdbc:postgresql://east/app"),
				Map.entry("migrator.replica.sources.east.username", "reader"), Map.entry("migrator.schema", "app"),
				Map.entry("migrator.version-table", "versions"), Map.entry("migrator.history-table", "steps"),
				Map.entry("migrator.dialect", "postgresql"),
				Map.entry("migrator.lint.enable", "prefer-bigint, prefer-text"),
				Map.entry("migrator.lint.postgres-version", "16.2"),
				Map.entry("migrator.lint.large-table-rows", "50000"),
				Map.entry("migrator.placeholders.appSchema", "billing"),
				Map.entry("migrator.placeholders[flyway:user]", "ops"), Map.entry("migrator.placeholders.empty", ""));
		MigratorConfig config = config(keys);
		assertThat(config.settings().lockTimeout()).contains(Duration.ofSeconds(3));
		assertThat(config.settings().statementTimeout()).contains(Duration.ofMinutes(1));
		assertThat(config.lockWait()).isEqualTo(Duration.ofSeconds(30));
		assertThat(config.checksumPolicy()).isEqualTo(ChecksumPolicy.WARN);
		assertThat(config.lockRetry())
			.isEqualTo(new LockTimeoutRetry(2, Duration.ofMillis(100), Duration.ofSeconds(1)));
		assertThat(config.compatibility().clientsTable()).isEqualTo("app_clients");
		assertThat(config.compatibility().liveWindow()).isEqualTo(Duration.ofSeconds(90));
		assertThat(config.compatibility().allowContractWithLiveClients()).isTrue();
		assertThat(config.backfillSettings().runOnUpgrade()).isTrue();
		assertThat(config.backfillSettings().table()).isEqualTo("jobs");
		assertThat(config.backfillSettings().progressInterval()).isEqualTo(Duration.ofSeconds(5));
		assertThat(config.replicaSettings().limits()).isEqualTo(new LagLimits(OptionalLong.of(64L << 20),
				OptionalLong.of(16L << 20), Optional.of(Duration.ofSeconds(10)), Optional.of(Duration.ofSeconds(5))));
		assertThat(config.replicaSettings().pollInterval()).isEqualTo(Duration.ofSeconds(2));
		assertThat(config.replicaSettings().replicas()).extracting(ReplicaDataSource::name).containsExactly("east");
		assertThat(config.tables().schema()).contains("app");
		assertThat(config.tables().versionTable()).isEqualTo("versions");
		assertThat(config.tables().historyTable()).isEqualTo("steps");
		assertThat(config.dialect()).contains("postgresql");
		assertThat(config.lint()).isEqualTo(LintSettings.enabling(List.of("prefer-bigint", "prefer-text"))
			.withPostgresVersion(new PostgresVersion(16, 2))
			.withLargeTableRows(50_000));
		assertThat(config.placeholders()).isEqualTo(Map.of("appSchema", "billing", "flyway:user", "ops", "empty", ""));
	}

	@Test
	void unsetKeysKeepTheEnginesDefaults() {
		MigratorConfig config = config(Map.of());
		MigratorConfig defaults = MigratorConfig.builder().build();
		assertThat(config.settings()).isEqualTo(defaults.settings());
		assertThat(config.lockWait()).isEqualTo(defaults.lockWait());
		assertThat(config.checksumPolicy()).isEqualTo(defaults.checksumPolicy());
		assertThat(config.lockRetry()).isEqualTo(defaults.lockRetry());
		assertThat(config.compatibility()).isEqualTo(defaults.compatibility());
		assertThat(config.replicaSettings()).isEqualTo(defaults.replicaSettings());
		assertThat(config.backfillSettings().table()).isEqualTo(defaults.backfillSettings().table());
	}

	@Test
	void aUserPropertyWinsOverTheFileInAnySpelling() {
		ApplicationProperties application = ApplicationProperties
			.of(Map.of("migrator.lock-timeout", "3s", "migrator.lockWait", "1min"))
			.overriddenBy(Map.of("migrator.lockTimeout", "7s", "migrator.lock-wait", "2min", "other.key", "x"));
		MigratorConfig config = config(application);
		assertThat(config.settings().lockTimeout()).contains(Duration.ofSeconds(7));
		assertThat(config.lockWait()).isEqualTo(Duration.ofMinutes(2));
		assertThat(application.get("other.key")).isEmpty();
	}

	@Test
	void aWrongValueFailsWithItsKey() {
		assertThatExceptionOfType(MigratorException.class)
			.isThrownBy(() -> config(Map.of("migrator.lock-timeout", "soon")))
			.withMessageContaining("migrator.lock-timeout: 'soon' is not a duration");
		assertThatExceptionOfType(MigratorException.class)
			.isThrownBy(() -> config(Map.of("migrator.checksum-policy", "ignore")))
			.withMessageContaining(
					"migrator.checksum-policy: 'ignore' is not a checksum policy: write one of fail, warn");
		assertThatExceptionOfType(MigratorException.class)
			.isThrownBy(() -> config(Map.of("migrator.replica.max-lag-bytes", "lots")))
			.withMessageContaining("migrator.replica.max-lag-bytes: 'lots' is not a size");
		assertThatExceptionOfType(MigratorException.class)
			.isThrownBy(() -> config(Map.of("migrator.replica.resume-lag", "2s")))
			.withMessageContaining("migrator.replica.resume-lag is PT2S but migrator.replica.max-lag is not set");
		assertThatExceptionOfType(MigratorException.class)
			.isThrownBy(() -> config(Map.of("migrator.replica.sources.east.username", "reader")))
			.withMessageContaining("migrator.replica.sources.east.url is empty");
	}

	private MigratorConfig config(Map<String, String> application) {
		return config(ApplicationProperties.of(application));
	}

	private MigratorConfig config(ApplicationProperties application) {
		PluginSettings settings = PluginSettings.resolve(PluginParameters.none(), application, this.project,
				List.of(this.project.resolve("src/main/resources")));
		return new SqlMojo().config(settings, getClass().getClassLoader());
	}

	/** The builder's setters by name: its public methods that return the builder. */
	static Set<String> builderSetters() {
		return Arrays.stream(MigratorConfig.Builder.class.getDeclaredMethods())
			.filter((method) -> Modifier.isPublic(method.getModifiers()))
			.filter((method) -> method.getReturnType() == MigratorConfig.Builder.class)
			.map(Method::getName)
			.collect(Collectors.toCollection(TreeSet::new));
	}

}
