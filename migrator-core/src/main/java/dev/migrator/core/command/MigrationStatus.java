package dev.migrator.core.command;

import dev.migrator.core.backfill.BackfillStatus;
import dev.migrator.core.runtime.HistoryEntry;
import dev.migrator.core.script.Revision;

import java.util.List;
import java.util.Set;

/**
 * Where the database stands against the code: read-only, what {@code check}, the Actuator
 * endpoint and the health indicator report.
 *
 * @param current the version rows: the database's current head(s)
 * @param heads the heads the code knows
 * @param pending revisions the code has and the database has not applied, in upgrade
 * order
 * @param checksumMismatches applied revisions edited since
 * @param recentHistory the newest history entries, newest first
 * @param unknownCurrent version rows this code does not know: the database is ahead of it
 * (a newer version migrated it), or a revision file was removed
 * @param unfinishedBackfills backfills of applied revisions that are not done: no
 * revision descending from theirs is applied until they are
 */
public record MigrationStatus(Set<String> current, List<Revision> heads, List<Revision> pending,
		List<ChecksumMismatch> checksumMismatches, List<HistoryEntry> recentHistory, Set<String> unknownCurrent,
		List<BackfillStatus> unfinishedBackfills) {

	public MigrationStatus {
		current = Set.copyOf(current);
		heads = List.copyOf(heads);
		pending = List.copyOf(pending);
		checksumMismatches = List.copyOf(checksumMismatches);
		recentHistory = List.copyOf(recentHistory);
		unknownCurrent = Set.copyOf(unknownCurrent);
		unfinishedBackfills = List.copyOf(unfinishedBackfills);
	}

	/** A status without backfills to wait for. */
	public MigrationStatus(Set<String> current, List<Revision> heads, List<Revision> pending,
			List<ChecksumMismatch> checksumMismatches, List<HistoryEntry> recentHistory, Set<String> unknownCurrent) {
		this(current, heads, pending, checksumMismatches, recentHistory, unknownCurrent, List.of());
	}

	/**
	 * Whether the database is at revisions this code does not know, as after a newer
	 * version migrated it.
	 */
	public boolean isAheadOfCode() {
		return !this.unknownCurrent.isEmpty();
	}

	/**
	 * Whether nothing is pending, no applied revision was edited, and the database is at
	 * revisions this code knows.
	 */
	public boolean isUpToDate() {
		return this.pending.isEmpty() && this.checksumMismatches.isEmpty() && this.unknownCurrent.isEmpty();
	}

}
