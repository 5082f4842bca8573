package dev.migrator.core.runtime;

import dev.migrator.core.dialect.Dialect;
import dev.migrator.core.script.Revision;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the timeouts of the migrator's own statements come from, in one place: a
 * revision's header wins, then the configured setting, then, for the lock timeout, the
 * dialect's default. Runs, offline scripts and backfill batches all resolve them here, so
 * that none of them goes without the default lock timeout that keeps a statement from
 * waiting in the lock queue while every other query on its table queues behind it.
 *
 * @param settings the configured timeouts
 * @param dialect the database
 * @param defaultLock the lock timeout when neither the revision nor the settings set one
 */
public record TimeoutPolicy(RunSettings settings, Dialect dialect, Optional<Duration> defaultLock) {

	public TimeoutPolicy {
		Objects.requireNonNull(settings, "settings");
		Objects.requireNonNull(dialect, "dialect");
		Objects.requireNonNull(defaultLock, "defaultLock");
	}

	/** The timeouts of statements the engine runs, and retries, itself. */
	public TimeoutPolicy(RunSettings settings, Dialect dialect) {
		this(settings, dialect, dialect.defaultLockTimeout());
	}

	/**
	 * The timeouts of an offline script, which nothing retries: the dialect's
	 * {@link Dialect#offlineLockTimeout()} by default.
	 */
	public static TimeoutPolicy offline(RunSettings settings, Dialect dialect) {
		return new TimeoutPolicy(settings, dialect, dialect.offlineLockTimeout());
	}

	/** The timeouts of a revision's statements. */
	public EffectiveTimeouts forRevision(Revision revision) {
		return resolve(revision.lockTimeout(), revision.statementTimeout());
	}

	/** The timeouts of a backfill batch, which has no header of its own. */
	public EffectiveTimeouts forBackfillBatch() {
		return resolve(Optional.empty(), Optional.empty());
	}

	private EffectiveTimeouts resolve(Optional<Duration> ownLock, Optional<Duration> ownStatement) {
		return EffectiveTimeouts.of(ownLock.or(this.settings::lockTimeout), this.defaultLock,
				ownStatement.or(this.settings::statementTimeout));
	}

}
