package dev.migrator.core.fleet;

import dev.migrator.core.dialect.PostgresDialect;
import dev.migrator.testsupport.TestDataSources;

import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The run table's claims on real PostgreSQL: a live lease keeps a target from every other
 * process, an expired one lets the next process take it over (and the old owner's late
 * outcome no longer counts), a wave is claimable only once the waves before it succeeded,
 * and nothing is claimable once the budget is spent.
 */
class RunTableTests {

	private static final Duration LEASE = Duration.ofMinutes(5);

	private static final String RUN = "upgrade to heads";

	private final FleetDatabase database = new FleetDatabase(TestDataSources.freshPostgres());

	private final RunTable table = new RunTable(new PostgresDialect(), Optional.empty(), "fleet_run");

	private final List<FleetTarget> targets = List.of(FleetTarget.schema("a"), FleetTarget.schema("b"),
			FleetTarget.schema("c"));

	@Test
	void aLiveLeaseKeepsATargetFromOthersAndAnExpiredOneIsTakenOver() throws Exception {
		try (Connection connection = this.database.dataSource().getConnection()) {
			this.table.register(connection, RUN, this.targets, new int[] { 0, 0, 0 }, LEASE);
			assertThat(this.table.claim(connection, RUN, "dead", LEASE, 0)).contains(FleetTarget.schema("a"));
			assertThat(this.table.claim(connection, RUN, "alive", LEASE, 0)).contains(FleetTarget.schema("b"));
			assertThat(this.table.claim(connection, RUN, "alive", LEASE, 0)).contains(FleetTarget.schema("c"));
			assertThat(this.table.claim(connection, RUN, "alive", LEASE, 0)).isEmpty();

			this.database
				.execute("UPDATE fleet_run SET lease_until = now() - interval '1 second' WHERE owner = 'dead'");

			assertThat(this.table.claim(connection, RUN, "alive", LEASE, 0)).contains(FleetTarget.schema("a"));
			assertThat(
					this.table.finish(connection, RUN, FleetTarget.schema("a"), "dead", TargetOutcome.success("late")))
				.isFalse();
			assertThat(
					this.table.finish(connection, RUN, FleetTarget.schema("a"), "alive", TargetOutcome.success("done")))
				.isTrue();
			assertThat(this.database.strings("SELECT attempts || ' ' || detail FROM fleet_run WHERE target = 'a'"))
				.containsExactly("2 done");
		}
	}

	@Test
	void aWaveIsClaimableOnlyOnceEveryTargetBeforeItSucceeded() throws Exception {
		try (Connection connection = this.database.dataSource().getConnection()) {
			this.table.register(connection, RUN, this.targets, new int[] { 0, 1, 1 }, LEASE);
			assertThat(this.table.claim(connection, RUN, "one", LEASE, 5)).contains(FleetTarget.schema("a"));
			assertThat(this.table.claim(connection, RUN, "two", LEASE, 5)).isEmpty();
			assertThat(this.table.over(connection, RUN, 5)).isFalse();

			this.table.finish(connection, RUN, FleetTarget.schema("a"), "one", TargetOutcome.failure("broken"));

			assertThat(this.table.claim(connection, RUN, "two", LEASE, 5)).isEmpty();
			assertThat(this.table.over(connection, RUN, 5)).as("blocked by the failed canary").isTrue();
		}
	}

	@Test
	void nothingIsClaimableOnceMoreTargetsFailedThanTheBudgetAllows() throws Exception {
		try (Connection connection = this.database.dataSource().getConnection()) {
			this.table.register(connection, RUN, this.targets, new int[] { 0, 0, 0 }, LEASE);
			FleetTarget first = this.table.claim(connection, RUN, "one", LEASE, 0).orElseThrow();
			this.table.finish(connection, RUN, first, "one", TargetOutcome.failure("broken"));

			assertThat(this.table.claim(connection, RUN, "one", LEASE, 0)).isEmpty();
			assertThat(this.table.over(connection, RUN, 0)).isTrue();
			assertThat(this.table.claim(connection, RUN, "one", LEASE, 1)).isPresent();
		}
	}

}
