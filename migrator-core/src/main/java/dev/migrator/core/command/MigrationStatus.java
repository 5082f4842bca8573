package dev.migrator.core.command;

import dev.migrator.core.runtime.HistoryEntry;
import dev.migrator.core.script.Revision;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where the database stands against the code: read-only, what {@code check}, the Actuator
 * endpoint and the health indicator report.
 *
 * @param current the version rows: the database's current head(s)
 * @param heads the heads the code knows
 * @param pending revisions the code has and the database has not applied, in upgrade
 * order
 * @param pendingContract the pending revisions an expand-phase upgrade holds back, in
 * upgrade order: contract revisions and every revision that needs one. They wait for the
 * contract step of a rollout, which the code that ships them does not need.
 * @param checksumMismatches applied revisions edited since
 * @param recentHistory the newest history entries, newest first
 * @param unknownCurrent version rows this code does not know: the database is ahead of it
 * (a newer version migrated it), or a revision file was removed
 */
public record MigrationStatus(Set<String> current, List<Revision> heads, List<Revision> pending,
		List<Revision> pendingContract, List<ChecksumMismatch> checksumMismatches, List<HistoryEntry> recentHistory,
		Set<String> unknownCurrent) {

	public MigrationStatus {
		current = Set.copyOf(current);
		heads = List.copyOf(heads);
		pending = List.copyOf(pending);
		pendingContract = List.copyOf(pendingContract);
		checksumMismatches = List.copyOf(checksumMismatches);
		recentHistory = List.copyOf(recentHistory);
		unknownCurrent = Set.copyOf(unknownCurrent);
	}

	/**
	 * The pending revisions the code needs before it may serve: all but the
	 * {@link #pendingContract() contract ones}. Empty exactly when an expand-phase
	 * upgrade would have nothing to do.
	 */
	public List<Revision> pendingExpand() {
		Set<String> held = this.pendingContract.stream().map(Revision::id).collect(Collectors.toSet());
		return this.pending.stream().filter((r) -> !held.contains(r.id())).toList();
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
