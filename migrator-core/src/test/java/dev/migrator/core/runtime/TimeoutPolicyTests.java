package dev.migrator.core.runtime;

import dev.migrator.core.dialect.PostgresDialect;
import dev.migrator.core.dialect.SqliteDialect;
import dev.migrator.core.script.Revision;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One precedence for every statement the migrator runs: the revision's header, then the
 * configured setting, then the database's default lock timeout.
 */
class TimeoutPolicyTests {

	private static final RunSettings CONFIGURED = new RunSettings(Optional.of(Duration.ofSeconds(5)),
			Optional.of(Duration.ofMinutes(1)));

	private final Revision plain = Revision.builder("0001").upgradeSql("SELECT 1").build();

	private final Revision withHeaders = Revision.builder("0002")
		.lockTimeout(Duration.ofMillis(300))
		.statementTimeout(Duration.ofSeconds(30))
		.upgradeSql("SELECT 1")
		.build();

	@Test
	void aRevisionsHeaderWinsOverTheConfiguredSettings() {
		EffectiveTimeouts timeouts = new TimeoutPolicy(CONFIGURED, new PostgresDialect()).forRevision(this.withHeaders);

		assertThat(timeouts.lock()).contains(Duration.ofMillis(300));
		assertThat(timeouts.concurrentLock()).contains(Duration.ofMillis(300));
		assertThat(timeouts.statement()).contains(Duration.ofSeconds(30));
	}

	@Test
	void theConfiguredSettingsWinOverTheDefault() {
		TimeoutPolicy policy = new TimeoutPolicy(CONFIGURED, new PostgresDialect());

		for (EffectiveTimeouts timeouts : new EffectiveTimeouts[] { policy.forRevision(this.plain),
				policy.forBackfillBatch() }) {
			assertThat(timeouts.lock()).contains(Duration.ofSeconds(5));
			assertThat(timeouts.statement()).contains(Duration.ofMinutes(1));
		}
	}

	@Test
	void withoutASettingRevisionsAndBackfillBatchesGetTheDefaultLockTimeout() {
		TimeoutPolicy policy = new TimeoutPolicy(RunSettings.none(), new PostgresDialect());

		for (EffectiveTimeouts timeouts : new EffectiveTimeouts[] { policy.forRevision(this.plain),
				policy.forBackfillBatch() }) {
			assertThat(timeouts.lock()).contains(PostgresDialect.DEFAULT_LOCK_TIMEOUT);
			assertThat(timeouts.concurrentLock()).as("a concurrent index build waits rather than lose its work")
				.contains(Duration.ZERO);
			assertThat(timeouts.statement()).isEmpty();
		}
	}

	@Test
	void aDatabaseWithoutADefaultGetsNoLockTimeout() {
		EffectiveTimeouts timeouts = new TimeoutPolicy(RunSettings.none(), new SqliteDialect()).forBackfillBatch();

		assertThat(timeouts.lock()).isEmpty();
		assertThat(timeouts.concurrentLock()).isEmpty();
	}

}
