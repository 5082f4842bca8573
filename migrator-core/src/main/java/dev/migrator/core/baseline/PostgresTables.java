package dev.migrator.core.baseline;

import dev.migrator.core.baseline.SchemaObject.Kind;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

import static dev.migrator.core.baseline.CatalogQuery.flag;
import static dev.migrator.core.baseline.CatalogQuery.number;
import static dev.migrator.core.baseline.CatalogQuery.text;

/**
 * The tables of the current schema as {@code CREATE TABLE} statements: columns with their
 * types, collations, defaults, identity (with its sequence's options) and generation
 * expressions; primary key, unique, exclusion and check constraints inline; foreign keys
 * and constraints not validated as {@code ALTER TABLE} statements to run once every table
 * exists. Partitioned tables keep their key, partitions their bounds.
 */
final class PostgresTables {

	// Non-partitions by name; partitions after them in the order they were made, so that
	// a partition's parent (itself possibly a partition) exists first.
	private static final String TABLES = """
			SELECT c.oid, c.relname, quote_ident(c.relname), c.relkind, c.relpersistence, c.relispartition,
			  CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) END,
			  (SELECT quote_ident(p.relname) FROM pg_inherits i JOIN pg_class p ON p.oid = i.inhparent
			    WHERE i.inhrelid = c.oid),
			  pg_get_expr(c.relpartbound, c.oid), array_to_string(c.reloptions, ', ')
			FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
			WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND %s
			ORDER BY c.relispartition, CASE WHEN c.relispartition THEN lpad(c.oid::text, 10, '0') ELSE c.relname::text END"""
		.formatted(PostgresSchemaReader.notInExtension("pg_class", "c.oid"));

	private static final String COLUMNS = """
			SELECT quote_ident(a.attname), format_type(a.atttypid, a.atttypmod), a.attnotnull,
			  pg_get_expr(d.adbin, d.adrelid), a.attidentity, a.attgenerated,
			  CASE WHEN a.attcollation <> 0 AND a.attcollation <> t.typcollation THEN
			    (SELECT quote_ident(cn.nspname) || '.' || quote_ident(co.collname) FROM pg_collation co
			      JOIN pg_namespace cn ON cn.oid = co.collnamespace WHERE co.oid = a.attcollation) END,
			  s.seqstart, s.seqincrement, s.seqmin, s.seqmax, s.seqcache, s.seqcycle, sc.relname, quote_ident(sc.relname),
			  a.attname,
			  nn.conname, quote_ident(nn.conname)
			FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid
			LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
			LEFT JOIN LATERAL (SELECT dep.objid FROM pg_depend dep JOIN pg_class q ON q.oid = dep.objid AND q.relkind = 'S'
			  WHERE dep.classid = 'pg_class'::regclass AND dep.refclassid = 'pg_class'::regclass
			    AND dep.refobjid = a.attrelid AND dep.refobjsubid = a.attnum AND dep.deptype = 'i' LIMIT 1) ident ON true
			LEFT JOIN LATERAL (SELECT k.conname FROM pg_constraint k WHERE k.conrelid = a.attrelid AND k.contype = 'n'
			  AND k.conkey[1] = a.attnum LIMIT 1) nn ON true
			LEFT JOIN pg_class sc ON sc.oid = ident.objid LEFT JOIN pg_sequence s ON s.seqrelid = ident.objid
			WHERE a.attrelid = ?::oid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum""";

	// NOT NULL constraints (PostgreSQL 18 keeps them here too) are the columns' NOT NULL.
	private static final String CONSTRAINTS = """
			SELECT quote_ident(con.conname), con.contype, pg_get_constraintdef(con.oid), con.convalidated, con.conislocal
			FROM pg_constraint con WHERE con.conrelid = ?::oid AND con.contype IN ('p', 'u', 'x', 'c', 'f')
			ORDER BY CASE con.contype WHEN 'p' THEN 0 WHEN 'u' THEN 1 WHEN 'x' THEN 2 WHEN 'c' THEN 3 ELSE 4 END,
			  con.conname""";

	private static final String INHERITED = """
			SELECT string_agg(p.relname, ', ') FROM pg_inherits i JOIN pg_class p ON p.oid = i.inhparent
			JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhrelid = ?::oid AND NOT c.relispartition""";

	private final Connection connection;

	private final ExcludedTables excluded;

	private final List<SchemaObject> tables = new ArrayList<>();

	private final List<SchemaObject> laterConstraints = new ArrayList<>();

