package dev.migrator.core.fleet;

import dev.migrator.core.Migrator;
import dev.migrator.core.backfill.BackfillState;
import dev.migrator.core.backfill.BackfillStatus;
import dev.migrator.core.config.MigratorConfig;
import dev.migrator.core.script.PhaseFilter;
import dev.migrator.testsupport.TestDataSources;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Backfills on a fleet (real PostgreSQL): run on every tenant through the run table under
 * a key of their own, so that two processes started together split the tenants; each
 * tenant's backfill state is its own, and one paused on a tenant fails that tenant alone.
 */
class FleetBackfillTests {

	private static final int TENANTS = 6;

	@TempDir
	Path temp;

	private FleetDatabase database;

	private String location;

	@BeforeEach
	void setUp() throws Exception {
		this.database = new FleetDatabase(TestDataSources.freshPostgres());
		this.database.createTenants(TENANTS);
		Path folder = this.temp.resolve("revisions");
		this.location = FleetDatabase.writeRevisions(folder, 0);
		Files.writeString(folder.resolve("r4.sql"), """
				-- migrator:revision r4
				-- migrator:revises r3
				-- migrator:phase migrate
				-- migrator:backfill accounts_status
				-- migrator:backfill-table accounts
				-- migrator:backfill-key id
				-- migrator:backfill-set status = 'active'
				-- migrator:backfill-where status IS NULL
				-- migrator:backfill-batch-size 10
				-- migrator:backfill-pause 0ms
				-- migrator:upgrade
				ALTER TABLE accounts ADD COLUMN status text;
				INSERT INTO accounts (id, name) SELECT g, 'n' FROM generate_series(2, 40) g;
				-- migrator:downgrade
				ALTER TABLE accounts DROP COLUMN status;
				""");
		Migrator upgrade = migrator(false);
		upgrade.fleet().upgrade("heads", PhaseFilter.ALL);
	}

	private Migrator migrator(boolean backfillsOnUpgrade) {
		return Migrator.create(MigratorConfig.builder()
			.dataSource(this.database.dataSource())
			.locations(this.location)
			.runBackfillsOnUpgrade(backfillsOnUpgrade)
			.fleetSchemas(FleetDatabase.QUERY)
			.fleetParallelism(2)
			.fleetMaxFailures(TENANTS)
			.build());
	}

	@Test
	void twoProcessesShareTheBackfillOfEveryTenantThroughTheRunTable() {
		for (String tenant : this.database.strings(FleetDatabase.QUERY)) {
			assertThat(this.database.count("SELECT count(*) FROM " + tenant + ".accounts WHERE status IS NULL"))
				.isEqualTo(40);
		}
		Migrator one = migrator(false);
		Migrator other = migrator(false);

		CompletableFuture<FleetResult> first = CompletableFuture
			.supplyAsync(() -> one.fleet().backfill(Optional.empty()));
		CompletableFuture<FleetResult> second = CompletableFuture
			.supplyAsync(() -> other.fleet().backfill(Optional.empty()));

		for (FleetResult result : List.of(first.join(), second.join())) {
			assertThat(result.succeeded()).isTrue();
			assertThat(result.runKey()).startsWith("backfill ");
			assertThat(result.targets()).hasSize(TENANTS)
				.allSatisfy((t) -> assertThat(t.detail()).contains("backfill: accounts_status done (40 rows)"));
		}
		assertThat(this.database.count("SELECT count(*) FROM migrator_version_fleet WHERE run_key LIKE 'backfill %' "
				+ "AND state = 'succeeded' AND attempts = 1"))
			.isEqualTo(TENANTS);
		for (String tenant : this.database.strings(FleetDatabase.QUERY)) {
			assertThat(this.database.count("SELECT count(*) FROM " + tenant + ".accounts WHERE status IS NULL"))
				.as(tenant)
				.isZero();
		}
		assertThat(this.database.tables("public")).containsExactly("migrator_version_fleet");
		assertThat(one.fleet().backfillStatus(Optional.of("accounts_status"))).hasSize(TENANTS)
			.allSatisfy((r) -> assertThat(r.value().orElseThrow()).singleElement()
				.extracting(BackfillStatus::state)
				.isEqualTo(BackfillState.DONE));
	}

	@Test
	void aBackfillPausedOnOneTenantFailsThatTenantAndTheOthersAreBackfilled() {
		Migrator.create(migrator(false).config().forFleetTarget(FleetTarget.schema("tenant_002")))
			.backfills()
			.pause("accounts_status");

		assertThatThrownBy(() -> migrator(false).fleet().backfill(Optional.empty()))
			.isInstanceOfSatisfying(FleetFailedException.class, (ex) -> {
				assertThat(ex.result().failures()).extracting((t) -> t.target().name()).containsExactly("tenant_002");
				assertThat(ex.result().countsByState()).containsEntry(TargetState.SUCCEEDED, TENANTS - 1);
			})
			.hasMessageContaining("accounts_status paused");
		assertThat(this.database.count("SELECT count(*) FROM tenant_002.accounts WHERE status IS NULL")).isEqualTo(40);
		assertThat(this.database.count("SELECT count(*) FROM tenant_003.accounts WHERE status IS NULL")).isZero();
	}

}
