package dev.migrator.core.report;

import dev.migrator.core.command.AppliedRevision;
import dev.migrator.core.script.Revision;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Revisions one per line, oldest first, as Alembic's {@code history} prints them; when
 * the database was read, each applied revision ends with when, by whom and how long it
 * was installed, as Flyway's {@code info} shows them:
 *
 * <pre>
 * base -> 0001_init, create users  [installed 2026-12-02T06:40:12Z by deploy@job-7 in 41 ms]
 * 0001_init -> 0002_add_email (head), add email  [stamped 2026-12-02T06:41:00Z by ops@laptop]
 * (0002_a, 0002_b) -> 0003_merge (head)
 * repeatable -> R__views, reporting views
 * </pre>
 *
 * @param revisions the revisions, in the order to print
 * @param heads the heads of the graph, marked {@code (head)}
 * @param applied the revisions the database has applied; empty when it was not read
 */
public record HistoryText(List<Revision> revisions, List<Revision> heads,
		List<AppliedRevision> applied) implements Report {

	public HistoryText {
		revisions = List.copyOf(revisions);
		heads = List.copyOf(heads);
		applied = List.copyOf(applied);
	}

	/** The revisions from the files alone, without the database. */
	public HistoryText(List<Revision> revisions, List<Revision> heads) {
		this(revisions, heads, List.of());
	}

	@Override
	public String text() {
		if (this.revisions.isEmpty()) {
			return Lines.of(List.of("No revisions."));
		}
		Set<String> headIds = this.heads.stream().map(Revision::id).collect(Collectors.toSet());
		Map<String, AppliedRevision> installed = this.applied.stream()
			.collect(Collectors.toMap(AppliedRevision::id, Function.identity(), (first, second) -> first));
		return Lines.of(this.revisions.stream()
			.map((revision) -> line(revision, headIds) + installation(installed.get(revision.id())))
			.toList());
	}

	private static String line(Revision revision, Set<String> headIds) {
		String parents = revision.repeatable() ? "repeatable"
				: revision.isRoot() ? "base" : String.join(", ", revision.revises());
		if (revision.isMerge()) {
			parents = "(" + parents + ")";
		}
		return parents + " -> " + revision.id() + (headIds.contains(revision.id()) ? " (head)" : "")
				+ (revision.message().isEmpty() ? "" : ", " + revision.message());
	}

	private static String installation(AppliedRevision applied) {
		if (applied == null) {
			return "";
		}
		if (applied.installedOn().isEmpty()) {
			// Applied, but its history rows were removed or predate the history table.
			return "  [applied]";
		}
		Instant on = applied.installedOn().get().truncatedTo(ChronoUnit.SECONDS);
		return "  [" + (applied.stamped() ? "stamped " : "installed ") + on
				+ applied.installedBy().map((by) -> " by " + by).orElse("")
				+ (applied.stamped() ? "" : applied.duration().map((d) -> " in " + d.toMillis() + " ms").orElse(""))
				+ "]";
	}

}
