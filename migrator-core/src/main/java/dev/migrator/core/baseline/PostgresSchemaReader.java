package dev.migrator.core.baseline;

import dev.migrator.core.baseline.SchemaObject.Kind;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

import static dev.migrator.core.baseline.CatalogQuery.flag;
import static dev.migrator.core.baseline.CatalogQuery.number;
import static dev.migrator.core.baseline.CatalogQuery.text;
import static dev.migrator.core.baseline.CatalogQuery.texts;

/**
 * Reads the connection's current schema from PostgreSQL's catalog, each object printed by
 * the catalog's own definition function, in the order pg_dump restores: extensions,
 * types, sequences, functions (bodies checked only when called, as pg_dump sets it; those
 * whose signature or body needs a table or view after it), tables, foreign keys, indexes,
 * sequence owners, views (each after the views it reads), triggers, rules, row-level
 * security and its policies, comments. Objects that belong to an extension come with
 * their extension. Names the catalog prints schema-qualified lose the schema, so that the
 * baseline recreates the schema wherever its revisions run.
 */
final class PostgresSchemaReader implements SchemaReader {

	private static final String NOT_IN_EXTENSION = """
			NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = '%s'::regclass AND e.objid = %s
			  AND e.deptype = 'e')""";

	/** A condition that the object (of the catalog, by its id) is no extension's. */
	static String notInExtension(String catalog, String id) {
		return NOT_IN_EXTENSION.formatted(catalog, id);
	}

	private static final String WHERE = "SELECT current_database(), current_schema(), quote_ident(current_schema())";

	private static final String EXTENSIONS = """
			SELECT e.extname, quote_ident(e.extname) FROM pg_extension e
			JOIN pg_namespace n ON n.oid = e.extnamespace WHERE n.nspname = current_schema() ORDER BY e.extname""";

	private static final String ENUMS = """
			SELECT t.typname, quote_ident(t.typname),
			  ARRAY(SELECT quote_literal(e.enumlabel) FROM pg_enum e WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder)
			FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
			WHERE n.nspname = current_schema() AND t.typtype = 'e' AND %s ORDER BY t.typname"""
		.formatted(NOT_IN_EXTENSION.formatted("pg_type", "t.oid"));

	private static final String DOMAINS = """
			SELECT t.typname, quote_ident(t.typname), format_type(t.typbasetype, t.typtypmod),
			  CASE WHEN t.typcollation <> 0 AND t.typcollation <> b.typcollation THEN
			    (SELECT quote_ident(cn.nspname) || '.' || quote_ident(co.collname) FROM pg_collation co
			      JOIN pg_namespace cn ON cn.oid = co.collnamespace WHERE co.oid = t.typcollation) END,
			  t.typdefault, t.typnotnull,
			  ARRAY(SELECT 'CONSTRAINT ' || quote_ident(k.conname) || ' ' || pg_get_constraintdef(k.oid)
			    FROM pg_constraint k WHERE k.contypid = t.oid AND k.contype = 'c' ORDER BY k.conname)
			FROM pg_type t JOIN pg_type b ON b.oid = t.typbasetype JOIN pg_namespace n ON n.oid = t.typnamespace
			WHERE n.nspname = current_schema() AND t.typtype = 'd' AND %s ORDER BY t.oid"""
		.formatted(NOT_IN_EXTENSION.formatted("pg_type", "t.oid"));

	private static final String COMPOSITES = """
			SELECT t.typname, quote_ident(t.typname),
			  ARRAY(SELECT quote_ident(a.attname) || ' ' || format_type(a.atttypid, a.atttypmod) FROM pg_attribute a
			    WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum)
			FROM pg_type t JOIN pg_class c ON c.oid = t.typrelid JOIN pg_namespace n ON n.oid = t.typnamespace
			WHERE n.nspname = current_schema() AND t.typtype = 'c' AND c.relkind = 'c' AND %s ORDER BY t.oid"""
		.formatted(NOT_IN_EXTENSION.formatted("pg_type", "t.oid"));

