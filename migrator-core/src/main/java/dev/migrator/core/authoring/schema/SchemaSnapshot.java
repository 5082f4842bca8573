package dev.migrator.core.authoring.schema;

import java.util.Comparator;
import java.util.List;

/**
 * One schema as reflected: its tables and enum types, each sorted by name.
 *
 * @param tables the tables
 * @param enums the enum types (none on SQLite)
 */
public record SchemaSnapshot(List<TableShape> tables, List<EnumShape> enums) {

	public SchemaSnapshot {
		tables = tables.stream().sorted(Comparator.comparing(TableShape::name)).toList();
		enums = enums.stream().sorted(Comparator.comparing(EnumShape::name)).toList();
	}

}
