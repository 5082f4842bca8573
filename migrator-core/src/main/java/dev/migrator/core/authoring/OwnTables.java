package dev.migrator.core.authoring;

import dev.migrator.core.config.MigratorConfig;

import java.util.List;

/**
 * The migrator's own tables in a configuration (version, history, statement progress,
 * backfill progress and chunks, clients, fleet runs), which schema comparisons leave out
 * whatever they are named.
 */
final class OwnTables {

	private OwnTables() {
	}

	static List<String> of(MigratorConfig config) {
		String backfills = config.backfillSettings().table();
		return List.of(config.tables().versionTable(), config.tables().historyTable(), config.tables().progressTable(),
				backfills, config.backfillSettings().chunkTable(), config.compatibility().clientsTable(),
				config.fleetRunTable());
	}

}
