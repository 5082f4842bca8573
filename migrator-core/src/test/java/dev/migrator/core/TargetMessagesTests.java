package dev.migrator.core;

import dev.migrator.core.config.MigratorConfig;
import dev.migrator.core.error.MigratorException;
import dev.migrator.testsupport.TestDataSources;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Relative targets and history ranges that cannot be followed say why, in words that
 * count right and suggest only what would work.
 */
class TargetMessagesTests {

	@TempDir
	Path temp;

	/**
	 * <pre>
	 * a ─┬─ b1
	 *    └─ b2
	 * </pre>
	 */
	private Migrator branches() {
		RevisionFolder folder = new RevisionFolder(this.temp.resolve("revisions")).table("a", null, "a")
			.table("b1", "a", "b1")
			.table("b2", "a", "b2");
		return Migrator.create(MigratorConfig.builder()
			.dataSource(TestDataSources.sqliteFile(this.temp.resolve("app.db")))
			.locations(folder.location())
			.build());
	}

	@Test
	void aRelativeTargetPastTheEndCountsItsStepsInGoodEnglish() {
		Migrator migrator = branches();
		migrator.upgrade("heads");
		assertThatExceptionOfType(MigratorException.class).isThrownBy(() -> migrator.upgrade("b1+1"))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("relative-out-of-range"))
			.withMessageContaining("goes 1 step up from b1, but b1 has no child.")
			.withMessageNotContaining("steps up")
			.withMessageNotContaining("step(s)");
	}

	@Test
	void aZeroStepTargetAtSeveralHeadsStaysWhereTheDatabaseIs() {
		Migrator migrator = branches();
		migrator.upgrade("heads");
		assertThat(migrator.downgrade("-0").steps()).isEmpty();
		assertThat(migrator.upgrade("+0").steps()).isEmpty();
		assertThat(migrator.current()).containsExactlyInAnyOrder("b1", "b2");
	}

	@Test
	void aRelativeTargetAtSeveralHeadsSuggestsATargetThatWorks() {
		Migrator migrator = branches();
		migrator.upgrade("heads");
		assertThatExceptionOfType(MigratorException.class).isThrownBy(() -> migrator.downgrade("-1"))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("ambiguous-relative-target"))
			.withMessageContaining("Use b1-1 or b2-1");
	}

	@Test
	void aHistoryRangeAcrossBranchesSaysWhyItIsEmpty() {
		Migrator migrator = branches();
		assertThatExceptionOfType(MigratorException.class).isThrownBy(() -> migrator.history("b1:b2"))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("invalid-range"))
			.withMessageContaining("b1")
			.withMessageContaining("b2")
			.withMessageContaining("neither descends from the other");
		assertThatExceptionOfType(MigratorException.class).isThrownBy(() -> migrator.history("b1:a"))
			.withMessageContaining("b1 descends from a")
			.withMessageContaining("a:b1");
		assertThat(migrator.history("a:b2")).extracting((r) -> r.id()).containsExactly("a", "b2");
	}

}
