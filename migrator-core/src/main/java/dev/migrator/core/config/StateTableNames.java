package dev.migrator.core.config;

import dev.migrator.core.error.ErrorCode;
import dev.migrator.core.error.MigratorException;
import dev.migrator.core.sql.UnquotedNames;

import java.util.List;

/**
 * The names of the tables the engine keeps in one schema (version, history, clients,
 * backfill progress and its chunk table), which must all differ: two settings naming one
 * table would have the engine write its rows of one kind into a table of another.
 * Compared without regard to ASCII case, as SQLite compares names.
 */
final class StateTableNames {

	private StateTableNames() {
	}

	static void requireDistinct(String versionTable, String historyTable, String clientsTable, String backfillTable) {
		List<Table> tables = List.of(new Table("version table", versionTable, "migrator.version-table"),
				new Table("history table", historyTable, "migrator.history-table"),
				new Table("clients table", clientsTable, "migrator.clients.table"),
				new Table("backfill progress table", backfillTable, "migrator.backfill.table"),
				new Table("backfill chunk table", backfillTable + "_chunk", "migrator.backfill.table plus _chunk"));
		for (int i = 0; i < tables.size(); i++) {
			for (int j = i + 1; j < tables.size(); j++) {
				Table first = tables.get(i);
				Table second = tables.get(j);
				if (UnquotedNames.same(first.name(), second.name())) {
					throw new MigratorException(ErrorCode.INVALID_CONFIGURATION, "The " + first.describe() + " and the "
							+ second.describe() + " name the same table. Give each state table its own name.");
				}
			}
		}
	}

	private record Table(String what, String name, String setting) {

		String describe() {
			return what() + " '" + name() + "' (" + setting() + ")";
		}

	}

}
