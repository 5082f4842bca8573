package dev.migrator.core.runtime;

import dev.migrator.core.script.StatementTraits;

import java.time.Duration;
import java.util.Optional;

/**
 * The timeouts a revision's statements or a backfill batch run under, as
 * {@link TimeoutPolicy} resolved them.
 *
 * @param lock the lock timeout: the revision's, else the run's, else the dialect's
 * default
 * @param concurrentLock the lock timeout of a concurrent index statement: only one set
 * explicitly, since such a statement waits for other transactions without blocking
 * anyone's reads or writes, and giving up would throw away the index built so far; zero
 * (no timeout) where the default would otherwise apply
 * @param statement the statement timeout: the revision's, else the run's
 */
public record EffectiveTimeouts(Optional<Duration> lock, Optional<Duration> concurrentLock,
		Optional<Duration> statement) {

	static EffectiveTimeouts of(Optional<Duration> explicitLock, Optional<Duration> defaultLock,
			Optional<Duration> statement) {
		Optional<Duration> lock = explicitLock.or(() -> defaultLock);
		Optional<Duration> concurrent = explicitLock.or(() -> defaultLock.map((d) -> Duration.ZERO));
		return new EffectiveTimeouts(lock, concurrent, statement);
	}

	/** The lock timeout of a statement of this kind. */
	Optional<Duration> lockFor(StatementTraits traits) {
		return traits.isConcurrent() ? this.concurrentLock : this.lock;
	}

}
