package dev.migrator.core;

import dev.migrator.core.config.MigratorConfig;
import dev.migrator.testsupport.TestDataSources;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PostgresPlaceholdersTests extends PlaceholdersContract {

	@Override
	DataSource newDatabase() {
		return TestDataSources.freshPostgres();
	}

	@Override
	String dialectName() {
		return "postgresql";
	}

	// As Flyway does: a schema named in a function body is the common case.
	@Test
	void placeholdersAreReplacedInsideADollarQuotedBody() throws Exception {
		this.folder.file("0001_function.sql", """
				-- migrator:revision 0001_function
				-- migrator:upgrade
				CREATE SCHEMA ${schema};
				CREATE TABLE ${schema}.counters (n integer);
				INSERT INTO ${schema}.counters VALUES (41);
				CREATE FUNCTION next_counter() RETURNS integer LANGUAGE plpgsql AS $$
				BEGIN
				  RETURN (SELECT n + 1 FROM ${schema}.counters);
				END;
				$$;
				""");
		migrator(MigratorConfig.builder().placeholder("schema", "billing")).upgrade("heads");
		assertThat(Databases.strings(this.dataSource, "SELECT next_counter()::text")).containsExactly("42");
	}

}
