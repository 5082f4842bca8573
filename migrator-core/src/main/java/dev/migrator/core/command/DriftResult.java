package dev.migrator.core.command;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What {@code drift} found: the live schema against the schema its applied revisions
 * produce.
 *
 * @param revisions the database's version rows the copy was upgraded to; empty at base
 * @param differences one sentence per difference; empty when there is no drift
 */
public record DriftResult(Set<String> revisions, List<String> differences) {

	public DriftResult {
		revisions = Set.copyOf(new TreeSet<>(Objects.requireNonNull(revisions, "revisions")));
		differences = List.copyOf(differences);
	}

	/** Whether the live schema differs from what its revisions produce. */
	public boolean drifted() {
		return !this.differences.isEmpty();
	}

}
