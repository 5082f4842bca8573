package dev.migrator.autoconfigure;

import dev.migrator.core.backfill.BackfillStatus;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Prints backfills' progress as a table, one row each, for the backfill commands of the
 * job:
 *
 * <pre>
 * BACKFILL      STATE    ROWS DONE  PERCENT  ROWS/S  BATCH SIZE  THROTTLE
 * users_status  running  240,000    25.0%    25,000  2,500       -
 * </pre>
 *
 * A failed backfill's error follows the table.
 */
final class BackfillStatusTable {

	private static final List<String> HEADINGS = List.of("BACKFILL", "STATE", "ROWS DONE", "PERCENT", "ROWS/S",
			"BATCH SIZE", "THROTTLE");

	private static final String NONE = "-";

	private final PrintStream out;

	BackfillStatusTable(PrintStream out) {
		this.out = out;
	}

	void print(List<BackfillStatus> statuses) {
		if (statuses.isEmpty()) {
			this.out.println("No revision declares a backfill.");
			return;
		}
		List<List<String>> rows = new ArrayList<>();
		rows.add(HEADINGS);
		statuses.forEach((status) -> rows.add(cells(status)));
		int[] widths = new int[HEADINGS.size()];
		for (List<String> row : rows) {
			for (int i = 0; i < row.size(); i++) {
				widths[i] = Math.max(widths[i], row.get(i).length());
			}
		}
		for (List<String> row : rows) {
			StringBuilder line = new StringBuilder();
			for (int i = 0; i < row.size(); i++) {
				line.append(row.get(i));
				if (i < row.size() - 1) {
					line.append(" ".repeat(widths[i] - row.get(i).length() + 2));
				}
			}
			this.out.println(line.toString().stripTrailing());
		}
		for (BackfillStatus status : statuses) {
			status.lastError().ifPresent((error) -> this.out.println(status.name() + ": last error: " + error));
		}
	}

	private static List<String> cells(BackfillStatus status) {
		String state = status.state().label() + (status.revisionApplied() ? "" : " (revision not applied)");
		String percent = status.percent().isPresent()
				? String.format(Locale.ROOT, "%.1f%%", status.percent().getAsDouble()) : NONE;
		String batchSize = status.batchSize().isPresent()
				? String.format(Locale.ROOT, "%,d", status.batchSize().getAsInt()) : NONE;
		return List.of(status.name(), state, String.format(Locale.ROOT, "%,d", status.rowsDone()), percent,
				String.format(Locale.ROOT, "%,.0f", status.rowsPerSecond()), batchSize, status.throttle().orElse(NONE));
	}

}
