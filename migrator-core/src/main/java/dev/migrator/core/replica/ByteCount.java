package dev.migrator.core.replica;

import java.util.Locale;

/**
 * Writes byte counts for people, in 1024 steps as PostgreSQL's {@code pg_size_pretty}
 * does.
 */
final class ByteCount {

	private static final String[] UNITS = { "B", "kB", "MB", "GB", "TB" };

	private ByteCount() {
	}

	static String format(long bytes) {
		double value = bytes;
		int unit = 0;
		while (value >= 1024 && unit < UNITS.length - 1) {
			value /= 1024;
			unit++;
		}
		return (unit == 0) ? bytes + " B" : String.format(Locale.ROOT, "%.1f %s", value, UNITS[unit]);
	}

}
