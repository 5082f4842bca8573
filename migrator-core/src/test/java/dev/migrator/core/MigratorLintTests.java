package dev.migrator.core;

import dev.migrator.core.config.MigratorConfig;
import dev.migrator.core.lint.Finding;
import dev.migrator.core.lint.LintFailedException;
import dev.migrator.core.lint.LintReport;
import dev.migrator.testsupport.TestDataSources;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code Migrator.lint()}: no database needed, the dialect from the configuration, the
 * DataSource or the default.
 */
class MigratorLintTests {

	@TempDir
	Path temp;

	private RevisionFolder revisions() {
		return new RevisionFolder(this.temp.resolve("revisions")).table("0001_users", null, "users")
			.file("0002_index.sql", """
					-- migrator:revision 0002_index
					-- migrator:revises 0001_users
					-- migrator:upgrade
					CREATE INDEX users_name_idx ON users (name);
					ALTER TABLE users DROP COLUMN name;
					""");
	}

	private Migrator migrator(RevisionFolder folder, MigratorConfig.Builder builder) {
		return Migrator.create(builder.locations(folder.location()).build());
	}

	@Test
	void lintsWithoutADatabaseUnderPostgresqlRulesByDefault() {
		RevisionFolder folder = revisions();
		LintReport report = migrator(folder, MigratorConfig.builder()).lint();
		assertThat(report.dialect()).isEqualTo("postgresql");
		assertThat(report.lintedRevisions()).containsExactly("0001_users", "0002_index");
		assertThat(report.findings()).extracting(Finding::ruleId)
			.containsExactly("index-not-concurrent", "drop-outside-contract");
		assertThat(report.findings().get(0).location()).hasToString(folder.location() + "/0002_index.sql:4");
	}

	@Test
	void usesTheConfiguredDialect() {
		LintReport report = migrator(revisions(), MigratorConfig.builder().dialect("sqlite")).lint();
		assertThat(report.dialect()).isEqualTo("sqlite");
		assertThat(report.findings()).extracting(Finding::ruleId).containsExactly("drop-outside-contract");
	}

	@Test
	void usesTheDialectOfTheDataSource() {
		DataSource sqlite = TestDataSources.sqliteFile(this.temp.resolve("app.db"));
		assertThat(migrator(revisions(), MigratorConfig.builder().dataSource(sqlite)).lint().dialect())
			.isEqualTo("sqlite");
	}

	@Test
	void lintsUnderPostgresqlRulesWhenTheDatabaseCannotBeReached() {
		SQLiteDataSource unreachable = new SQLiteDataSource() {

			@Override
			public Connection getConnection() throws SQLException {
				throw new SQLException("connection refused");
			}

		};
		assertThat(migrator(revisions(), MigratorConfig.builder().dataSource(unreachable)).lint().dialect())
			.isEqualTo("postgresql");
	}

