package dev.migrator.core.backfill;

import dev.migrator.testsupport.TestDataSources;

import dev.migrator.core.Migrator;
import dev.migrator.core.script.Backfill;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A backfill that fails on a row's value stores, reports and throws the shape of the
 * error, never the value.
 */
class BackfillRedactionTests {

	@Test
	void aBadCastLeavesNoRowValueInTheStoredErrorTheStatusOrTheListeners() throws Exception {
		DataSource dataSource = TestDataSources.freshPostgres();
		BackfillDatabases.createItems(dataSource, 3);
		BackfillDatabases.execute(dataSource, "ALTER TABLE items ADD COLUMN email text");
		BackfillDatabases.execute(dataSource, "UPDATE items SET email = 'ada' || id || '@example.com'");
		Backfill backfill = Backfill.builder("cast").table("items").key("id").set("counter = email::integer").build();
		List<BatchFailure> failures = new CopyOnWriteArrayList<>();
		Migrator migrator = BackfillDatabases.upgradedMigrator(dataSource, backfill,
				(builder) -> builder.backfillListener(new BackfillListener() {

					@Override
					public void batchFailed(BatchFailure failure) {
						failures.add(failure);
					}

				}));

		assertThatExceptionOfType(BackfillFailedException.class).isThrownBy(() -> migrator.backfills().run("cast"))
			.satisfies((ex) -> assertThat(ex.getMessage()).contains("invalid input syntax for type integer: \"…\"")
				.doesNotContain("example.com"));

		BackfillStatus status = migrator.backfills().status("cast");
		assertThat(status.state()).isEqualTo(BackfillState.FAILED);
		assertThat(status.lastError()).hasValueSatisfying(
				(error) -> assertThat(error).contains("invalid input syntax for type integer: \"…\"", "22P02")
					.doesNotContain("example.com"));
		assertThat(BackfillDatabases.string(dataSource, "SELECT last_error FROM migrator_backfill"))
			.doesNotContain("example.com");
		assertThat(failures).isNotEmpty()
			.allSatisfy((failure) -> assertThat(failure.error()).doesNotContain("example.com"));
	}

}
