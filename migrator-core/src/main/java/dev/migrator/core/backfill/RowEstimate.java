package dev.migrator.core.backfill;

import dev.migrator.core.dialect.Dialect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.OptionalLong;

/**
 * A table's row count for progress and ETA: PostgreSQL's planner estimate
 * ({@code pg_class.reltuples}), or an exact {@code count(*)} where that is cheap: on a
 * table never analyzed but small, and on SQLite.
 */
final class RowEstimate {

	// Counting reads the whole table: only below this size is it cheap enough to do
	// before the first batch.
	private static final long COUNT_LIMIT_BYTES = 64L * 1024 * 1024;

	private RowEstimate() {
	}

	static OptionalLong of(Connection connection, Dialect dialect, String table) throws SQLException {
		if ("sqlite".equals(dialect.name())) {
			return OptionalLong.of(count(connection, table));
		}
		try (PreparedStatement statement = connection.prepareStatement(
				"SELECT reltuples::bigint, pg_relation_size(oid) FROM pg_class WHERE oid = to_regclass(?)")) {
			statement.setString(1, table);
			try (ResultSet rs = statement.executeQuery()) {
				if (!rs.next()) {
					return OptionalLong.empty();
				}
				long reltuples = rs.getLong(1);
				long bytes = rs.getLong(2);
				// reltuples is -1 (PostgreSQL 14+) or 0 before the first ANALYZE or
				// VACUUM.
				if (reltuples > 0) {
					return OptionalLong.of(reltuples);
				}
				return (bytes < COUNT_LIMIT_BYTES) ? OptionalLong.of(count(connection, table)) : OptionalLong.empty();
			}
		}
	}

	private static long count(Connection connection, String table) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT count(*) FROM " + table)) {
			rs.next();
			return rs.getLong(1);
		}
	}

}
