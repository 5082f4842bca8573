package dev.migrator.core.command;

import java.util.List;

/**
 * What {@code repair} did, one entry per repair, in the order done.
 *
 * @param repairs the repairs
 * @param databaseUser the database user the repair rows were written as; empty when the
 * database has none (SQLite)
 */
public record RepairResult(List<Repair> repairs, String databaseUser) {

	public RepairResult {
		repairs = List.copyOf(repairs);
	}

	/** One thing repaired. */
	public sealed interface Repair permits ChecksumRecorded, PartWayCleared {

		/** The revision repaired. */
		String revision();

	}

	/**
	 * An applied revision edited on purpose: its new checksum is recorded.
	 *
	 * @param revision the revision
	 * @param location its file (or class)
	 * @param was the checksum recorded when it ran
	 * @param now the checksum of its file today, recorded from now on
	 */
	public record ChecksumRecorded(String revision, String location, String was, String now) implements Repair {
	}

	/**
	 * A step an interrupted or failed run left part-way, forgotten: the revision counts
	 * as not started in that direction.
	 *
	 * @param revision the revision
	 * @param direction {@code upgrade} or {@code downgrade}
	 * @param lines the lines of the statements that were recorded as run (or running)
	 */
	public record PartWayCleared(String revision, String direction, List<Integer> lines) implements Repair {

		public PartWayCleared {
			lines = List.copyOf(lines);
		}

	}

}
