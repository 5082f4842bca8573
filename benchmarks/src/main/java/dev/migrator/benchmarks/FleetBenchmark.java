package dev.migrator.benchmarks;

import dev.migrator.benchmarks.JobProcess.Database;
import dev.migrator.core.Migrator;
import dev.migrator.core.config.MigratorConfig;
import dev.migrator.core.fleet.FleetResult;
import dev.migrator.core.script.PhaseFilter;
import dev.migrator.testsupport.TestPostgres;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;

/**
 * A fleet of tenant schemas, each taking the same five revisions, against the loops users
 * write today (issue 16): Flyway's API in a loop in one JVM
 * ({@code Flyway.configure().schemas(tenant)...migrate()} per tenant), one JVM per tenant
 * through Spring Boot's Flyway integration ({@code spring.flyway.schemas}), and
 * migrator's fleet ({@code migrator.fleet.schemas}) at parallelism 1, 4 and 8. Every
 * approach starts from a fresh database holding the empty tenant schemas and migrates
 * them all; the in-process ones share a Hikari pool of the same size (the largest
 * parallelism and two more), as a job would have.
 *
 * <p>
 * One JVM per tenant costs a whole Spring Boot start per tenant, so it runs on a sample
 * of the tenants ({@code bootSample}, 20 by default) and its rate is extrapolated to the
 * fleet: the time per tenant is the sample's. The output says so.
 *
 * <p>
 * Prints the time, targets per second and the ratio to the Flyway loop of each approach,
 * and checks that every tenant has its five revisions recorded. Arguments:
 * {@code tenants[,bootSample]}, such as {@code 1000,20}.
 */
public final class FleetBenchmark {

	private static final int REVISIONS = 5;

	private static final int[] PARALLELISM = { 1, 4, 8 };

	private static final String TENANTS = "SELECT nspname FROM pg_namespace WHERE nspname LIKE 'tenant\\_%' "
			+ "ORDER BY nspname";

	private FleetBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		String[] parts = (args.length == 0) ? new String[0] : args[0].split(",");
		int tenants = (parts.length > 0) ? Integer.parseInt(parts[0].trim()) : 1_000;
		int bootSample = Math.min(tenants, (parts.length > 1) ? Integer.parseInt(parts[1].trim()) : 20);

		Path folder = Files.createTempDirectory("migrator-fleet-bench");
		Path migratorHistory = folder.resolve("migrator");
		Path flywayHistory = folder.resolve("flyway");
		writeHistories(migratorHistory, flywayHistory);
		TestPostgres server = TestPostgres.shared();
		int poolSize = PARALLELISM[PARALLELISM.length - 1] + 2;
		Map<String, Result> results = new LinkedHashMap<>();

		String flywayUrl = tenantDatabase(server, tenants);
		results.put("Flyway API in a loop, one JVM", timed(() -> {
			try (HikariDataSource pool = pool(server, flywayUrl, poolSize)) {
				for (String tenant : strings(pool, TENANTS)) {
					Flyway.configure()
						.dataSource(pool)
						.schemas(tenant)
						.locations("filesystem:" + flywayHistory)
						.load()
						.migrate();
				}
				expectApplied(pool, tenants, "flyway_schema_history WHERE success AND version IS NOT NULL");
			}
		}));

		ChildClasspath flywayBoot = ChildClasspath.of(BootIntegration.FLYWAY, System.getProperty("java.class.path"));
		JobProcess process = new JobProcess(folder.resolve("child.log"));
		String bootLabel = "Spring Boot + Flyway, one JVM per tenant (" + bootSample + " sampled, extrapolated)";
		String bootUrl = tenantDatabase(server, tenants);
		Database bootDatabase = new Database(bootUrl, server.user(), server.password());
		List<String> bootTenants;
		try (HikariDataSource pool = pool(server, bootUrl, 2)) {
			bootTenants = strings(pool, TENANTS).subList(0, bootSample);
		}
		// A JVM start of the same child before the clock runs: the file system cache,
		// not the first tenant, pays for reading the jars.
		process.run(flywayBoot, bootArguments(flywayHistory, bootTenants.get(0)), bootDatabase);
		Result sample = timed(() -> {
			for (String tenant : bootTenants.subList(1, bootTenants.size())) {
				process.run(flywayBoot, bootArguments(flywayHistory, tenant), bootDatabase);
			}
		});
		// The warm-up migrated the first tenant; the clock covered the others.
		results.put(bootLabel, sample.extrapolated(Math.max(1, bootSample - 1), tenants));

		for (int parallelism : PARALLELISM) {
			String url = tenantDatabase(server, tenants);
			results.put("migrator fleet, parallelism " + parallelism, timed(() -> {
				try (HikariDataSource pool = pool(server, url, poolSize)) {
					FleetResult result = Migrator
						.create(MigratorConfig.builder()
							.dataSource(pool)
							.locations("filesystem:" + migratorHistory)
							.fleetSchemas(TENANTS)
							.fleetParallelism(parallelism)
							.build())
						.fleet()
						.upgrade("heads", PhaseFilter.ALL);
					if (!result.succeeded() || result.targets().size() != tenants) {
						throw new IllegalStateException("The fleet did not migrate every tenant: " + result);
					}
					expectApplied(pool, tenants,
							"migrator_history WHERE direction = 'upgrade' AND outcome = 'success'");
				}
			}));
		}