	// Identity sequences come back with their column; a serial column's sequence is
	// created here and given to its column after the tables.
	private static final String SEQUENCES = """
			SELECT c.relname, quote_ident(c.relname), format_type(s.seqtypid, NULL), s.seqstart, s.seqincrement,
			  s.seqmin, s.seqmax, s.seqcache, s.seqcycle, owner.relname, owner.column_name
			FROM pg_class c JOIN pg_sequence s ON s.seqrelid = c.oid JOIN pg_namespace n ON n.oid = c.relnamespace
			LEFT JOIN LATERAL (SELECT t.relname, quote_ident(t.relname) || '.' || quote_ident(a.attname) AS column_name
			  FROM pg_depend d JOIN pg_class t ON t.oid = d.refobjid
			  JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
			  WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.refclassid = 'pg_class'::regclass
			    AND d.deptype = 'a' AND t.relnamespace = c.relnamespace LIMIT 1) owner ON true
			WHERE n.nspname = current_schema() AND c.relkind = 'S'
			  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
			    AND d.deptype IN ('i', 'e'))
			ORDER BY c.relname""";

	// The indexes behind constraints come with their constraint, a partition's index
	// attached to its parent's with the parent's.
	private static final String INDEXES = """
			SELECT i.relname, t.relname, t.relkind, pg_get_indexdef(x.indexrelid), x.indisvalid
			FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
			JOIN pg_namespace n ON n.oid = t.relnamespace
			WHERE n.nspname = current_schema() AND t.relkind IN ('r', 'p', 'm')
			  AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid AND c.conrelid = x.indrelid
			    AND c.contype IN ('p', 'u', 'x'))
			  AND NOT EXISTS (SELECT 1 FROM pg_inherits h WHERE h.inhrelid = x.indexrelid) AND %s
			ORDER BY t.relname, i.relname""".formatted(NOT_IN_EXTENSION.formatted("pg_class", "t.oid"));

	private static final String TRIGGERS = """
			SELECT t.tgname, c.relname, pg_get_triggerdef(t.oid)
			FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
			WHERE n.nspname = current_schema() AND NOT t.tgisinternal AND t.tgparentid = 0 AND %s
			ORDER BY c.relname, t.tgname""".formatted(NOT_IN_EXTENSION.formatted("pg_class", "c.oid"));

	private static final String STATISTICS = """
			SELECT s.stxname, c.relname, pg_get_statisticsobjdef(s.oid)
			FROM pg_statistic_ext s JOIN pg_class c ON c.oid = s.stxrelid
			WHERE s.stxnamespace = current_schema()::regnamespace AND %s ORDER BY s.stxname"""
		.formatted(NOT_IN_EXTENSION.formatted("pg_statistic_ext", "s.oid"));

	// Their server and user mappings belong to the database, not the schema.
	private static final String FOREIGN_TABLES = """
			SELECT c.relname FROM pg_class c WHERE c.relnamespace = current_schema()::regnamespace
			  AND c.relkind = 'f' AND %s ORDER BY c.relname"""
		.formatted(NOT_IN_EXTENSION.formatted("pg_class", "c.oid"));

	// A view's own rule (_RETURN) is the view.
	private static final String RULES = """
			SELECT r.rulename, c.relname, pg_get_ruledef(r.oid)
			FROM pg_rewrite r JOIN pg_class c ON c.oid = r.ev_class
			WHERE c.relnamespace = current_schema()::regnamespace AND r.rulename <> '_RETURN' AND %s
			ORDER BY c.relname, r.rulename""".formatted(NOT_IN_EXTENSION.formatted("pg_class", "c.oid"));

