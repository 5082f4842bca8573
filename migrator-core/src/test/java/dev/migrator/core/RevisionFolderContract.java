package dev.migrator.core;

import dev.migrator.core.config.MigratorConfig;

import java.nio.file.Path;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the contracts run on each database share: a fresh database and a folder of
 * revision files per test, and a migrator on both.
 */
abstract class RevisionFolderContract {

	@TempDir
	Path temp;

	DataSource dataSource;

	RevisionFolder folder;

	abstract DataSource newDatabase();

	@BeforeEach
	void prepare() {
		this.dataSource = newDatabase();
		this.folder = new RevisionFolder(this.temp.resolve("revisions"));
	}

	Migrator migrator() {
		return migrator(MigratorConfig.builder());
	}

	Migrator migrator(MigratorConfig.Builder builder) {
		return Migrator.create(builder.dataSource(this.dataSource).locations(this.folder.location()).build());
	}

}
