package dev.migrator.core.fleet;

import java.util.Locale;

/** Where one target stands in a fleet run, as the run table spells it. */
public enum TargetState {

	/**
	 * Not started: waiting for its wave, for a worker, or stopped by the error budget.
	 */
	PENDING,

	/** Claimed by a process that holds its lease. */
	RUNNING,

	SUCCEEDED,

	FAILED;

	public String label() {
		return name().toLowerCase(Locale.ROOT);
	}

	static TargetState of(String label) {
		return valueOf(label.toUpperCase(Locale.ROOT));
	}

}
