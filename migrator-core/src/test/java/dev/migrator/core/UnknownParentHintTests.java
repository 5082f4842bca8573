package dev.migrator.core;

import dev.migrator.core.config.MigratorConfig;
import dev.migrator.core.error.MigratorException;
import dev.migrator.testsupport.TestDataSources;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A SQL revision that revises a Java migration fails with an unknown parent when no Java
 * package is scanned; the message says where Java migrations are looked for.
 */
class UnknownParentHintTests {

	@TempDir
	Path temp;

	@Test
	void anUnknownParentWithoutJavaPackagesPointsAtTheProperty() {
		RevisionFolder folder = new RevisionFolder(this.temp.resolve("revisions"));
		folder.table("0002_orders", "0001_users_java", "orders");

		assertThatThrownBy(() -> migrator(folder, MigratorConfig.builder()).upgrade("heads"))
			.isInstanceOfSatisfying(MigratorException.class, (ex) -> assertThat(ex.code()).isEqualTo("unknown-parent"))
			.hasMessageContaining("names '0001_users_java' in revises")
			.hasMessageContaining("migrator.java-packages");
	}

	@Test
	void anUnknownParentWithJavaPackagesScannedHasNoSuchHint() {
		RevisionFolder folder = new RevisionFolder(this.temp.resolve("revisions"));
		folder.table("0002_orders", "0001_users_java", "orders");

		assertThatThrownBy(() -> migrator(folder, MigratorConfig.builder().javaPackages("dev.migrator.core.error"))
			.upgrade("heads"))
			.isInstanceOfSatisfying(MigratorException.class, (ex) -> assertThat(ex.code()).isEqualTo("unknown-parent"))
			.message()
			.doesNotContain("migrator.java-packages");
	}

	private Migrator migrator(RevisionFolder folder, MigratorConfig.Builder builder) {
		return Migrator.create(builder.dataSource(TestDataSources.sqliteFile(this.temp.resolve("app.db")))
			.locations(folder.location())
			.build());
	}

}
