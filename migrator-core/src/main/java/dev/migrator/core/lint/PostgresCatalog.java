package dev.migrator.core.lint;

import dev.migrator.core.error.ErrorCode;
import dev.migrator.core.error.MigratorException;
import dev.migrator.core.lint.ClassifiedStatement.AlterTable;
import dev.migrator.core.lint.TableAction.AddConstraint;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A PostgreSQL database's catalog as the linter reads it: reads only, each table (or
 * index) looked up once by name on the search path ({@code to_regclass(quote_ident(?))},
 * the name bound), so the linter's queries cost a few milliseconds per table it meets.
 */
public final class PostgresCatalog implements DatabaseCatalog {

	private static final String TABLE = "SELECT c.oid, c.relkind, c.reltuples, pg_relation_size(c.oid) "
			+ "FROM pg_class c WHERE c.oid = to_regclass(quote_ident(?))";

	// A partitioned table's rows live in its leaves (pg_partition_tree: PostgreSQL 12+).
	private static final String PARTITION_ROWS = "SELECT coalesce(sum(greatest(c.reltuples, 0)), 0), "
			+ "coalesce(bool_and(c.reltuples >= 0 OR pg_relation_size(c.oid) = 0), true) "
			+ "FROM pg_partition_tree(?::oid::regclass) t JOIN pg_class c ON c.oid = t.relid WHERE t.isleaf";

	// NOT NULL columns, unless only by a NOT NULL constraint still NOT VALID
	// (PostgreSQL 18); indexed and checked columns by attribute number.
	private static final String COLUMNS = "SELECT a.attname, a.attnotnull AND NOT EXISTS (SELECT 1 FROM pg_constraint n "
			+ "WHERE n.conrelid = a.attrelid AND n.contype = 'n' AND NOT n.convalidated AND n.conkey = ARRAY[a.attnum]), "
			+ "EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = a.attrelid AND a.attnum = ANY (i.indkey::int2[])), "
			+ "EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conrelid = a.attrelid AND k.contype = 'c' "
			+ "AND a.attnum = ANY (k.conkey)) "
			+ "FROM pg_attribute a WHERE a.attrelid = ? AND a.attnum > 0 AND NOT a.attisdropped";

	private static final String VALIDATED_CHECKS = "SELECT pg_get_constraintdef(oid) FROM pg_constraint "
			+ "WHERE conrelid = ? AND contype = 'c' AND convalidated";

	private final Connection connection;

	private final PostgresVersion version;

	private final Map<String, Optional<TableFacts>> tables = new HashMap<>();

	private record TableFacts(boolean partitioned, boolean partitionedIndex, OptionalLong rows, Set<String> notNull,
			Set<String> indexed, Set<String> checked) {
	}

	/**
	 * @param connection an open connection, kept open by the caller while the linter runs
	 * @param version the server's version
	 */
	public PostgresCatalog(Connection connection, PostgresVersion version) {
		this.connection = connection;
		this.version = version;
	}

	@Override
	public OptionalLong estimatedRows(String table) {
		return facts(table).map(TableFacts::rows).orElse(OptionalLong.empty());
	}

	@Override
	public boolean isPartitioned(String table) {
		return facts(table).map(TableFacts::partitioned).orElse(false);
	}

	@Override
	public boolean isPartitionedIndex(String index) {
		return facts(index).map(TableFacts::partitionedIndex).orElse(false);
	}

	@Override
	public boolean provesNotNull(String table, String column) {
		return facts(table).map((facts) -> facts.notNull().contains(column)).orElse(false);
	}

	@Override
	public boolean isIndexed(String table, String column) {
		return facts(table).map((facts) -> facts.indexed().contains(column)).orElse(false);
	}

	@Override
	public boolean isChecked(String table, String column) {
		return facts(table).map((facts) -> facts.checked().contains(column)).orElse(false);
	}

	private Optional<TableFacts> facts(String table) {
		return this.tables.computeIfAbsent(table, this::read);
	}

	private Optional<TableFacts> read(String table) {
		try (PreparedStatement statement = this.connection.prepareStatement(TABLE)) {
			statement.setString(1, table);
			try (ResultSet row = statement.executeQuery()) {
				if (!row.next()) {
					return Optional.empty();
				}
				long oid = row.getLong(1);
				boolean partitioned = "p".equals(row.getString(2));
				OptionalLong rows = partitioned ? partitionRows(oid) : rows(row.getDouble(3), row.getLong(4));
				Set<String> notNull = new HashSet<>();
				Set<String> indexed = new HashSet<>();
				Set<String> checked = new HashSet<>();
				readColumns(oid, notNull, indexed, checked);
				notNull.addAll(validatedNotNullChecks(oid));
				return Optional
					.of(new TableFacts(partitioned, "I".equals(row.getString(2)), rows, notNull, indexed, checked));
			}
		}
		catch (SQLException ex) {
			throw new MigratorException(ErrorCode.DATABASE_ERROR,
					"The linter could not read table " + table + " from the catalog: " + ex.getMessage(), ex);
		}
	}

	/**
	 * The estimate, when there is one: {@code reltuples} is -1 (14+) or 0 (before) until
	 * the table is first vacuumed or analysed, so only an empty file proves none.
	 */
	private static OptionalLong rows(double reltuples, long bytes) {
		if (reltuples > 0) {
			return OptionalLong.of((long) reltuples);
		}
		return (bytes == 0) ? OptionalLong.of(0) : OptionalLong.empty();
	}

	private OptionalLong partitionRows(long oid) throws SQLException {
		if (!this.version.atLeast(12)) {
			return OptionalLong.empty();
		}
		try (PreparedStatement statement = this.connection.prepareStatement(PARTITION_ROWS)) {
			statement.setLong(1, oid);
			try (ResultSet row = statement.executeQuery()) {
				row.next();
				return row.getBoolean(2) ? OptionalLong.of(row.getLong(1)) : OptionalLong.empty();
			}
		}
	}

	private void readColumns(long oid, Set<String> notNull, Set<String> indexed, Set<String> checked)
			throws SQLException {
		try (PreparedStatement statement = this.connection.prepareStatement(COLUMNS)) {
			statement.setLong(1, oid);
			try (ResultSet row = statement.executeQuery()) {
				while (row.next()) {
					String column = row.getString(1);
					if (row.getBoolean(2)) {
						notNull.add(column);
					}
					if (row.getBoolean(3)) {
						indexed.add(column);
					}
					if (row.getBoolean(4)) {
						checked.add(column);
					}
				}
			}
		}
	}

	/**
	 * The columns validated checks prove not null, read from their definitions as the
	 * revisions' checks are read.
	 */
	private Set<String> validatedNotNullChecks(long oid) throws SQLException {
		Set<String> columns = new HashSet<>();
		try (PreparedStatement statement = this.connection.prepareStatement(VALIDATED_CHECKS)) {
			statement.setLong(1, oid);
			try (ResultSet row = statement.executeQuery()) {
				while (row.next()) {
					if (StatementClassifier
						.classify("ALTER TABLE t ADD " + row.getString(1)) instanceof AlterTable alter) {
						alter.actions()
							.stream()
							.filter(AddConstraint.class::isInstance)
							.forEach((action) -> columns.addAll(((AddConstraint) action).notNullColumns()));
					}
				}
			}
		}
		return columns;
	}

}
