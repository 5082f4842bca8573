package dev.migrator.core.authoring;

import dev.migrator.core.baseline.ExcludedTables;
import dev.migrator.core.config.MigratorConfig;

import java.util.List;
import java.util.stream.Stream;

/**
 * The bookkeeping tables that schema comparisons leave out whatever they are named:
 * migrator's own in a configuration (version, history, statement progress, backfill
 * progress and chunks, clients, fleet runs), and the version tables of the tools a
 * database was brought over from (Flyway, Liquibase, Alembic), which no revision creates
 * and which a baseline or an import leaves in place.
 */
final class OwnTables {

	private OwnTables() {
	}

	static List<String> of(MigratorConfig config) {
		String backfills = config.backfillSettings().table();
		return Stream
			.concat(Stream.of(config.tables().versionTable(), config.tables().historyTable(),
					config.tables().progressTable(), backfills, config.backfillSettings().chunkTable(),
					config.compatibility().clientsTable(), config.fleetRunTable()), ExcludedTables.OTHER_TOOLS.stream())
			.toList();
	}

}
