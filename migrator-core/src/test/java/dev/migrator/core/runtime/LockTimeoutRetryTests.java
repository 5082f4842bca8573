package dev.migrator.core.runtime;

import dev.migrator.core.error.MigratorException;

import java.time.Duration;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LockTimeoutRetryTests {

	private final LockTimeoutRetry retry = new LockTimeoutRetry(8, Duration.ofMillis(500), Duration.ofSeconds(10));

	@Test
	void delaysDoubleWithJitterUpToTheMaximum() {
		Random random = new Random(42);
		for (int n = 1; n <= 7; n++) {
			long full = Math.min(10_000, 500L << (n - 1));
			for (int sample = 0; sample < 50; sample++) {
				assertThat(this.retry.delayBefore(n, random).toMillis()).as("retry %d", n).isBetween(full / 2, full);
			}
		}
		assertThat(this.retry.delayBefore(1000, random)).isLessThanOrEqualTo(Duration.ofSeconds(10));
	}

	@Test
	void theLongestDelayIsTheExponentialWithoutJitter() {
		assertThat(this.retry.longestDelayBefore(1)).isEqualTo(Duration.ofMillis(500));
		assertThat(this.retry.longestDelayBefore(3)).isEqualTo(Duration.ofSeconds(2));
		assertThat(this.retry.longestDelayBefore(7)).isEqualTo(Duration.ofSeconds(10));
	}

	@Test
	void theDefaultsTryTenTimesFromATenthOfASecond() {
		assertThat(LockTimeoutRetry.defaults())
			.isEqualTo(new LockTimeoutRetry(10, Duration.ofMillis(100), Duration.ofSeconds(10)));
		assertThat(LockTimeoutRetry.never().attempts()).isEqualTo(1);
	}

	@Test
	void nonsenseIsRefusedWithTheSettingNamed() {
		assertThatThrownBy(() -> new LockTimeoutRetry(0, Duration.ZERO, Duration.ZERO))
			.isInstanceOf(MigratorException.class)
			.hasMessageContaining("attempts must be at least 1");
		assertThatThrownBy(() -> new LockTimeoutRetry(3, Duration.ofSeconds(2), Duration.ofSeconds(1)))
			.hasMessageContaining("max delay 1s is shorter than its base delay 2s");
	}

}
