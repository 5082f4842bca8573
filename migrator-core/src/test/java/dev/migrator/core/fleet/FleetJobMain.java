package dev.migrator.core.fleet;

import dev.migrator.core.Migrator;
import dev.migrator.core.config.MigratorConfig;
import dev.migrator.core.script.PhaseFilter;
import dev.migrator.testsupport.TestDataSources;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

/**
 * One fleet job process, for tests that start several and kill one: upgrades the tenant
 * schemas of {@link FleetDatabase#QUERY} and the tenant databases listed in
 * {@link #DATABASES} (one fleet of both kinds, through a {@link FleetTargets} bean's
 * contract) to the heads, two at a time, and prints how the run ended. Arguments: JDBC
 * URL, user, password, revision location, lease in seconds. Exit code 0 when every target
 * succeeded, 1 otherwise.
 */
public final class FleetJobMain {

	/** The main database's list of tenant databases; empty when it has no such table. */
	static final String DATABASES = "SELECT url FROM tenant_databases ORDER BY position";

	private FleetJobMain() {
	}

	public static void main(String[] args) {
		DataSource main = TestDataSources.forUrl(args[0], args[1], args[2]);
		FleetTargets schemasAndDatabases = () -> {
			List<FleetTarget> targets = new ArrayList<>(new SchemaQuery(main, FleetDatabase.QUERY).list());
			if (new FleetDatabase(main)
				.count("SELECT count(*) FROM pg_tables WHERE tablename = 'tenant_databases'") > 0) {
				targets.addAll(new DatabaseQuery(main, DATABASES).list());
			}
			return targets;
		};
		Migrator migrator = Migrator.create(MigratorConfig.builder()
			.dataSource(main)
			.locations(args[3])
			.fleetTargets(schemasAndDatabases)
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
