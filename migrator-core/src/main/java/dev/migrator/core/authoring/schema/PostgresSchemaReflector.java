package dev.migrator.core.authoring.schema;

import dev.migrator.core.dialect.Dialect;
import dev.migrator.core.dialect.Dialects;
import dev.migrator.core.op.ColumnType;
import dev.migrator.core.op.Identity;
import dev.migrator.core.op.IndexPart;
import dev.migrator.core.op.ReferentialAction;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the connection's current schema from PostgreSQL's catalog. Types, defaults,
 * conditions and index expressions are taken as PostgreSQL prints them back
 * ({@code format_type}, {@code pg_get_expr}, {@code pg_get_constraintdef}), which is what
 * makes a scratch copy of the desired schema comparable with the live one.
 */
final class PostgresSchemaReflector implements SchemaReflector {

	private static final Dialect POSTGRES = Dialects.byName("postgresql");

	private static final String TABLES = """
			SELECT c.oid, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
			WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT c.relispartition
			ORDER BY c.relname""";

	private static final String ENUMS = """
			SELECT t.oid, t.typname,
			  ARRAY(SELECT e.enumlabel::text FROM pg_enum e WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder)
			FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
			WHERE n.nspname = current_schema() AND t.typtype = 'e' ORDER BY t.typname""";

	private static final String COLUMNS = """
			SELECT a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull, pg_get_expr(d.adbin, d.adrelid),
			  a.attidentity, a.attgenerated, a.atttypid
			FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
			WHERE a.attrelid = ? AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum""";

	private static final String CONSTRAINTS = """
			SELECT con.conname, con.contype,
			  ARRAY(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY k(n, i)
			    JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.n ORDER BY k.i),
			  ARRAY(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY k(n, i)
			    JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.n ORDER BY k.i),
			  fc.relname, con.confdeltype, con.confupdtype, pg_get_constraintdef(con.oid, true)
			FROM pg_constraint con LEFT JOIN pg_class fc ON fc.oid = con.confrelid
			WHERE con.conrelid = ? AND con.contype IN ('p', 'u', 'c', 'f') ORDER BY con.conname""";

	// Indexes behind a primary key, unique or exclusion constraint belong to the
	// constraint.
	private static final String INDEXES = """
			SELECT i.relname, x.indisunique,
			  am.amname = 'btree' AND x.indnatts = x.indnkeyatts
			    AND NOT EXISTS (SELECT 1 FROM unnest(x.indoption::int2[]) o WHERE o <> 0),
			  pg_get_expr(x.indpred, x.indrelid, true),
			  ARRAY(SELECT CASE WHEN x.indkey[k - 1] = 0 THEN 'e' || pg_get_indexdef(x.indexrelid, k, true)
			    ELSE 'c' || (SELECT a.attname::text FROM pg_attribute a
			      WHERE a.attrelid = x.indrelid AND a.attnum = x.indkey[k - 1]) END
			    FROM generate_series(1, x.indnkeyatts) k ORDER BY k),
			  pg_get_indexdef(x.indexrelid)
			FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_am am ON am.oid = i.relam
			WHERE x.indrelid = ? AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid
			  AND c.conrelid = x.indrelid AND c.contype IN ('p', 'u', 'x'))
			ORDER BY i.relname""";

	@Override
	public SchemaSnapshot reflect(Connection connection) throws SQLException {
		Map<Long, String> enumNames = new HashMap<>();
		List<EnumShape> enums = new ArrayList<>();
		try (PreparedStatement statement = connection.prepareStatement(ENUMS);
				ResultSet rs = statement.executeQuery()) {
			while (rs.next()) {
				enumNames.put(rs.getLong(1), rs.getString(2));
				enums.add(new EnumShape(rs.getString(2), strings(rs.getArray(3))));
			}
		}
		List<TableShape> tables = new ArrayList<>();
		try (PreparedStatement statement = connection.prepareStatement(TABLES);
				ResultSet rs = statement.executeQuery()) {
			while (rs.next()) {
				tables.add(table(connection, rs.getLong(1), rs.getString(2), enumNames));
			}
		}
		return new SchemaSnapshot(tables, enums);
	}

