package dev.migrator.core.command;

import java.util.Set;

import dev.migrator.core.config.MigratorConfig;
import dev.migrator.core.runtime.OfflineScript;
import dev.migrator.core.script.Plan;
import dev.migrator.core.script.Planner;
import dev.migrator.core.script.Target;
import dev.migrator.core.script.TargetResolver;

/**
 * {@code sql}: the script that moving from one target to another would run, generated
 * without a database connection; {@code to} below {@code from} gives a downgrade script.
 */
public final class SqlCommand {

	private final CommandContext context;

	public SqlCommand(CommandContext context) {
		this.context = context;
	}

	public String run(String from, String to) {
		Target.parse(from);
		Target.parse(to);
		Planner planner = new Planner(this.context.graph());
		Set<String> fromRows = planner.stamp(Set.of(), from);
		Set<String> applied = planner.applied(fromRows);
		Set<String> destinations = new TargetResolver(this.context.graph()).resolve(to, fromRows);
		boolean down = applied.containsAll(destinations) && !planner.stamp(fromRows, to).equals(fromRows);
		Plan plan = down ? planner.downgrade(fromRows, to) : planner.upgrade(fromRows, to);
		MigratorConfig config = this.context.config();
		return new OfflineScript(this.context.dialects().required(), config.tables(), config.settings(),
				config.namingConvention())
			.render(plan, from, to);
	}

}
