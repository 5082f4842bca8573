package dev.migrator.core.fleet;

import dev.migrator.core.Migrator;
import dev.migrator.core.config.MigratorConfig;
import dev.migrator.core.script.PhaseFilter;
import dev.migrator.testsupport.TestDataSources;

import java.time.Duration;

/**
 * One fleet job process, for tests that start several and kill one: upgrades the tenant
 * schemas of {@link FleetDatabase#QUERY} to the heads, two at a time, and prints how the
 * run ended. Arguments: JDBC URL, user, password, revision location, lease in seconds.
 * Exit code 0 when every target succeeded, 1 otherwise.
 */
public final class FleetJobMain {

	private FleetJobMain() {
	}

	public static void main(String[] args) {
		Migrator migrator = Migrator.create(MigratorConfig.builder()
			.dataSource(TestDataSources.forUrl(args[0], args[1], args[2]))
			.locations(args[3])
			.fleetSchemas(FleetDatabase.QUERY)
			.fleetParallelism(2)
			.fleetLease(Duration.ofSeconds(Long.parseLong(args[4])))
			.build());
		try {
			FleetResult result = migrator.fleet().upgrade("heads", PhaseFilter.ALL);
			System.out.println("fleet succeeded " + result.countsByState());
			System.exit(0);
		}
		catch (RuntimeException ex) {
			ex.printStackTrace(System.out);
			System.exit(1);
		}
	}

}
