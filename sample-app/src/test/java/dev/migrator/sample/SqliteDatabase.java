package dev.migrator.sample;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The sample app's SQLite file: {@code sample-app.db} in the working directory it was
 * started in.
 */
final class SqliteDatabase extends Database {

	private final Path file;

	SqliteDatabase(Path workingDirectory) {
		this.file = workingDirectory.resolve("sample-app.db");
	}

	boolean exists() {
		return Files.exists(this.file);
	}

	@Override
	Set<String> tables() {
		// Opening a missing file would create it: a test must not create what it checks
		// the app does not create.
		if (!exists()) {
			return Set.of();
		}
		return new TreeSet<>(rows("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"));
	}

	/** The columns of a table, in order. */
	List<String> columns(String table) {
		return rows("SELECT name FROM pragma_table_info('" + table + "') ORDER BY cid");
	}

	@Override
	Connection connect() throws SQLException {
		return DriverManager.getConnection("jdbc:sqlite:" + this.file.toAbsolutePath());
	}

}
