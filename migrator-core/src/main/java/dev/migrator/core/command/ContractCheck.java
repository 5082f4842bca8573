package dev.migrator.core.command;

import dev.migrator.core.error.ErrorCode;

import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrator.core.compat.BlockedContract;
import dev.migrator.core.compat.ClientRegistry;
import dev.migrator.core.compat.CompatibilitySettings;
import dev.migrator.core.compat.ContractBlockedException;
import dev.migrator.core.compat.ContractGuard;
import dev.migrator.core.compat.RegisteredClient;
import dev.migrator.core.config.MigratorConfig;
import dev.migrator.core.error.MigratorException;
import dev.migrator.core.script.Direction;
import dev.migrator.core.script.Phase;
import dev.migrator.core.script.Plan;
import dev.migrator.core.script.Revision;

/**
 * The compatibility guard as the commands apply it: contract revisions wait while live
 * application instances predate them.
 */
final class ContractCheck {

	private static final Logger logger = LoggerFactory.getLogger(ContractCheck.class);

	private final CommandContext context;

	ContractCheck(CommandContext context) {
		this.context = context;
	}

	/**
	 * Which of these contract revisions live instances block now. A clients table that
	 * cannot be read is a refusal, never "no live instances": the guard fails closed.
	 */
	List<BlockedContract> blocked(Session session, List<Revision> contracts) {
		List<RegisteredClient> live;
		try {
			live = registry().liveClients(session.connection(), session.dialect());
		}
		catch (SQLException ex) {
			throw unreadable(session, contracts, ex);
		}
		return new ContractGuard(this.context.graph()).blocked(contracts, live);
	}

	/**
	 * Refuses the plan's contract revisions while live instances predate them, unless the
	 * override is set.
	 */
	void guard(Session session, Plan plan) {
		boolean contracts = plan.revisions().stream().anyMatch((r) -> r.phase() == Phase.CONTRACT);
		if (plan.direction() != Direction.UPGRADE || !contracts) {
			return;
		}
		ClientRegistry registry = registry();
		List<BlockedContract> blocked = blocked(session, plan.revisions());
		if (blocked.isEmpty()) {
			return;
		}
		CompatibilitySettings compatibility = this.context.config().compatibility();
		if (compatibility.allowContractWithLiveClients()) {
			logger.warn(
					"Running contract revision(s) while live instances predate them, as allowed by "
							+ "allow-contract-with-live-clients:\n{}",
					ContractBlockedException.describe(blocked, registry.now()).strip());
			return;
		}
		throw new ContractBlockedException(blocked, compatibility.liveWindow(), registry.now());
	}

	private MigratorException unreadable(Session session, List<Revision> revisions, SQLException ex) {
		MigratorConfig config = this.context.config();
		String table = session.dialect().qualify(config.tables().schema(), config.compatibility().clientsTable());
		String contracts = revisions.stream()
			.filter((r) -> r.phase() == Phase.CONTRACT)
			.map(Revision::id)
			.collect(Collectors.joining(", "));
		return new MigratorException(ErrorCode.CLIENTS_TABLE_UNREADABLE, "Contract revision(s) " + contracts
				+ " refused: the clients table " + table + " cannot be read (" + ex.getMessage()
				+ "), so whether instances of older code still run is unknown; nothing was run. Grant the migration "
				+ "job's database user SELECT on " + table + " (GRANT SELECT ON " + table
				+ " TO <job user>) and run the job again. allow-contract-with-live-clients does not cover this: it "
				+ "overrides live instances the guard can see, never a table it cannot read.", ex);
	}

	ClientRegistry registry() {
		MigratorConfig config = this.context.config();
		return new ClientRegistry(this.context.sessions().dataSource(), config.tables(), config.compatibility());
	}

}