	@Test
	void lintOrFailFailsWithEveryFindingInTheMessage() {
		RevisionFolder folder = revisions();
		assertThatExceptionOfType(LintFailedException.class)
			.isThrownBy(() -> migrator(folder, MigratorConfig.builder()).lintOrFail())
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo("lint-failed");
				assertThat(ex.report().findings()).hasSize(2);
			})
			.withMessageContaining(folder.location() + "/0002_index.sql:4: index-not-concurrent: ")
			.withMessageContaining(folder.location() + "/0002_index.sql:5: drop-outside-contract: ")
			.withMessageContaining("-- migrator:allow RULE-ID reason");
	}

	@Test
	void lintOrFailReturnsTheReportOfACleanSet() {
		RevisionFolder folder = new RevisionFolder(this.temp.resolve("clean")).table("0001_users", null, "users");
		assertThat(migrator(folder, MigratorConfig.builder()).lintOrFail().hasFindings()).isFalse();
	}

	@Test
	void javaMigrationsAreLintedThroughTheStatementsTheirOperationsRender() {
		RevisionFolder folder = new RevisionFolder(this.temp.resolve("java")).table("0001_users", null, "users");
		LintReport report = Migrator
			.create(MigratorConfig.builder()
				.locations(folder.location())
				.javaMigrations(new PlainIndex(), new ConcurrentIndex(), new JdbcOnly())
				.build())
			.lint();
		assertThat(report.findings()).extracting(Finding::ruleId, Finding::revisionId)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("index-not-concurrent", "0002_plain_index"));
		assertThat(report.lintedRevisions()).contains("0002_plain_index", "0003_concurrent_index");
		assertThat(report.notLintedRevisions()).containsExactly("0004_jdbc_only");
	}

	@Test
	void aJavaMigrationAllowsOneRuleForOneOperation() {
		RevisionFolder folder = new RevisionFolder(this.temp.resolve("java")).table("0001_users", null, "users");
		LintReport report = Migrator
			.create(MigratorConfig.builder().locations(folder.location()).javaMigrations(new AllowedIndex()).build())
			.lint();
		// One of the two builds is allowed; the allowed one still holds its lock, so the
		// second is reported as a second long lock too.
		assertThat(report.findings()).extracting(Finding::ruleId)
			.containsExactlyInAnyOrder("index-not-concurrent", "several-long-locks");
	}

	@Test
	void anAllowanceMustNameARuleAndGiveAReason() {
		RevisionFolder folder = new RevisionFolder(this.temp.resolve("java")).table("0001_users", null, "users");
		assertThatExceptionOfType(dev.migrator.core.error.MigratorException.class)
			.isThrownBy(() -> Migrator
				.create(MigratorConfig.builder().locations(folder.location()).javaMigrations(new UnknownRule()).build())
				.lint())
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("unknown-lint-rule"))
			.withMessageContaining("index-not-concurent");
		assertThatExceptionOfType(dev.migrator.core.error.MigratorException.class)
			.isThrownBy(() -> new dev.migrator.core.op.LintAllowance("index-not-concurrent", "  "))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("allow-without-reason"));
	}

	/**
	 * Two blocking index builds; the first is allowed, for a reason, and the allowance
	 * does not reach the second.
	 */
	@dev.migrator.core.script.MigratorRevision(id = "0002_allowed_index", revises = "0001_users")
	public static class AllowedIndex implements dev.migrator.core.script.JavaMigration {

		@Override
		public void upgrade(dev.migrator.core.script.MigrationContext context) {
			context.op()
				.allowing("index-not-concurrent", "users holds a few hundred rows")
				.createIndex(dev.migrator.core.op.CreateIndex.on("users", "name"));
			context.op().createIndex(dev.migrator.core.op.CreateIndex.on("users", "id", "name"));
		}

	}

	/** An allowance whose rule id is misspelt. */
	@dev.migrator.core.script.MigratorRevision(id = "0002_unknown_rule", revises = "0001_users")
	public static class UnknownRule implements dev.migrator.core.script.JavaMigration {

		@Override
		public void upgrade(dev.migrator.core.script.MigrationContext context) {
			context.op()
				.allowing("index-not-concurent", "a typo")
				.createIndex(dev.migrator.core.op.CreateIndex.on("users", "name"));
		}

	}

	/** An index built the blocking way on a table that exists before it. */
	@dev.migrator.core.script.MigratorRevision(id = "0002_plain_index", revises = "0001_users")
	public static class PlainIndex implements dev.migrator.core.script.JavaMigration {

		@Override
		public void upgrade(dev.migrator.core.script.MigrationContext context) {
			context.op().createIndex(dev.migrator.core.op.CreateIndex.on("users", "name"));
		}

	}

	/** The same index built concurrently, in an autocommit block. */
	@dev.migrator.core.script.MigratorRevision(id = "0003_concurrent_index", revises = "0002_plain_index")
	public static class ConcurrentIndex implements dev.migrator.core.script.JavaMigration {

		@Override
		public void upgrade(dev.migrator.core.script.MigrationContext context) throws Exception {
			context.op()
				.autocommitBlock(() -> context.op()
					.createIndex(dev.migrator.core.op.CreateIndex.on("users", "id", "name").concurrently()));
		}

	}

	/** Runs JDBC code the linter cannot see. */
	@dev.migrator.core.script.MigratorRevision(id = "0004_jdbc_only", revises = "0003_concurrent_index")
	public static class JdbcOnly implements dev.migrator.core.script.JavaMigration {

		@Override
		public void upgrade(dev.migrator.core.script.MigrationContext context) throws Exception {
			try (java.sql.Statement statement = context.connection().createStatement()) {
				statement.execute("UPDATE users SET name = 'x'");
			}
		}

	}

}
