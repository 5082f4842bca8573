package dev.migrator.core.report;

import dev.migrator.core.fleet.FleetResult;
import dev.migrator.core.fleet.TargetResult;
import dev.migrator.core.fleet.TargetState;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A fleet run: one summary line, then one line per target with its state, what its work
 * said and how long it took, the names in one column:
 *
 * <pre>
 * Fleet: 3 target(s): 2 succeeded, 1 failed, 0 not started, 0 running
 * tenant_a  succeeded  upgrade 3 revision(s): base -> r3 (41 ms)
 * tenant_b  failed     The schema 'tenant_b' does not exist. ...
 * </pre>
 *
 * @param result the run as the run table holds it
 */
public record FleetRunText(FleetResult result) implements Report {

	@Override
	public String text() {
		List<String> lines = new ArrayList<>();
		if (this.result.targets().isEmpty()) {
			lines.add("Fleet: no targets, nothing to do");
			return Lines.of(lines);
		}
		Map<TargetState, Integer> counts = this.result.countsByState();
		lines.add("Fleet: " + this.result.targets().size() + " target(s): " + counts.get(TargetState.SUCCEEDED)
				+ " succeeded, " + counts.get(TargetState.FAILED) + " failed, " + counts.get(TargetState.PENDING)
				+ " not started, " + counts.get(TargetState.RUNNING) + " running");
		int width = this.result.targets().stream().mapToInt((t) -> t.target().name().length()).max().orElse(0);
		for (TargetResult target : this.result.targets()) {
			String state = target.state().label();
			lines.add(pad(target.target().name(), width) + "  " + pad(state, "succeeded".length()) + "  "
					+ target.detail().orElse("")
					+ target.duration().map((d) -> " (" + d.toMillis() + " ms)").orElse(""));
		}
		return Lines.of(lines);
	}

	static String pad(String text, int width) {
		return text + " ".repeat(Math.max(0, width - text.length()));
	}

}
