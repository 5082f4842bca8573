package dev.migrator.core.script;

import java.util.Set;

/**
 * One revision to run in one direction, with the version-table change that records it.
 *
 * @param revision the revision
 * @param direction which way it runs
 * @param deleteRows version rows to remove after it ran
 * @param insertRows version rows to add after it ran
 */
public record PlanStep(Revision revision, Direction direction, Set<String> deleteRows, Set<String> insertRows) {

	public PlanStep {
		deleteRows = Set.copyOf(deleteRows);
		insertRows = Set.copyOf(insertRows);
	}

}