	private final List<String> unreadable = new ArrayList<>();

	PostgresTables(Connection connection, ExcludedTables excluded) {
		this.connection = connection;
		this.excluded = excluded;
	}

	/**
	 * Reads every table; then {@link #tables()} and {@link #laterConstraints()} hold
	 * them.
	 */
	PostgresTables read() {
		for (Object[] row : CatalogQuery.rows(this.connection, "the tables of the current schema", TABLES)) {
			String name = text(row[1]);
			if (!this.excluded.excludes(name)) {
				table(number(row[0]), name, row);
			}
		}
		return this;
	}

	List<SchemaObject> tables() {
		return this.tables;
	}

	/** Foreign keys and constraints not validated, to add once every table exists. */
	List<SchemaObject> laterConstraints() {
		return this.laterConstraints;
	}

	/** Tables the baseline cannot recreate, described. */
	List<String> unreadable() {
		return this.unreadable;
	}

	private void table(long oid, String name, Object[] row) {
		String object = "table " + name;
		String inherits = text(CatalogQuery.rows(this.connection, object, INHERITED, oid).get(0)[0]);
		if (inherits != null) {
			this.unreadable.add(object + " (it inherits from " + inherits + ", which a baseline does not recreate)");
			return;
		}
		String quoted = text(row[2]);
		boolean partition = flag(row[5]);
		StringBuilder sql = new StringBuilder("CREATE ");
		if ("u".equals(text(row[4]))) {
			sql.append("UNLOGGED ");
		}
		sql.append("TABLE ").append(quoted);
		StringJoiner elements = new StringJoiner(",\n    ", " (\n    ", "\n)");
		elements.setEmptyValue(partition ? "" : " (\n)");
		if (partition) {
			sql.append(" PARTITION OF ").append(text(row[7]));
		}
		else {
			for (Object[] column : CatalogQuery.rows(this.connection, object, COLUMNS, oid)) {
				elements.add(column(name, column));
			}
		}
		for (Object[] constraint : CatalogQuery.rows(this.connection, object, CONSTRAINTS, oid)) {
			if (!flag(constraint[4])) {
				continue;
			}
			String definition = "CONSTRAINT " + text(constraint[0]) + " " + text(constraint[2]);
			if ("f".equals(text(constraint[1])) || !flag(constraint[3])) {
				this.laterConstraints.add(new SchemaObject(Kind.CONSTRAINT, name + "." + text(constraint[0]),
						"ALTER TABLE " + quoted + " ADD " + definition));
			}
			else {
				elements.add(definition);
			}
		}
		sql.append(elements);
		if (partition) {
			sql.append(' ').append(text(row[8]));
		}
		if (row[6] != null) {
			sql.append(" PARTITION BY ").append(text(row[6]));
		}
		if (row[9] != null && !text(row[9]).isEmpty()) {
			sql.append(" WITH (").append(text(row[9])).append(')');
		}
		this.tables.add(new SchemaObject(Kind.TABLE, name, sql.toString()));
	}

	private static String column(String table, Object[] row) {
		StringBuilder sql = new StringBuilder(text(row[0])).append(' ').append(text(row[1]));
		if (row[6] != null) {
			sql.append(" COLLATE ").append(text(row[6]));
		}
		String expression = text(row[3]);
		String generated = text(row[5]);
		String identity = text(row[4]);
		if ("s".equals(generated) || "v".equals(generated)) {
			sql.append(" GENERATED ALWAYS AS (")
				.append(expression)
				.append(")")
				.append("s".equals(generated) ? " STORED" : " VIRTUAL");
		}
		else if (expression != null) {
			sql.append(" DEFAULT ").append(expression);
		}
		if ("a".equals(identity) || "d".equals(identity)) {
			sql.append("a".equals(identity) ? " GENERATED ALWAYS AS IDENTITY" : " GENERATED BY DEFAULT AS IDENTITY")
				.append(IdentityOptions.of(table, text(row[15]), text(row[1]), row));
		}
		if (flag(row[2])) {
			// PostgreSQL 18 keeps NOT NULL as a named constraint; a name other than the
			// one it gives by itself is kept (earlier versions ignore the name).
			String constraint = text(row[16]);
			if (constraint != null && !constraint.equals(table + "_" + text(row[15]) + "_not_null")) {
				sql.append(" CONSTRAINT ").append(text(row[17]));
			}
			sql.append(" NOT NULL");
		}
		return sql.toString();
	}

}
