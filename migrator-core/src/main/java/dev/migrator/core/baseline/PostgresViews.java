package dev.migrator.core.baseline;

import dev.migrator.core.baseline.SchemaObject.Kind;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.migrator.core.baseline.CatalogQuery.flag;
import static dev.migrator.core.baseline.CatalogQuery.number;
import static dev.migrator.core.baseline.CatalogQuery.text;

/**
 * The views and materialized views of the current schema as pg_get_viewdef prints them,
 * each after the views it reads (a view replaced since it was made may read a newer one,
 * so the order they were made in is not enough).
 */
final class PostgresViews {

	private static final String VIEWS = """
			SELECT c.oid, c.relname, quote_ident(c.relname), c.relkind, array_to_string(c.reloptions, ', '),
			  c.relispopulated
			FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
			WHERE n.nspname = current_schema() AND c.relkind IN ('v', 'm') AND %s ORDER BY c.relname"""
		.formatted(PostgresSchemaReader.notInExtension("pg_class", "c.oid"));

	private static final String READS = """
			SELECT DISTINCT r.ev_class, d.refobjid FROM pg_rewrite r
			JOIN pg_depend d ON d.classid = 'pg_rewrite'::regclass AND d.objid = r.oid
			WHERE d.refclassid = 'pg_class'::regclass AND d.refobjid <> r.ev_class""";

	private final Connection connection;

	PostgresViews(Connection connection) {
		this.connection = connection;
	}

	List<SchemaObject> read() {
		Map<Long, SchemaObject> views = new LinkedHashMap<>();
		for (Object[] row : CatalogQuery.rows(this.connection, "the views", VIEWS)) {
			views.put(number(row[0]), view(row));
		}
		Map<Long, Set<Long>> reads = new HashMap<>();
		for (Object[] row : CatalogQuery.rows(this.connection, "the views' dependencies", READS)) {
			reads.computeIfAbsent(number(row[0]), (k) -> new HashSet<>()).add(number(row[1]));
		}
		List<SchemaObject> ordered = new ArrayList<>();
		Set<Long> done = new HashSet<>();
		for (Long view : views.keySet()) {
			add(view, views, reads, done, ordered);
		}
		return ordered;
	}

	private static void add(Long view, Map<Long, SchemaObject> views, Map<Long, Set<Long>> reads, Set<Long> done,
			List<SchemaObject> ordered) {
		if (!done.add(view)) {
			return;
		}
		for (Long read : reads.getOrDefault(view, Set.of())) {
			if (views.containsKey(read)) {
				add(read, views, reads, done, ordered);
			}
		}
		ordered.add(views.get(view));
	}

	private SchemaObject view(Object[] row) {
		String name = text(row[1]);
		boolean materialized = "m".equals(text(row[3]));
		String object = (materialized ? "materialized view " : "view ") + name;
		String definition = text(
				CatalogQuery.rows(this.connection, object, "SELECT pg_get_viewdef(?::oid)", number(row[0])).get(0)[0])
			.strip();
		if (definition.endsWith(";")) {
			definition = definition.substring(0, definition.length() - 1);
		}
		StringBuilder sql = new StringBuilder(materialized ? "CREATE MATERIALIZED VIEW " : "CREATE VIEW ")
			.append(text(row[2]));
		if (row[4] != null && !text(row[4]).isEmpty()) {
			sql.append(" WITH (").append(text(row[4])).append(')');
		}
		sql.append(" AS\n").append(definition);
		if (materialized && !flag(row[5])) {
			sql.append("\nWITH NO DATA");
		}
		return new SchemaObject(materialized ? Kind.MATERIALIZED_VIEW : Kind.VIEW, name, sql.toString());
	}

}
