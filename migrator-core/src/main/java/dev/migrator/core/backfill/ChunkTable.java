package dev.migrator.core.backfill;

import dev.migrator.core.dialect.Dialect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The key ranges of a backfill on PostgreSQL, one row each, which workers claim with
 * {@code FOR UPDATE SKIP LOCKED} inside each batch's transaction: PostgreSQL is the
 * coordinator, a killed worker's lock dies with its session, and a range's position
 * commits with the batch that advanced it.
 */
final class ChunkTable implements RangeCursor {

	/**
	 * Chunks per backfill when the table is large: enough for several workers to find
	 * free ones.
	 */
	static final int CHUNKS = 16;

	private final Dialect dialect;

	private final String qualified;

	private final String progress;

	private final String name;

	// A worker keeps to its chunk while nobody else holds it, so that it walks the key in
	// one direction.
	private int preferred = -1;

	// Chunks this worker last found holding nothing but rows other sessions hold: claimed
	// after every other free chunk.
	private final Set<Integer> held = new HashSet<>();

	ChunkTable(Dialect dialect, BackfillTables tables, String name) {
		this.dialect = dialect;
		this.qualified = dialect.qualify(tables.schema(), tables.chunkTable());
		this.progress = dialect.qualify(tables.schema(), tables.progressTable());
		this.name = name;
	}

	static String ddl(Dialect dialect, BackfillTables tables) {
		return "CREATE TABLE IF NOT EXISTS " + dialect.qualify(tables.schema(), tables.chunkTable())
				+ " (backfill varchar(255) NOT NULL, chunk integer NOT NULL, lower_key text, upper_key text, "
				+ "last_key text, state varchar(16) NOT NULL, rows_done bigint NOT NULL DEFAULT 0, "
				+ "updated_at timestamp with time zone NOT NULL, PRIMARY KEY (backfill, chunk))";
	}

	/**
	 * Splits the key into chunks of about {@code chunkRows} rows, once per backfill: the
	 * first worker does it while holding the progress row, the others then find the
	 * chunks there. The last chunk is open-ended.
	 */
	void split(Connection connection, Keyset keyset, long chunkRows) throws SQLException {
		connection.setAutoCommit(false);
		try {
			try (PreparedStatement lock = connection
				.prepareStatement("SELECT name FROM " + this.progress + " WHERE name = ? FOR UPDATE")) {
				lock.setString(1, this.name);
				lock.executeQuery().close();
			}
			if (count(connection, "") == 0) {
				Optional<List<String>> lower = Optional.empty();
				int chunk = 1;
				while (true) {
					Optional<List<String>> upper = keyset.keyAt(connection, new KeyRange(lower, Optional.empty()),
							chunkRows - 1);
					insert(connection, chunk++, lower, upper);
					if (upper.isEmpty()) {
						break;
					}
					lower = upper;
				}
			}
			connection.commit();
		}
		catch (SQLException | RuntimeException ex) {
			connection.rollback();
			throw ex;
		}
		finally {
			connection.setAutoCommit(true);
		}
	}

	@Override
	public Optional<Claim> claim(Connection connection) throws SQLException {
		try (PreparedStatement statement = connection
			.prepareStatement("SELECT chunk, lower_key, upper_key, last_key FROM " + this.qualified
					+ " WHERE backfill = ? AND state = 'pending' ORDER BY chunk = ANY (?), (chunk = ?) DESC, chunk "
					+ "LIMIT 1 FOR UPDATE SKIP LOCKED")) {
			statement.setString(1, this.name);
			statement.setArray(2, connection.createArrayOf("integer", this.held.toArray()));
			statement.setInt(3, this.preferred);
			try (ResultSet rs = statement.executeQuery()) {
				if (!rs.next()) {
					return Optional.empty();
				}
				int chunk = rs.getInt(1);
				Optional<List<String>> lower = Optional.ofNullable(rs.getString(2)).map(KeyText::decode);
				Optional<List<String>> upper = Optional.ofNullable(rs.getString(3)).map(KeyText::decode);
				Optional<List<String>> last = Optional.ofNullable(rs.getString(4)).map(KeyText::decode);
				this.preferred = chunk;
				return Optional.of(new Claim(chunk, new KeyRange(last.or(() -> lower), upper)));
			}
		}
	}

	@Override
	public void advance(Connection connection, Claim claim, List<String> lastKey, boolean exhausted, long rows)
			throws SQLException {
		this.held.remove(claim.chunk());
		try (PreparedStatement statement = connection.prepareStatement("UPDATE " + this.qualified
				+ " SET last_key = ?, state = ?, rows_done = rows_done + ?, updated_at = ? WHERE backfill = ? AND chunk = ?")) {
			statement.setString(1, lastKey.isEmpty() ? null : KeyText.encode(lastKey));
			statement.setString(2, exhausted ? "done" : "pending");
			statement.setLong(3, rows);
			this.dialect.setInstant(statement, 4, Instant.now());
			statement.setString(5, this.name);
			statement.setInt(6, claim.chunk());
			statement.executeUpdate();
		}
	}

	/**
	 * One chunk per row, numbered after the others, from the key before it to its own: no
	 * row the batch did is in it, so none is done twice. The batch holds the progress row
	 * (it recorded its counts first), so two workers never take the same numbers.
	 */
	@Override
	public void later(Connection connection, List<HeldRow> rows) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("INSERT INTO " + this.qualified
				+ " (backfill, chunk, lower_key, upper_key, state, updated_at) SELECT ?, coalesce(max(chunk), 0) + 1, "
				+ "?, ?, 'pending', ? FROM " + this.qualified + " WHERE backfill = ?")) {
			for (HeldRow row : rows) {
				statement.setString(1, this.name);
				statement.setString(2, row.before().map(KeyText::encode).orElse(null));
				statement.setString(3, KeyText.encode(row.key()));
				this.dialect.setInstant(statement, 4, Instant.now());
				statement.setString(5, this.name);
				statement.executeUpdate();
			}
		}
	}

	@Override
	public void heldOnly(Claim claim) {
		this.held.add(claim.chunk());
		this.preferred = -1;
	}

	@Override
	public boolean finished(Connection connection) throws SQLException {
		return count(connection, " AND state <> 'done'") == 0;
	}

	private long count(Connection connection, String condition) throws SQLException {
		try (PreparedStatement statement = connection
			.prepareStatement("SELECT count(*) FROM " + this.qualified + " WHERE backfill = ?" + condition)) {
			statement.setString(1, this.name);
			try (ResultSet rs = statement.executeQuery()) {
				rs.next();
				return rs.getLong(1);
			}
		}
	}

	private void insert(Connection connection, int chunk, Optional<List<String>> lower, Optional<List<String>> upper)
			throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("INSERT INTO " + this.qualified
				+ " (backfill, chunk, lower_key, upper_key, state, updated_at) VALUES (?, ?, ?, ?, 'pending', ?)")) {
			statement.setString(1, this.name);
			statement.setInt(2, chunk);
			statement.setString(3, lower.map(KeyText::encode).orElse(null));
			statement.setString(4, upper.map(KeyText::encode).orElse(null));
			this.dialect.setInstant(statement, 5, Instant.now());
			statement.executeUpdate();
		}
	}

}
