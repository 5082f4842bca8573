package dev.migrator.autoconfigure;

import dev.migrator.core.MigratorConfig;
import dev.migrator.core.script.Target;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
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
	}

	@Test
	void everyEngineSettingIsAPropertyOrABeanOrDeliberatelyLeftOut() {
		List<String> engineSettings = new ArrayList<>(
				Arrays.stream(MigratorConfig.class.getRecordComponents()).map(RecordComponent::getName).toList());
		// Properties: dataSource (url, user, password or the application's), locations, javaPackages, tables
		// (schema, versionTable, historyTable), settings (lockTimeout, statementTimeout), lockWait, checksumPolicy.
		// Beans: javaMigrations, listeners, namingConvention, and customizers for extraSources. The class loader is
		// the application's.
		// The dialect only matters offline, and the job always has a DataSource to tell it.
		assertThat(engineSettings).containsExactlyInAnyOrder("dataSource", "locations", "javaMigrations",
				"javaPackages", "extraSources", "classLoader", "tables", "settings", "lockWait", "checksumPolicy",
				"dialect", "listeners", "namingConvention");
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
				"migrator.job.target", "migrator.job.from", "migrator.job.range", "migrator.job.exit");
		descriptions.forEach((name, text) -> {
			assertThat(text).as(name).endsWith(".").doesNotContain(". ");
		});
		assertThat(descriptions.get("migrator.enabled")).startsWith("Whether");
		assertThat(descriptions.get("migrator.job.exit")).startsWith("Whether");
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
	}

	private static String generatedMetadata() throws IOException {
		try (InputStream in = MigratorPropertiesTests.class
			.getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			assertThat(in).as("metadata generated by the configuration processor").isNotNull();
			return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		}
	}

}