		print(tenants, results);
		try (var paths = Files.walk(folder)) {
			paths.sorted(Comparator.reverseOrder()).forEach((p) -> p.toFile().delete());
		}
		System.exit(0);
	}

	private static List<String> bootArguments(Path flywayHistory, String tenant) {
		return List.of("--spring.flyway.locations=filesystem:" + flywayHistory, "--spring.flyway.schemas=" + tenant);
	}

	/**
	 * Five tenant-agnostic revisions in both formats: two tables, an index, a column and
	 * a row.
	 */
	private static void writeHistories(Path migrator, Path flyway) throws Exception {
		Files.createDirectories(migrator);
		Files.createDirectories(flyway);
		List<String> statements = List.of("CREATE TABLE accounts (id bigint PRIMARY KEY, name text NOT NULL)",
				"CREATE TABLE invoices (id bigint PRIMARY KEY, account_id bigint NOT NULL REFERENCES accounts (id), "
						+ "total numeric(12, 2) NOT NULL)",
				"CREATE INDEX invoices_account ON invoices (account_id)", "ALTER TABLE accounts ADD COLUMN email text",
				"INSERT INTO accounts (id, name) VALUES (1, 'first')");
		for (int i = 0; i < statements.size(); i++) {
			String id = String.format(Locale.ROOT, "r%d", i + 1);
			String parent = (i == 0) ? "" : "-- migrator:revises r" + i + "\n";
			Files.writeString(migrator.resolve(id + ".sql"), "-- migrator:revision " + id + "\n" + parent
					+ "-- migrator:message step " + (i + 1) + "\n-- migrator:upgrade\n" + statements.get(i) + ";\n");
			Files.writeString(flyway.resolve("V" + (i + 1) + "__step_" + (i + 1) + ".sql"), statements.get(i) + ";\n");
		}
	}

	/** A fresh database with the empty tenant schemas, created before the clock runs. */
	private static String tenantDatabase(TestPostgres server, int tenants) throws Exception {
		String url = server.createDatabase();
		try (Connection connection = server.connect(url); Statement statement = connection.createStatement()) {
			for (int i = 0; i < tenants; i++) {
				statement.addBatch(String.format(Locale.ROOT, "CREATE SCHEMA tenant_%05d", i));
			}
			statement.executeBatch();
		}
		return url;
	}

	private static HikariDataSource pool(TestPostgres server, String url, int size) {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(url);
		config.setUsername(server.user());
		config.setPassword(server.password());
		config.setMaximumPoolSize(size);
		return new HikariDataSource(config);
	}

	private static List<String> strings(javax.sql.DataSource dataSource, String sql) throws Exception {
		List<String> values = new ArrayList<>();
		try (Connection connection = dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(sql)) {
			while (rows.next()) {
				values.add(rows.getString(1));
			}
		}
		return values;
	}

	/** Every tenant's history table must record the five revisions as applied. */
	private static void expectApplied(javax.sql.DataSource dataSource, int tenants, String tableAndCondition)
			throws Exception {
		for (String tenant : strings(dataSource, TENANTS)) {
			List<String> count = strings(dataSource, "SELECT count(*) FROM " + tenant + "." + tableAndCondition);
			if (Integer.parseInt(count.get(0)) != REVISIONS) {
				throw new IllegalStateException(tenant + " recorded " + count.get(0) + " revisions, not " + REVISIONS);
			}
		}
	}

	private static Result timed(Work work) throws Exception {
		long start = System.nanoTime();
		work.run();
		return new Result((System.nanoTime() - start) / 1e9);
	}

	private static void print(int tenants, Map<String, Result> results) {
		double flyway = results.values().iterator().next().seconds();
		System.out.printf(Locale.ROOT, "%nFleet of %d tenant schemas x %d revisions, on %d cores%n", tenants, REVISIONS,
				Runtime.getRuntime().availableProcessors());
		System.out.printf(Locale.ROOT, "%-72s %12s %12s %16s%n", "approach", "seconds", "targets/s", "vs Flyway loop");
		results.forEach((label, result) -> System.out.printf(Locale.ROOT, "%-72s %12.1f %12.1f %15.2fx%n", label,
				result.seconds(), tenants / result.seconds(), flyway / result.seconds()));
		System.out.println("(ratio above 1: faster than Flyway's API in a loop. The one-JVM-per-tenant time is the "
				+ "sample's time per tenant times the fleet.)");
	}

	@FunctionalInterface
	private interface Work {

		void run() throws Exception;

	}

	/**
	 * @param seconds the wall time for the whole fleet
	 */
	private record Result(double seconds) {

		/**
		 * The time for {@code fleet} targets at the time per target of this one, measured
		 * on {@code measured} targets.
		 */
		Result extrapolated(int measured, int fleet) {
			return new Result(this.seconds / measured * fleet);
		}

	}

}
