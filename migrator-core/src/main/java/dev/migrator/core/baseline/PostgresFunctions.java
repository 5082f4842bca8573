package dev.migrator.core.baseline;

import dev.migrator.core.baseline.SchemaObject.Kind;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

import static dev.migrator.core.baseline.CatalogQuery.number;
import static dev.migrator.core.baseline.CatalogQuery.text;

/**
 * The functions and procedures of the current schema as pg_get_functiondef prints them,
 * in three groups by what they need to exist first: nothing of the schema's relations
 * (created before the tables, so that defaults, checks and index expressions can call
 * them), a table (a table's row type in the signature, or a {@code BEGIN ATOMIC} body
 * that reads one: created after the tables), or a view (created after the views).
 * Aggregates, which pg_get_functiondef cannot print, are reported as unreadable.
 */
final class PostgresFunctions {

	private static final String FUNCTIONS = """
			SELECT p.oid, p.prokind, p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')',
			  (SELECT coalesce(max(CASE WHEN c.relkind IN ('v', 'm') THEN 2 ELSE 1 END), 0)
			    FROM pg_depend d
			    LEFT JOIN pg_type t ON d.refclassid = 'pg_type'::regclass AND t.oid = d.refobjid
			    LEFT JOIN pg_type e ON e.oid = t.typelem
			    JOIN pg_class c ON c.oid = CASE WHEN d.refclassid = 'pg_class'::regclass THEN d.refobjid
			      ELSE coalesce(nullif(t.typrelid, 0), e.typrelid) END
			    WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND c.relkind IN ('r', 'p', 'v', 'm'))
			FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
			WHERE n.nspname = current_schema() AND %s ORDER BY p.proname, p.oid"""
		.formatted(PostgresSchemaReader.notInExtension("pg_proc", "p.oid"));

	private final List<SchemaObject> beforeTables = new ArrayList<>();

	private final List<SchemaObject> afterTables = new ArrayList<>();

	private final List<SchemaObject> afterViews = new ArrayList<>();

	private final List<String> unreadable = new ArrayList<>();

	PostgresFunctions read(Connection connection, String qualifier) {
		for (Object[] row : CatalogQuery.rows(connection, "the functions", FUNCTIONS)) {
			String signature = text(row[2]);
			if ("a".equals(text(row[1]))) {
				this.unreadable.add("aggregate " + signature + " (pg_get_functiondef cannot print an aggregate)");
				continue;
			}
			String definition = text(
					CatalogQuery.rows(connection, "function " + signature, "SELECT pg_get_functiondef(?::oid)", row[0])
						.get(0)[0]);
			SchemaObject function = new SchemaObject(Kind.FUNCTION, signature,
					PostgresSchemaReader.unqualifyFunction(definition, qualifier));
			switch ((int) number(row[3])) {
				case 0 -> this.beforeTables.add(function);
				case 1 -> this.afterTables.add(function);
				default -> this.afterViews.add(function);
			}
		}
		return this;
	}

	boolean isEmpty() {
		return this.beforeTables.isEmpty() && this.afterTables.isEmpty() && this.afterViews.isEmpty();
	}

	List<SchemaObject> beforeTables() {
		return this.beforeTables;
	}

	List<SchemaObject> afterTables() {
		return this.afterTables;
	}

	List<SchemaObject> afterViews() {
		return this.afterViews;
	}

	/** Aggregates, described. */
	List<String> unreadable() {
		return this.unreadable;
	}

}
