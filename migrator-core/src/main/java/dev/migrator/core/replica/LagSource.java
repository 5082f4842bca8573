package dev.migrator.core.replica;

import java.util.Locale;

/** Which side a lag figure was measured on. */
public enum LagSource {

	/**
	 * The primary's {@code pg_stat_replication}: what the primary knows of each standby's
	 * progress.
	 */
	PRIMARY,

	/**
	 * A replica data source: how far its replay trails what it received and when that was
	 * written.
	 */
	REPLICA;

	/** The lower-case name used in tags and logs. */
	public String label() {
		return name().toLowerCase(Locale.ROOT);
	}

}
