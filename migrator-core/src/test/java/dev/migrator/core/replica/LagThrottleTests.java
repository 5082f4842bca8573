package dev.migrator.core.replica;

import dev.migrator.core.script.LagLimits;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The throttle pauses above the high mark and resumes only below the low one. */
class LagThrottleTests {

	private final List<List<ReplicaLag>> measurements = new ArrayList<>();

	@Test
	void pausesAboveTheHighMarkAndResumesOnlyBelowTheLowMark() {
		LagThrottle throttle = new LagThrottle(LagLimits.bytes(1000), this::next);
		this.measurements.addAll(List.of(bytes(900), bytes(1001), bytes(700), bytes(500), bytes(800)));

		assertThat(throttle.check().isThrottled()).as("900 is below 1000").isFalse();
		ThrottleState over = throttle.check();
		assertThat(over.mode()).isEqualTo(ThrottleState.Mode.THROTTLED);
		assertThat(over.reason()).isEqualTo("replica standby is 1001 B behind (primary), over 1000 B");
		assertThat(throttle.check().isThrottled()).as("700 is above the low mark of 500").isTrue();
		assertThat(throttle.check().isThrottled()).as("500 is at the low mark").isFalse();
		assertThat(throttle.check().isThrottled()).as("800 is below the high mark again").isFalse();
	}

	@Test
	void aDelayLimitThrottlesOnTheSlowestReplicaAndNamesIt() {
		LagThrottle throttle = new LagThrottle(LagLimits.delay(Duration.ofSeconds(10)), this::next);
		this.measurements.add(
				List.of(new ReplicaLag("a", 0, 2, LagSource.PRIMARY), new ReplicaLag("b", 0, 12.5, LagSource.REPLICA)));
		assertThat(throttle.check().reason()).isEqualTo("replica b is 12.5s behind (replica), over 10.0s");
	}

	@Test
	void withoutLimitsItNeverMeasures() {
		LagThrottle throttle = new LagThrottle(LagLimits.none(), () -> {
			throw new AssertionError("measured");
		});
		assertThat(throttle.check()).isEqualTo(ThrottleState.RUNNING);
	}

	@Test
	void aBackfillsOwnLimitsWinOverTheConfiguredOnesKindByKind() {
		LagLimits own = LagLimits.bytes(16L << 20);
		LagLimits merged = own
			.or(LagLimits.of(java.util.OptionalLong.of(1L << 30), java.util.Optional.of(Duration.ofSeconds(30))));
		assertThat(merged.highBytes()).hasValue(16L << 20);
		assertThat(merged.lowBytes()).hasValue(8L << 20);
		assertThat(merged.highDelay()).contains(Duration.ofSeconds(30));
		assertThat(merged.lowDelay()).contains(Duration.ofSeconds(15));
	}

	private List<ReplicaLag> next() {
		return this.measurements.remove(0);
	}

	private static List<ReplicaLag> bytes(long bytes) {
		return List.of(new ReplicaLag("standby", bytes, 0, LagSource.PRIMARY));
	}

}
