package dev.migrator.core;

import dev.migrator.core.command.RunResult;
import dev.migrator.core.config.MigratorConfig;
import dev.migrator.core.runtime.LockTimeoutRetry;
import dev.migrator.core.runtime.MigrationFailedException;
import dev.migrator.testsupport.TestDataSources;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PostgresMigratorTests extends MigratorContract {

	@Override
	DataSource newDatabase() {
		return TestDataSources.freshPostgres();
	}

	@Override
	String dialectName() {
		return "postgresql";
	}

	@Test
	void aNonTransactionalRevisionRunsInAutocommit() throws Exception {
		this.folder.table("0001_users", null, "users")
			.file("0002_index.sql",
					"-- migrator:revision 0002_index\n-- migrator:revises 0001_users\n"
							+ "-- migrator:transactional false\n-- migrator:upgrade\n"
							+ "CREATE INDEX CONCURRENTLY users_name_idx ON users (name);\n"
							+ "-- migrator:downgrade\nDROP INDEX CONCURRENTLY users_name_idx;\n");
		migrator().upgrade("heads");
		assertThat(Databases.strings(this.dataSource,
				"SELECT indexname FROM pg_indexes WHERE tablename = 'users' AND indexname = 'users_name_idx'"))
			.containsExactly("users_name_idx");
		assertThat(migrator().current()).containsExactly("0002_index");
		assertThat(Databases.strings(this.dataSource,
				"SELECT outcome FROM migrator_history WHERE revision = '0002_index' ORDER BY id"))
			.containsExactly("started", "success");
		migrator().downgrade("0001_users");
		assertThat(
				Databases.count(this.dataSource, "SELECT count(*) FROM pg_indexes WHERE indexname = 'users_name_idx'"))
			.isZero();
	}

	@Test
	void aConcurrentIndexInATransactionalRevisionRunsOutsideTheTransaction() throws Exception {
		this.folder.table("0001_users", null, "users")
			.file("0002_index.sql", "-- migrator:revision 0002_index\n-- migrator:revises 0001_users\n"
					+ "-- migrator:upgrade\nCREATE INDEX CONCURRENTLY users_name_idx ON users (name);\n");
		migrator().upgrade("heads");
		assertThat(migrator().current()).containsExactly("0002_index");
		assertThat(Databases.strings(this.dataSource,
				"SELECT indisvalid::text FROM pg_index WHERE indexrelid = 'users_name_idx'::regclass"))
			.containsExactly("true");
	}

	@Test
	void aFailedNonTransactionalRevisionSaysWhichStatementsRan() throws Exception {
		this.folder.table("0001_users", null, "users")
			.file("0002_partial.sql", "-- migrator:revision 0002_partial\n-- migrator:revises 0001_users\n"
					+ "-- migrator:transactional false\n-- migrator:upgrade\n"
					+ "CREATE INDEX CONCURRENTLY users_id_idx ON users (id);\n" + "CREATE TABLE partial (id integer);\n"
					+ "CREATE INDEX CONCURRENTLY bad_idx ON nowhere (id);\n" + "CREATE TABLE never (id integer);\n");
		assertThatThrownBy(() -> migrator().upgrade("heads")).isInstanceOf(MigrationFailedException.class)
			.hasMessageContaining("at line 7: CREATE INDEX CONCURRENTLY bad_idx ON nowhere (id)")
			.hasMessageContaining("2 of 4 statements ran and stay applied (lines 5, 6)")
			.hasMessageContaining("The version table still says 0001_users");
		assertThat(userTables()).containsExactly("partial", "users");
		assertThat(migrator().current()).containsExactly("0001_users");
		assertThat(Databases.strings(this.dataSource,
				"SELECT outcome FROM migrator_history WHERE revision = '0002_partial' ORDER BY id"))
			.containsExactly("started", "failed");
	}

	@Test
	void aStatementTimeoutStopsARunawayStatementAndRollsBack() throws Exception {
		this.folder.file("0001_slow.sql", "-- migrator:revision 0001_slow\n-- migrator:statement-timeout 300ms\n"
				+ "-- migrator:upgrade\nCREATE TABLE slow (id integer);\nSELECT pg_sleep(5);\n");
		Instant started = Instant.now();
		assertThatThrownBy(() -> migrator().upgrade("heads")).isInstanceOf(MigrationFailedException.class)
			.hasMessageContaining("statement timeout")
			.hasMessageContaining("SELECT pg_sleep(5)");
		assertThat(Duration.between(started, Instant.now())).isLessThan(Duration.ofSeconds(4));
		assertThat(userTables()).isEmpty();
	}

	@Test
	void aLockTimeoutGivesUpInsteadOfQueueingBehindALongTransaction() throws Exception {
		this.folder.table("0001_users", null, "users")
			.file("0002_alter.sql", "-- migrator:revision 0002_alter\n-- migrator:revises 0001_users\n"
					+ "-- migrator:lock-timeout 200ms\n-- migrator:upgrade\nALTER TABLE users ADD COLUMN email text;\n");
		migrator().upgrade("0001_users");
		try (Connection holder = this.dataSource.getConnection()) {
			holder.setAutoCommit(false);
			try (Statement statement = holder.createStatement()) {
				statement.execute("SELECT * FROM users");
			}
			assertThatThrownBy(
					() -> migrator(MigratorConfig.builder().lockRetry(LockTimeoutRetry.never())).upgrade("heads"))
				.isInstanceOf(MigrationFailedException.class)
				.hasMessageContaining("lock timeout")
				.hasMessageContaining("0002_alter");
			holder.rollback();
		}
		migrator().upgrade("heads");
		assertThat(migrator().current()).containsExactly("0002_alter");
	}

	@Test
	void theRunWideLockTimeoutAppliesWhenTheRevisionSetsNone() throws Exception {
		this.folder.table("0001_users", null, "users")
			.file("0002_alter.sql",
					"-- migrator:revision 0002_alter\n-- migrator:revises 0001_users\n-- migrator:upgrade\nALTER TABLE users ADD COLUMN email text;\n");
		migrator().upgrade("0001_users");
		try (Connection holder = this.dataSource.getConnection()) {
			holder.setAutoCommit(false);
			try (Statement statement = holder.createStatement()) {
				statement.execute("SELECT * FROM users");
			}
			assertThatThrownBy(() -> migrator(
					MigratorConfig.builder().lockTimeout(Duration.ofMillis(200)).lockRetry(LockTimeoutRetry.never()))
				.upgrade("heads")).isInstanceOf(MigrationFailedException.class).hasMessageContaining("lock timeout");
			holder.rollback();
		}
	}

	@Test
	void stateTablesMayLiveInTheirOwnSchema() throws Exception {
		this.folder.table("0001_users", null, "users");
		migrator(MigratorConfig.builder().schema("migrator_state")).upgrade("heads");
		assertThat(Databases.strings(this.dataSource, "SELECT version_num FROM migrator_state.migrator_version"))
			.containsExactly("0001_users");
		assertThat(Databases.tables(this.dataSource)).containsExactly("users");
	}

	@Test
	void aRunnerWaitingForTheLockGivesUpAfterTheLockWait() throws Exception {
		this.folder.file("0001_slow.sql",
				"-- migrator:revision 0001_slow\n-- migrator:upgrade\nCREATE TABLE slow (id integer);\nSELECT pg_sleep(2);\n");
		java.util.concurrent.CompletableFuture<RunResult> first = java.util.concurrent.CompletableFuture
			.supplyAsync(() -> migrator().upgrade("heads"));
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (Databases.count(this.dataSource,
				"SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())") == 0) {
			assertThat(System.nanoTime()).as("the first runner takes the lock").isLessThan(deadline);
			Thread.sleep(20);
		}
		assertThatThrownBy(() -> migrator(MigratorConfig.builder().lockWait(Duration.ofMillis(300))).upgrade("heads"))
			.isInstanceOf(dev.migrator.core.dialect.RunLockTimeoutException.class)
			.hasMessageContaining("Another runner has held the migration lock on migrator_version");
		assertThat(first.get().steps()).hasSize(1);
		assertThat(Databases.count(this.dataSource,
				"SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"))
			.isZero();
	}

	@Test
	void aRevisionsOwnTimeoutsDoNotCarryOverToTheNextRevision() throws Exception {
		this.folder
			.file("0001_index.sql", "-- migrator:revision 0001_index\n-- migrator:transactional false\n"
					+ "-- migrator:lock-timeout 1234ms\n-- migrator:statement-timeout 5min\n-- migrator:upgrade\n"
					+ "CREATE TABLE seen (setting text, value text);\n"
					+ "INSERT INTO seen SELECT 'first', current_setting('lock_timeout');\n")
			.file("0002_after.sql",
					"-- migrator:revision 0002_after\n-- migrator:revises 0001_index\n-- migrator:upgrade\n"
							+ "INSERT INTO seen SELECT 'lock', current_setting('lock_timeout');\n"
							+ "INSERT INTO seen SELECT 'statement', current_setting('statement_timeout');\n");
		migrator().upgrade("heads");
		assertThat(Databases.strings(this.dataSource, "SELECT setting || '=' || value FROM seen ORDER BY setting"))
			.as("the next revision has PostgreSQL's default lock timeout and no statement timeout")
			.containsExactly("first=1234ms", "lock=50ms", "statement=0");
	}

}
