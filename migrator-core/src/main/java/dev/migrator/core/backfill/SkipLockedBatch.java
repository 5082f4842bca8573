package dev.migrator.core.backfill;

import dev.migrator.core.dialect.LockHolder;
import dev.migrator.core.script.Backfill;
import dev.migrator.core.script.BackfillAction;
import dev.migrator.core.script.BackfillChunk;
import dev.migrator.core.sql.QueryShape;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A batch on PostgreSQL that never waits for a row the application holds: it locks the
 * rows of its range with {@code FOR UPDATE SKIP LOCKED}, changes those, and in the same
 * statement names the rows it skipped, with the key before each, so that they can be done
 * after the rest. A batch that waited for a row lock would hold up, for as long as it
 * waited, every writer queued behind the rows it had already changed.
 */
final class SkipLockedBatch {

	private static final int QUERY_SHOWN = 200;

	private final Keyset keyset;

	private final Backfill backfill;

	SkipLockedBatch(Keyset keyset, Backfill backfill) {
		this.keyset = keyset;
		this.backfill = backfill;
	}

	/** Applies the backfill to the rows of the range that no other session holds. */
	Applied apply(Connection connection, KeyRange range) throws Exception {
		if (this.backfill.action() instanceof BackfillAction.SetExpression set) {
			return update(connection, range, set);
		}
		return callFunction(connection, range, (BackfillAction.JavaFunction) this.backfill.action());
	}

	private Applied update(Connection connection, KeyRange range, BackfillAction.SetExpression set)
			throws SQLException {
		String columns = this.keyset.columns();
		String sql = taken(range) + ", changed AS (UPDATE " + this.keyset.table() + " SET " + set.sql() + " WHERE ("
				+ columns + ") IN (SELECT " + columns + " FROM taken) RETURNING 1), " + walked(range)
				+ " SELECT (SELECT count(*) FROM changed), " + skippedColumns("w")
				+ " FROM (SELECT 1) AS one LEFT JOIN walked w ON " + notTaken("w");
		long rows = 0;
		List<HeldRow> held = new ArrayList<>();
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			this.keyset.bind(statement, this.keyset.bind(statement, 1, range), range);
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					rows = rs.getLong(1);
					heldRow(rs, 2, range).ifPresent(held::add);
				}
			}
		}
		return new Applied(rows, held);
	}

	private Applied callFunction(Connection connection, KeyRange range, BackfillAction.JavaFunction function)
			throws Exception {
		int size = this.keyset.columnList().size();
		String sql = taken(range) + ", " + walked(range) + " SELECT " + prefixed("t") + ", " + nulls(2 * size, "::text")
				+ ", true FROM taken t UNION ALL SELECT " + nulls(size, "") + ", " + skippedColumns("w")
				+ ", false FROM walked w WHERE " + notTaken("w");
		List<List<Object>> keys = new ArrayList<>();
		List<HeldRow> held = new ArrayList<>();
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			this.keyset.bind(statement, this.keyset.bind(statement, 1, range), range);
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					if (rs.getBoolean(3 * size + 1)) {
						keys.add(this.keyset.readValues(rs));
					}
					else {
						heldRow(rs, size + 1, range).ifPresent(held::add);
					}
				}
			}
		}
		if (!keys.isEmpty()) {
			function.function()
				.apply(new BackfillChunk(connection, this.backfill.table(), this.backfill.keyColumns(), keys));
		}
		return new Applied(keys.size(), held);
	}

	/**
	 * The session whose transaction holds the row, found by the row's locker
	 * ({@code xmax}); empty when it cannot be told (several sessions share the lock, or
	 * the lock is gone).
	 */
	Optional<LockHolder> holder(Connection connection, List<String> key) throws SQLException {
		String sql = "SELECT a.pid, a.application_name, a.backend_start, a.xact_start, a.state, a.query FROM "
				+ this.keyset.table() + " r JOIN pg_stat_activity a ON a.backend_xid = r.xmax WHERE "
				+ this.keyset.keyEquals() + " AND a.pid <> pg_backend_pid() LIMIT 1";
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			this.keyset.bindKey(statement, 1, key);
			try (ResultSet rs = statement.executeQuery()) {
				if (!rs.next() || rs.getObject(4, OffsetDateTime.class) == null) {
					return Optional.empty();
				}
				return Optional.of(new LockHolder(rs.getInt(1), Objects.toString(rs.getString(2), ""),
						Optional.ofNullable(rs.getObject(3, OffsetDateTime.class)).map(OffsetDateTime::toInstant),
						rs.getObject(4, OffsetDateTime.class).toInstant(), Objects.toString(rs.getString(5), ""),
						QueryShape.of(Objects.toString(rs.getString(6), ""), QUERY_SHOWN)));
			}
		}
	}

	/** The rows of the range this batch locks: those no other session holds. */
	private String taken(KeyRange range) {
		String columns = this.keyset.columns();
		return "WITH taken AS (SELECT " + columns + " FROM " + this.keyset.table() + " WHERE "
				+ this.keyset.predicateWithFilter(range) + " ORDER BY " + columns + " FOR UPDATE SKIP LOCKED)";
	}

	/**
	 * Every row of the range as the statement's snapshot sees it, with the key of the row
	 * before it; bound after {@link #taken}.
	 */
	private String walked(KeyRange range) {
		List<String> columns = this.keyset.columnList();
		List<String> before = new ArrayList<>();
		for (int i = 0; i < columns.size(); i++) {
			before.add("lag(" + columns.get(i) + ") OVER w AS before_" + (i + 1));
		}
		return "walked AS (SELECT " + this.keyset.columns() + ", " + String.join(", ", before) + " FROM "
				+ this.keyset.table() + " WHERE " + this.keyset.predicateWithFilter(range) + " WINDOW w AS (ORDER BY "
				+ this.keyset.columns() + "))";
	}

	private String skippedColumns(String alias) {
		List<String> parts = new ArrayList<>();
		List<String> columns = this.keyset.columnList();
		for (String column : columns) {
			parts.add(alias + "." + column + "::text");
		}
		for (int i = 1; i <= columns.size(); i++) {
			parts.add(alias + ".before_" + i + "::text");
		}
		return String.join(", ", parts);
	}

	private String notTaken(String alias) {
		return "(" + prefixed(alias) + ") NOT IN (SELECT " + this.keyset.columns() + " FROM taken)";
	}

	private String prefixed(String alias) {
		return this.keyset.columnList().stream().map((c) -> alias + "." + c).collect(Collectors.joining(", "));
	}

	private static String nulls(int count, String cast) {
		return String.join(", ", Collections.nCopies(count, "NULL" + cast));
	}

	/**
	 * The skipped row at column {@code from}, if the result row holds one; the first row
	 * of the range has the range's start before it.
	 */
	private Optional<HeldRow> heldRow(ResultSet rs, int from, KeyRange range) throws SQLException {
		int size = this.keyset.columnList().size();
		List<String> key = new ArrayList<>(size);
		for (int i = 0; i < size; i++) {
			key.add(rs.getString(from + i));
		}
		if (key.get(0) == null) {
			return Optional.empty();
		}
		List<String> before = new ArrayList<>(size);
		for (int i = 0; i < size; i++) {
			before.add(rs.getString(from + size + i));
		}
		return Optional.of(new HeldRow(key, (before.get(0) == null) ? range.after() : Optional.of(before)));
	}

	/**
	 * What a batch did.
	 *
	 * @param rows the rows it changed
	 * @param held the rows it left because other sessions held them, in key order
	 */
	record Applied(long rows, List<HeldRow> held) {

		Applied {
			held = List.copyOf(held);
		}

	}

}
