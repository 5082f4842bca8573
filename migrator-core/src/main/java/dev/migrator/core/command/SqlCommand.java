package dev.migrator.core.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.migrator.core.config.MigratorConfig;
import dev.migrator.core.runtime.OfflineScript;
import dev.migrator.core.script.Direction;
import dev.migrator.core.script.Plan;
import dev.migrator.core.script.PlanStep;
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

	/**
	 * An upgrade that ends at the heads runs the repeatable revisions after the others;
	 * offline, which of them changed is unknown, so the script runs them all.
	 */
	private Plan withRepeatables(Plan plan) {
		Set<String> heads = this.context.graph()
			.heads()
			.stream()
			.map(dev.migrator.core.script.Revision::id)
			.collect(java.util.stream.Collectors.toSet());
		if (this.context.graph().repeatables().isEmpty() || !plan.rowsAfter().equals(heads)) {
			return plan;
		}
		List<PlanStep> steps = new ArrayList<>(plan.steps());
		this.context.graph()
			.repeatables()
			.forEach((revision) -> steps.add(new PlanStep(revision, Direction.UPGRADE, Set.of(), Set.of())));
		return new Plan(Direction.UPGRADE, steps, plan.rowsBefore(), plan.rowsAfter());
	}

	public String run(String from, String to) {
		Target.parse(from);
		Target.parse(to);
		Planner planner = new Planner(this.context.graph());
		Set<String> fromRows = planner.stamp(Set.of(), from);
		Set<String> applied = planner.applied(fromRows);
		Set<String> destinations = new TargetResolver(this.context.graph()).resolve(to, fromRows);
		boolean down = applied.containsAll(destinations) && !planner.stamp(fromRows, to).equals(fromRows);
		Plan plan = down ? planner.downgrade(fromRows, to) : withRepeatables(planner.upgrade(fromRows, to));
		MigratorConfig config = this.context.config();
		return new OfflineScript(this.context.dialects().required(), config.tables(), config.settings(),
				config.namingConvention())
			.render(plan, from, to);
	}

}