	private TableShape table(Connection connection, long oid, String name, Map<Long, String> enumNames)
			throws SQLException {
		List<ColumnShape> columns = new ArrayList<>();
		try (PreparedStatement statement = connection.prepareStatement(COLUMNS)) {
			statement.setLong(1, oid);
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					columns.add(column(rs, enumNames));
				}
			}
		}
		Optional<ConstraintShape.PrimaryKey> primaryKey = Optional.empty();
		List<ConstraintShape> constraints = new ArrayList<>();
		try (PreparedStatement statement = connection.prepareStatement(CONSTRAINTS)) {
			statement.setLong(1, oid);
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					ConstraintShape constraint = constraint(rs);
					if (constraint instanceof ConstraintShape.PrimaryKey pk) {
						primaryKey = Optional.of(pk);
					}
					else {
						constraints.add(constraint);
					}
				}
			}
		}
		List<IndexShape> indexes = new ArrayList<>();
		try (PreparedStatement statement = connection.prepareStatement(INDEXES)) {
			statement.setLong(1, oid);
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					indexes.add(index(rs, name));
				}
			}
		}
		return new TableShape(name, columns, primaryKey, constraints, indexes);
	}

	private static ColumnShape column(ResultSet rs, Map<Long, String> enumNames) throws SQLException {
		String name = rs.getString(1);
		String type = rs.getString(2);
		Optional<String> expression = Optional.ofNullable(rs.getString(4));
		String identity = rs.getString(5);
		String generated = rs.getString(6);
		Optional<String> enumName = Optional.ofNullable(enumNames.get(rs.getLong(7)));
		if ("s".equals(generated)) {
			// The operations API has no generated columns; as a type written in SQL it
			// round-trips exactly.
			String typeText = type + " GENERATED ALWAYS AS (" + expression.orElse("") + ") STORED";
			return new ColumnShape(name, typeText, ColumnType.custom(typeText), !rs.getBoolean(3), Optional.empty(),
					Identity.NONE);
		}
		Identity kind = switch (identity == null ? "" : identity) {
			case "a" -> Identity.ALWAYS;
			case "d" -> Identity.BY_DEFAULT;
			default -> Identity.NONE;
		};
		return new ColumnShape(name, type, PostgresTypes.of(type, enumName), !rs.getBoolean(3), expression, kind);
	}

	private static ConstraintShape constraint(ResultSet rs) throws SQLException {
		Optional<String> name = Optional.of(rs.getString(1));
		List<String> columns = strings(rs.getArray(3));
		return switch (rs.getString(2)) {
			case "p" -> new ConstraintShape.PrimaryKey(name, columns);
			case "u" -> new ConstraintShape.Unique(name, columns);
			case "c" -> new ConstraintShape.Check(name, checkCondition(rs.getString(8)));
			default -> new ConstraintShape.ForeignKey(name, columns, rs.getString(5), strings(rs.getArray(4)),
					action(rs.getString(6)), action(rs.getString(7)));
		};
	}

	/** The condition of {@code CHECK (condition) [NOT VALID]}. */
	static String checkCondition(String definition) {
		int open = definition.indexOf('(');
		int close = SqlText.closingOf(definition, open);
		return (open < 0 || close < 0) ? definition : definition.substring(open + 1, close).strip();
	}

	private static ReferentialAction action(String code) {
		return switch (code) {
			case "r" -> ReferentialAction.RESTRICT;
			case "c" -> ReferentialAction.CASCADE;
			case "n" -> ReferentialAction.SET_NULL;
			case "d" -> ReferentialAction.SET_DEFAULT;
			default -> ReferentialAction.NO_ACTION;
		};
	}

	private static IndexShape index(ResultSet rs, String table) throws SQLException {
		String name = rs.getString(1);
		boolean unique = rs.getBoolean(2);
		boolean plain = rs.getBoolean(3);
		Optional<String> where = Optional.ofNullable(rs.getString(4));
		List<IndexPart> parts = new ArrayList<>();
		for (String part : strings(rs.getArray(5))) {
			parts.add(part.startsWith("c") ? IndexPart.column(part.substring(1))
					: IndexPart.expression(part.substring(1)));
		}
		if (plain) {
			return new IndexShape(name, unique, parts, where, Optional.empty());
		}
		String printed = rs.getString(6);
		int using = printed.indexOf(" USING ");
		// The printed definition names the schema it was read in; the draft's must not.
		String definition = "CREATE " + (unique ? "UNIQUE " : "") + "INDEX " + quote(name) + " ON " + quote(table)
				+ printed.substring(using);
		return new IndexShape(name, unique, parts, where, Optional.of(definition));
	}

	private static String quote(String identifier) {
		return POSTGRES.quote(identifier);
	}

	private static List<String> strings(Array array) throws SQLException {
		if (array == null) {
			return List.of();
		}
		return List.of((String[]) array.getArray());
	}

}
