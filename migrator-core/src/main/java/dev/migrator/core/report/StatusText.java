package dev.migrator.core.report;

import dev.migrator.core.command.ChecksumMismatch;
import dev.migrator.core.command.MigrationStatus;
import dev.migrator.core.script.Revision;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Where the database stands against the code, one labelled line each, the values in one
 * column:
 *
 * <pre>
 * Current: 0002_add_email
 * Pending: 1 revision(s): 0003_orders
 * Edited:  0001_init (classpath:db/revisions/0001_init.sql)
 * Unknown: 0004_newer (the database is at revisions this code does not have)
 * </pre>
 *
 * The edited and unknown lines appear only when there is something to say.
 *
 * @param status the status
 */
public record StatusText(MigrationStatus status) implements Report {

	private static final int LABEL_WIDTH = "Unknown: ".length();

	@Override
	public String text() {
		List<String> lines = new ArrayList<>();
		lines.add(labelled("Current:", Lines.rows(this.status.current())));
		List<Revision> pending = this.status.pending();
		lines.add(labelled("Pending:", pending.isEmpty() ? "none" : pending.size() + " revision(s): "
				+ pending.stream().map(Revision::id).collect(Collectors.joining(", "))));
		if (!this.status.checksumMismatches().isEmpty()) {
			lines.add(labelled("Edited:",
					this.status.checksumMismatches()
						.stream()
						.map(ChecksumMismatch::describe)
						.collect(Collectors.joining(", "))));
		}
		if (this.status.isAheadOfCode()) {
			lines.add(labelled("Unknown:", String.join(", ", new TreeSet<>(this.status.unknownCurrent()))
					+ " (the database is at revisions this code does not have)"));
		}
		return Lines.of(lines);
	}

	private static String labelled(String label, String value) {
		return label + " ".repeat(LABEL_WIDTH - label.length()) + value;
	}

}
