package dev.migrator.sample;

import dev.migrator.core.Migrator;
import dev.migrator.core.authoring.SchemaDrift;
import dev.migrator.core.config.MigratorConfig;
import dev.migrator.testsupport.TestDataSources;
import dev.migrator.testsupport.TestPostgres;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rolling back the contract of the sample's PostgreSQL revisions leaves what the version
 * still running needs: the new version, which writes first and last names only, keeps
 * inserting after {@code 0009} is undone, the names it wrote come back in
 * {@code full_name}, the schema is 0008's (drift finds nothing), and the contract applies
 * again.
 */
class ContractDowngradeTests {

	@Test
	void afterTheContractIsUndoneTheNewVersionStillInsertsAndTheSchemaIsTheOneBeforeIt() {
		PostgresDatabase database = new PostgresDatabase(TestPostgres.shared());
		DataSource dataSource = TestDataSources.postgres(database.url(), database.user(), database.password());
		Migrator migrator = Migrator.create(
				MigratorConfig.builder().dataSource(dataSource).locations("classpath:db/revisions/postgresql").build());
		migrator.upgrade("heads");
		database.execute("INSERT INTO users (first_name, last_name, email) VALUES ('Ada', 'King Lovelace', 'a@x')");

		migrator.downgrade("-1");

		assertThat(migrator.current()).containsExactly("0008_split_name_not_null");
		database.execute("INSERT INTO users (first_name, last_name, email) VALUES ('Grace', 'Hopper', 'g@x')");
		assertThat(database.rows("SELECT coalesce(full_name, '(none)') FROM users ORDER BY id"))
			.containsExactly("Ada King Lovelace", "(none)");
		assertThat(SchemaDrift.check(migrator).differences()).isEmpty();

		migrator.upgrade("heads");
		assertThat(migrator.current()).containsExactly("0009_drop_full_name");
		assertThat(database.rows("SELECT column_name FROM information_schema.columns WHERE table_name = 'users' "
				+ "AND column_name = 'full_name'"))
			.isEmpty();
		assertThat(database.rows("SELECT first_name || ' ' || last_name FROM users ORDER BY id"))
			.containsExactly("Ada King Lovelace", "Grace Hopper");
	}

}
