package dev.migrator.core.runtime;

import dev.migrator.core.Migrator;
import dev.migrator.core.config.MigratorConfig;
import dev.migrator.core.error.ErrorCode;
import dev.migrator.core.error.MigratorException;
import dev.migrator.testsupport.TestDataSources;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The engine owns the transactions: a revision holding its own BEGIN, COMMIT, ROLLBACK or
 * SAVEPOINT is refused, naming its file and line, before any step of the plan runs.
 */
class TransactionControlRefusalTests {

	@TempDir
	Path folder;

	@Test
	void aRevisionWithItsOwnCommitIsRefusedBeforeAnythingRuns() throws Exception {
		Files.writeString(this.folder.resolve("0001_a.sql"), """
				-- migrator:revision 0001_a
				-- migrator:upgrade
				CREATE TABLE a (id integer);
				""");
		Files.writeString(this.folder.resolve("0002_b.sql"), """
				-- migrator:revision 0002_b
				-- migrator:revises 0001_a
				-- migrator:upgrade
				CREATE TABLE b (id integer);
				COMMIT;
				""");
		DataSource dataSource = TestDataSources.sqliteFile(this.folder.resolve("app.db"));
		Migrator migrator = Migrator.create(MigratorConfig.builder()
			.dataSource(dataSource)
			.locations("filesystem:" + this.folder.toAbsolutePath())
			.build());

		assertThatExceptionOfType(MigratorException.class).isThrownBy(() -> migrator.upgrade("heads"))
			.satisfies((ex) -> assertThat(ex.errorCode()).isEqualTo(ErrorCode.TRANSACTION_CONTROL_IN_REVISION))
			.withMessageContaining("0002_b")
			.withMessageContaining("0002_b.sql, line 5")
			.withMessageContaining("COMMIT")
			.withMessageContaining("Nothing was run");
		assertThat(userTables(dataSource)).as("not even the revision before it ran").isEmpty();
		assertThatExceptionOfType(MigratorException.class).isThrownBy(() -> migrator.sql("base", "heads"))
			.satisfies((ex) -> assertThat(ex.errorCode()).isEqualTo(ErrorCode.TRANSACTION_CONTROL_IN_REVISION));
	}

	private static List<String> userTables(DataSource dataSource) throws Exception {
		List<String> tables = new ArrayList<>();
		try (Connection connection = dataSource.getConnection();
				ResultSet rows = connection.createStatement()
					.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('a', 'b')")) {
			while (rows.next()) {
				tables.add(rows.getString(1));
			}
		}
		return tables;
	}

}
