package dev.migrator.core.command;

import java.util.List;
import java.util.Set;

import dev.migrator.core.compat.BlockedContract;
import dev.migrator.core.script.Phase;
import dev.migrator.core.script.Planner;
import dev.migrator.core.script.Revision;
import dev.migrator.core.script.RevisionGraph;

/**
 * The pending contract revisions that live application instances block, each with those
 * instances: what an upgrade would refuse now. Reads only; empty when no instance has
 * registered.
 */
public final class BlockedContractsCommand {

	private final CommandContext context;

	public BlockedContractsCommand(CommandContext context) {
		this.context = context;
	}

	public List<BlockedContract> run() {
		RevisionGraph graph = this.context.graph();
		Planner planner = new Planner(graph);
		return this.context.sessions().read((session) -> {
			Set<String> rows = session.versionRows();
			if (rows.stream().anyMatch((id) -> graph.find(id).isEmpty())) {
				return List.of();
			}
			List<Revision> contracts = planner.pending(rows)
				.stream()
				.filter((r) -> r.phase() == Phase.CONTRACT)
				.toList();
			if (contracts.isEmpty()) {
				return List.of();
			}
			return new ContractCheck(this.context).blocked(session, contracts);
		});
	}

}
