package dev.migrator.core.authoring.schema;

import dev.migrator.core.dialect.SqliteDeclarations;
import dev.migrator.core.dialect.SqliteDeclarations.DeclaredConstraint;
import dev.migrator.core.dialect.SqliteDeclarations.DeclaredIndex;
import dev.migrator.core.op.Identity;
import dev.migrator.core.op.IndexPart;
import dev.migrator.core.op.ReferentialAction;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the main database of a SQLite connection: columns, keys and indexes from its
 * pragmas, and what SQLite keeps only in the stored SQL (constraint names, check
 * conditions, index expressions and conditions) from that text.
 */
final class SqliteSchemaReflector implements SchemaReflector {

	private static final Names NAMES = new Names(true);

	@Override
	public SchemaSnapshot reflect(Connection connection) throws SQLException {
		List<TableShape> tables = new ArrayList<>();
		for (String[] row : rows(connection, "SELECT name, sql FROM sqlite_master WHERE type = 'table' "
				+ "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name")) {
			tables.add(table(connection, row[0], row[1]));
		}
		return new SchemaSnapshot(tables, List.of());
	}

	private TableShape table(Connection connection, String name, String createSql) throws SQLException {
		List<DeclaredConstraint> declared = SqliteDeclarations.constraints(createSql);
		List<String[]> columnRows = rows(connection, "SELECT name, type, \"notnull\", dflt_value, pk FROM "
				+ "pragma_table_xinfo(?) WHERE hidden = 0 ORDER BY cid", name);
		List<String> keyColumns = columnRows.stream()
			.filter((c) -> !"0".equals(c[4]))
			.sorted((a, b) -> Integer.compare(Integer.parseInt(a[4]), Integer.parseInt(b[4])))
			.map((c) -> c[0])
			.toList();
		boolean autoincrement = SqliteDeclarations.autoincrement(createSql);
		List<ColumnShape> columns = new ArrayList<>();
		for (String[] c : columnRows) {
			boolean inKey = !"0".equals(c[4]);
			boolean identity = inKey && autoincrement && keyColumns.size() == 1
					&& "INTEGER".equalsIgnoreCase(c[1].strip());
			columns.add(new ColumnShape(c[0], SqliteTypes.normalize(c[1]), SqliteTypes.of(c[1]),
					!inKey && "0".equals(c[2]), Optional.ofNullable(c[3]).map(SqlText::unwrap),
					identity ? Identity.BY_DEFAULT : Identity.NONE));
		}
		Optional<ConstraintShape.PrimaryKey> primaryKey = keyColumns.isEmpty() ? Optional.empty() : Optional
			.of(new ConstraintShape.PrimaryKey(declaredName(declared, "PRIMARY KEY", keyColumns), keyColumns));
		List<ConstraintShape> constraints = new ArrayList<>();
		List<IndexShape> indexes = new ArrayList<>();
		for (String[] index : rows(connection,
				"SELECT name, \"unique\", origin FROM pragma_index_list(?) ORDER BY name", name)) {
			if ("u".equals(index[2])) {
				List<String> unique = strings(connection, "SELECT name FROM pragma_index_info(?) ORDER BY seqno",
						index[0]);
				constraints.add(new ConstraintShape.Unique(declaredName(declared, "UNIQUE", unique), unique));
			}
			else if ("c".equals(index[2])) {
				indexes.add(index(connection, index[0], "1".equals(index[1])));
			}
		}
		for (DeclaredConstraint check : declared) {
			if (check.kind().equals("CHECK") && check.condition().isPresent()) {
				constraints.add(new ConstraintShape.Check(check.name(), check.condition().get()));
			}
		}
		constraints.addAll(foreignKeys(connection, name, declared));
		return new TableShape(name, columns, primaryKey, constraints, indexes);
	}

