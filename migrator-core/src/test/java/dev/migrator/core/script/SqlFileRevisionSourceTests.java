package dev.migrator.core.script;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

class SqlFileRevisionSourceTests {

	private static final String FOLDER = "dev/migrator/core/script/sql-revisions";

	private static final String INIT = """
			-- migrator:revision 0001_init
			-- migrator:upgrade
			CREATE TABLE users (id int PRIMARY KEY);
			""";

	private static final String ADD_EMAIL = """
			-- migrator:revision 0002_add_email
			-- migrator:revises 0001_init
			-- migrator:upgrade
			ALTER TABLE users ADD COLUMN email varchar(200);
			""";

	@TempDir
	Path temp;

	@Test
	void loadsEverySqlFileBelowAClasspathFolderInPathOrder() {
		List<Revision> revisions = load("classpath:" + FOLDER);
		assertThat(revisions).extracting(Revision::id, (revision) -> revision.origin().toString())
			.containsExactly(tuple("0001_init", "classpath:" + FOLDER + "/0001_init.sql:1"),
					tuple("0002_add_email", "classpath:" + FOLDER + "/0002_add_email.sql:1"),
					tuple("0003_add_display_name", "classpath:" + FOLDER + "/later/0003_add_display_name.sql:1"));
		assertThat(revisions.get(0).isReversible()).isTrue();
		assertThat(revisions.get(1).isReversible()).isFalse();
	}

	@Test
	void readsABarePathWithSlashesAsAClasspathFolder() {
		assertThat(load("/" + FOLDER + "/")).extracting((revision) -> revision.origin().location())
			.first()
			.isEqualTo("classpath:" + FOLDER + "/0001_init.sql");
	}

	@Test
	void loadsAClasspathFolderInsideAJar() throws IOException {
		Path content = this.temp.resolve("content");
		write(content.resolve("db/revisions/0001_init.sql"), INIT);
		write(content.resolve("db/revisions/more/0002_add_email.sql"), ADD_EMAIL);
		write(content.resolve("db/revisions/notes.txt"), "not a revision");
		write(content.resolve("db/other/0009_elsewhere.sql"), INIT.replace("0001_init", "0009_elsewhere"));
		Path jar = TestJar.of(content, this.temp.resolve("revisions.jar"));
		try (URLClassLoader loader = new URLClassLoader(new URL[] { jar.toUri().toURL() }, null)) {
			List<Revision> revisions = new SqlFileRevisionSource(List.of("classpath:db/revisions"), loader).load();
			assertThat(revisions).extracting(Revision::id, (revision) -> revision.origin().location())
				.containsExactly(tuple("0001_init", "classpath:db/revisions/0001_init.sql"),
						tuple("0002_add_email", "classpath:db/revisions/more/0002_add_email.sql"));
			assertThat(revisions.get(1).upgrade()).isEqualTo(new MigrationBody.Sql(
					List.of(new SqlStatement("ALTER TABLE users ADD COLUMN email varchar(200)", 4))));
		}
	}

	@Test
	void loadsAFilesystemFolderSkippingHiddenAndOtherFiles() throws IOException {
		Path folder = this.temp.resolve("revisions");
		write(folder.resolve("b/0002_add_email.sql"), ADD_EMAIL);
		write(folder.resolve("a/0001_init.sql"), INIT);
		write(folder.resolve(".#0001_init.sql"), "editor lock file");
		write(folder.resolve(".hidden/0009_copy.sql"), INIT);
		write(folder.resolve("0001_init.sql.orig"), INIT);
		List<Revision> revisions = load("filesystem:" + folder);
		assertThat(revisions).extracting(Revision::id, (revision) -> revision.origin().location())
			.containsExactly(tuple("0001_init", "filesystem:" + folder.resolve("a/0001_init.sql")),
					tuple("0002_add_email", "filesystem:" + folder.resolve("b/0002_add_email.sql")));
	}

	@Test
	void loadsLocationsInTheOrderGiven() throws IOException {
		Path folder = this.temp.resolve("extra");
		write(folder.resolve("0000_first.sql"), INIT.replace("0001_init", "0000_first"));
		assertThat(load("filesystem:" + folder, "classpath:" + FOLDER)).extracting(Revision::id)
			.containsExactly("0000_first", "0001_init", "0002_add_email", "0003_add_display_name");
	}

	@Test
	void givesNoRevisionsForAnExistingFolderWithoutSqlFiles() throws IOException {
		Path empty = Files.createDirectories(this.temp.resolve("empty"));
		assertThat(load("classpath:dev/migrator/core/script/no-sql-revisions", "filesystem:" + empty)).isEmpty();
	}

	@Test
	void rejectsAClasspathLocationThatDoesNotExist() {
		assertThatExceptionOfType(RevisionSourceException.class).isThrownBy(() -> load("classpath:db/nowhere"))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("location-not-found"))
			.withMessageStartingWith("classpath:db/nowhere: ")
			.withMessageContaining("src/main/resources/db/nowhere")
			.withMessageContaining("migrator.locations");
	}

	@Test
	void rejectsAFilesystemLocationThatDoesNotExist() {
		Path missing = this.temp.resolve("missing");
		assertThatExceptionOfType(RevisionSourceException.class).isThrownBy(() -> load("filesystem:" + missing))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("location-not-found"))
			.withMessageStartingWith("filesystem:" + missing + ": ")
			.withMessageContaining("Create the folder, or fix migrator.locations");
	}

	@Test
	void rejectsALocationWithAnUnknownPrefix() {
		assertThatExceptionOfType(RevisionSourceException.class)
			.isThrownBy(() -> new SqlFileRevisionSource(List.of("file:/srv/revisions"), getClass().getClassLoader()))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("invalid-location"))
			.withMessageContaining("unknown prefix 'file:'")
			.withMessageContaining("filesystem:");
	}

	@Test
	void rejectsAClasspathLocationNamingNoFolder() {
		assertThatExceptionOfType(RevisionSourceException.class)
			.isThrownBy(() -> new SqlFileRevisionSource(List.of("classpath:/"), getClass().getClassLoader()))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("invalid-location"));
	}

	@Test
	void rejectsAFileThatIsNotUtf8() throws IOException {
		Path folder = Files.createDirectories(this.temp.resolve("latin1"));
		Files.write(folder.resolve("0001_init.sql"), "-- migrator:revision 0001_init\n-- migrator:message caf\u00e9\n"
			.getBytes(StandardCharsets.ISO_8859_1));
		assertThatExceptionOfType(RevisionSourceException.class).isThrownBy(() -> load("filesystem:" + folder))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("invalid-encoding"))
			.withMessageStartingWith("filesystem:" + folder.resolve("0001_init.sql") + ":2: is not valid UTF-8");
	}

	@Test
	void reportsErrorsInAFileWithItsLocationAndLine() throws IOException {
		Path folder = this.temp.resolve("broken");
		write(folder.resolve("0001_init.sql"), "-- migrator:revision 0001_init\n-- migrator:phase later\n");
		assertThatExceptionOfType(RevisionSourceException.class).isThrownBy(() -> load("filesystem:" + folder))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("invalid-phase"))
			.withMessageStartingWith("filesystem:" + folder.resolve("0001_init.sql") + ":2: ");
	}

	private List<Revision> load(String... locations) {
		return new SqlFileRevisionSource(List.of(locations), getClass().getClassLoader()).load();
	}

	private static void write(Path file, String content) throws IOException {
		Files.createDirectories(file.getParent());
		Files.writeString(file, content);
	}

}