	@Override
	public LiveSchema read(Connection connection, ExcludedTables excluded) {
		Object[] where = CatalogQuery.rows(connection, "the current schema", WHERE).get(0);
		String qualifier = text(where[2]) + ".";
		List<SchemaObject> objects = new ArrayList<>();
		List<String> unreadable = new ArrayList<>();
		for (Object[] row : CatalogQuery.rows(connection, "the extensions", EXTENSIONS)) {
			objects
				.add(new SchemaObject(Kind.EXTENSION, text(row[0]), "CREATE EXTENSION IF NOT EXISTS " + text(row[1])));
		}
		types(connection, objects);
		List<SchemaObject> owners = sequences(connection, excluded, objects);
		PostgresFunctions functions = new PostgresFunctions().read(connection, qualifier);
		unreadable.addAll(functions.unreadable());
		if (!functions.isEmpty()) {
			// As pg_dump does: a function body may name a table created after it.
			objects.add(
					new SchemaObject(Kind.SETTING, "check_function_bodies", "SET LOCAL check_function_bodies = false"));
		}
		objects.addAll(functions.beforeTables());
		PostgresTables tables = new PostgresTables(connection, excluded).read();
		unreadable.addAll(tables.unreadable());
		for (Object[] row : CatalogQuery.rows(connection, "the foreign tables", FOREIGN_TABLES)) {
			unreadable.add("foreign table " + text(row[0])
					+ " (its server and user mapping belong to the database, not to the schema)");
		}
		if (!unreadable.isEmpty()) {
			throw new UnreadableObjectException(unreadable, "The baseline cannot recreate "
					+ String.join("; ", unreadable)
					+ ". Nothing was written or recorded. Drop or move each out of the schema, baseline, then create "
					+ "it again in a revision after the baseline.");
		}
		objects.addAll(tables.tables());
		List<SchemaObject> indexes = new ArrayList<>();
		List<SchemaObject> viewIndexes = new ArrayList<>();
		for (Object[] row : CatalogQuery.rows(connection, "the indexes", INDEXES)) {
			if (!excluded.excludes(text(row[1]))) {
				String definition = unqualifyTarget(text(row[3]), qualifier);
				if (flag(row[4])) {
					// A valid index of a partitioned table covers every partition: made
					// without ONLY, it makes theirs too, as they were.
					definition = definition.replaceFirst(" ON ONLY ", " ON ");
				}
				SchemaObject index = new SchemaObject(Kind.INDEX, text(row[0]), definition);
				("m".equals(text(row[2])) ? viewIndexes : indexes).add(index);
			}
		}
		objects.addAll(indexes);
		for (Object[] row : CatalogQuery.rows(connection, "the extended statistics", STATISTICS)) {
			if (!excluded.excludes(text(row[1]))) {
				String definition = text(row[2]).replace("STATISTICS " + qualifier, "STATISTICS ")
					.replace(" FROM " + qualifier, " FROM ");
				objects.add(new SchemaObject(Kind.STATISTICS, text(row[0]), definition));
			}
		}
		objects.addAll(tables.laterConstraints());
		objects.addAll(owners);
		objects.addAll(functions.afterTables());
		objects.addAll(new PostgresViews(connection).read());
		objects.addAll(viewIndexes);
		objects.addAll(functions.afterViews());
		for (Object[] row : CatalogQuery.rows(connection, "the triggers", TRIGGERS)) {
			if (!excluded.excludes(text(row[1]))) {
				objects.add(new SchemaObject(Kind.TRIGGER, text(row[0]), unqualifyTarget(text(row[2]), qualifier)));
			}
		}
		for (Object[] row : CatalogQuery.rows(connection, "the rules", RULES)) {
			if (!excluded.excludes(text(row[1]))) {
				String definition = text(row[2]).strip();
				definition = definition.endsWith(";") ? definition.substring(0, definition.length() - 1) : definition;
				objects.add(new SchemaObject(Kind.RULE, text(row[0]), unqualifyTarget(definition, qualifier)));
			}
		}
		objects.addAll(PostgresPolicies.read(connection, excluded));
		objects.addAll(PostgresComments.read(connection, excluded));
		return new LiveSchema("schema " + where[1] + " of database " + where[0], objects);
	}

