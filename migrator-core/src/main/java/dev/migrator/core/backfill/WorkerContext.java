package dev.migrator.core.backfill;

import dev.migrator.core.runtime.Listeners;
import dev.migrator.core.script.Backfill;

/**
 * What every part of one worker's run of one backfill shares.
 *
 * @param backfill the backfill as declared
 * @param revision the revision that declares it
 * @param connection the worker's connection
 * @param store where its progress is kept
 * @param listeners told of its batches, failures, state and throttle
 */
record WorkerContext(Backfill backfill, String revision, WorkerConnection connection, BackfillStore store,
		Listeners<BackfillListener> listeners) {

	String name() {
		return this.backfill.name();
	}

}
