package dev.migrator.core;

import dev.migrator.core.runtime.LockRetry;
import dev.migrator.core.runtime.MigrationListener;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The lock timeout retries a migration told its listeners of, in order. */
final class RecordedLockRetries implements MigrationListener {

	private final List<LockRetry> retries = new CopyOnWriteArrayList<>();

	@Override
	public void lockTimeoutRetried(LockRetry retry) {
		this.retries.add(retry);
	}

	List<LockRetry> all() {
		return List.copyOf(this.retries);
	}

	int count() {
		return this.retries.size();
	}

}
