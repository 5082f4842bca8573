package dev.migrator.core.op;

import dev.migrator.core.Databases;

import java.nio.file.Path;

import javax.sql.DataSource;

import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Real databases for operation tests: a fresh PostgreSQL database or SQLite file per
 * call.
 */
final class TestDatabases {

	private TestDatabases() {
	}

	static DataSource freshPostgres() {
		return Databases.freshPostgres();
	}

	static DataSource sqliteFile(Path file) {
		return sqliteFile(file, false);
	}

	/**
	 * A SQLite file whose connections enforce foreign keys when asked, as many
	 * applications configure them.
	 */
	static DataSource sqliteFile(Path file, boolean enforceForeignKeys) {
		SQLiteConfig config = new SQLiteConfig();
		config.enforceForeignKeys(enforceForeignKeys);
		SQLiteDataSource dataSource = new SQLiteDataSource(config);
		dataSource.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
		return dataSource;
	}

}
