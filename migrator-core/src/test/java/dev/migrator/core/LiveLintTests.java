package dev.migrator.core;

import dev.migrator.core.config.MigratorConfig;
import dev.migrator.core.lint.Finding;
import dev.migrator.core.lint.LintReport;
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
