package dev.migrator.core.backfill;

import dev.migrator.core.error.ErrorCode;

import dev.migrator.core.error.MigratorException;
import dev.migrator.core.dialect.Dialect;
import dev.migrator.core.script.Backfill;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A backfill's table and key columns as the database knows them, and the SQL that walks
 * them: range predicates with row-value comparisons ({@code (a, b) > (?, ?)}), so that an
 * index on the key serves every step. Key values are bound as text and cast to the
 * column's own type.
 */
final class Keyset {

	private static final Logger logger = LoggerFactory.getLogger(Keyset.class);

	// SQLite declared types are free text; only plain ones are written into a CAST.
	private static final Pattern PLAIN_TYPE = Pattern
		.compile("[A-Za-z][A-Za-z0-9_ ]*(\\(\\s*\\d+(\\s*,\\s*\\d+)?\\s*\\))?");

	private final Backfill backfill;

	private final String table;

	private final List<String> columns;

	private final List<String> placeholders;

	private Keyset(Backfill backfill, String table, List<String> columns, List<String> placeholders) {
		this.backfill = backfill;
		this.table = table;
		this.columns = columns;
		this.placeholders = placeholders;
	}

	/** Reads the key columns' types and checks that they exist and cannot be null. */
	static Keyset resolve(Connection connection, Dialect dialect, Backfill backfill) throws SQLException {
		String table = dialect.qualify(backfill.schema(), backfill.tableName());
		Map<String, Column> catalog = "sqlite".equals(dialect.name()) ? sqliteColumns(connection, backfill)
				: postgresColumns(connection, table);
		if (catalog.isEmpty()) {
			throw new MigratorException(ErrorCode.BACKFILL_TABLE_MISSING,
					"Backfill " + backfill.name() + ": table " + backfill.table()
							+ " does not exist. Check backfill-table, and that the revision creating it is "
							+ "applied.");
		}
		List<String> placeholders = new ArrayList<>();
		for (String name : backfill.keyColumns()) {
			Column column = catalog.get(name);
			if (column == null) {
				throw new MigratorException(ErrorCode.BACKFILL_KEY_MISSING,
						"Backfill " + backfill.name() + ": table " + backfill.table() + " has no column " + name
								+ ". Its columns are " + String.join(", ", catalog.keySet())
								+ "; name the key with backfill-key.");
			}
			if (!column.notNull()) {
				// Rows whose key is NULL never compare greater than anything: a keyset
				// walk would skip them.
				throw new MigratorException(ErrorCode.BACKFILL_KEY_NULLABLE,
						"Backfill " + backfill.name() + ": key column " + name + " of " + backfill.table()
								+ " may be NULL, and rows with a NULL key would be skipped. "
								+ "Use a NOT NULL key, such as the primary key.");
			}
			placeholders.add(column.type().isEmpty() ? "?" : "CAST(? AS " + column.type() + ")");
		}
		List<String> quoted = backfill.keyColumns().stream().map(dialect::quote).toList();
		Keyset keyset = new Keyset(backfill, table, quoted, placeholders);
		if (!"sqlite".equals(dialect.name())) {
			keyset.warnWithoutIndex(connection, catalog);
		}
		return keyset;
	}

	/** The quoted table. */
	String table() {
		return this.table;
	}

	/** The key columns, quoted, in key order. */
	String columns() {
		return String.join(", ", this.columns);
	}

	/** The key columns, quoted, one by one. */
	List<String> columnList() {
		return this.columns;
	}

	String descending() {
		return this.columns.stream().map((c) -> c + " DESC").collect(Collectors.joining(", "));
	}

	/** The predicate of a range; bind it with {@link #bind}. */
	String predicate(KeyRange range) {
		List<String> parts = new ArrayList<>();
		range.after().ifPresent((key) -> parts.add(tuple() + " > " + placeholderTuple()));
		range.upTo().ifPresent((key) -> parts.add(tuple() + " <= " + placeholderTuple()));
		return parts.isEmpty() ? "1 = 1" : String.join(" AND ", parts);
	}

	/** The predicate of a range and the backfill's own, which only ever narrows it. */
	String predicateWithFilter(KeyRange range) {
		return predicate(range) + this.backfill.where().map((w) -> " AND (" + w + ")").orElse("");
	}

	/** The predicate of one key; bind it with {@link #bindKey}. */
	String keyEquals() {
		return tuple() + " = " + placeholderTuple();
	}

	/** Binds a range's keys from {@code index}; returns the next free index. */
	int bind(PreparedStatement statement, int index, KeyRange range) throws SQLException {
		int next = index;
		if (range.after().isPresent()) {
			next = bindKey(statement, next, range.after().get());
		}
		if (range.upTo().isPresent()) {
			next = bindKey(statement, next, range.upTo().get());
		}
		return next;
	}

	/** The key of the current row as text, in the database's text form. */
	List<String> readText(ResultSet rs) throws SQLException {
		List<String> key = new ArrayList<>(this.columns.size());
		for (int i = 1; i <= this.columns.size(); i++) {
			key.add(rs.getString(i));
		}
		return key;
	}

