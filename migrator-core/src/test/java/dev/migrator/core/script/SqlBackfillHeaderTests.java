package dev.migrator.core.script;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

import org.assertj.core.api.ThrowableAssertAlternative;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The {@code backfill*} header lines of a SQL revision file. */
class SqlBackfillHeaderTests {

	private static final String LOCATION = "classpath:db/revisions/0004_users_status.sql";

	private static final String HEAD = "-- migrator:revision 0004_users_status\n-- migrator:backfill users_status\n";

	private static final String REQUIRED = "-- migrator:backfill-table users\n-- migrator:backfill-key id\n"
			+ "-- migrator:backfill-set status = 'active'\n";

	private final SqlRevisionParser parser = new SqlRevisionParser();

	@Test
	void readsEveryBackfillKey() {
		Revision revision = this.parser.parse(LOCATION, """
				-- migrator:revision 0004_users_status
				-- migrator:phase migrate
				-- migrator:backfill users_status
				-- migrator:backfill-table app.users
				-- migrator:backfill-key tenant_id, id
				-- migrator:backfill-set status = 'active';
				-- migrator:backfill-where status IS NULL
				-- migrator:backfill-batch-size 500-20000
				-- migrator:backfill-target-duration 2s
				-- migrator:backfill-pause 250ms
				-- migrator:backfill-max-lag 16MB, 10s
				-- migrator:upgrade
				ALTER TABLE app.users ALTER COLUMN status SET DEFAULT 'active';
				""");

		assertThat(revision.phase()).isEqualTo(Phase.MIGRATE);
		assertThat(revision.backfills()).singleElement().satisfies((backfill) -> {
			assertThat(backfill.name()).isEqualTo("users_status");
			assertThat(backfill.table()).isEqualTo("app.users");
			assertThat(backfill.schema()).contains("app");
			assertThat(backfill.tableName()).isEqualTo("users");
			assertThat(backfill.keyColumns()).containsExactly("tenant_id", "id");
			assertThat(backfill.action()).isEqualTo(new BackfillAction.SetExpression("status = 'active'"));
			assertThat(backfill.where()).contains("status IS NULL");
			assertThat(backfill.batchSize()).isEqualTo(new BatchSizeBounds(500, 20000, 500));
			assertThat(backfill.targetDuration()).isEqualTo(Duration.ofSeconds(2));
			assertThat(backfill.pause()).isEqualTo(Duration.ofMillis(250));
			assertThat(backfill.maxLag())
				.isEqualTo(LagLimits.of(OptionalLong.of(16L << 20), Optional.of(Duration.ofSeconds(10))));
		});
		assertThat(revision.upgrade()).isEqualTo(new MigrationBody.Sql(java.util.List
			.of(new SqlStatement("ALTER TABLE app.users ALTER COLUMN status SET DEFAULT 'active'", 13))));
	}

	@Test
	void aRevisionMayBeOnlyABackfillWithNoOrAnEmptyUpgradeSectionAndKeepsItsPhase() {
		Revision bare = this.parser.parse(LOCATION, HEAD + REQUIRED);
		Revision empty = this.parser.parse(LOCATION, HEAD + REQUIRED + "-- migrator:upgrade\n-- nothing here\n");

		for (Revision revision : java.util.List.of(bare, empty)) {
			assertThat(revision.upgrade()).isEqualTo(new MigrationBody.Sql(java.util.List.of()));
			assertThat(revision.phase()).as("the phase as written: none, so expand").isEqualTo(Phase.EXPAND);
			Backfill backfill = revision.backfills().get(0);
			assertThat(backfill.where()).isEmpty();
			assertThat(backfill.batchSize()).isEqualTo(BatchSizeBounds.DEFAULT);
			assertThat(backfill.targetDuration()).isEqualTo(Backfill.DEFAULT_TARGET_DURATION);
			assertThat(backfill.pause()).isEqualTo(Backfill.DEFAULT_PAUSE);
			assertThat(backfill.maxLag()).isEqualTo(LagLimits.none());
		}
		assertThat(bare.checksum()).isNotEqualTo(empty.checksum());
	}

