package dev.migrator.core.fleet;

import dev.migrator.core.Migrator;
import dev.migrator.core.command.MigrationStatus;
import dev.migrator.core.compat.ClientInstance;
import dev.migrator.core.config.MigratorConfig;
import dev.migrator.core.error.MigratorException;
import dev.migrator.core.script.PhaseFilter;
import dev.migrator.testsupport.TestDataSources;

import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A fleet of tenant schemas on real PostgreSQL: the same tenant-agnostic revisions in
 * every schema, each with its own state tables, nothing in the shared schema but the run
 * table; bad target lists refused before anything runs.
 */
class FleetTests {

	@TempDir
	Path temp;

	private FleetDatabase database;

	private String location;

	@BeforeEach
	void setUp() {
		this.database = new FleetDatabase(TestDataSources.freshPostgres());
		this.location = FleetDatabase.writeRevisions(this.temp.resolve("revisions"), 0);
	}

	private Migrator migrator(UnaryOperator<MigratorConfig.Builder> fleet) {
		return Migrator.create(
				fleet.apply(MigratorConfig.builder().dataSource(this.database.dataSource()).locations(this.location))
					.build());
	}

	private Migrator fleetOf(String query) {
		return migrator((b) -> b.fleetSchemas(query).fleetParallelism(3));
	}

	@Test
	void upgradesEveryTenantInItsOwnSchemaWithItsOwnStateTablesAndCreatesNothingSharedButTheRunTable() {
		List<String> tenants = this.database.createTenants(7);
		Migrator migrator = fleetOf(FleetDatabase.QUERY);

		FleetResult result = migrator.fleet().upgrade("heads", PhaseFilter.ALL);

		assertThat(result.succeeded()).isTrue();
		assertThat(result.targets()).extracting((t) -> t.target().name()).containsExactlyElementsOf(tenants);
		assertThat(result.targets())
			.allSatisfy((t) -> assertThat(t.detail()).contains("upgrade 3 revision(s): base -> r3"));
		for (String tenant : tenants) {
			assertThat(this.database.tables(tenant)).contains("accounts", "invoices", "migrator_version",
					"migrator_history");
			assertThat(this.database.count("SELECT count(*) FROM " + tenant + ".accounts")).isOne();
			assertThat(this.database.strings("SELECT version_num FROM " + tenant + ".migrator_version"))
				.containsExactly("r3");
		}
		assertThat(this.database.tables("public")).containsExactly("migrator_version_fleet");
		assertThat(migrator.fleet().current()).allSatisfy((r) -> assertThat(r.value()).contains(Set.of("r3")));
		assertThat(migrator.fleet().status())
			.allSatisfy((r) -> assertThat(r.value().map(MigrationStatus::isUpToDate)).contains(true));
	}

