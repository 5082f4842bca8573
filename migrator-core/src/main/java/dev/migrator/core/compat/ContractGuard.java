package dev.migrator.core.compat;

import dev.migrator.core.script.Phase;
import dev.migrator.core.script.Revision;
import dev.migrator.core.script.RevisionGraph;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Decides which live instances a contract revision would break. An instance's code knows
 * a revision when one of the heads it recorded is that revision or comes after it (a
 * child or a dependent, transitively); a contract revision its code does not know removes
 * something that code may still use. A head this graph does not know belongs to code
 * newer than this one, which knows every revision here, so it blocks nothing.
 */
public final class ContractGuard {

	private final RevisionGraph graph;

	public ContractGuard(RevisionGraph graph) {
		this.graph = graph;
	}

	/**
	 * For each contract revision among the given ones, in their order, the clients that
	 * predate it; none when none.
	 */
	public List<BlockedContract> blocked(List<Revision> revisions, List<RegisteredClient> clients) {
		List<BlockedContract> blocked = new ArrayList<>();
		for (Revision revision : revisions) {
			if (revision.phase() != Phase.CONTRACT) {
				continue;
			}
			Set<String> atOrAfter = this.graph.descendantsOf(List.of(revision.id()));
			List<RegisteredClient> predating = clients.stream().filter((c) -> !knows(c, atOrAfter)).toList();
			if (!predating.isEmpty()) {
				blocked.add(new BlockedContract(revision, predating));
			}
		}
		return blocked;
	}

	private boolean knows(RegisteredClient client, Set<String> atOrAfter) {
		return client.heads().stream().anyMatch((head) -> atOrAfter.contains(head) || this.graph.find(head).isEmpty());
	}

}
