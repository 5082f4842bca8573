package dev.migrator.core;

import dev.migrator.core.authoring.SchemaDrift;
import dev.migrator.core.command.DriftResult;
import dev.migrator.core.command.SchemaDriftException;
import dev.migrator.core.error.MigratorException;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code drift} on each dialect's real database: the live schema against the one its
 * applied revisions produce, built in a scratch place that never outlives the command.
 */
abstract class DriftContract extends RevisionFolderContract {

	private static final String ACCOUNTS = """
			-- migrator:revision 0001_accounts
			-- migrator:upgrade
			CREATE TABLE accounts (id integer PRIMARY KEY, email varchar(100) NOT NULL, name varchar(100));
			CREATE INDEX accounts_email_idx ON accounts (email);
			-- migrator:downgrade
			DROP TABLE accounts;
			""";

	private static final String SEED = """
			-- migrator:revision 0002_seed
			-- migrator:revises 0001_accounts
			-- migrator:upgrade
			INSERT INTO accounts (id, email, name) VALUES (1, 'a@example.com', 'a');
			-- migrator:downgrade
			DELETE FROM accounts;
			""";

	/** The scratch places (schemas or files) that exist now. */
	abstract List<String> scratchPlaces() throws Exception;

	@Test
	void aDatabaseUpgradedByItsRevisionsHasNoDriftAndTheScratchPlaceIsGone() throws Exception {
		this.folder.file("0001_accounts.sql", ACCOUNTS).file("0002_seed.sql", SEED);
		migrator().upgrade("heads");
		List<String> before = scratchPlaces();

		DriftResult result = SchemaDrift.check(migrator());

		assertThat(result.differences()).isEmpty();
		assertThat(result.drifted()).isFalse();
		assertThat(result.revisions()).containsExactly("0002_seed");
		assertThat(scratchPlaces()).isEqualTo(before);
		assertThat(SchemaDrift.checkOrFail(migrator()).drifted()).isFalse();
	}

	@Test
	void aColumnAddedByHandIsReportedAsInTheDatabaseOnly() throws Exception {
		this.folder.file("0001_accounts.sql", ACCOUNTS).file("0002_seed.sql", SEED);
		migrator().upgrade("heads");
		Databases.execute(this.dataSource, "ALTER TABLE accounts ADD COLUMN note text");

		DriftResult result = SchemaDrift.check(migrator());

		assertThat(result.differences()).singleElement()
			.satisfies((line) -> assertThat(line).startsWith("table accounts: column note ")
				.endsWith(" is in the database, not in the revisions"));
		assertThatExceptionOfType(SchemaDriftException.class).isThrownBy(() -> SchemaDrift.checkOrFail(migrator()))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("schema-drift"))
			.satisfies((ex) -> assertThat(ex.getMessage()).contains("table accounts: column note"));
	}

	@Test
	void theVersionTablesOfTheToolsTheDatabaseCameFromAreNotDrift() throws Exception {
		this.folder.file("0001_accounts.sql", ACCOUNTS);
		migrator().upgrade("heads");
		// What a database brought over from Flyway, Liquibase or Alembic keeps, and no
		// revision creates.
		Databases.execute(this.dataSource, "CREATE TABLE flyway_schema_history (installed_rank integer)");
		Databases.execute(this.dataSource, "CREATE TABLE databasechangelog (id varchar(255))");
		Databases.execute(this.dataSource, "CREATE TABLE databasechangeloglock (id integer)");
		Databases.execute(this.dataSource, "CREATE TABLE alembic_version (version_num varchar(32))");
		Databases.execute(this.dataSource, "CREATE TABLE handmade (id integer)");

		DriftResult result = SchemaDrift.check(migrator());

		assertThat(result.differences()).containsExactly("table handmade is in the database, not in the revisions");
	}

	@Test
	void anIndexDroppedByHandIsReportedAsInTheRevisionsOnly() throws Exception {
		this.folder.file("0001_accounts.sql", ACCOUNTS);
		migrator().upgrade("heads");
		Databases.execute(this.dataSource, "DROP INDEX accounts_email_idx");

		DriftResult result = SchemaDrift.check(migrator());

		assertThat(result.differences()).singleElement()
			.satisfies((line) -> assertThat(line).startsWith("table accounts: index accounts_email_idx ")
				.endsWith(" is in the revisions, not in the database"));
	}

	@Test
	void onlyTheRevisionsTheDatabaseAppliedAreCompared() throws Exception {
		this.folder.file("0001_accounts.sql", ACCOUNTS);
		migrator().upgrade("heads");
		this.folder.file("0002_seed.sql", SEED).file("0003_more.sql", """
				-- migrator:revision 0003_more
				-- migrator:revises 0002_seed
				-- migrator:upgrade
				CREATE TABLE pending_table (id integer);
				""");

		DriftResult result = SchemaDrift.check(migrator());

		assertThat(result.revisions()).containsExactly("0001_accounts");
		assertThat(result.differences()).isEmpty();
	}

	@Test
	void aDatabaseAtBaseDriftsByEveryTableItHas() throws Exception {
		this.folder.file("0001_accounts.sql", ACCOUNTS);
		Databases.execute(this.dataSource, "CREATE TABLE handmade (id integer)");

		DriftResult result = SchemaDrift.check(migrator());

		assertThat(result.revisions()).isEmpty();
		assertThat(result.differences()).containsExactly("table handmade is in the database, not in the revisions");
	}

	@Test
	void theScratchPlaceIsGoneWhenARevisionFailsInIt() throws Exception {
		// Stamped, never run: in the copy it runs, and fails.
		this.folder.file("0001_accounts.sql", ACCOUNTS).file("0002_broken.sql", """
				-- migrator:revision 0002_broken
				-- migrator:revises 0001_accounts
				-- migrator:upgrade
				INSERT INTO nowhere VALUES (1);
				""");
		migrator().upgrade("0001_accounts");
		migrator().stamp("0002_broken");
		List<String> before = scratchPlaces();

		assertThatExceptionOfType(MigratorException.class).isThrownBy(() -> SchemaDrift.check(migrator()))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("migration-failed"));

		assertThat(scratchPlaces()).isEqualTo(before);
		assertThat(migrator().current()).containsExactly("0002_broken");
	}

	@Test
	void aDatabaseAtARevisionTheCodeDoesNotKnowIsRefused() throws Exception {
		this.folder.file("0001_accounts.sql", ACCOUNTS).file("0002_seed.sql", SEED);
		migrator().upgrade("heads");
		java.nio.file.Files.delete(this.folder.path().resolve("0002_seed.sql"));

		assertThatExceptionOfType(MigratorException.class).isThrownBy(() -> SchemaDrift.check(migrator()))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("unknown-database-revision"))
			.withMessageContaining("0002_seed");
	}

}
