package dev.migrator.core.command;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrator.core.runtime.HistoryEntry.Action;
import dev.migrator.core.runtime.HistoryEntry.Outcome;
import dev.migrator.core.script.Planner;
import dev.migrator.core.script.Revision;
import dev.migrator.core.script.Target;

/**
 * {@code stamp}: rewrites the version rows to say the target is applied, running no
 * revision.
 */
public final class StampCommand {

	private static final Logger logger = LoggerFactory.getLogger(StampCommand.class);

	private final CommandContext context;

	public StampCommand(CommandContext context) {
		this.context = context;
	}

	public Set<String> run(String target) {
		Target.parse(target);
		Planner planner = new Planner(this.context.graph());
		return this.context.sessions().write((session) -> {
			Set<String> before = session.versionRows();
			Set<String> after = planner.stamp(before, target);
			Instant now = Instant.now();
			session.inTransaction((tx) -> {
				tx.versions().replace(tx.connection(), after);
				for (String row : after.isEmpty() ? Set.of("base") : after) {
					String checksum = this.context.graph().find(row).map(Revision::checksum).orElse("");
					tx.history()
						.append(tx.connection(), row, Action.STAMP, checksum, now, Instant.now(), Outcome.SUCCESS,
								Optional.empty(), CommandContext.runBy());
				}
				return null;
			});
			logger.info("Stamped {} (was {})", PlanExecution.describe(after), PlanExecution.describe(before));
			return after;
		});
	}

}
