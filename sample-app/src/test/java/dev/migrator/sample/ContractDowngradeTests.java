package dev.migrator.sample;

import dev.migrator.core.Migrator;
import dev.migrator.core.authoring.SchemaDrift;
import dev.migrator.core.config.MigratorConfig;
import dev.migrator.testsupport.TestDataSources;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

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
	void afterTheContractIsUndoneTheNewVersionStillInsertsAndTheSchemaIsTheOneBeforeIt() throws Exception {
		DataSource dataSource = TestDataSources.freshPostgres();
		Migrator migrator = Migrator.create(
				MigratorConfig.builder().dataSource(dataSource).locations("classpath:db/revisions/postgresql").build());
		migrator.upgrade("heads");
		execute(dataSource, "INSERT INTO users (first_name, last_name, email) VALUES ('Ada', 'King Lovelace', 'a@x')");

		migrator.downgrade("-1");

		assertThat(migrator.current()).containsExactly("0008_split_name_not_null");
		execute(dataSource, "INSERT INTO users (first_name, last_name, email) VALUES ('Grace', 'Hopper', 'g@x')");
		assertThat(strings(dataSource, "SELECT coalesce(full_name, '(none)') FROM users ORDER BY id"))
			.containsExactly("Ada King Lovelace", "(none)");
		assertThat(SchemaDrift.check(migrator).differences()).isEmpty();

		migrator.upgrade("heads");
		assertThat(migrator.current()).containsExactly("0009_drop_full_name");
		assertThat(strings(dataSource, "SELECT column_name FROM information_schema.columns WHERE table_name = 'users' "
				+ "AND column_name = 'full_name'"))
			.isEmpty();
		assertThat(strings(dataSource, "SELECT first_name || ' ' || last_name FROM users ORDER BY id"))
			.containsExactly("Ada King Lovelace", "Grace Hopper");
	}

	private static void execute(DataSource dataSource, String sql) throws SQLException {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private static List<String> strings(DataSource dataSource, String sql) throws SQLException {
		List<String> values = new ArrayList<>();
		try (Connection connection = dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(sql)) {
			while (rs.next()) {
				values.add(rs.getString(1));
			}
		}
		return values;
	}

}
