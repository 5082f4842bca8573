package dev.migrator.core;

import dev.migrator.core.config.MigratorConfig;
import dev.migrator.core.error.MigratorException;
import dev.migrator.testsupport.TestDataSources;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A {@code .sql} symbolic link in a location that leads to no file is a revision that
 * cannot be read: skipping it would run the others without it.
 */
class RevisionSymlinkTests {

	@TempDir
	Path temp;

	private Path folder;

	private DataSource dataSource;

	@BeforeEach
	void prepare() throws Exception {
		this.folder = Files.createDirectories(this.temp.resolve("revisions"));
		new RevisionFolder(this.folder).table("0001_users", null, "users");
		this.dataSource = TestDataSources.sqliteFile(this.temp.resolve("app.db"));
	}

	@Test
	void aDanglingSqlLinkIsRefusedNamingItAndNothingIsApplied() throws Exception {
		Path link = Files.createSymbolicLink(this.folder.resolve("0002_orders.sql"),
				this.temp.resolve("elsewhere/0002_orders.sql"));

		assertRefused(link, "does not exist");
	}

	@Test
	void aLoopOfSqlLinksIsRefusedNamingItAndNothingIsApplied() throws Exception {
		Path first = this.folder.resolve("0002_a.sql");
		Path second = this.folder.resolve("0003_b.sql");
		Files.createSymbolicLink(first, second);
		Files.createSymbolicLink(second, first);

		assertRefused(first, "loop");
	}

	private void assertRefused(Path link, String why) throws Exception {
		Migrator migrator = Migrator.create(MigratorConfig.builder()
			.dataSource(this.dataSource)
			.locations("filesystem:" + this.folder.toAbsolutePath())
			.build());

		assertThatThrownBy(() -> migrator.upgrade("heads"))
			.isInstanceOfSatisfying(MigratorException.class,
					(ex) -> assertThat(ex.code()).isEqualTo("unreadable-location"))
			.hasMessageContaining(link.getFileName().toString())
			.hasMessageContaining(why);
		try (Connection connection = this.dataSource.getConnection();
				ResultSet rows = connection.createStatement().executeQuery("SELECT count(*) FROM sqlite_master")) {
			rows.next();
			assertThat(rows.getInt(1)).as("nothing was applied").isZero();
		}
	}

}