	/** The key of the current row as the driver's objects, for a Java function. */
	List<Object> readValues(ResultSet rs) throws SQLException {
		List<Object> key = new ArrayList<>(this.columns.size());
		for (int i = 1; i <= this.columns.size(); i++) {
			key.add(rs.getObject(i));
		}
		return key;
	}

	/**
	 * The key {@code offset} rows into the range in key order: the upper end of a batch
	 * of {@code offset + 1} rows. Reads only the key, from the index that serves the
	 * walk.
	 */
	Optional<List<String>> keyAt(Connection connection, KeyRange range, long offset) throws SQLException {
		String sql = "SELECT " + columns() + " FROM " + this.table + " WHERE " + predicate(range) + " ORDER BY "
				+ columns() + " LIMIT 1 OFFSET ?";
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			int next = bind(statement, 1, range);
			statement.setLong(next, offset);
			return firstKey(statement);
		}
	}

	/** The range's last key. */
	Optional<List<String>> lastKey(Connection connection, KeyRange range) throws SQLException {
		String sql = "SELECT " + columns() + " FROM " + this.table + " WHERE " + predicate(range) + " ORDER BY "
				+ descending() + " LIMIT 1";
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			bind(statement, 1, range);
			return firstKey(statement);
		}
	}

	/** The rows in a range; called only for a range known to be shorter than a batch. */
	long count(Connection connection, KeyRange range) throws SQLException {
		try (PreparedStatement statement = connection
			.prepareStatement("SELECT count(*) FROM " + this.table + " WHERE " + predicate(range))) {
			bind(statement, 1, range);
			try (ResultSet rs = statement.executeQuery()) {
				rs.next();
				return rs.getLong(1);
			}
		}
	}

	private Optional<List<String>> firstKey(PreparedStatement statement) throws SQLException {
		try (ResultSet rs = statement.executeQuery()) {
			return rs.next() ? Optional.of(readText(rs)) : Optional.empty();
		}
	}

	/** Binds one key from {@code index}; returns the next free index. */
	int bindKey(PreparedStatement statement, int index, List<String> key) throws SQLException {
		for (int i = 0; i < key.size(); i++) {
			statement.setString(index + i, key.get(i));
		}
		return index + key.size();
	}

	private String tuple() {
		return "(" + columns() + ")";
	}

	private String placeholderTuple() {
		return "(" + String.join(", ", this.placeholders) + ")";
	}

	private void warnWithoutIndex(Connection connection, Map<String, Column> catalog) throws SQLException {
		List<Integer> wanted = this.backfill.keyColumns().stream().map((c) -> catalog.get(c).number()).toList();
		try (PreparedStatement statement = connection
			.prepareStatement("SELECT indkey::text FROM pg_index WHERE indrelid = to_regclass(?)")) {
			statement.setString(1, this.table);
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					List<Integer> columns = java.util.Arrays.stream(rs.getString(1).trim().split("\\s+"))
						.filter((s) -> !s.isEmpty())
						.map(Integer::valueOf)
						.toList();
					if (columns.size() >= wanted.size() && columns.subList(0, wanted.size()).equals(wanted)) {
						return;
					}
				}
			}
		}
		logger.warn(
				"Backfill {}: no index on {} starts with its key ({}), so every batch scans the table. Create one, "
						+ "or use the primary key as the backfill key.",
				this.backfill.name(), this.backfill.table(), String.join(", ", this.backfill.keyColumns()));
	}

	private static Map<String, Column> postgresColumns(Connection connection, String table) throws SQLException {
		Map<String, Column> columns = new LinkedHashMap<>();
		// to_regclass resolves the name through the search_path exactly as the batches'
		// statements will.
		try (PreparedStatement statement = connection.prepareStatement("SELECT a.attname, a.attnum, "
				+ "format_type(a.atttypid, a.atttypmod), a.attnotnull FROM pg_attribute a "
				+ "WHERE a.attrelid = to_regclass(?) AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum")) {
			statement.setString(1, table);
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					columns.put(rs.getString(1), new Column(rs.getInt(2), rs.getString(3), rs.getBoolean(4)));
				}
			}
		}
		return columns;
	}

	private static Map<String, Column> sqliteColumns(Connection connection, Backfill backfill) throws SQLException {
		Map<String, Column> columns = new LinkedHashMap<>();
		try (PreparedStatement statement = connection
			.prepareStatement("SELECT cid, name, type, \"notnull\", pk FROM pragma_table_info(?, ?)")) {
			statement.setString(1, backfill.tableName());
			statement.setString(2, backfill.schema().orElse("main"));
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					String type = rs.getString(3).trim();
					// SQLite reports primary key columns as nullable: an INTEGER PRIMARY
					// KEY is the rowid, never NULL,
					// and a NULL in another primary key column is a legacy quirk no
					// application relies on.
					boolean notNull = rs.getBoolean(4) || rs.getInt(5) > 0;
					columns.put(rs.getString(2),
							new Column(rs.getInt(1), PLAIN_TYPE.matcher(type).matches() ? type : "", notNull));
				}
			}
		}
		return columns;
	}

	/** What the catalog says of one column. */
	private record Column(int number, String type, boolean notNull) {
	}

}
