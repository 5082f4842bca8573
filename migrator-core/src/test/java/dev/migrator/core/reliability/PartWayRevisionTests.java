package dev.migrator.core.reliability;

import dev.migrator.core.Migrator;
import dev.migrator.core.config.MigratorConfig;
import dev.migrator.core.error.MigratorException;
import dev.migrator.testsupport.TestDataSources;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A non-transactional revision that a run left part-way (here: a statement failed after
 * others committed, as a kill would leave it) can only be finished in the direction it
 * was going. Undoing the revision beneath a partly applied one would drop what its
 * completed statements wrote while their progress rows still say "done", so that the next
 * upgrade skipped them; applying a revision on top of a partly undone one would build on
 * what is gone. Both are refused before anything runs, naming the command that finishes
 * it; once finished, every statement has run exactly once.
 */
class PartWayRevisionTests {

	@TempDir
	Path temp;

	private DataSource dataSource;

	private Migrator migrator;

	@BeforeEach
	void revisions() throws Exception {
		this.dataSource = TestDataSources.freshPostgres();
		execute("CREATE TABLE divisor (what text PRIMARY KEY, n integer NOT NULL)");
		execute("INSERT INTO divisor VALUES ('up', 1), ('down', 1)");
		Files.writeString(this.temp.resolve("0001_base.sql"),
				"-- migrator:revision 0001_base\n" + "-- migrator:upgrade\nCREATE TABLE ledger (stmt text NOT NULL);\n"
						+ "-- migrator:downgrade\nDROP TABLE ledger;\n");
		Files.writeString(this.temp.resolve("0002_steps.sql"),
				"-- migrator:revision 0002_steps\n-- migrator:revises 0001_base\n-- migrator:transactional false\n"
						+ "-- migrator:upgrade\nINSERT INTO ledger VALUES ('u1');\n"
						+ "SELECT 1 / n FROM divisor WHERE what = 'up';\nINSERT INTO ledger VALUES ('u2');\n"
						+ "-- migrator:downgrade\nDELETE FROM ledger WHERE stmt = 'u2';\n"
						+ "SELECT 1 / n FROM divisor WHERE what = 'down';\nDELETE FROM ledger WHERE stmt = 'u1';\n");
		Files.writeString(this.temp.resolve("0003_after.sql"),
				"-- migrator:revision 0003_after\n-- migrator:revises 0002_steps\n"
						+ "-- migrator:upgrade\nCREATE TABLE after_steps (id integer);\n"
						+ "-- migrator:downgrade\nDROP TABLE after_steps;\n");
		this.migrator = Migrator.create(MigratorConfig.builder()
			.dataSource(this.dataSource)
			.locations("filesystem:" + this.temp.toAbsolutePath())
			.build());
	}

	@Test
	void theRevisionBeneathAPartlyAppliedOneIsNotUndoneUntilItsUpgradeIsFinished() throws Exception {
		execute("UPDATE divisor SET n = 0 WHERE what = 'up'");
		assertThatExceptionOfType(MigratorException.class).isThrownBy(() -> this.migrator.upgrade("heads"))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("migration-failed"));
		assertThat(ledger()).containsExactly(Map.entry("u1", 1L));

		assertThatExceptionOfType(MigratorException.class).isThrownBy(() -> this.migrator.downgrade("base"))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("part-way-revision"))
			.withMessageContaining("Revision 0002_steps (")
			.withMessageContaining("is partly applied")
			.withMessageContaining("after its statement at line 5 ran")
			.withMessageContaining("Downgrading 0001_base")
			.withMessageContaining("(upgrade to 0002_steps), then downgrade. Nothing was run.");
		assertThat(this.migrator.current()).containsExactly("0001_base");
		assertThat(ledger()).as("the ledger is still there, with what the completed statement wrote")
			.containsExactly(Map.entry("u1", 1L));

		execute("UPDATE divisor SET n = 1 WHERE what = 'up'");
		this.migrator.upgrade("heads");
		assertThat(ledger()).containsExactly(Map.entry("u1", 1L), Map.entry("u2", 1L));
		this.migrator.downgrade("base");
		this.migrator.upgrade("heads");
		assertThat(ledger()).as("every statement ran once since the ledger was created again")
			.containsExactly(Map.entry("u1", 1L), Map.entry("u2", 1L));
	}

	@Test
	void nothingIsAppliedOnTopOfAPartlyUndoneRevisionUntilItsDowngradeIsFinished() throws Exception {
		this.migrator.upgrade("heads");
		execute("UPDATE divisor SET n = 0 WHERE what = 'down'");
		assertThatExceptionOfType(MigratorException.class).isThrownBy(() -> this.migrator.downgrade("0001_base"))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("migration-failed"));
		assertThat(this.migrator.current()).containsExactly("0002_steps");
		assertThat(ledger()).containsExactly(Map.entry("u1", 1L));

		assertThatExceptionOfType(MigratorException.class).isThrownBy(() -> this.migrator.upgrade("heads"))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("part-way-revision"))
			.withMessageContaining("is partly undone")
			.withMessageContaining("after its statement at line 9 ran")
			.withMessageContaining("Upgrading 0003_after would build on what is no longer there")
			.withMessageContaining("(downgrade to 0001_base), then upgrade. Nothing was run.");
		assertThat(this.migrator.current()).containsExactly("0002_steps");
		assertThat(count("SELECT count(*) FROM pg_tables WHERE tablename = 'after_steps'")).isZero();

		execute("UPDATE divisor SET n = 1 WHERE what = 'down'");
		this.migrator.downgrade("0001_base");
		assertThat(ledger()).isEmpty();
		this.migrator.upgrade("heads");
		assertThat(ledger()).containsExactly(Map.entry("u1", 1L), Map.entry("u2", 1L));
	}

	private Map<String, Long> ledger() throws SQLException {
		Map<String, Long> counts = new TreeMap<>();
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT stmt, count(*) FROM ledger GROUP BY stmt")) {
			while (rs.next()) {
				counts.put(rs.getString(1), rs.getLong(2));
			}
		}
		return counts;
	}

	private long count(String sql) throws SQLException {
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	private void execute(String sql) throws SQLException {
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

}
