package dev.migrator.core.report;

import dev.migrator.core.backfill.BackfillStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Backfills' progress as a table, one row each, the columns as wide as their widest cell:
 *
 * <pre>
 * BACKFILL      STATE    ROWS DONE  PERCENT  ROWS/S  BATCH SIZE  THROTTLE
 * users_status  running  240,000    25.0%    25,000  2,500       -
 * </pre>
 *
 * A failed backfill's error follows the table.
 *
 * @param statuses the backfills, in the order to print
 */
public record BackfillTable(List<BackfillStatus> statuses) implements Report {

	private static final List<String> HEADINGS = List.of("BACKFILL", "STATE", "ROWS DONE", "PERCENT", "ROWS/S",
			"BATCH SIZE", "THROTTLE");

	private static final String NONE = "-";

	public BackfillTable {
		statuses = List.copyOf(statuses);
	}

	@Override
	public String text() {
		if (this.statuses.isEmpty()) {
			return Lines.of(List.of("No revision declares a backfill."));
		}
		List<List<String>> rows = new ArrayList<>();
		rows.add(HEADINGS);
		this.statuses.forEach((status) -> rows.add(cells(status)));
		int[] widths = new int[HEADINGS.size()];
		for (List<String> row : rows) {
			for (int i = 0; i < row.size(); i++) {
				widths[i] = Math.max(widths[i], row.get(i).length());
			}
		}
		List<String> lines = new ArrayList<>();
		for (List<String> row : rows) {
			StringBuilder line = new StringBuilder();
			for (int i = 0; i < row.size(); i++) {
				line.append(row.get(i));
				if (i < row.size() - 1) {
					line.append(" ".repeat(widths[i] - row.get(i).length() + 2));
				}
			}
			lines.add(line.toString().stripTrailing());
		}
		for (BackfillStatus status : this.statuses) {
			status.lastError().ifPresent((error) -> lines.add(status.name() + ": last error: " + error));
		}
		return Lines.of(lines);
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
