package dev.migrator.core.baseline;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

/**
 * A schema-only dump of a database's current schema, one sorted line per fact, from
 * catalog queries: the round trip compares two of them where it would compare
 * {@code pg_dump --schema-only} (no pg_dump binary of the server's version is at hand).
 * Every fact is printed by the catalog's own functions, so two equal dumps are two equal
 * schemas; object ids, which differ between databases, are left out, and a column's place
 * is its rank among the columns still there (a dropped column leaves a gap in attnum that
 * a recreated table has not).
 */
final class CatalogDump {

	private static final String IN_SCHEMA = "relnamespace = current_schema()::regnamespace";

	private static final List<String> POSTGRES = List.of(
			"""
					SELECT 'relation ' || relname || ' kind=' || relkind::text || ' persistence=' || relpersistence::text
					  || ' partition-key=' || coalesce(pg_get_partkeydef(oid), '') || ' bound='
					  || coalesce(pg_get_expr(relpartbound, oid), '') || ' options=' || coalesce(array_to_string(reloptions, ','), '')
					  || ' populated=' || relispopulated || ' row-security=' || relrowsecurity || ' forced=' || relforcerowsecurity
					FROM pg_class WHERE %s AND relkind IN ('r', 'p', 'v', 'm', 'S', 'c', 'f')"""
				.formatted(IN_SCHEMA),
			"""
					SELECT 'column ' || c.relname || '.' || a.attname || ' #'
					|| row_number() OVER (PARTITION BY a.attrelid ORDER BY a.attnum) || ' ' || format_type(a.atttypid, a.atttypmod)
					  || ' not-null=' || a.attnotnull || ' default=' || coalesce(pg_get_expr(d.adbin, d.adrelid), '')
					  || ' identity=' || a.attidentity::text || ' generated=' || a.attgenerated::text
					  || ' collation=' || coalesce(a.attcollation::regcollation::text, '')
					FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
					LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
					WHERE c.%s AND c.relkind IN ('r', 'p', 'v', 'm', 'c', 'f') AND a.attnum > 0 AND NOT a.attisdropped"""
				.formatted(IN_SCHEMA),
			"""
					SELECT 'constraint ' || coalesce(c.relname, t.typname) || ' ' || con.conname || ' ' || con.contype::text || ' '
					  || pg_get_constraintdef(con.oid) || ' validated=' || con.convalidated || ' local=' || con.conislocal
					FROM pg_constraint con LEFT JOIN pg_class c ON c.oid = con.conrelid LEFT JOIN pg_type t ON t.oid = con.contypid
					WHERE con.connamespace = current_schema()::regnamespace""",
			"""
					SELECT 'index ' || pg_get_indexdef(i.oid) || ' valid=' || x.indisvalid
					FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid WHERE i.%s""".formatted(IN_SCHEMA),
			"""
					SELECT 'type ' || t.typname || ' kind=' || t.typtype::text || ' base=' || format_type(t.typbasetype, t.typtypmod)
					  || ' not-null=' || t.typnotnull || ' default=' || coalesce(t.typdefault, '')
					  || ' labels=' || coalesce((SELECT string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) FROM pg_enum e
					    WHERE e.enumtypid = t.oid), '')
					FROM pg_type t WHERE t.typnamespace = current_schema()::regnamespace AND t.typtype IN ('e', 'd', 'c')
					  AND (t.typtype <> 'c' OR (SELECT relkind FROM pg_class WHERE oid = t.typrelid) = 'c')""",
			"""
					SELECT 'sequence ' || c.relname || ' ' || format_type(s.seqtypid, NULL) || ' start=' || s.seqstart
					  || ' increment=' || s.seqincrement || ' min=' || s.seqmin || ' max=' || s.seqmax || ' cache=' || s.seqcache
					  || ' cycle=' || s.seqcycle || ' owner=' || coalesce((SELECT t.relname || '.' || a.attname || ' ' || d.deptype::text
					    FROM pg_depend d JOIN pg_class t ON t.oid = d.refobjid
					    JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
					    WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.refclassid = 'pg_class'::regclass
					      AND d.deptype IN ('a', 'i')), '')
					FROM pg_class c JOIN pg_sequence s ON s.seqrelid = c.oid WHERE c.%s"""
				.formatted(IN_SCHEMA),
			"""
					SELECT 'view ' || relname || ' ' || pg_get_viewdef(oid) FROM pg_class
					WHERE %s AND relkind IN ('v', 'm')""".formatted(IN_SCHEMA),
			"""
					SELECT 'function ' || CASE WHEN prokind = 'a' THEN proname || ' aggregate' ELSE pg_get_functiondef(oid) END
					FROM pg_proc WHERE pronamespace = current_schema()::regnamespace""",
			"""
					SELECT 'trigger ' || pg_get_triggerdef(t.oid) || ' enabled=' || t.tgenabled::text FROM pg_trigger t
					JOIN pg_class c ON c.oid = t.tgrelid WHERE c.%s AND NOT t.tgisinternal""".formatted(IN_SCHEMA),
			"""
					SELECT 'extension ' || extname FROM pg_extension WHERE extnamespace = current_schema()::regnamespace""",
			"""
							SELECT 'policy ' || tablename || '.' || policyname || ' ' || permissive || ' ' || array_to_string(roles, ',')
					  || ' ' || cmd || ' using=' || coalesce(qual, '') || ' check=' || coalesce(with_check, '')
					FROM pg_policies WHERE schemaname = current_schema()""",
			"""
					SELECT 'rule ' || pg_get_ruledef(r.oid) FROM pg_rewrite r JOIN pg_class c ON c.oid = r.ev_class
					WHERE c.relnamespace = current_schema()::regnamespace AND r.rulename <> '_RETURN'""", """
							SELECT 'statistics ' || pg_get_statisticsobjdef(oid) FROM pg_statistic_ext
					WHERE stxnamespace = current_schema()::regnamespace""",
			"""
					SELECT 'comment ' || pg_describe_object(classoid, objoid, objsubid) || ' = ' || description
									FROM pg_description WHERE (pg_identify_object(classoid, objoid, objsubid)).schema = current_schema()""");

	private static final List<String> SQLITE = List
		.of("SELECT type || ' ' || name || ' on ' || tbl_name || ': ' || coalesce(sql, '(automatic)') FROM sqlite_master");

	private CatalogDump() {
	}

	static List<String> postgres(DataSource dataSource) throws SQLException {
		return dump(dataSource, POSTGRES);
	}

	static List<String> sqlite(DataSource dataSource) throws SQLException {
		return dump(dataSource, SQLITE);
	}

	private static List<String> dump(DataSource dataSource, List<String> queries) throws SQLException {
		List<String> lines = new ArrayList<>();
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			for (String query : queries) {
				try (ResultSet rs = statement.executeQuery(query)) {
					while (rs.next()) {
						lines.add(rs.getString(1));
					}
				}
			}
		}
		return lines.stream().sorted().toList();
	}

}
