package dev.migrator.core;

import dev.migrator.core.config.MigratorConfig;
import dev.migrator.core.lint.Finding;
import dev.migrator.core.lint.LintReport;
import dev.migrator.core.script.Severity;
import dev.migrator.testsupport.TestPostgres;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The linter with a PostgreSQL database at hand: the statements are judged for the
 * server's version unless one is configured.
 */
class LiveLintTests {

	@TempDir
	Path temp;

	private DataSource dataSource;

	private RevisionFolder folder;

	@BeforeEach
	void prepare() {
		TestPostgres server = TestPostgres.shared();
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setUrl(server.createDatabase());
		dataSource.setUser(server.user());
		dataSource.setPassword(server.password());
		this.dataSource = dataSource;
		this.folder = new RevisionFolder(this.temp.resolve("revisions")).table("0001_users", null, "users");
	}

	@Test
	void theServersVersionDecidesTheAdviceUnlessOneIsConfigured() throws Exception {
		try (Connection connection = this.dataSource.getConnection()) {
			assertThat(connection.getMetaData().getDatabaseMajorVersion()).as("the test server")
				.isGreaterThanOrEqualTo(18);
		}
		this.folder.file("0002_name.sql",
				revision("0002_name", "0001_users", "ALTER TABLE users ALTER COLUMN name SET NOT NULL;"));
		assertThat(only(lint(MigratorConfig.builder())).safeAlternative())
			.contains("ADD CONSTRAINT users_name_not_null NOT NULL name NOT VALID");
		assertThat(only(lint(MigratorConfig.builder().lintPostgresVersion("14"))).safeAlternative())
			.contains("CHECK (name IS NOT NULL) NOT VALID");
	}

	@Test
	void anOperationWithAnAllowanceRunsAsAnyOther() throws Exception {
		Migrator
			.create(MigratorConfig.builder()
				.dataSource(this.dataSource)
				.locations(this.folder.location())
				.javaMigrations(new MigratorLintTests.AllowedIndex())
				.build())
			.upgrade("heads");
		assertThat(Databases.strings(this.dataSource,
				"SELECT indexname FROM pg_indexes WHERE tablename = 'users' AND indexname LIKE 'ix_%' ORDER BY 1"))
			.containsExactly("ix_users_id_name", "ix_users_name");
	}

	@Test
	void aLongLockOnASmallTableIsANoteAndOnALargeOneAnError() throws Exception {
		execute("CREATE TABLE accounts (id bigint PRIMARY KEY, email text)",
				"INSERT INTO accounts SELECT g, 'a' || g FROM generate_series(1, 20) g",
				"CREATE TABLE events (id bigint PRIMARY KEY, kind text)",
				"INSERT INTO events SELECT g, 'k' FROM generate_series(1, 20000) g", "ANALYZE accounts",
				"ANALYZE events");
		RevisionFolder folder = first("CREATE INDEX accounts_email_idx ON accounts (email);\n"
				+ "CREATE INDEX events_kind_idx ON events (kind);");
		LintReport report = lint(folder, MigratorConfig.builder());
		assertThat(report.findings()).extracting(Finding::ruleId, Finding::severity)
			.containsExactly(tuple("index-not-concurrent", Severity.NOTE),
					tuple("index-not-concurrent", Severity.ERROR));
		assertThat(report.findings().get(0).message())
			.endsWith("a note only: PostgreSQL estimates 20 rows in accounts, not above "
					+ "migrator.lint.large-table-rows (10,000), so the lock is short");
		assertThat(report.findings().get(1).message()).endsWith("(PostgreSQL estimates 20,000 rows in events)");
		assertThat(report.fails()).isTrue();
		assertThat(report.toText()).contains("2 findings (1 error, 0 warnings, 1 note)")
			.containsPattern("Judged for PostgreSQL 1[89](\\.\\d+)? \\(the server's\\)\\.");
		assertThat(lint(folder, MigratorConfig.builder().lintLargeTableRows(100_000)).fails())
			.as("both tables small: notes only, nothing fails")
			.isFalse();
		assertThat(lint(folder, MigratorConfig.builder().lintLargeTableRows(10)).findings())
			.extracting(Finding::severity)
			.containsOnly(Severity.ERROR);
	}

	@Test
	void aTableWithoutAnEstimateIsTreatedAsLarge() throws Exception {
		execute("CREATE TABLE fresh (id bigint, note text)",
				"INSERT INTO fresh SELECT g, 'n' FROM generate_series(1, 100) g");
		LintReport report = lint(first("CREATE INDEX fresh_note_idx ON fresh (note);"), MigratorConfig.builder());
		assertThat(report.findings()).extracting(Finding::severity).containsExactly(Severity.ERROR);
	}

