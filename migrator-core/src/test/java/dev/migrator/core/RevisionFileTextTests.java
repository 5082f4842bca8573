package dev.migrator.core;

import dev.migrator.core.config.MigratorConfig;
import dev.migrator.core.error.MigratorException;
import dev.migrator.testsupport.TestDataSources;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Text no database would take is refused when the revisions load, naming the file and the
 * line, rather than reaching the database as something else.
 */
class RevisionFileTextTests {

	@TempDir
	Path temp;

	@Test
	void aNulCharacterIsRefusedAtLoadWithItsFileAndLine() throws Exception {
		Path folder = Files.createDirectories(this.temp.resolve("nul"));
		Files.writeString(folder.resolve("0001_init.sql"), "-- migrator:revision 0001_init\n-- migrator:upgrade\n"
				+ "CREATE TABLE t (id integer);\nINSERT INTO t VALUES (1);\u0000\nINSERT INTO t VALUES (2);\n");
		MigratorException refused = upgrade(folder);
		assertThat(refused.code()).isEqualTo("invalid-encoding");
		assertThat(refused.getMessage()).contains(folder.resolve("0001_init.sql") + ":4")
			.contains("NUL")
			.doesNotContain("finalized");
		assertThat(Files.exists(this.temp.resolve("app.db")) ? Files.size(this.temp.resolve("app.db")) : 0)
			.as("nothing reached the database")
			.isZero();
	}

	@Test
	void aFileThatIsNotUtf8IsRefusedWithTheLineOfTheFirstBadByte() throws Exception {
		Path folder = Files.createDirectories(this.temp.resolve("latin1"));
		Files.write(folder.resolve("0001_init.sql"),
				("-- migrator:revision 0001_init\n-- migrator:upgrade\nCREATE TABLE t (id integer);\n"
						+ "INSERT INTO t VALUES ('caf\u00e9');\n")
					.getBytes(StandardCharsets.ISO_8859_1));
		MigratorException refused = upgrade(folder);
		assertThat(refused.code()).isEqualTo("invalid-encoding");
		assertThat(refused.getMessage()).contains(folder.resolve("0001_init.sql") + ":4")
			.contains("is not valid UTF-8");
	}

	private MigratorException upgrade(Path folder) {
		Throwable thrown = catchThrowable(() -> Migrator
			.create(MigratorConfig.builder()
				.dataSource(TestDataSources.sqliteFile(this.temp.resolve("app.db")))
				.locations("filesystem:" + folder)
				.build())
			.upgrade("heads"));
		assertThat(thrown).isInstanceOf(MigratorException.class);
		return (MigratorException) thrown;
	}

}
