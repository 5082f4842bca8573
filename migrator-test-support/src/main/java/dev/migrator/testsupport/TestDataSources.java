package dev.migrator.testsupport;

import java.nio.file.Path;

import javax.sql.DataSource;

import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * DataSources on real test databases, for every module's tests: a fresh PostgreSQL
 * database of the shared server, or a SQLite file. Unpooled on purpose: each call of
 * {@code getConnection()} opens a connection, as the engine expects of any DataSource.
 */
public final class TestDataSources {

	private TestDataSources() {
	}

	/** A new, empty database on the shared PostgreSQL server. */
	public static DataSource freshPostgres() {
		return freshPostgres(TestPostgres.shared());
	}

	/** A new, empty database on the given PostgreSQL server. */
	public static DataSource freshPostgres(TestPostgres server) {
		return postgres(server.createDatabase(), server.user(), server.password());
	}

	/**
	 * A PostgreSQL database by URL.
	 * @param password the password; none when {@code null}
	 */
	public static DataSource postgres(String url, String user, String password) {
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setUrl(url);
		dataSource.setUser(user);
		if (password != null) {
			dataSource.setPassword(password);
		}
		return dataSource;
	}

	/** A SQLite database in the file, created on first connection. */
	public static DataSource sqliteFile(Path file) {
		return sqliteFile(file, false);
	}

	/**
	 * A SQLite database in the file whose connections enforce foreign keys when asked, as
	 * many applications configure them.
	 */
	public static DataSource sqliteFile(Path file, boolean enforceForeignKeys) {
		SQLiteConfig config = new SQLiteConfig();
		config.enforceForeignKeys(enforceForeignKeys);
		SQLiteDataSource dataSource = new SQLiteDataSource(config);
		dataSource.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
		return dataSource;
	}

	/**
	 * The database of a JDBC URL of either kind: SQLite for {@code jdbc:sqlite:}, else
	 * PostgreSQL with the user and password.
	 */
	public static DataSource forUrl(String url, String user, String password) {
		if (url.startsWith("jdbc:sqlite:")) {
			SQLiteDataSource dataSource = new SQLiteDataSource();
			dataSource.setUrl(url);
			return dataSource;
		}
		return postgres(url, user, password);
	}

}
