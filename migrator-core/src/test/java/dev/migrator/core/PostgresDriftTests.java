package dev.migrator.core;

import dev.migrator.core.authoring.SchemaDrift;
import dev.migrator.core.command.DriftResult;
import dev.migrator.core.config.MigratorConfig;
import dev.migrator.testsupport.TestDataSources;

import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PostgresDriftTests extends DriftContract {

	@Override
	DataSource newDatabase() {
		return TestDataSources.freshPostgres();
	}

	@Override
	List<String> scratchPlaces() throws Exception {
		return Databases.strings(this.dataSource,
				"SELECT nspname FROM pg_namespace WHERE nspname LIKE 'migrator\\_drift\\_%' ORDER BY nspname");
	}

	@Test
	void aTypeChangedByHandIsReportedWithBothTypes() throws Exception {
		this.folder.file("0001_accounts.sql", """
				-- migrator:revision 0001_accounts
				-- migrator:upgrade
				CREATE TABLE accounts (id integer PRIMARY KEY, amount integer);
				""");
		migrator().upgrade("heads");
		Databases.execute(this.dataSource, "ALTER TABLE accounts ALTER COLUMN amount TYPE bigint");

		DriftResult result = SchemaDrift.check(migrator());

		assertThat(result.differences())
			.containsExactly("table accounts: column amount is bigint in the database, integer in the revisions");
	}

	@Test
	void nonTransactionalRevisionsAndEnumTypesBuildInTheScratchSchema() throws Exception {
		this.folder.file("0001_accounts.sql", """
				-- migrator:revision 0001_accounts
				-- migrator:upgrade
				CREATE TYPE mood AS ENUM ('calm', 'busy');
				CREATE TABLE accounts (id integer PRIMARY KEY, email text, mood mood DEFAULT 'calm');
				INSERT INTO accounts (id, email) VALUES (1, 'a@example.com');
				""").file("0002_index.sql", """
				-- migrator:revision 0002_index
				-- migrator:revises 0001_accounts
				-- migrator:transactional false
				-- migrator:upgrade
				CREATE INDEX CONCURRENTLY accounts_email_idx ON accounts (email);
				-- migrator:downgrade
				DROP INDEX CONCURRENTLY accounts_email_idx;
				""");
		migrator().upgrade("heads");
		List<String> before = scratchPlaces();

		assertThat(SchemaDrift.check(migrator()).differences()).isEmpty();

		Databases.execute(this.dataSource, "ALTER TYPE mood ADD VALUE 'away'");
		Databases.execute(this.dataSource, "DROP INDEX accounts_email_idx");
		assertThat(SchemaDrift.check(migrator()).differences()).containsExactlyInAnyOrder(
				"enum type mood has the values [calm, busy, away] in the database, [calm, busy] in the revisions",
				"table accounts: index accounts_email_idx on (email) is in the revisions, not in the database");
		assertThat(scratchPlaces()).isEqualTo(before);
		assertThat(Databases.count(this.dataSource, "SELECT count(*) FROM accounts")).isEqualTo(1);
	}

	@Test
	void aBackfillTheJobRanSeparatelyRunsInTheCopySoThatTheContractAfterItApplies() throws Exception {
		this.folder.file("0001_users.sql", """
				-- migrator:revision 0001_users
				-- migrator:upgrade
				CREATE TABLE users (id integer PRIMARY KEY, status text);
				INSERT INTO users (id) VALUES (1), (2);
				""").file("0002_status.sql", """
				-- migrator:revision 0002_status
				-- migrator:revises 0001_users
				-- migrator:phase migrate
				-- migrator:backfill users_status
				-- migrator:backfill-table users
				-- migrator:backfill-key id
				-- migrator:backfill-set status = 'active'
				-- migrator:backfill-where status IS NULL
				""").file("0003_not_null.sql", """
				-- migrator:revision 0003_not_null
				-- migrator:revises 0002_status
				-- migrator:phase contract
				-- migrator:upgrade
				ALTER TABLE users ALTER COLUMN status SET NOT NULL;
				""");
		Migrator separate = migrator(MigratorConfig.builder().runBackfillsOnUpgrade(false));
		assertThat(separate.upgrade("heads").isWaitingForBackfill()).isTrue();
		separate.backfills().runPending();
		separate.upgrade("heads");
		assertThat(separate.current()).containsExactly("0003_not_null");

		DriftResult result = SchemaDrift.check(separate);

		assertThat(result.differences()).isEmpty();
	}

	@Test
	void revisionsThatChangeAndDropWhatEarlierRevisionsCreatedBuildTheCopy() throws Exception {
		this.folder.file("0001_accounts.sql", """
				-- migrator:revision 0001_accounts
				-- migrator:upgrade
				CREATE TABLE accounts (id serial PRIMARY KEY, email text UNIQUE, bio text DEFAULT 'none');
				CREATE TABLE orders (id integer PRIMARY KEY, account integer REFERENCES accounts (id));
				CREATE VIEW account_emails AS SELECT email FROM accounts;
				CREATE FUNCTION double_it(integer) RETURNS integer LANGUAGE sql AS 'SELECT $1 * 2';
				CREATE TYPE mood AS ENUM ('calm');
				INSERT INTO accounts (email) VALUES ('a@example.com');
				SELECT setval('accounts_id_seq', 10);
				SELECT * FROM accounts FOR UPDATE;
				""").file("0002_rework.sql", """
				-- migrator:revision 0002_rework
				-- migrator:revises 0001_accounts
				-- migrator:upgrade
				CREATE TABLE work (id integer);
				INSERT INTO work SELECT id FROM accounts;
				DROP TABLE work;
				CREATE TEMP TABLE scratch_work (id integer);
				INSERT INTO scratch_work VALUES (1);
				DROP VIEW account_emails;
				DROP FUNCTION double_it(integer);
				DROP TYPE mood;
				ALTER TABLE accounts ALTER COLUMN bio DROP DEFAULT;
				DROP TABLE orders;
				UPDATE accounts SET bio = 'x';
				""").file("0003_index.sql", """
				-- migrator:revision 0003_index
				-- migrator:revises 0002_rework
				-- migrator:transactional false
				-- migrator:upgrade
				CREATE INDEX CONCURRENTLY accounts_bio_idx ON accounts (bio);
				DROP INDEX CONCURRENTLY accounts_bio_idx;
				CREATE INDEX CONCURRENTLY IF NOT EXISTS accounts_bio_idx ON ONLY accounts (bio);
				VACUUM accounts;
				""");
		migrator().upgrade("heads");
		List<String> before = scratchPlaces();

		assertThat(SchemaDrift.check(migrator()).differences()).isEmpty();
		assertThat(scratchPlaces()).isEqualTo(before);
	}

	@Test
	void typesAndFunctionsOfTheLiveSchemaThatRevisionsUseResolveThereAndTheCopyBuilds() throws Exception {
		// As an extension's types and functions do, from public, which the copy's search
		// path
		// keeps after the scratch schema.
		Databases.execute(this.dataSource, "CREATE DOMAIN email AS text CHECK (VALUE LIKE '%@%')");
		Databases.execute(this.dataSource, "CREATE FUNCTION next_code() RETURNS integer LANGUAGE sql AS 'SELECT 7'");
		Databases.execute(this.dataSource, "CREATE TYPE size AS (width integer, height integer)");
		this.folder.file("0001_accounts.sql", """
				-- migrator:revision 0001_accounts
				-- migrator:upgrade
				CREATE TABLE accounts (id integer PRIMARY KEY DEFAULT next_code(), email email, box size);
				INSERT INTO accounts (email) VALUES ('a@example.com');
				CREATE INDEX accounts_code_idx ON accounts ((next_code() + id));
				""");
		migrator().upgrade("heads");
		List<String> before = scratchPlaces();

		assertThat(SchemaDrift.check(migrator()).differences()).isEmpty();
		assertThat(scratchPlaces()).isEqualTo(before);
	}

}
