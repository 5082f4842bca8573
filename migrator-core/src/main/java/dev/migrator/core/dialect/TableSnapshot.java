package dev.migrator.core.dialect;

import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A table as SQLite stores it, read just before a rebuild.
 *
 * @param name the table's name as stored
 * @param createSql its {@code CREATE TABLE} statement
 * @param columns its column names in order, generated ones included (from
 * {@code table_xinfo})
 * @param indexes the indexes created by {@code CREATE INDEX} (constraint indexes are part
 * of the table)
 * @param triggers the triggers on it
 * @param referencedBy the other tables whose foreign keys refer to it
 * @param foreignKeysEnforced whether {@code PRAGMA foreign_keys} is on for the connection
 * @param legacyAlterTable the connection's {@code PRAGMA legacy_alter_table}, restored
 * after the rebuild
 * @param sequence its {@code sqlite_sequence} value, when it has AUTOINCREMENT
 */
public record TableSnapshot(String name, String createSql, List<String> columns, List<NamedSql> indexes,
		List<NamedSql> triggers, List<String> referencedBy, boolean foreignKeysEnforced, boolean legacyAlterTable,
		OptionalLong sequence) {

	public TableSnapshot {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(createSql, "createSql");
		columns = List.copyOf(columns);
		indexes = List.copyOf(indexes);
		triggers = List.copyOf(triggers);
		referencedBy = List.copyOf(referencedBy);
		Objects.requireNonNull(sequence, "sequence");
	}

	/** A schema object's name and the SQL that created it. */
	public record NamedSql(String name, String sql) {

		public NamedSql {
			Objects.requireNonNull(name, "name");
			Objects.requireNonNull(sql, "sql");
		}

	}

}
