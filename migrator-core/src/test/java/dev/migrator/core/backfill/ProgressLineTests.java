package dev.migrator.core.backfill;

import dev.migrator.core.replica.ThrottleState;

import java.time.Duration;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The progress line a running backfill logs: rows, percent, ETA, rate, batch size and
 * throttle state.
 */
class ProgressLineTests {

	private static final long START = 1_000_000_000L;

	@Test
	void saysHowFarHowFastHowLongStillAndWithWhatBatchSize() {
		ProgressLine progress = new ProgressLine("users_status", Duration.ofSeconds(10), START);
		BatchReport report = new BatchReport("users_status", 2000, 2000, 2000, 2500, Duration.ofMillis(300),
				ThrottleState.RUNNING, 240_000, 250_000, OptionalLong.of(1_000_000), "250000");

		String line = progress.line(report, START + Duration.ofSeconds(10).toNanos());

		assertThat(line).isEqualTo("Backfill users_status: 240,000 rows changed, 250,000 walked of ~1,000,000 (25.0%), "
				+ "ETA 30s, 25,000 rows/s, batch 2,500, running");
	}

	@Test
	void showsTheThrottleAndLeavesOutWhatIsUnknown() {
		ProgressLine progress = new ProgressLine("users_status", Duration.ofSeconds(10), START);
		BatchReport report = new BatchReport("users_status", 10, 10, 10, 10, Duration.ofMillis(3),
				ThrottleState.throttled("replica r1 is 20.0 MB behind (primary), over 16.0 MB"), 10, 10,
				OptionalLong.empty(), "10");

		assertThat(progress.line(report, START + Duration.ofSeconds(1).toNanos())).isEqualTo("Backfill users_status: "
				+ "10 rows changed, 10 walked, 10 rows/s, batch 10, throttled (replica r1 is 20.0 MB behind (primary), "
				+ "over 16.0 MB)");
	}

	@Test
	void theRateLeavesOutTheTimeSpentWaitingForReplicas() {
		ProgressLine progress = new ProgressLine("users_status", Duration.ofSeconds(10), START);
		// 10 s in all, of which 6 s waiting for a replica: 4,000 rows in 4 s of work.
		progress.throttle(ThrottleState.throttled("replica r1 is behind"), START + Duration.ofSeconds(2).toNanos());
		progress.throttle(ThrottleState.RUNNING, START + Duration.ofSeconds(8).toNanos());
		BatchReport report = new BatchReport("users_status", 1000, 1000, 1000, 1000, Duration.ofMillis(300),
				ThrottleState.RUNNING, 4000, 4000, OptionalLong.empty(), "4000");

		assertThat(progress.line(report, START + Duration.ofSeconds(10).toNanos())).contains(", 1,000 rows/s,");
	}

	@Test
	void aWaitStillUnderWayIsLeftOutOfTheRateToo() {
		ProgressLine progress = new ProgressLine("users_status", Duration.ofSeconds(10), START);
		progress.throttle(ThrottleState.throttled("replica r1 is behind"), START + Duration.ofSeconds(5).toNanos());
		BatchReport report = new BatchReport("users_status", 1000, 1000, 1000, 1000, Duration.ofMillis(300),
				ThrottleState.throttled("replica r1 is behind"), 5000, 5000, OptionalLong.empty(), "5000");

		assertThat(progress.line(report, START + Duration.ofSeconds(9).toNanos())).contains(", 1,000 rows/s,");
	}

	@Test
	void writesDurationsInTheLargestUsefulUnits() {
		assertThat(ProgressLine.format(Duration.ofMillis(420))).isEqualTo("0.4s");
		assertThat(ProgressLine.format(Duration.ofSeconds(42))).isEqualTo("42s");
		assertThat(ProgressLine.format(Duration.ofSeconds(110))).isEqualTo("1min 50s");
		assertThat(ProgressLine.format(Duration.ofMinutes(135))).isEqualTo("2h 15min");
	}

}