	private static void types(Connection connection, List<SchemaObject> objects) {
		for (Object[] row : CatalogQuery.rows(connection, "the enum types", ENUMS)) {
			objects.add(new SchemaObject(Kind.ENUM_TYPE, text(row[0]),
					"CREATE TYPE " + text(row[1]) + " AS ENUM (" + String.join(", ", texts(row[2])) + ")"));
		}
		for (Object[] row : CatalogQuery.rows(connection, "the domains", DOMAINS)) {
			StringBuilder sql = new StringBuilder("CREATE DOMAIN ").append(text(row[1]))
				.append(" AS ")
				.append(text(row[2]));
			if (row[3] != null) {
				sql.append(" COLLATE ").append(text(row[3]));
			}
			if (row[4] != null) {
				sql.append(" DEFAULT ").append(text(row[4]));
			}
			if (flag(row[5])) {
				sql.append(" NOT NULL");
			}
			texts(row[6]).forEach((check) -> sql.append(' ').append(check));
			objects.add(new SchemaObject(Kind.DOMAIN, text(row[0]), sql.toString()));
		}
		for (Object[] row : CatalogQuery.rows(connection, "the composite types", COMPOSITES)) {
			objects.add(new SchemaObject(Kind.COMPOSITE_TYPE, text(row[0]),
					"CREATE TYPE " + text(row[1]) + " AS (" + String.join(", ", texts(row[2])) + ")"));
		}
	}

	/** Creates the sequences; returns the statements that give them their columns. */
	private static List<SchemaObject> sequences(Connection connection, ExcludedTables excluded,
			List<SchemaObject> objects) {
		List<SchemaObject> owners = new ArrayList<>();
		for (Object[] row : CatalogQuery.rows(connection, "the sequences", SEQUENCES)) {
			if (row[9] != null && excluded.excludes(text(row[9]))) {
				continue;
			}
			objects.add(new SchemaObject(Kind.SEQUENCE, text(row[0]),
					"CREATE SEQUENCE " + text(row[1]) + " AS " + text(row[2]) + " INCREMENT BY " + number(row[4])
							+ " MINVALUE " + number(row[5]) + " MAXVALUE " + number(row[6]) + " START WITH "
							+ number(row[3]) + " CACHE " + number(row[7]) + (flag(row[8]) ? " CYCLE" : " NO CYCLE")));
			if (row[10] != null) {
				owners.add(new SchemaObject(Kind.SEQUENCE_OWNER, text(row[0]),
						"ALTER SEQUENCE " + text(row[1]) + " OWNED BY " + text(row[10])));
			}
		}
		return owners;
	}

	/**
	 * The function's definition without the schema pg_get_functiondef always puts before
	 * its name, and without the line break it ends with.
	 */
	static String unqualifyFunction(String definition, String qualifier) {
		String text = definition.strip();
		for (String keyword : List.of(" FUNCTION ", " PROCEDURE ")) {
			int at = text.indexOf(keyword + qualifier);
			if (at >= 0 && at < text.indexOf('(')) {
				return text.substring(0, at + keyword.length())
						+ text.substring(at + keyword.length() + qualifier.length());
			}
		}
		return text;
	}

	/**
	 * The index, trigger or rule definition without the schema before its table:
	 * {@code ... ON public.t ...} is {@code ... ON t ...}, {@code ... TO public.t ...} is
	 * {@code ... TO t ...}.
	 */
	static String unqualifyTarget(String definition, String qualifier) {
		for (String on : List.of(" ON ONLY ", " ON ", " TO ")) {
			int at = definition.indexOf(on + qualifier);
			if (at >= 0) {
				return definition.substring(0, at + on.length())
						+ definition.substring(at + on.length() + qualifier.length());
			}
		}
		return definition;
	}

}
