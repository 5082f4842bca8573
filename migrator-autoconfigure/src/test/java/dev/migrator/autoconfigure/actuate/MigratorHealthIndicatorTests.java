package dev.migrator.autoconfigure.actuate;

import dev.migrator.autoconfigure.RevisionFiles;
import dev.migrator.autoconfigure.SqliteFile;
import dev.migrator.core.config.ChecksumPolicy;
import dev.migrator.core.Migrator;
import dev.migrator.core.config.MigratorConfig;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MigratorHealthIndicator} against a SQLite file.
 */
class MigratorHealthIndicatorTests {

	@TempDir
	Path temp;

	private SqliteFile database() {
		return new SqliteFile(this.temp.resolve("app.db"));
	}

	private Migrator migrator(RevisionFiles revisions, ChecksumPolicy policy) {
		return migrator(database().url(), revisions, policy);
	}

	private static Migrator migrator(String url, RevisionFiles revisions, ChecksumPolicy policy) {
		return Migrator.create(MigratorConfig.builder()
			.dataSource(new SimpleDriverDataSource(new org.sqlite.JDBC(), url))
			.locations(revisions.location())
			.checksumPolicy(policy)
			.build());
	}

	private RevisionFiles revisions;

	@BeforeEach
	void writeRevisions() {
		this.revisions = RevisionFiles.twoTables(this.temp.resolve("revisions"));
	}

	private RevisionFiles revisions() {
		return this.revisions;
	}

	@Test
	void downListingThePendingRevisionsWhenTheDatabaseIsBehind() {
		Health health = new MigratorHealthIndicator(migrator(revisions(), ChecksumPolicy.FAIL)).health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("pending", List.of("0001_create_people", "0002_create_orders"))
			.containsEntry("current", List.of())
			.containsEntry("heads", List.of("0002_create_orders"));
		assertThat(database().tables()).as("a health check writes nothing").isEmpty();
	}

	@Test
	void upOnceTheJobRan() {
		Migrator migrator = migrator(revisions(), ChecksumPolicy.FAIL);
		migrator.upgrade("heads");
		Health health = new MigratorHealthIndicator(migrator).health();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("current", List.of("0002_create_orders"))
			.containsEntry("heads", List.of("0002_create_orders"))
			.doesNotContainKey("pending");
	}

	@Test
	void downWhenOnlyPartOfTheRevisionsAreApplied() {
		Migrator migrator = migrator(revisions(), ChecksumPolicy.FAIL);
		migrator.upgrade("0001_create_people");
		Health health = new MigratorHealthIndicator(migrator).health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("pending", List.of("0002_create_orders"));
	}

	@Test
	void editedAppliedRevisionIsDownUnderFailAndUpUnderWarn() {
		migrator(revisions(), ChecksumPolicy.FAIL).upgrade("heads");
		revisions().file("0002_create_orders.sql", "-- migrator:revision 0002_create_orders\n"
				+ "-- migrator:revises 0001_create_people\n-- migrator:upgrade\nCREATE TABLE orders (id integer);\n");
		Health failing = new MigratorHealthIndicator(migrator(revisions(), ChecksumPolicy.FAIL)).health();
		assertThat(failing.getStatus()).isEqualTo(Status.DOWN);
		assertThat(failing.getDetails()).containsEntry("editedRevisions", List.of("0002_create_orders"));
		Health warning = new MigratorHealthIndicator(migrator(revisions(), ChecksumPolicy.WARN)).health();
		assertThat(warning.getStatus()).isEqualTo(Status.UP);
		assertThat(warning.getDetails()).containsEntry("editedRevisions", List.of("0002_create_orders"));
	}

	@Test
	void upWhenANewerBuildMigratedTheDatabaseFirst() {
		RevisionFiles newer = RevisionFiles.twoTables(this.temp.resolve("newer"))
			.table("0003_create_invoices", "0002_create_orders", "invoices");
		migrator(newer, ChecksumPolicy.FAIL).upgrade("heads");
		Health health = new MigratorHealthIndicator(migrator(revisions(), ChecksumPolicy.FAIL)).health();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("unknownRevisions", List.of("0003_create_invoices"));
	}

	@Test
	void downWithTheErrorWhenTheStateCannotBeRead() throws Exception {
		Path garbage = Files.writeString(this.temp.resolve("garbage.db"), "this is not a SQLite file at all");
		Migrator unreadable = migrator("jdbc:sqlite:" + garbage, revisions(), ChecksumPolicy.FAIL);
		Health health = new MigratorHealthIndicator(unreadable).health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat((String) health.getDetails().get("error")).contains("Could not read the migration state");
	}

}
