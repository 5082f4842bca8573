package dev.migrator.core.baseline;

import dev.migrator.core.baseline.SchemaObject.Kind;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

import static dev.migrator.core.baseline.CatalogQuery.text;

/**
 * The comments on the objects a baseline recreates ({@code COMMENT ON}), which other
 * tools write for their users (Liquibase's {@code remarks}, for one). They run last, once
 * every object they describe exists; those of an extension's objects come with the
 * extension.
 */
final class PostgresComments {

	private static final String IN_SCHEMA = "current_schema()::regnamespace";

	private static final String COMMENTS = """
			SELECT c.relname, CASE c.relkind WHEN 'v' THEN 'VIEW ' WHEN 'm' THEN 'MATERIALIZED VIEW '
			    WHEN 'S' THEN 'SEQUENCE ' ELSE 'TABLE ' END || quote_ident(c.relname), d.description
			  FROM pg_description d JOIN pg_class c ON d.classoid = 'pg_class'::regclass AND c.oid = d.objoid
			  WHERE d.objsubid = 0 AND c.relnamespace = %1$s AND c.relkind IN ('r', 'p', 'v', 'm', 'S')
			    AND %2$s
			UNION ALL
			SELECT t.relname, 'INDEX ' || quote_ident(c.relname), d.description
			  FROM pg_description d JOIN pg_class c ON d.classoid = 'pg_class'::regclass AND c.oid = d.objoid
			  JOIN pg_index x ON x.indexrelid = c.oid JOIN pg_class t ON t.oid = x.indrelid
			  WHERE c.relnamespace = %1$s AND c.relkind IN ('i', 'I')
			UNION ALL
			SELECT c.relname, 'COLUMN ' || quote_ident(c.relname) || '.' || quote_ident(a.attname), d.description
			  FROM pg_description d JOIN pg_class c ON d.classoid = 'pg_class'::regclass AND c.oid = d.objoid
			  JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = d.objsubid
			  WHERE d.objsubid > 0 AND c.relnamespace = %1$s AND c.relkind IN ('r', 'p', 'v', 'm', 'c') AND %2$s
			UNION ALL
			SELECT NULL, CASE t.typtype WHEN 'd' THEN 'DOMAIN ' ELSE 'TYPE ' END || quote_ident(t.typname), d.description
			  FROM pg_description d JOIN pg_type t ON d.classoid = 'pg_type'::regclass AND t.oid = d.objoid
			  WHERE t.typnamespace = %1$s AND t.typtype IN ('e', 'd', 'c') AND %3$s
			UNION ALL
			SELECT NULL, CASE p.prokind WHEN 'p' THEN 'PROCEDURE ' ELSE 'FUNCTION ' END || quote_ident(p.proname)
			    || '(' || pg_get_function_identity_arguments(p.oid) || ')', d.description
			  FROM pg_description d JOIN pg_proc p ON d.classoid = 'pg_proc'::regclass AND p.oid = d.objoid
			  WHERE p.pronamespace = %1$s AND p.prokind <> 'a' AND %4$s
			UNION ALL
			SELECT c.relname, 'CONSTRAINT ' || quote_ident(k.conname) || ' ON '
			    || coalesce(quote_ident(c.relname), 'DOMAIN ' || quote_ident(t.typname)), d.description
			  FROM pg_description d JOIN pg_constraint k ON d.classoid = 'pg_constraint'::regclass AND k.oid = d.objoid
			  LEFT JOIN pg_class c ON c.oid = k.conrelid LEFT JOIN pg_type t ON t.oid = k.contypid
			  WHERE k.connamespace = %1$s
			UNION ALL
			SELECT c.relname, 'TRIGGER ' || quote_ident(g.tgname) || ' ON ' || quote_ident(c.relname), d.description
			  FROM pg_description d JOIN pg_trigger g ON d.classoid = 'pg_trigger'::regclass AND g.oid = d.objoid
			  JOIN pg_class c ON c.oid = g.tgrelid WHERE c.relnamespace = %1$s
			ORDER BY 2"""
		.formatted(IN_SCHEMA, PostgresSchemaReader.notInExtension("pg_class", "c.oid"),
				PostgresSchemaReader.notInExtension("pg_type", "t.oid"),
				PostgresSchemaReader.notInExtension("pg_proc", "p.oid"));

	private PostgresComments() {
	}

	static List<SchemaObject> read(Connection connection, ExcludedTables excluded) {
		List<SchemaObject> comments = new ArrayList<>();
		for (Object[] row : CatalogQuery.rows(connection, "the comments", COMMENTS)) {
			if (row[0] == null || !excluded.excludes(text(row[0]))) {
				comments.add(new SchemaObject(Kind.COMMENT, text(row[1]),
						"COMMENT ON " + text(row[1]) + " IS " + literal(text(row[2]))));
			}
		}
		return comments;
	}

	private static String literal(String text) {
		return "'" + text.replace("'", "''") + "'";
	}

}
