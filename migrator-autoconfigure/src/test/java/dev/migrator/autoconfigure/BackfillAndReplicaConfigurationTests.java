package dev.migrator.autoconfigure;

import dev.migrator.core.config.MigratorConfig;
import dev.migrator.core.backfill.BackfillListener;
import dev.migrator.core.script.LagLimits;
import dev.migrator.core.replica.ReplicaDataSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for how the {@code migrator.backfill.*}, {@code migrator.replica.*} and
 * {@code migrator.dialect} properties and {@link BackfillListener} beans reach the
 * engine's configuration.
 */
class BackfillAndReplicaConfigurationTests {

	private static final long MB = 1024 * 1024;

	@TempDir
	Path temp;

	private ApplicationContextRunner runner() {
		return new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(DataSourceAutoConfiguration.class, MigratorAutoConfiguration.class))
			.withPropertyValues(new SqliteFile(this.temp.resolve("app.db")).dataSourceProperty());
	}

	@Test
	void backfillPropertiesReachTheEngine() {
		runner()
			.withPropertyValues("migrator.backfill.run-on-upgrade=true", "migrator.backfill.table=data_jobs",
					"migrator.backfill.progress-interval=30s")
			.run((context) -> {
				MigratorConfig config = context.getBean(MigratorConfig.class);
				assertThat(config.backfillSettings().runOnUpgrade()).isTrue();
				assertThat(config.backfillSettings().table()).isEqualTo("data_jobs");
				assertThat(config.backfillSettings().chunkTable()).isEqualTo("data_jobs_chunk");
				assertThat(config.backfillSettings().progressInterval()).isEqualTo(Duration.ofSeconds(30));
			});
	}

	@Test
	void lagLimitsTakeTheDefaultResumeMarksUnlessGiven() {
		runner()
			.withPropertyValues("migrator.replica.max-lag-bytes=64MB", "migrator.replica.max-lag=10s",
					"migrator.replica.poll-interval=250ms")
			.run((context) -> {
				MigratorConfig config = context.getBean(MigratorConfig.class);
				assertThat(config.replicaSettings().limits())
					.isEqualTo(LagLimits.of(OptionalLong.of(64 * MB), Optional.of(Duration.ofSeconds(10))));
				assertThat(config.replicaSettings().limits().lowBytes()).hasValue(32 * MB);
				assertThat(config.replicaSettings().pollInterval()).isEqualTo(Duration.ofMillis(250));
			});
		runner()
			.withPropertyValues("migrator.replica.max-lag-bytes=64MB", "migrator.replica.resume-lag-bytes=1048576",
					"migrator.replica.max-lag=10s", "migrator.replica.resume-lag=2s")
			.run((context) -> assertThat(context.getBean(MigratorConfig.class).replicaSettings().limits())
				.isEqualTo(new LagLimits(OptionalLong.of(64 * MB), OptionalLong.of(MB),
						Optional.of(Duration.ofSeconds(10)), Optional.of(Duration.ofSeconds(2)))));
		runner().run((context) -> assertThat(context.getBean(MigratorConfig.class).replicaSettings().limits().isNone())
			.isTrue());
	}

	@Test
	void aResumeMarkWithoutItsMaximumOrAboveItFailsStartup() {
		runner().withPropertyValues("migrator.replica.resume-lag=2s")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining(
						"migrator.replica.resume-lag is PT2S but migrator.replica.max-lag is not set"));
		runner().withPropertyValues("migrator.replica.max-lag-bytes=1MB", "migrator.replica.resume-lag-bytes=2MB")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining("Byte lag marks must be 0 <= low <= high"));
	}

	@Test
	void replicaSourcesBecomeNamedDataSources() {
		SqliteFile replica = new SqliteFile(this.temp.resolve("replica.db"));
		runner()
			.withPropertyValues("migrator.replica.sources.replica-1.url=" + replica.url(),
					"migrator.replica.sources.replica-1.username=reader",
					"migrator.replica.sources.replica-1.password=secret")
			.run((context) -> {
				assertThat(context.getBean(MigratorConfig.class).replicaSettings().replicas()).singleElement()
					.satisfies((source) -> {
						assertThat(source.name()).isEqualTo("replica-1");
						assertThat(source.dataSource()).isInstanceOf(SimpleDriverDataSource.class);
						SimpleDriverDataSource dataSource = (SimpleDriverDataSource) source.dataSource();
						assertThat(dataSource.getUrl()).isEqualTo(replica.url());
						assertThat(dataSource.getUsername()).isEqualTo("reader");
						assertThat(dataSource.getPassword()).isEqualTo("secret");
					});
				assertThat(context.getBean(MigratorConfig.class).replicaSettings().replicas())
					.extracting(ReplicaDataSource::name)
					.doesNotContain("replica.1");
			});
	}

	@Test
	void aReplicaSourceWithoutUrlFailsStartup() {
		runner().withPropertyValues("migrator.replica.sources.replica-1.username=reader")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining("migrator.replica.sources.replica-1.url is empty"));
	}

	@Test
	void theDialectReachesTheEngine() {
		runner().withPropertyValues("migrator.dialect=postgres")
			.run((context) -> assertThat(context.getBean(MigratorConfig.class).dialect()).contains("postgresql"));
		runner().run((context) -> assertThat(context.getBean(MigratorConfig.class).dialect()).isEmpty());
	}

	@Test
	void backfillListenerBeansReachTheEngine() {
		runner().withUserConfiguration(ListenerConfiguration.class)
			.run((context) -> assertThat(context.getBean(MigratorConfig.class).backfillSettings().listeners())
				.contains(context.getBean(BackfillListener.class)));
	}

	@Configuration(proxyBeanMethods = false)
	static class ListenerConfiguration {

		@Bean
		BackfillListener testBackfillListener() {
			return new BackfillListener() {
			};
		}

	}

}