	@Test
	void anEmptyUpgradeIsStillAnErrorWithoutABackfill() {
		assertThatExceptionOfType(RevisionSourceException.class)
			.isThrownBy(() -> this.parser.parse(LOCATION, "-- migrator:revision r1\n-- migrator:upgrade\n"))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("empty-upgrade-section"));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			1000           | 1000  | 1000  | 1000
			100-10000      | 100   | 10000 | 100
			100 - 200      | 100   | 200   | 100
			7-7            | 7     | 7     | 7
			""")
	void readsABatchSizeAsAFixedSizeOrAsBounds(String value, int min, int max, int initial) {
		Revision revision = this.parser.parse(LOCATION, HEAD + REQUIRED + "-- migrator:backfill-batch-size " + value);
		assertThat(revision.backfills().get(0).batchSize()).isEqualTo(new BatchSizeBounds(min, max, initial));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			16MB         | 16777216 |
			512kB        | 524288   |
			1gb          | 1073741824 |
			10s          |          | 10000
			1min, 64MB   | 67108864 | 60000
			""")
	void readsAMaxLagAsASizeADelayOrBoth(String value, Long bytes, Long millis) {
		Revision revision = this.parser.parse(LOCATION, HEAD + REQUIRED + "-- migrator:backfill-max-lag " + value);
		LagLimits limits = revision.backfills().get(0).maxLag();
		assertThat(limits.highBytes()).isEqualTo((bytes != null) ? OptionalLong.of(bytes) : OptionalLong.empty());
		assertThat(limits.highDelay()).isEqualTo(Optional.ofNullable(millis).map(Duration::ofMillis));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			backfill users status                  | invalid-backfill-name
			backfill-table users u                 | invalid-backfill-table
			backfill-table a.b.c                   | invalid-backfill-table
			backfill-table .users                  | invalid-backfill-table
			backfill-key id,                       | empty-list-entry
			backfill-key id, id                    | duplicate-list-entry
			backfill-key id desc                   | invalid-backfill-key
			backfill-set ;                         | invalid-backfill-set
			backfill-batch-size abc                | invalid-batch-size
			backfill-batch-size 0                  | invalid-batch-size
			backfill-batch-size 500-100            | invalid-batch-size
			backfill-batch-size 10-                | invalid-batch-size
			backfill-batch-size 99999999999        | invalid-batch-size
			backfill-target-duration 0s            | invalid-duration
			backfill-target-duration fast          | invalid-duration
			backfill-pause soon                    | invalid-duration
			backfill-max-lag 16                    | invalid-max-lag
			backfill-max-lag lots                  | invalid-max-lag
			backfill-max-lag 16MB, 32MB            | invalid-max-lag
			backfill-max-lag 10s, 5s               | invalid-max-lag
			backfill-max-lag 0MB                   | invalid-max-lag
			backfill-max-lag 16MB,                 | invalid-max-lag
			backfill-max-lag 99999999999999999TB   | invalid-max-lag
			""")
	void rejectsAnInvalidValueOnItsLine(String line, String code) {
		String content = "-- migrator:revision r1\n-- migrator:" + line + "\n";
		assertError(content, code, 2).withMessageContaining(line.substring(0, line.indexOf(' ')));
	}

	@Test
	void rejectsBackfillLinesWithoutABackfillName() {
		assertError("-- migrator:revision r1\n-- migrator:backfill-table users\n-- migrator:backfill-key id\n"
				+ "-- migrator:upgrade\nSELECT 1;\n", "backfill-without-name", 2)
			.withMessageContaining("-- migrator:backfill-table is given, but no -- migrator:backfill line")
			.withMessageContaining("-- migrator:backfill users_status");
	}

	@Test
	void rejectsABackfillWithoutItsTableKeyOrSetExpressionNamingWhatIsMissing() {
		assertError("-- migrator:revision r1\n-- migrator:backfill fill\n-- migrator:backfill-table users\n",
				"incomplete-backfill", 2)
			.withMessageContaining("backfill fill lacks -- migrator:backfill-key, -- migrator:backfill-set.");
	}

	@Test
	void rejectsASecondBackfillInOneFile() {
		assertError(HEAD + REQUIRED + "-- migrator:backfill other\n", "duplicate-header-key", 6);
	}

	@Test
	void rejectsABackfillLineInsideASection() {
		assertError(HEAD + REQUIRED + "-- migrator:upgrade\n-- migrator:backfill-where x IS NULL\nSELECT 1;\n",
				"header-in-section", 7);
	}

	private ThrowableAssertAlternative<RevisionSourceException> assertError(String content, String code, int line) {
		return assertThatExceptionOfType(RevisionSourceException.class)
			.isThrownBy(() -> this.parser.parse(LOCATION, content))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(code))
			.withMessageStartingWith(LOCATION + ":" + line + ": ");
	}

}