	@Test
	void factsTheRevisionsDoNotShowComeFromTheCatalog() throws Exception {
		execute("CREATE TABLE people (id bigint PRIMARY KEY, email text, name text, nick text NOT NULL)",
				"ALTER TABLE people ADD CONSTRAINT people_email_present CHECK (email IS NOT NULL)",
				"CREATE TABLE visits (id bigint, at timestamptz NOT NULL) PARTITION BY RANGE (at)");
		RevisionFolder folder = first("ALTER TABLE people ALTER COLUMN email SET NOT NULL;\n"
				+ "ALTER TABLE people ALTER COLUMN nick SET NOT NULL;\n"
				+ "ALTER TABLE people ALTER COLUMN name SET NOT NULL;\n"
				+ "CREATE INDEX visits_at_idx ON visits (at);");
		LintReport report = lint(folder, MigratorConfig.builder().lintLargeTableRows(0));
		assertThat(report.findings()).extracting(Finding::ruleId, (finding) -> finding.location().line())
			.containsExactly(tuple("set-not-null-without-check", 6), tuple("index-not-concurrent", 7));
		assertThat(report.findings().get(1).safeAlternative()).contains("ON ONLY visits");
		assertThat(lintWithoutDatabase(folder).findings()).as("without the database, as before")
			.extracting(Finding::ruleId, Finding::severity)
			.containsExactly(tuple("set-not-null-without-check", Severity.ERROR),
					tuple("set-not-null-without-check", Severity.ERROR),
					tuple("set-not-null-without-check", Severity.ERROR), tuple("index-not-concurrent", Severity.ERROR));
	}

	/**
	 * PostgreSQL 18 marks a column NOT NULL as soon as a NOT NULL constraint is added NOT
	 * VALID; only once it is validated does the catalog prove the column.
	 */
	@Test
	void aNotNullConstraintProvesTheColumnOnlyOnceValidated() throws Exception {
		execute("CREATE TABLE members (id bigint PRIMARY KEY, email text)",
				"INSERT INTO members SELECT g, 'm' || g FROM generate_series(1, 50) g",
				"ALTER TABLE members ADD CONSTRAINT members_email_not_null NOT NULL email NOT VALID");
		RevisionFolder folder = first("ALTER TABLE members ALTER COLUMN email SET NOT NULL;");
		assertThat(lint(folder, MigratorConfig.builder()).findings()).extracting(Finding::ruleId)
			.containsExactly("set-not-null-without-check");
		execute("ALTER TABLE members VALIDATE CONSTRAINT members_email_not_null");
		assertThat(lint(folder, MigratorConfig.builder()).findings()).isEmpty();
	}

	/**
	 * PostgreSQL can neither build nor drop a partitioned table's index concurrently, so
	 * the linter reports the one and does not ask for the other; the catalog says which
	 * tables and indexes are partitioned.
	 */
	@Test
	void aPartitionedTablesIndexIsNeitherBuiltNorDroppedConcurrently() throws Exception {
		execute("CREATE TABLE visits (id bigint, at timestamptz NOT NULL) PARTITION BY RANGE (at)",
				"CREATE INDEX visits_at_idx ON visits (at)");
		assertThatExceptionOfType(java.sql.SQLException.class)
			.isThrownBy(() -> execute("DROP INDEX CONCURRENTLY visits_at_idx"))
			.withMessageContaining("partitioned");
		assertThatExceptionOfType(java.sql.SQLException.class)
			.isThrownBy(() -> execute("CREATE INDEX CONCURRENTLY visits_id_idx ON visits (id)"))
			.withMessageContaining("partitioned");
		assertThat(lint(first("DROP INDEX visits_at_idx;"), MigratorConfig.builder()).findings()).isEmpty();
		assertThat(lint(first("CREATE INDEX CONCURRENTLY visits_id_idx ON visits (id);"), MigratorConfig.builder())
			.findings()).extracting(Finding::message)
			.singleElement()
			.asString()
			.contains("fails: PostgreSQL cannot build a partitioned table's index concurrently");
		assertThat(lintWithoutDatabase(first("DROP INDEX visits_at_idx;")).findings()).extracting(Finding::ruleId)
			.as("without the database the index is not known to be partitioned")
			.containsExactly("drop-index-not-concurrent");
	}

	private void execute(String... statements) throws Exception {
		try (Connection connection = this.dataSource.getConnection();
				java.sql.Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
	}

	/**
	 * A folder whose only revision runs the statements on tables made outside it; not
	 * transactional, so that each statement is judged on its own (no several-long-locks).
	 */
	private RevisionFolder first(String upgrade) {
		return new RevisionFolder(this.temp.resolve("first")).file("0001_change.sql",
				"-- migrator:revision 0001_change\n-- migrator:transactional false\n-- migrator:upgrade\n" + upgrade
						+ "\n");
	}

	private LintReport lint(RevisionFolder folder, MigratorConfig.Builder builder) {
		return Migrator.create(builder.dataSource(this.dataSource).locations(folder.location()).build()).lint();
	}

	private static LintReport lintWithoutDatabase(RevisionFolder folder) {
		return Migrator.create(MigratorConfig.builder().locations(folder.location()).build()).lint();
	}

	private LintReport lint(MigratorConfig.Builder builder) {
		return Migrator.create(builder.dataSource(this.dataSource).locations(this.folder.location()).build()).lint();
	}

	private static Finding only(LintReport report) {
		List<Finding> findings = report.findings();
		assertThat(findings).hasSize(1);
		return findings.get(0);
	}

	static String revision(String id, String parent, String upgrade) {
		return "-- migrator:revision " + id + "\n-- migrator:revises " + parent + "\n-- migrator:upgrade\n" + upgrade
				+ "\n";
	}

}
