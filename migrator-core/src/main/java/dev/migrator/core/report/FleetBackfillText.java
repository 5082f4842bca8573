package dev.migrator.core.report;

import dev.migrator.core.backfill.BackfillStatus;
import dev.migrator.core.fleet.TargetReading;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Every target's backfills ({@code backfill-status} on a fleet), one target per line: its
 * name, then each backfill with its state and rows done, or why it could not be read.
 *
 * <pre>
 * tenant_000  users_status done (1200 rows)
 * tenant_001  users_status running (300 rows, 25.0%)
 * </pre>
 *
 * @param readings each target's backfills, in rollout order
 */
public record FleetBackfillText(List<TargetReading<List<BackfillStatus>>> readings) implements Report {

	public FleetBackfillText {
		readings = List.copyOf(readings);
	}

	@Override
	public String text() {
		return PerTargetLines.of(this.readings, FleetBackfillText::backfills);
	}

	private static String backfills(List<BackfillStatus> statuses) {
		if (statuses.isEmpty()) {
			return "no backfill declared";
		}
		return statuses.stream().map(FleetBackfillText::one).collect(Collectors.joining(", "));
	}

	private static String one(BackfillStatus status) {
		if (!status.revisionApplied()) {
			return status.name() + " waiting for revision " + status.revision();
		}
		String percent = (status.state() == dev.migrator.core.backfill.BackfillState.DONE) ? ""
				: status.percent()
					.stream()
					.mapToObj((p) -> String.format(java.util.Locale.ROOT, ", %.1f%%", p))
					.findFirst()
					.orElse("");
		return status.name() + " " + status.state().label() + " (" + status.rowsDone() + " rows" + percent + ")";
	}

}
