package dev.migrator.core.baseline;

import dev.migrator.core.baseline.SchemaObject.Kind;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static dev.migrator.core.baseline.CatalogQuery.text;

/**
 * Reads the main database of a SQLite connection: SQLite keeps each table, index, view
 * and trigger as the SQL that created it (kept up to date by {@code ALTER TABLE}), which
 * is what recreates it. Tables come first, then indexes, views and triggers, each kind in
 * the order it was made. The tables SQLite makes for itself ({@code sqlite_*}, a virtual
 * table's shadow tables) are made again by what made them.
 */
final class SqliteSchemaReader implements SchemaReader {

	private static final String OBJECTS = """
			SELECT type, name, tbl_name, sql FROM sqlite_master
			WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'
			ORDER BY CASE type WHEN 'table' THEN 0 WHEN 'index' THEN 1 WHEN 'view' THEN 2 ELSE 3 END, rowid""";

	private static final String SHADOW_TABLES = "SELECT name FROM pragma_table_list WHERE schema = 'main' "
			+ "AND type = 'shadow'";

	@Override
	public LiveSchema read(Connection connection, ExcludedTables excluded) {
		Set<String> shadows = CatalogQuery.rows(connection, "the shadow tables", SHADOW_TABLES)
			.stream()
			.map((row) -> text(row[0]))
			.collect(Collectors.toSet());
		List<SchemaObject> objects = new ArrayList<>();
		for (Object[] row : CatalogQuery.rows(connection, "the schema (sqlite_master)", OBJECTS)) {
			String name = text(row[1]);
			if (excluded.excludes(text(row[2])) || shadows.contains(name)) {
				continue;
			}
			Kind kind = switch (text(row[0])) {
				case "table" -> Kind.TABLE;
				case "index" -> Kind.INDEX;
				case "view" -> Kind.VIEW;
				default -> Kind.TRIGGER;
			};
			objects.add(new SchemaObject(kind, name, text(row[3]).strip()));
		}
		List<Object[]> file = CatalogQuery.rows(connection, "the database file",
				"SELECT file FROM pragma_database_list WHERE name = 'main'");
		String where = file.isEmpty() || text(file.get(0)[0]) == null || text(file.get(0)[0]).isEmpty()
				? "an in-memory database" : "database " + Path.of(text(file.get(0)[0])).getFileName();
		return new LiveSchema("main schema of " + where, objects);
	}

}
