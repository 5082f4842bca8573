package dev.migrator.core.script;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

class JavaRevisionSourceTests {

	@TempDir
	static Path compiled;

	private static Path classes;

	@BeforeAll
	static void compileScannedPackages() throws IOException {
		classes = TestJavaCompiler.compile(compiled, Map.of("scanned.ok.First", """
				package scanned.ok;
				import dev.migrator.core.script.*;
				@MigratorRevision(id = "j0001", message = "first")
				public class First implements JavaMigration {
					// An anonymous migration is not a revision of its own: scanning must pass it by.
					final JavaMigration inline = new JavaMigration() {
						public void upgrade(MigrationContext context) {
						}
					};
					public void upgrade(MigrationContext context) {
					}
				}
				""", "scanned.ok.Holder", """
				package scanned.ok;
				import dev.migrator.core.script.*;
				public class Holder {
					@MigratorRevision(id = "j0002", revises = "j0001")
					public static class Nested implements JavaMigration {
						public void upgrade(MigrationContext context) {
						}
					}
				}
				""", "scanned.ok.Base", """
				package scanned.ok;
				import dev.migrator.core.script.*;
				public abstract class Base implements JavaMigration {
				}
				""", "scanned.ok.Marker", """
				package scanned.ok;
				public interface Marker extends dev.migrator.core.script.JavaMigration {
				}
				""", "scanned.ok.NotAMigration", """
				package scanned.ok;
				public class NotAMigration {
				}
				""", "scanned.ok.sub.Third", """
				package scanned.ok.sub;
				import dev.migrator.core.script.*;
				@MigratorRevision(id = "j0003", revises = "j0002", phase = "contract")
				public class Third extends scanned.ok.Base {
					public void upgrade(MigrationContext context) {
					}
					public void downgrade(MigrationContext context) {
					}
				}
				""", "scanned.noconstructor.NeedsArgument", """
				package scanned.noconstructor;
				import dev.migrator.core.script.*;
				@MigratorRevision(id = "j0010")
				public class NeedsArgument implements JavaMigration {
					public NeedsArgument(String table) {
					}
					public void upgrade(MigrationContext context) {
					}
				}
				""", "scanned.unannotated.Plain", """
				package scanned.unannotated;
				import dev.migrator.core.script.*;
				public class Plain implements JavaMigration {
					public void upgrade(MigrationContext context) {
					}
				}
				""", "scanned.badphase.Shrink", """
				package scanned.badphase;
				import dev.migrator.core.script.*;
				@MigratorRevision(id = "j0020", phase = "shrink")
				public class Shrink implements JavaMigration {
					public void upgrade(MigrationContext context) {
					}
				}
				"""));
	}

	@Test
	void turnsAnAnnotatedReversibleInstanceIntoARevision() {
		Reversible migration = new Reversible();
		Revision revision = single(load(List.of(migration)));
		assertThat(revision.id()).isEqualTo("0004_backfill_names");
		assertThat(revision.revises()).containsExactly("0003_add_display_name");
		assertThat(revision.message()).isEqualTo("backfill names");
		assertThat(revision.phase()).isEqualTo(Phase.MIGRATE);
		assertThat(revision.transactional()).isFalse();
		assertThat(revision.branchLabels()).containsExactly("users");
		assertThat(revision.dependsOn()).containsExactly("0001_billing");
		assertThat(revision.lockTimeout()).contains(Duration.ofSeconds(2));
		assertThat(revision.statementTimeout()).contains(Duration.ofMinutes(5));
		assertThat(revision.origin()).isEqualTo(Origin.javaClass(Reversible.class));
		assertThat(revision.upgrade()).isEqualTo(new MigrationBody.Java(migration, Direction.UPGRADE));
		assertThat(revision.downgrade()).contains(new MigrationBody.Java(migration, Direction.DOWNGRADE));
	}

	@Test
	void treatsAClassThatKeepsTheDefaultDowngradeAsForwardOnly() {
		Revision revision = single(load(List.of(new ForwardOnly())));
		assertThat(revision.id()).isEqualTo("0005_forward");
		assertThat(revision.isReversible()).isFalse();
		assertThat(revision.phase()).isEqualTo(Phase.EXPAND);
		assertThat(revision.transactional()).isTrue();
		assertThat(revision.lockTimeout()).isEmpty();
	}

