package dev.migrator.core.backfill;

import dev.migrator.core.Migrator;
import dev.migrator.core.config.MigratorConfig;
import dev.migrator.testsupport.TestDataSources;

import java.time.Duration;

/**
 * A backfill job in a process of its own, for tests that kill it: runs one backfill from
 * a revision folder against a PostgreSQL database. Arguments: JDBC URL, user, password,
 * revision location, backfill name.
 */
public final class BackfillWorkerMain {

	private BackfillWorkerMain() {
	}

	public static void main(String[] args) {
		Migrator migrator = Migrator.create(MigratorConfig.builder()
			.dataSource(TestDataSources.postgres(args[0], args[1], args[2]))
			.locations(args[3])
			.backfillProgressInterval(Duration.ofMillis(500))
			.build());
		BackfillState state = migrator.backfills().run(args[4]).state();
		System.exit(state == BackfillState.DONE ? 0 : 3);
	}

}
