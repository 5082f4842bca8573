package dev.migrator.core.op;

import dev.migrator.testsupport.TestPostgres;

import java.nio.file.Path;

import javax.sql.DataSource;

import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/** Real databases for operation tests: a fresh PostgreSQL database or SQLite file per call. */
final class TestDatabases {

	private TestDatabases() {
	}

	static DataSource freshPostgres() {
		TestPostgres server = TestPostgres.shared();
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setUrl(server.createDatabase());
		dataSource.setUser(server.user());
		dataSource.setPassword(server.password());
		return dataSource;
	}

	static DataSource sqliteFile(Path file) {
		return sqliteFile(file, false);
	}

	/** A SQLite file whose connections enforce foreign keys when asked, as many applications configure them. */
	static DataSource sqliteFile(Path file, boolean enforceForeignKeys) {
		SQLiteConfig config = new SQLiteConfig();
		config.enforceForeignKeys(enforceForeignKeys);
		SQLiteDataSource dataSource = new SQLiteDataSource(config);
		dataSource.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
		return dataSource;
	}

}
