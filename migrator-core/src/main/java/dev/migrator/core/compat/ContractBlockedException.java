package dev.migrator.core.compat;

import dev.migrator.core.error.ErrorCode;

import dev.migrator.core.error.MigratorException;
import dev.migrator.core.sql.DurationText;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A contract revision was refused because running instances of the application predate it
 * (code {@code contract-blocked}). Nothing of the upgrade ran.
 */
public class ContractBlockedException extends MigratorException {

	private final List<BlockedContract> blocked;

	public ContractBlockedException(List<BlockedContract> blocked, Duration liveWindow, Instant now) {
		super(ErrorCode.CONTRACT_BLOCKED, message(blocked, liveWindow, now));
		this.blocked = List.copyOf(blocked);
	}

	/** The contract revisions refused and the instances that block each. */
	public List<BlockedContract> blocked() {
		return this.blocked;
	}

	private static String message(List<BlockedContract> blocked, Duration liveWindow, Instant now) {
		String revisions = blocked.stream()
			.map((b) -> b.revision().id() + " (" + b.revision().origin() + ")")
			.collect(Collectors.joining(", "));
		return "Contract revision" + (blocked.size() == 1 ? " " : "s ") + revisions
				+ " would remove what running instances of the application still use; nothing was run.\n"
				+ describe(blocked, now)
				+ "Their code predates the contract. Wait until the rollout of the new version has replaced them (an "
				+ "instance deregisters when it shuts down; one that died stops counting "
				+ DurationText.format(liveWindow)
				+ " after its last heartbeat), or apply only the expand phase now (migrator.job.phase=expand). To run "
				+ "the contract anyway, set migrator.job.allow-contract-with-live-clients=true "
				+ "(MigratorConfig.Builder.allowContractWithLiveClients(true)); the override is logged.";
	}

	/** One line per blocking instance, under the revision it blocks. */
	public static String describe(List<BlockedContract> blocked, Instant now) {
		StringBuilder lines = new StringBuilder();
		for (BlockedContract contract : blocked) {
			lines.append(contract.revision().id()).append(" is blocked by:\n");
			for (RegisteredClient client : contract.clients()) {
				Duration ago = Duration.between(client.lastHeartbeat(), now);
				lines.append("  - ")
					.append(client.describe())
					.append(": last heartbeat ")
					.append(client.lastHeartbeat().truncatedTo(ChronoUnit.SECONDS))
					.append(" (")
					.append(DurationText.format(ago.isNegative() ? Duration.ZERO : ago.truncatedTo(ChronoUnit.SECONDS)))
					.append(" ago), its code needs ")
					.append(client.heads().isEmpty() ? "no revision" : String.join(", ", client.heads()))
					.append('\n');
			}
		}
		return lines.toString();
	}

}
