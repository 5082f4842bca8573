package dev.migrator.core;

import dev.migrator.testsupport.TestDataSources;

import dev.migrator.core.config.MigratorConfig;
import dev.migrator.core.runtime.MigrationFailedException;
import dev.migrator.core.runtime.MigrationListener;
import dev.migrator.core.runtime.StepResult;
import dev.migrator.core.script.Direction;
import dev.migrator.core.script.MigrationBody;
import dev.migrator.core.script.Revision;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A failed revision's secrets stay in the revision: not in the exception, the history
 * table, what listeners (the endpoint, metrics) hear, or the log.
 */
class PostgresRedactionTests {

	@TempDir
	Path temp;

	private final DataSource dataSource = TestDataSources.freshPostgres();

	private final List<StepResult> heard = new CopyOnWriteArrayList<>();

	@Test
	void aFailedPasswordChangeKeepsThePasswordOutOfEverythingItWrites() throws Exception {
		RevisionFolder folder = new RevisionFolder(this.temp.resolve("revisions"));
		folder.file("0001_role.sql", "-- migrator:revision 0001_role\n-- migrator:upgrade\n"
				+ "ALTER ROLE nobody_here WITH LOGIN PASSWORD 'hunter2';\n");
		Migrator migrator = Migrator.create(config().locations(folder.location()).build());

		String log = capturingLog(() -> assertThatExceptionOfType(MigrationFailedException.class)
			.isThrownBy(() -> migrator.upgrade("heads"))
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("hunter2")
				.contains("ALTER ROLE nobody_here WITH LOGIN PASSWORD '***'")
				.contains("role \"nobody_here\" does not exist")));

		assertThat(log).contains("nobody_here").doesNotContain("hunter2");
		assertThat(historyErrors()).singleElement().satisfies((error) -> assertThat(error).doesNotContain("hunter2"));
		assertThat(this.heard).singleElement()
			.satisfies((result) -> assertThat(result.error())
				.hasValueSatisfying((error) -> assertThat(error).contains("PASSWORD '***'").doesNotContain("hunter2")));
	}

	@Test
	void aPasswordInAStatementBuiltAtRunTimeStaysOutOfTheDatabaseContextLine() throws Exception {
		RevisionFolder folder = new RevisionFolder(this.temp.resolve("revisions"));
		folder.file("0001_role.sql", "-- migrator:revision 0001_role\n-- migrator:upgrade\n"
				+ "DO $$ BEGIN EXECUTE 'ALTER ROLE nobody_here PASSWORD ''hunter2'''; END $$;\n");
		Migrator migrator = Migrator.create(config().locations(folder.location()).build());

		String log = capturingLog(() -> assertThatExceptionOfType(MigrationFailedException.class)
			.isThrownBy(() -> migrator.upgrade("heads"))
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("hunter2")));

		assertThat(log).doesNotContain("hunter2");
		assertThat(historyErrors()).singleElement().satisfies((error) -> assertThat(error).doesNotContain("hunter2"));
	}

	@Test
	void rowValuesAndUrlPasswordsInADatabaseErrorStayOut() throws Exception {
		Databases.execute(this.dataSource, "CREATE TABLE users (id integer PRIMARY KEY, email text UNIQUE)");
		Databases.execute(this.dataSource, "INSERT INTO users VALUES (1, 'ada@example.com')");
		Revision duplicate = Revision.builder("0001_duplicate")
			.upgradeSql("INSERT INTO users SELECT 2, email FROM users")
			.build();
		Revision replica = Revision.builder("0002_replica")
			.revises("0001_duplicate")
			.upgrade(new MigrationBody.Java((context) -> {
				throw new SQLException(
						"Could not reach jdbc:postgresql://app:s3cret@replica:5432/app?password=s3cret for the copy");
			}, Direction.UPGRADE))
			.build();

		String log = capturingLog(() -> assertThatExceptionOfType(MigrationFailedException.class)
			.isThrownBy(() -> Migrator.create(config().source(() -> List.of(duplicate)).build()).upgrade("heads"))
			.satisfies(
					(ex) -> assertThat(ex.getMessage()).contains("Key (email)=(…) already exists").contains("23505")));
		assertThat(log).contains("Key (email)=(…)").doesNotContain("ada@");
		assertThat(historyErrors()).singleElement()
			.satisfies((error) -> assertThat(error).contains("Key (email)=(…)").doesNotContain("ada@"));

		Databases.execute(this.dataSource, "DELETE FROM users");
		String replicaLog = capturingLog(() -> assertThatExceptionOfType(MigrationFailedException.class)
			.isThrownBy(
					() -> Migrator.create(config().source(() -> List.of(duplicate, replica)).build()).upgrade("heads"))
			.satisfies((ex) -> assertThat(ex.getMessage()).contains("jdbc:postgresql://app:***@replica")
				.doesNotContain("s3cret")));
		assertThat(replicaLog).doesNotContain("s3cret");
		assertThat(historyErrors()).hasSize(2).allSatisfy((error) -> assertThat(error).doesNotContain("s3cret"));
	}

	private MigratorConfig.Builder config() {
		return MigratorConfig.builder()
			.dataSource(this.dataSource)
			.locations(List.of())
			.listener(new MigrationListener() {

				@Override
				public void stepFinished(StepResult result) {
					if (!result.succeeded()) {
						PostgresRedactionTests.this.heard.add(result);
					}
				}

			});
	}

	private List<String> historyErrors() throws SQLException {
		return Databases.strings(this.dataSource,
				"SELECT error FROM migrator_history WHERE outcome = 'failed' ORDER BY id");
	}

	/** What the run logged: the tests log through slf4j-simple to standard error. */
	private static String capturingLog(Runnable run) {
		PrintStream original = System.err;
		ByteArrayOutputStream captured = new ByteArrayOutputStream();
		System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
		try {
			run.run();
		}
		finally {
			System.setErr(original);
		}
		String log = captured.toString(StandardCharsets.UTF_8);
		original.print(log);
		return log;
	}

}
