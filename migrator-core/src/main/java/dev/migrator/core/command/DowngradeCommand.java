package dev.migrator.core.command;

import java.util.Set;

import dev.migrator.core.script.Plan;
import dev.migrator.core.script.Planner;
import dev.migrator.core.script.Target;

/** {@code downgrade}: undoes the applied revisions above the target, children first. */
public final class DowngradeCommand {

	private final CommandContext context;

	public DowngradeCommand(CommandContext context) {
		this.context = context;
	}

	public RunResult run(String target) {
		Target.parse(target);
		Planner planner = new Planner(this.context.graph());
		return this.context.sessions().write((session) -> {
			Set<String> rows = session.versionRows();
			Plan plan = planner.downgrade(rows, target);
			new ChecksumVerification(this.context.graph(), this.context.config().checksumPolicy()).verify(session,
					planner.applied(rows));
			new PartWayCheck(this.context.graph()).verify(session, plan);
			return new PlanExecution(this.context).downgrade(session, plan);
		});
	}

}
