package dev.migrator.maven;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class PluginSettingsTests {

	@TempDir
	Path project;

	private PluginSettings resolve(PluginParameters parameters, Map<String, String> application) {
		return PluginSettings.resolve(parameters, ApplicationProperties.of(application), this.project,
				List.of(this.project.resolve("src/main/resources")));
	}

	@Test
	void readsTheStartersSettingsFromApplicationProperties() {
		PluginSettings settings = resolve(PluginParameters.none(),
				Map.of("spring.datasource.url", "jdbc:postgresql://db/app", "spring.datasource.username", "app",
						"spring.datasource.password", "secret", "migrator.java-packages",
						"com.example.migrations, com.example.more", "migrator.versionTable", "versions"));
		assertThat(settings.url()).contains("jdbc:postgresql://db/app");
		assertThat(settings.user()).contains("app");
		assertThat(settings.password()).contains("secret");
		assertThat(settings.dialect()).contains("postgresql");
		assertThat(settings.javaPackages()).containsExactly("com.example.migrations", "com.example.more");
		assertThat(settings.versionTable()).contains("versions");
		assertThat(settings.locations())
			.containsExactly("filesystem:" + this.project.resolve("src/main/resources/db/revisions"));
		assertThat(settings.revisionFolder()).isEqualTo(this.project.resolve("src/main/resources/db/revisions"));
	}

	@Test
	void prefersMigratorUrlWithItsOwnUserOverTheApplicationsDataSource() {
		PluginSettings settings = resolve(PluginParameters.none(),
				Map.of("spring.datasource.url", "jdbc:sqlite:app.db", "spring.datasource.username", "app",
						"spring.datasource.password", "app-secret", "migrator.url", "jdbc:postgresql://db/app",
						"migrator.user", "owner"));
		assertThat(settings.url()).contains("jdbc:postgresql://db/app");
		assertThat(settings.user()).contains("owner");
		assertThat(settings.password()).isEmpty();
	}

	@Test
	void letsThePluginsParametersWin() {
		PluginParameters parameters = new PluginParameters(Optional.of("jdbc:sqlite:other.db"), Optional.empty(),
				Optional.empty(), List.of("filesystem:migrations"), List.of(), Optional.empty(), Optional.empty(),
				Optional.empty(), Optional.empty(), Optional.of(Path.of("migrations/new")));
		PluginSettings settings = resolve(parameters,
				Map.of("spring.datasource.url", "jdbc:postgresql://db/app", "migrator.locations", "classpath:db/x"));
		assertThat(settings.url()).contains("jdbc:sqlite:other.db");
		assertThat(settings.dialect()).contains("sqlite");
		assertThat(settings.locations()).containsExactly("filesystem:" + this.project.resolve("migrations"));
		assertThat(settings.revisionFolder()).isEqualTo(this.project.resolve("migrations/new"));
	}

	@Test
	void findsClasspathLocationsInTheResourceFolderThatHasThemAndKeepsTheDialectPlaceholder() throws Exception {
		Path generated = this.project.resolve("target/generated-resources");
		Files.createDirectories(generated.resolve("db/revisions/sqlite"));
		PluginSettings settings = PluginSettings.resolve(PluginParameters.none(),
				ApplicationProperties.of(Map.of("migrator.locations", "classpath:db/revisions/{dialect}",
						"spring.datasource.url", "jdbc:sqlite:app.db")),
				this.project, List.of(this.project.resolve("src/main/resources"), generated));
		assertThat(settings.locations()).containsExactly("filesystem:" + generated.resolve("db/revisions/{dialect}"));
		assertThat(settings.revisionFolder()).isEqualTo(generated.resolve("db/revisions/sqlite"));
	}

	@Test
	void needsADialectForAFolderThatDependsOnIt() {
		PluginSettings settings = resolve(PluginParameters.none(),
				Map.of("migrator.locations", "classpath:db/revisions/{dialect}"));
		assertThatIllegalStateException().isThrownBy(settings::revisionFolder)
			.withMessageContaining("migrator.dialect");
	}

	@Test
	void resolvesPlaceholdersAsSpringBootDoes() {
		ApplicationProperties properties = new ApplicationProperties(
				propertiesOf(Map.of("spring.datasource.url", "${DB_URL:jdbc:sqlite:fallback.db}", "migrator.user",
						"${db.user}", "db.user", "owner")),
				(name) -> "DB_URL".equals(name) ? "jdbc:postgresql://env/app" : null);
		assertThat(properties.get("spring.datasource.url")).contains("jdbc:postgresql://env/app");
		assertThat(properties.get("migrator.user")).contains("owner");
		ApplicationProperties without = ApplicationProperties
			.of(Map.of("spring.datasource.url", "${DB_URL:jdbc:sqlite:fallback.db}"));
		assertThat(without.get("spring.datasource.url")).contains("jdbc:sqlite:fallback.db");
	}

	private static Properties propertiesOf(Map<String, String> entries) {
		Properties properties = new Properties();
		properties.putAll(entries);
		return properties;
	}

}