	@Test
	void checksumsTheHeaderSoThatEqualHeadersSpelledDifferentlyMatch() {
		Revision seconds = single(load(List.of(new TimeoutInSeconds())));
		Revision millis = single(load(List.of(new TimeoutInMillis())));
		Revision other = single(load(List.of(new ForwardOnly())));
		assertThat(seconds.checksum()).isEqualTo(millis.checksum()).isNotEqualTo(other.checksum()).hasSize(64);
	}

	@Test
	void checksumsTheMigrationsOwnValueWhenItGivesOne() {
		assertThat(single(load(List.of(new Versioned()))).checksum()).isEqualTo(Checksums.of("v2"));
	}

	@Test
	void rejectsAMigrationWithoutAnnotation() {
		assertThatExceptionOfType(RevisionSourceException.class).isThrownBy(() -> load(List.of(new Unannotated())))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("missing-revision-annotation"))
			.withMessageStartingWith("class " + Unannotated.class.getName() + ": ")
			.withMessageContaining("@MigratorRevision");
	}

	@Test
	void rejectsAnInvalidPhase() {
		assertThatExceptionOfType(RevisionSourceException.class).isThrownBy(() -> load(List.of(new BadPhase())))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("invalid-phase"))
			.withMessageStartingWith("class " + BadPhase.class.getName() + ": phase 'shrink' is not a phase.");
	}

	@Test
	void rejectsAnInvalidDuration() {
		assertThatExceptionOfType(RevisionSourceException.class).isThrownBy(() -> load(List.of(new BadTimeout())))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("invalid-duration"))
			.withMessageContaining("lockTimeout 'soon' is not a duration");
	}

	@Test
	void rejectsAnInvalidId() {
		assertThatExceptionOfType(RevisionSourceException.class).isThrownBy(() -> load(List.of(new BadId())))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("invalid-revision-id"))
			.withMessageContaining("id 'backfill names' is not a valid revision id");
	}

	@Test
	void rejectsAMigrationThatRevisesItself() {
		assertThatExceptionOfType(RevisionSourceException.class).isThrownBy(() -> load(List.of(new SelfRevising())))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("self-reference"));
	}

	@Test
	void findsConcreteAnnotatedClassesInAPackageAndItsSubpackages() throws IOException {
		try (URLClassLoader loader = loader(classes)) {
			List<Revision> revisions = new JavaRevisionSource(List.of(), List.of("scanned.ok"), loader).load();
			assertThat(revisions)
				.extracting(Revision::id, (revision) -> revision.origin().location(), Revision::isReversible)
				.containsExactly(tuple("j0001", "class scanned.ok.First", false),
						tuple("j0002", "class scanned.ok.Holder$Nested", false),
						tuple("j0003", "class scanned.ok.sub.Third", true));
			assertThat(revisions.get(2).phase()).isEqualTo(Phase.CONTRACT);
		}
	}

	@Test
	void findsClassesInsideAJar() throws IOException {
		Path jar = TestJar.of(classes, compiled.resolve("migrations.jar"));
		try (URLClassLoader loader = loader(jar)) {
			assertThat(new JavaRevisionSource(List.of(), List.of("scanned.ok"), loader).load()).extracting(Revision::id)
				.containsExactly("j0001", "j0002", "j0003");
		}
	}

	@Test
	void usesAGivenInstanceRatherThanCreatingItsClassAgain() throws Exception {
		try (URLClassLoader loader = loader(classes)) {
			JavaMigration first = (JavaMigration) loader.loadClass("scanned.ok.First").getConstructor().newInstance();
			List<Revision> revisions = new JavaRevisionSource(List.of(first), List.of("scanned.ok", "scanned.ok.sub"),
					loader)
				.load();
			assertThat(revisions).extracting(Revision::id).containsExactly("j0001", "j0002", "j0003");
			assertThat(revisions.get(0).upgrade()).isEqualTo(new MigrationBody.Java(first, Direction.UPGRADE));
		}
	}

	@Test
	void rejectsAScannedClassWithoutNoArgConstructor() throws IOException {
		try (URLClassLoader loader = loader(classes)) {
			assertThatExceptionOfType(RevisionSourceException.class)
				.isThrownBy(() -> new JavaRevisionSource(List.of(), List.of("scanned.noconstructor"), loader).load())
				.satisfies((ex) -> assertThat(ex.code()).isEqualTo("missing-no-arg-constructor"))
				.withMessageStartingWith("class scanned.noconstructor.NeedsArgument: ");
		}
	}

	@Test
	void rejectsAScannedMigrationWithoutAnnotation() throws IOException {
		try (URLClassLoader loader = loader(classes)) {
			assertThatExceptionOfType(RevisionSourceException.class)
				.isThrownBy(() -> new JavaRevisionSource(List.of(), List.of("scanned.unannotated"), loader).load())
				.satisfies((ex) -> assertThat(ex.code()).isEqualTo("missing-revision-annotation"))
				.withMessageStartingWith("class scanned.unannotated.Plain: ");
		}
	}

	@Test
	void rejectsAScannedMigrationWithAnInvalidPhase() throws IOException {
		try (URLClassLoader loader = loader(classes)) {
			assertThatExceptionOfType(RevisionSourceException.class)
				.isThrownBy(() -> new JavaRevisionSource(List.of(), List.of("scanned.badphase"), loader).load())
				.satisfies((ex) -> assertThat(ex.code()).isEqualTo("invalid-phase"))
				.withMessageStartingWith("class scanned.badphase.Shrink: ");
		}
	}

	@Test
	void rejectsAPackageThatIsNotOnTheClasspath() throws IOException {
		try (URLClassLoader loader = loader(classes)) {
			assertThatExceptionOfType(RevisionSourceException.class)
				.isThrownBy(() -> new JavaRevisionSource(List.of(), List.of("scanned.nothing"), loader).load())
				.satisfies((ex) -> assertThat(ex.code()).isEqualTo("package-not-found"))
				.withMessageStartingWith("package scanned.nothing: ");
		}
	}

	@Test
	void rejectsAPackageNameThatIsNotOne() {
		assertThatExceptionOfType(RevisionSourceException.class)
			.isThrownBy(
					() -> new JavaRevisionSource(List.of(), List.of("com/example"), getClass().getClassLoader()).load())
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("invalid-package"));
	}

	private static List<Revision> load(List<JavaMigration> migrations) {
		return new JavaRevisionSource(migrations, List.of(), JavaRevisionSourceTests.class.getClassLoader()).load();
	}

	private static Revision single(List<Revision> revisions) {
		assertThat(revisions).hasSize(1);
		return revisions.get(0);
	}

	private static URLClassLoader loader(Path root) throws IOException {
		return new URLClassLoader(new URL[] { root.toUri().toURL() }, JavaRevisionSourceTests.class.getClassLoader());
	}

	@MigratorRevision(id = "0004_backfill_names", revises = "0003_add_display_name", message = "backfill names",
			phase = "migrate", transactional = false, branchLabels = "users", dependsOn = "0001_billing",
			lockTimeout = "2s", statementTimeout = "5min")
	public static class Reversible implements JavaMigration {

		@Override
		public void upgrade(MigrationContext context) {
		}

		@Override
		public void downgrade(MigrationContext context) {
		}

	}

	@MigratorRevision(id = "0005_forward")
	public static class ForwardOnly implements JavaMigration {

		@Override
		public void upgrade(MigrationContext context) {
		}

	}

	@MigratorRevision(id = "0006_timeout", lockTimeout = "2s")
	public static class TimeoutInSeconds implements JavaMigration {

		@Override
		public void upgrade(MigrationContext context) {
		}

	}

	@MigratorRevision(id = "0006_timeout", lockTimeout = "2000ms")
	public static class TimeoutInMillis implements JavaMigration {

		@Override
		public void upgrade(MigrationContext context) {
		}

	}

	@MigratorRevision(id = "0007_versioned")
	public static class Versioned implements JavaMigration {

		@Override
		public void upgrade(MigrationContext context) {
		}

		@Override
		public String checksum() {
			return "v2";
		}

	}

	public static class Unannotated implements JavaMigration {

		@Override
		public void upgrade(MigrationContext context) {
		}

	}

	@MigratorRevision(id = "0008_bad_phase", phase = "shrink")
	public static class BadPhase implements JavaMigration {

		@Override
		public void upgrade(MigrationContext context) {
		}

	}

	@MigratorRevision(id = "0009_bad_timeout", lockTimeout = "soon")
	public static class BadTimeout implements JavaMigration {

		@Override
		public void upgrade(MigrationContext context) {
		}

	}

	@MigratorRevision(id = "backfill names")
	public static class BadId implements JavaMigration {

		@Override
		public void upgrade(MigrationContext context) {
		}

	}

	@MigratorRevision(id = "0010_self", revises = "0010_self")
	public static class SelfRevising implements JavaMigration {

		@Override
		public void upgrade(MigrationContext context) {
		}

	}

}
