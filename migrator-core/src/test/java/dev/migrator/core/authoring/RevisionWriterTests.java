package dev.migrator.core.authoring;

import dev.migrator.core.script.JavaMigration;
import dev.migrator.core.script.JavaRevisionSource;
import dev.migrator.core.script.Revision;
import dev.migrator.core.script.RevisionGraph;
import dev.migrator.core.script.RevisionSourceException;
import dev.migrator.core.script.SqlRevisionParser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RevisionWriterTests {

	private static final Clock NOON = Clock.fixed(Instant.parse("2025-03-01T12:00:00Z"), ZoneOffset.UTC);

	@TempDir
	Path temp;

	@Test
	void writesASqlRevisionThatRevisesTheOnlyHeadWithEmptySections() throws Exception {
		RevisionFiles files = new RevisionFiles(this.temp.resolve("revisions")).table("0001_users", "users");
		WrittenRevision written = new RevisionWriter(files.graph(), NOON).revision("Add the orders table!",
				RevisionKind.SQL, Optional.empty(), Optional.empty(), List.of(), files.folder(), Optional.empty());
		assertThat(written.id()).isEqualTo("20250301120000_add_the_orders_table");
		assertThat(written.revises()).containsExactly("0001_users");
		assertThat(written.startsBranch()).isFalse();
		assertThat(written.file()).isEqualTo(files.folder().resolve("20250301120000_add_the_orders_table.sql"));
		assertThat(Files.readString(written.file())).isEqualTo("""
				-- migrator:revision 20250301120000_add_the_orders_table
				-- migrator:revises 0001_users
				-- migrator:message Add the orders table!
				-- migrator:upgrade

				-- migrator:downgrade

				""");
	}

	@Test
	void leavesTheSkeletonUnloadableUntilItsUpgradeIsWritten() throws Exception {
		RevisionFiles files = new RevisionFiles(this.temp.resolve("revisions"));
		WrittenRevision written = new RevisionWriter(files.graph(), NOON).revision("users", RevisionKind.SQL,
				Optional.empty(), Optional.empty(), List.of(), files.folder(), Optional.empty());
		String text = Files.readString(written.file());
		assertThatExceptionOfType(RevisionSourceException.class)
			.isThrownBy(() -> new SqlRevisionParser().parse("users.sql", text))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("empty-upgrade-section"));
		RevisionFiles.fillUpgrade(written.file(), "CREATE TABLE users (id integer);", "DROP TABLE users;");
		assertThat(files.graph().get().heads()).extracting(Revision::id).containsExactly(written.id());
	}

	@Test
	void givesDistinctIdsInWritingOrderWhenCalledTwiceInOneSecond() {
		RevisionFiles files = new RevisionFiles(this.temp.resolve("revisions"));
		RevisionWriter writer = new RevisionWriter(files.graph(), NOON);
		WrittenRevision first = writer.revision("users", RevisionKind.SQL, Optional.empty(), Optional.empty(),
				List.of(), files.folder(), Optional.empty());
		RevisionFiles.fillUpgrade(first.file(), "CREATE TABLE users (id integer);", "DROP TABLE users;");
		WrittenRevision second = writer.revision("users", RevisionKind.SQL, Optional.empty(), Optional.empty(),
				List.of(), files.folder(), Optional.empty());
		RevisionFiles.fillUpgrade(second.file(), "CREATE TABLE users2 (id integer);", "DROP TABLE users2;");
		// A Java source is not in the graph until it is compiled: its file still takes
		// its second.
		WrittenRevision third = writer.revision("users", RevisionKind.JAVA, Optional.empty(), Optional.empty(),
				List.of(), this.temp.resolve("java"), Optional.of("com.example.migrations"));
		WrittenRevision fourth = writer.revision("users", RevisionKind.JAVA, Optional.empty(), Optional.empty(),
				List.of(), this.temp.resolve("java"), Optional.of("com.example.migrations"));
		assertThat(List.of(first.id(), second.id(), third.id(), fourth.id())).containsExactly("20250301120000_users",
				"20250301120001_users", "20250301120002_users", "20250301120003_users");
		assertThat(second.revises()).containsExactly(first.id());
	}

	@Test
	void refusesWhenThereAreSeveralHeadsAndNoneIsChosenListingThemWithTheirFiles() {
		RevisionFiles files = new RevisionFiles(this.temp.resolve("revisions")).table("0001_base", "base_table")
			.table("0002_users", "users", "0001_base")
			.table("0002_orders", "orders", "0001_base");
		RevisionWriter writer = new RevisionWriter(files.graph(), NOON);
		assertThatExceptionOfType(AuthoringException.class)
			.isThrownBy(() -> writer.revision("more", RevisionKind.SQL, Optional.empty(), Optional.empty(), List.of(),
					files.folder(), Optional.empty()))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("multiple-heads"))
			.withMessageContaining("There are 2 heads")
			.withMessageContaining(
					"0002_orders  filesystem:" + files.folder().toAbsolutePath().resolve("0002_orders.sql"))
			.withMessageContaining(
					"0002_users  filesystem:" + files.folder().toAbsolutePath().resolve("0002_users.sql"))
			.withMessageContaining("-Dmigrator.head");
		assertThat(files.folder()).isDirectoryNotContaining("glob:**/*more*");
	}

	@Test
	void followsTheHeadNamedByRevisionLabelOrLabelAtHead() {
		RevisionFiles files = new RevisionFiles(this.temp.resolve("revisions")).table("0001_base", "base_table")
			.file("0002_billing.sql",
					"-- migrator:revision 0002_billing\n-- migrator:revises 0001_base\n"
							+ "-- migrator:branch-labels billing\n-- migrator:upgrade\nSELECT 1;\n")
			.table("0003_invoices", "invoices", "0002_billing")
			.table("0002_users", "users", "0001_base");
		RevisionWriter writer = new RevisionWriter(files.graph(), NOON);
		Path java = this.temp.resolve("java");
		Optional<String> pkg = Optional.of("com.example.migrations");
		assertThat(
				writer.revision("a", RevisionKind.JAVA, Optional.of("billing"), Optional.empty(), List.of(), java, pkg)
					.revises())
			.containsExactly("0003_invoices");
		assertThat(writer
			.revision("b", RevisionKind.JAVA, Optional.of("billing@head"), Optional.empty(), List.of(), java, pkg)
			.revises()).containsExactly("0003_invoices");
		assertThat(writer
			.revision("c", RevisionKind.JAVA, Optional.of("0002_users"), Optional.empty(), List.of(), java, pkg)
			.revises()).containsExactly("0002_users");
		WrittenRevision branch = writer.revision("d", RevisionKind.JAVA, Optional.of("0001_base"), Optional.empty(),
				List.of(), java, pkg);
		assertThat(branch.revises()).containsExactly("0001_base");
		assertThat(branch.startsBranch()).isTrue();
	}

	@Test
	void startsANewLabelledRootFromBaseAndRecordsDependencies() throws Exception {
		RevisionFiles files = new RevisionFiles(this.temp.resolve("revisions")).table("0001_users", "users");
		WrittenRevision written = new RevisionWriter(files.graph(), NOON).revision("billing start", RevisionKind.SQL,
				Optional.of("base"), Optional.of("billing"), List.of("0001_users"), files.folder(), Optional.empty());
		assertThat(written.revises()).isEmpty();
		assertThat(Files.readString(written.file())).contains("-- migrator:branch-labels billing\n")
			.contains("-- migrator:depends-on 0001_users\n")
			.doesNotContain("revises");
	}

	@Test
	void refusesALabelThatIsTakenAndAHeadThatIsUnknown() {
		RevisionFiles files = new RevisionFiles(this.temp.resolve("revisions")).file("0001_users.sql",
				"-- migrator:revision 0001_users\n-- migrator:branch-labels users\n"
						+ "-- migrator:upgrade\nSELECT 1;\n");
		RevisionWriter writer = new RevisionWriter(files.graph(), NOON);
		assertThatExceptionOfType(AuthoringException.class)
			.isThrownBy(() -> writer.revision("x", RevisionKind.SQL, Optional.empty(), Optional.of("users"), List.of(),
					files.folder(), Optional.empty()))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("duplicate-branch-label"));
		assertThatExceptionOfType(AuthoringException.class)
			.isThrownBy(() -> writer.revision("x", RevisionKind.SQL, Optional.of("0009_nope"), Optional.empty(),
					List.of(), files.folder(), Optional.empty()))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("invalid-head"))
			.withMessageContaining("0009_nope");
	}

	@Test
	void writesAJavaSkeletonThatCompilesAndLoadsWithItsHeader() throws Exception {
		RevisionFiles files = new RevisionFiles(this.temp.resolve("revisions")).table("0001_users", "users");
		WrittenRevision written = new RevisionWriter(files.graph(), NOON).revision("say \"hi\" \\ now",
				RevisionKind.JAVA, Optional.empty(), Optional.of("greetings"), List.of(), this.temp.resolve("java"),
				Optional.of("com.example.migrations"));
		assertThat(written.file())
			.isEqualTo(this.temp.resolve("java/com/example/migrations/R20250301120000_SayHiNow.java"));
		String source = Files.readString(written.file());
		assertThat(source).contains("public class R20250301120000_SayHiNow implements JavaMigration");
		JavaMigration migration = DraftCompiler.compile(this.temp.resolve("build"), source);
		Revision loaded = new JavaRevisionSource(List.of(migration), List.of(), getClass().getClassLoader()).load()
			.get(0);
		assertThat(loaded.id()).isEqualTo("20250301120000_say_hi_now");
		assertThat(loaded.revises()).containsExactly("0001_users");
		assertThat(loaded.message()).isEqualTo("say \"hi\" \\ now");
		assertThat(loaded.branchLabels()).containsExactly("greetings");
		assertThat(loaded.isReversible()).isTrue();
	}

	@Test
	void mergesEveryHeadIntoARevisionWithAnEmptyUpgradeThatLoads() {
		RevisionFiles files = new RevisionFiles(this.temp.resolve("revisions")).table("0001_base", "base_table")
			.table("0002_users", "users", "0001_base")
			.table("0002_orders", "orders", "0001_base");
		WrittenRevision merge = new RevisionWriter(files.graph(), NOON).merge("merge users and orders",
				List.of("heads"), files.folder());
		assertThat(merge.revises()).containsExactly("0002_orders", "0002_users");
		RevisionGraph graph = files.graph().get();
		assertThat(graph.heads()).extracting(Revision::id).containsExactly(merge.id());
		assertThat(graph.get(merge.id()).isMerge()).isTrue();
		assertThat(new HeadsCheck(graph).report().hasSeveralHeads()).isFalse();
	}

	@Test
	void mergesNamedRevisionsAndRefusesWhatJoinsNothing() {
		RevisionFiles files = new RevisionFiles(this.temp.resolve("revisions")).table("0001_base", "base_table")
			.table("0002_users", "users", "0001_base")
			.table("0002_orders", "orders", "0001_base");
		RevisionWriter writer = new RevisionWriter(files.graph(), NOON);
		assertThatExceptionOfType(AuthoringException.class)
			.isThrownBy(() -> writer.merge("m", List.of("0001_base", "0002_users"), files.folder()))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("invalid-merge"))
			.withMessageContaining("0001_base is already an ancestor of 0002_users");
		assertThat(writer.merge("m", List.of("0002_users", "0002_orders"), files.folder()).revises())
			.containsExactly("0002_users", "0002_orders");
		assertThatExceptionOfType(AuthoringException.class)
			.isThrownBy(() -> writer.merge("again", List.of("heads"), files.folder()))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("nothing-to-merge"));
	}

}
