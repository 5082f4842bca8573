package dev.migrator.core;

import dev.migrator.core.config.MigratorConfig;
import dev.migrator.core.error.MigratorException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code ${name}} placeholders in SQL revision files ({@code migrator.placeholders}), on
 * each dialect's real database.
 */
abstract class PlaceholdersContract extends RevisionFolderContract {

	private RevisionFolder settingsRevision() {
		return this.folder.file("0001_settings.sql", """
				-- migrator:revision 0001_settings
				-- migrator:upgrade
				CREATE TABLE ${table} (name varchar(100), owner varchar(100));
				INSERT INTO ${table} VALUES ('greeting', '${owner}');
				-- migrator:downgrade
				DROP TABLE ${table};
				""");
	}

	@Test
	void placeholdersAreReplacedInNamesAndStringLiterals() throws Exception {
		settingsRevision();
		migrator(MigratorConfig.builder().placeholder("table", "settings").placeholder("owner", "ops"))
			.upgrade("heads");
		assertThat(Databases.strings(this.dataSource, "SELECT owner FROM settings WHERE name = 'greeting'"))
			.containsExactly("ops");
	}

	@Test
	void aNewValueIsNotAnEditOfTheAppliedRevision() throws Exception {
		settingsRevision();
		migrator(MigratorConfig.builder().placeholder("table", "settings").placeholder("owner", "ops"))
			.upgrade("heads");
		Migrator other = migrator(
				MigratorConfig.builder().placeholder("table", "settings").placeholder("owner", "dba"));
		assertThat(other.status().checksumMismatches()).isEmpty();
		assertThat(other.check().isUpToDate()).isTrue();
	}

	@Test
	void anUnknownPlaceholderIsALoadErrorNamingFileAndLineAndNothingRuns() throws Exception {
		this.folder.table("0001_users", null, "users");
		settingsRevision();
		this.folder.file("0002_after.sql", """
				-- migrator:revision 0002_after
				-- migrator:revises 0001_users
				-- migrator:upgrade
				CREATE TABLE after_users (id integer);
				""");
		assertThatExceptionOfType(MigratorException.class)
			.isThrownBy(
					() -> migrator(MigratorConfig.builder().placeholder("table", "settings").placeholder("ownr", "ops"))
						.upgrade("0002_after"))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("unknown-placeholder"))
			.withMessageContaining("0001_settings.sql:4: ${owner} is a placeholder without a value")
			.withMessageContaining("Did you mean ${ownr}?")
			.withMessageContaining("migrator.placeholders.owner")
			.withMessageContaining("-- migrator:placeholders false");
		assertThat(Databases.tables(this.dataSource)).isEmpty();
	}

	@Test
	void theHeaderTurnsPlaceholdersOffForOneFile() throws Exception {
		this.folder.file("0001_templates.sql", """
				-- migrator:revision 0001_templates
				-- migrator:placeholders false
				-- migrator:upgrade
				CREATE TABLE templates (body varchar(100));
				INSERT INTO templates VALUES ('Hello ${user}');
				""");
		migrator(MigratorConfig.builder().placeholder("user", "ignored")).upgrade("heads");
		assertThat(Databases.strings(this.dataSource, "SELECT body FROM templates")).containsExactly("Hello ${user}");
	}

	@Test
	void offlineSqlReplacesThem() {
		settingsRevision();
		String script = Migrator
			.create(MigratorConfig.builder()
				.locations(this.folder.location())
				.dialect(dialectName())
				.placeholder("table", "settings")
				.placeholder("owner", "ops")
				.build())
			.sql("base", "heads");
		assertThat(script).contains("CREATE TABLE settings (")
			.contains("VALUES ('greeting', 'ops')")
			.doesNotContain("${");
	}

	abstract String dialectName();

}