	@Test
	void aPooledConnectionGoesBackWithTheSearchPathItCameWith() throws Exception {
		this.database.createTenants(1);
		try (Connection physical = this.database.dataSource().getConnection()) {
			// A pool of one: closing hands the same connection back for the next
			// borrower.
			Connection pooled = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(),
					new Class<?>[] { Connection.class },
					(proxy, method, args) -> method.getName().equals("close") ? null : method.invoke(physical, args));
			DataSource pool = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(),
					new Class<?>[] { DataSource.class }, (proxy, method, args) -> pooled);
			SearchPathDataSource tenant = new SearchPathDataSource(pool, new FleetTarget.Schema("tenant_000"));
			try (Connection connection = tenant.getConnection()) {
				assertThat(firstSchema(connection)).isEqualTo("tenant_000");
			}
			assertThat(firstSchema(physical)).isEqualTo("public");
		}
	}

	private static String firstSchema(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet row = statement.executeQuery("SELECT (current_schemas(false))[1]")) {
			row.next();
			return row.getString(1);
		}
	}

	@Test
	void anEmptyFleetSaysSoAndCreatesNothing() {
		FleetResult result = fleetOf(FleetDatabase.QUERY).fleet().upgrade("heads", PhaseFilter.ALL);

		assertThat(result.targets()).isEmpty();
		assertThat(result.succeeded()).isTrue();
		assertThat(this.database.tables("public")).isEmpty();
	}

	@Test
	void aFailingTargetQueryNamesTheSettingAndRunsNothing() {
		assertThatThrownBy(() -> fleetOf("SELECT name FROM no_such_table").fleet().upgrade("heads", PhaseFilter.ALL))
			.isInstanceOf(MigratorException.class)
			.hasMessageContaining("migrator.fleet.schemas")
			.hasMessageContaining("no_such_table")
			.extracting((ex) -> ((MigratorException) ex).code())
			.isEqualTo("fleet-targets-invalid");
		assertThat(this.database.tables("public")).isEmpty();
	}

	@Test
	void aTargetQueryReturningATenantTwiceIsRefusedBeforeAnythingRuns() {
		this.database.createTenants(2);
		assertThatThrownBy(
				() -> fleetOf("SELECT 'tenant_000' UNION ALL SELECT 'tenant_001' UNION ALL SELECT 'tenant_000'").fleet()
					.upgrade("heads", PhaseFilter.ALL))
			.hasMessageContaining("migrator.fleet.schemas")
			.hasMessageContaining("'tenant_000' twice");
		assertThat(this.database.tables("public")).isEmpty();
		assertThat(this.database.tables("tenant_001")).isEmpty();
	}

	@Test
	void aTargetQueryReturningNullIsRefusedBeforeAnythingRuns() {
		this.database.createTenants(1);
		assertThatThrownBy(
				() -> fleetOf("SELECT 'tenant_000' UNION ALL SELECT NULL").fleet().upgrade("heads", PhaseFilter.ALL))
			.hasMessageContaining("migrator.fleet.schemas")
			.hasMessageContaining("NULL in row 2");
		assertThat(this.database.tables("tenant_000")).isEmpty();
	}

	@Test
	void aSchemaThatDoesNotExistFailsItsTargetOnlyAndCreatesNothingShared() {
		this.database.createTenants(3);
		Migrator migrator = migrator((b) -> b
			.fleetSchemas("SELECT * FROM (VALUES ('tenant_000'), ('tenant_ghost'), ('tenant_001'), ('tenant_002')) v")
			.fleetMaxFailures(1));

		assertThatThrownBy(() -> migrator.fleet().upgrade("heads", PhaseFilter.ALL))
			.isInstanceOfSatisfying(FleetFailedException.class, (ex) -> {
				assertThat(ex.code()).isEqualTo("fleet-failed");
				assertThat(ex.result().failures()).extracting((t) -> t.target().name()).containsExactly("tenant_ghost");
				assertThat(ex.result().countsByState()).containsEntry(TargetState.SUCCEEDED, 3);
			})
			.hasMessageContaining("tenant_ghost: The schema 'tenant_ghost' does not exist");
		assertThat(this.database.tables("public")).containsExactly("migrator_version_fleet");
		assertThat(this.database.tables("tenant_002")).contains("accounts", "migrator_version");
	}

	@Test
	void theNextWaveStartsOnlyWhenTheOneBeforeSucceeded() {
		this.database.createTenants(10);
		Migrator migrator = migrator(
				(b) -> b.fleetSchemas(FleetDatabase.QUERY).fleetWaves("1,50%").fleetParallelism(4));

		FleetResult result = migrator.fleet().upgrade("heads", PhaseFilter.ALL);

		assertThat(result.targets()).extracting(TargetResult::wave).containsExactly(0, 1, 1, 1, 1, 2, 2, 2, 2, 2);
		// Each wave's first start comes after the last finish of the wave before it.
		for (int wave = 1; wave <= 2; wave++) {
			assertThat(this.database.count("SELECT count(*) FROM migrator_version_fleet a, migrator_version_fleet b "
					+ "WHERE a.wave = " + wave + " AND b.wave = " + (wave - 1) + " AND a.started_at < b.finished_at"))
				.isZero();
		}
	}

	@Test
	void aFailedCanaryStopsTheRolloutBeforeTheNextWave() {
		this.database.createTenants(6);
		Migrator migrator = migrator(
				(b) -> b.fleetSchemas("SELECT 'tenant_absent' UNION ALL (" + FleetDatabase.QUERY + ")")
					.fleetWaves("1,50%")
					.fleetParallelism(4)
					.fleetMaxFailures(5));

		assertThatThrownBy(() -> migrator.fleet().upgrade("heads", PhaseFilter.ALL))
			.isInstanceOfSatisfying(FleetFailedException.class, (ex) -> {
				assertThat(ex.result().failures()).extracting((t) -> t.target().name())
					.containsExactly("tenant_absent");
				assertThat(ex.result().countsByState()).containsEntry(TargetState.PENDING, 6);
			});
		for (String tenant : List.of("tenant_000", "tenant_005")) {
			assertThat(this.database.tables(tenant)).isEmpty();
		}
	}

	@Test
	void onceTheErrorBudgetIsSpentNoNewTargetStarts() {
		this.database.createTenants(6);
		Migrator migrator = migrator((b) -> b
			.fleetSchemas("SELECT * FROM (VALUES ('tenant_000'), ('tenant_gone1'), ('tenant_gone2'), ('tenant_gone3'), "
					+ "('tenant_001'), ('tenant_002')) v")
			.fleetParallelism(1)
			.fleetMaxFailures(1));

		assertThatThrownBy(() -> migrator.fleet().upgrade("heads", PhaseFilter.ALL))
			.isInstanceOfSatisfying(FleetFailedException.class, (ex) -> {
				assertThat(ex.result().budgetExceeded()).isTrue();
				assertThat(ex.result().failures()).extracting((t) -> t.target().name())
					.containsExactly("tenant_gone1", "tenant_gone2");
				assertThat(ex.result().countsByState()).containsEntry(TargetState.SUCCEEDED, 1)
					.containsEntry(TargetState.PENDING, 3);
			})
			.hasMessageContaining("more than the error budget (migrator.fleet.max-failures) of 1")
			.hasMessageContaining("tenant_gone1: The schema 'tenant_gone1' does not exist");
		assertThat(this.database.tables("tenant_001")).isEmpty();
	}

	@Test
	void theGuardBlocksAContractOnTheTenantWhoseOldInstanceLivesAndLetsTheOthersGo() throws Exception {
		this.database.createTenants(3);
		fleetOf(FleetDatabase.QUERY).fleet().upgrade("heads", PhaseFilter.ALL);
		Files.writeString(this.temp.resolve("revisions").resolve("r4.sql"),
				"-- migrator:revision r4\n-- migrator:revises r3\n-- migrator:message drop name\n"
						+ "-- migrator:phase contract\n-- migrator:upgrade\nALTER TABLE accounts DROP COLUMN name;\n");
		Migrator migrator = migrator((b) -> b.fleetSchemas(FleetDatabase.QUERY).fleetMaxFailures(1));
		Migrator.create(migrator.config().forFleetTarget(FleetTarget.schema("tenant_001")))
			.clientRegistry()
			.register(new ClientInstance("web-old", "shop", "1.0", Set.of("r3")));

		assertThatThrownBy(() -> migrator.fleet().upgrade("heads", PhaseFilter.ALL))
			.isInstanceOfSatisfying(FleetFailedException.class, (ex) -> {
				assertThat(ex.result().failures()).extracting((t) -> t.target().name()).containsExactly("tenant_001");
				assertThat(ex.result().countsByState()).containsEntry(TargetState.SUCCEEDED, 2);
			})
			.hasMessageContaining("web-old");
		assertThat(this.database.strings("SELECT version_num FROM tenant_000.migrator_version")).containsExactly("r4");
		assertThat(this.database.strings("SELECT version_num FROM tenant_001.migrator_version")).containsExactly("r3");
		assertThat(this.database.strings("SELECT version_num FROM tenant_002.migrator_version")).containsExactly("r4");
	}

	@Test
	void stampRecordsEveryTenantAtTheRevisionWithoutRunningAny() {
		List<String> tenants = this.database.createTenants(3);

		FleetResult result = fleetOf(FleetDatabase.QUERY).fleet().stamp("r2");

		assertThat(result.succeeded()).isTrue();
		assertThat(result.runKey()).startsWith("stamp r2 ");
		assertThat(result.targets()).allSatisfy((t) -> assertThat(t.detail()).contains("stamped r2"));
		for (String tenant : tenants) {
			assertThat(this.database.strings("SELECT version_num FROM " + tenant + ".migrator_version"))
				.containsExactly("r2");
			assertThat(this.database.tables(tenant)).doesNotContain("accounts", "invoices");
		}
	}

	@Test
	void wavesThatAreNotCountsOrSharesAreRefused() {
		assertThatThrownBy(() -> Waves.parse("1,ten%")).hasMessageContaining("migrator.fleet.waves")
			.hasMessageContaining("'ten%'");
		assertThatThrownBy(() -> Waves.parse("0,100%")).hasMessageContaining("'0'");
		assertThat(Waves.parse("1,10%,100%").assign(200)).containsSubsequence(0, 1, 2);
		int[] waves = Waves.parse("1,10%,100%").assign(200);
		assertThat(waves[0]).isZero();
		assertThat(waves[1]).isOne();
		assertThat(waves[19]).isOne();
		assertThat(waves[20]).isEqualTo(2);
		assertThat(waves[199]).isEqualTo(2);
	}

}