	private IndexShape index(Connection connection, String name, boolean unique) throws SQLException {
		String sql = strings(connection, "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?", name)
			.get(0);
		DeclaredIndex declared = SqliteDeclarations.index(sql);
		List<String[]> keys = rows(connection,
				"SELECT cid, name, \"desc\", coll FROM pragma_index_xinfo(?) " + "WHERE key = 1 ORDER BY seqno", name);
		boolean plain = keys.size() == declared.parts().size() && keys.stream()
			.allMatch((k) -> "0".equals(k[2]) && "BINARY".equalsIgnoreCase(k[3]) && !"-1".equals(k[0]));
		if (!plain) {
			return new IndexShape(name, unique, List.of(), declared.where(), Optional.of(sql));
		}
		List<IndexPart> parts = new ArrayList<>();
		for (int i = 0; i < keys.size(); i++) {
			parts.add("-2".equals(keys.get(i)[0]) ? IndexPart.expression(SqlText.unwrap(declared.parts().get(i)))
					: IndexPart.column(keys.get(i)[1]));
		}
		return new IndexShape(name, unique, parts, declared.where(), Optional.empty());
	}

	private List<ConstraintShape> foreignKeys(Connection connection, String table, List<DeclaredConstraint> declared)
			throws SQLException {
		List<String[]> rows = rows(connection, "SELECT id, \"table\", \"from\", \"to\", on_update, on_delete FROM "
				+ "pragma_foreign_key_list(?) ORDER BY id, seq", table);
		List<ConstraintShape> keys = new ArrayList<>();
		int i = 0;
		while (i < rows.size()) {
			String id = rows.get(i)[0];
			String referred = rows.get(i)[1];
			List<String> from = new ArrayList<>();
			List<String> to = new ArrayList<>();
			String[] first = rows.get(i);
			while (i < rows.size() && rows.get(i)[0].equals(id)) {
				from.add(rows.get(i)[2]);
				to.add(rows.get(i)[3]);
				i++;
			}
			if (to.contains(null)) {
				// REFERENCES t without columns refers to t's primary key.
				to = strings(connection, "SELECT name FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk", referred);
			}
			keys.add(new ConstraintShape.ForeignKey(declaredName(declared, "FOREIGN KEY", from), from, referred, to,
					action(first[5]), action(first[4])));
		}
		return keys;
	}

	/**
	 * The name the table's SQL gives the constraint of that kind over those columns;
	 * SQLite keeps it nowhere else.
	 */
	private static Optional<String> declaredName(List<DeclaredConstraint> declared, String kind, List<String> columns) {
		return declared.stream()
			.filter((d) -> d.kind().equals(kind) && NAMES.keys(d.columns()).equals(NAMES.keys(columns)))
			.map(DeclaredConstraint::name)
			.flatMap(Optional::stream)
			.findFirst();
	}

	private static ReferentialAction action(String text) {
		return switch (text.toUpperCase(Locale.ROOT)) {
			case "CASCADE" -> ReferentialAction.CASCADE;
			case "SET NULL" -> ReferentialAction.SET_NULL;
			case "SET DEFAULT" -> ReferentialAction.SET_DEFAULT;
			case "RESTRICT" -> ReferentialAction.RESTRICT;
			default -> ReferentialAction.NO_ACTION;
		};
	}

	private static List<String> strings(Connection connection, String sql, String... parameters) throws SQLException {
		return rows(connection, sql, parameters).stream().map((r) -> r[0]).toList();
	}

	private static List<String[]> rows(Connection connection, String sql, String... parameters) throws SQLException {
		List<String[]> rows = new ArrayList<>();
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < parameters.length; i++) {
				statement.setString(i + 1, parameters[i]);
			}
			try (ResultSet rs = statement.executeQuery()) {
				int width = rs.getMetaData().getColumnCount();
				while (rs.next()) {
					String[] row = new String[width];
					for (int c = 0; c < width; c++) {
						row[c] = rs.getString(c + 1);
					}
					rows.add(row);
				}
			}
		}
		return rows;
	}

}
