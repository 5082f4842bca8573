package dev.migrator.core.baseline;

import dev.migrator.core.baseline.SchemaObject.Kind;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

import static dev.migrator.core.baseline.CatalogQuery.flag;
import static dev.migrator.core.baseline.CatalogQuery.text;
import static dev.migrator.core.baseline.CatalogQuery.texts;

/**
 * Row-level security: the tables that enable (or force) it and their policies, with the
 * roles they apply to by name (roles belong to the server, not the schema, so an empty
 * database on another server needs them made first).
 */
final class PostgresPolicies {

	private static final String TABLES = """
			SELECT c.relname, quote_ident(c.relname), c.relforcerowsecurity FROM pg_class c
			WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p') AND c.relrowsecurity
			ORDER BY c.relname""";

	private static final String POLICIES = """
			SELECT c.relname, quote_ident(p.polname), quote_ident(c.relname), p.polpermissive, p.polcmd,
			  ARRAY(SELECT CASE WHEN r = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(r)) END
			    FROM unnest(p.polroles) r ORDER BY 1),
			  pg_get_expr(p.polqual, p.polrelid), pg_get_expr(p.polwithcheck, p.polrelid), p.polname
			FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid
			WHERE c.relnamespace = current_schema()::regnamespace ORDER BY c.relname, p.polname""";

	private PostgresPolicies() {
	}

	static List<SchemaObject> read(Connection connection, ExcludedTables excluded) {
		List<SchemaObject> statements = new ArrayList<>();
		for (Object[] row : CatalogQuery.rows(connection, "the tables with row-level security", TABLES)) {
			if (!excluded.excludes(text(row[0]))) {
				statements.add(new SchemaObject(Kind.ROW_SECURITY, text(row[0]),
						"ALTER TABLE " + text(row[1]) + " ENABLE ROW LEVEL SECURITY"));
				if (flag(row[2])) {
					statements.add(new SchemaObject(Kind.ROW_SECURITY, text(row[0]),
							"ALTER TABLE " + text(row[1]) + " FORCE ROW LEVEL SECURITY"));
				}
			}
		}
		for (Object[] row : CatalogQuery.rows(connection, "the row-level security policies", POLICIES)) {
			if (excluded.excludes(text(row[0]))) {
				continue;
			}
			StringBuilder sql = new StringBuilder("CREATE POLICY ").append(text(row[1]))
				.append(" ON ")
				.append(text(row[2]))
				.append(flag(row[3]) ? " AS PERMISSIVE" : " AS RESTRICTIVE")
				.append(" FOR ")
				.append(command(text(row[4])))
				.append(" TO ")
				.append(String.join(", ", texts(row[5])));
			if (row[6] != null) {
				sql.append(" USING (").append(text(row[6])).append(')');
			}
			if (row[7] != null) {
				sql.append(" WITH CHECK (").append(text(row[7])).append(')');
			}
			statements.add(new SchemaObject(Kind.POLICY, text(row[0]) + "." + text(row[8]), sql.toString()));
		}
		return statements;
	}

	private static String command(String code) {
		return switch (code) {
			case "r" -> "SELECT";
			case "a" -> "INSERT";
			case "w" -> "UPDATE";
			case "d" -> "DELETE";
			default -> "ALL";
		};
	}

}
