package dev.migrator.core.command;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrator.core.backfill.BackfillStatus;
import dev.migrator.core.config.ChecksumPolicy;
import dev.migrator.core.error.MigratorException;
import dev.migrator.core.runtime.HistoryEntry;
import dev.migrator.core.script.PhaseFilter;
import dev.migrator.core.script.Planner;
import dev.migrator.core.script.Revision;
import dev.migrator.core.script.RevisionGraph;

/**
 * {@code current}, {@code status} and {@code check}: where the database stands against
 * the code. Reads only.
 */
public final class StatusCommand {

	private static final Logger logger = LoggerFactory.getLogger(StatusCommand.class);

	private static final int STATUS_HISTORY_ENTRIES = 20;

	private final CommandContext context;

	public StatusCommand(CommandContext context) {
		this.context = context;
	}

	/** The database's version rows; empty at base. */
	public Set<String> current() {
		return this.context.sessions().read(Session::versionRows);
	}

	/**
	 * Every revision the database has applied, parents first, with when, by whom and how
	 * long each was installed; empty at base. Revisions the code does not know are left
	 * out: {@link #status()} names them.
	 */
	public List<AppliedRevision> applied() {
		RevisionGraph graph = this.context.graph();
		return this.context.sessions().read((session) -> {
			Set<String> known = new LinkedHashSet<>(session.versionRows());
			known.removeIf((id) -> graph.find(id).isEmpty());
			java.util.Map<String, HistoryEntry> installed = session.history().installations(session.connection());
			return graph.inOrder(new Planner(graph).applied(known)).stream().map((revision) -> {
				java.util.Optional<HistoryEntry> entry = java.util.Optional.ofNullable(installed.get(revision.id()));
				return new AppliedRevision(revision.id(), revision.message(), entry.map(HistoryEntry::finishedAt),
						entry.map(HistoryEntry::runBy), entry.map(HistoryEntry::duration),
						entry
							.map((e) -> e.action() == HistoryEntry.Action.STAMP
									|| e.action() == HistoryEntry.Action.BASELINE)
							.orElse(false));
			}).toList();
		});
	}

	/**
	 * The repeatable revisions of this code that the database has run, in the order they
	 * run.
	 */
	public List<AppliedRepeatable> appliedRepeatables() {
		RevisionGraph graph = this.context.graph();
		if (graph.repeatables().isEmpty()) {
			return List.of();
		}
		return this.context.sessions().read((session) -> {
			java.util.Map<String, String> recorded = session.history().appliedChecksums(session.connection());
			return graph.repeatables()
				.stream()
				.filter((revision) -> recorded.containsKey(revision.id()))
				.map((revision) -> new AppliedRepeatable(revision.id(),
						!revision.checksum().equals(recorded.get(revision.id()))))
				.toList();
		});
	}

	/**
	 * A database at revisions this code does not know is reported, not refused: during a
	 * rolling deploy the old version keeps running against a schema the new version has
	 * already expanded, and its readiness must not fail for that.
	 */
	public MigrationStatus status() {
		RevisionGraph graph = this.context.graph();
		Planner planner = new Planner(graph);
		return this.context.sessions().read((session) -> {
			Set<String> rows = session.versionRows();
			Set<String> unknown = new TreeSet<>(rows);
			unknown.removeIf((id) -> graph.find(id).isPresent());
			Set<String> known = new LinkedHashSet<>(rows);
			known.removeAll(unknown);
			List<Revision> pending = new ArrayList<>(unknown.isEmpty() ? planner.pending(rows) : List.of());
			// An upgrade to the heads applies the changed repeatable revisions after
			// the others.
			if (unknown.isEmpty()) {
				pending.addAll(new RepeatableRevisions(graph).changed(session));
			}
			List<Revision> pendingContract = unknown.isEmpty()
					? planner.upgrade(rows, "heads", PhaseFilter.EXPAND).heldBack() : List.of();
			List<ChecksumMismatch> mismatches = new ChecksumVerification(graph, this.context.config().checksumPolicy())
				.mismatches(session, planner.applied(known));
			List<HistoryEntry> recent = session.history().latest(session.connection(), STATUS_HISTORY_ENTRIES);
			return new MigrationStatus(rows, graph.heads(), pending, pendingContract, mismatches, recent, unknown,
					unfinishedBackfills(graph));
		});
	}

	private List<BackfillStatus> unfinishedBackfills(RevisionGraph graph) {
		if (graph.revisions().stream().allMatch((revision) -> revision.backfills().isEmpty())) {
			return List.of();
		}
		try {
			return new Backfills(this.context).unfinishedByRevision().values().stream().flatMap(List::stream).toList();
		}
		catch (MigratorException ex) {
			// The status reads what it can: an unreadable progress table is the backfill
			// commands' error to report, not a reason to hide where the revisions stand.
			logger.debug("Backfill progress unreadable for the status: {}", ex.getMessage());
			return List.of();
		}
	}

	/**
	 * Fails when revisions are pending, a backfill of an applied revision is not done,
	 * the database is ahead of the code, an applied revision was edited (only under
	 * {@link ChecksumPolicy#FAIL}), or the code has heads that no branch label or
	 * {@code depends-on} keeps apart (they must be merged).
	 */
	public MigrationStatus check() {
		MigrationStatus status = status();
		boolean edited = !status.checksumMismatches().isEmpty()
				&& this.context.config().checksumPolicy() == ChecksumPolicy.FAIL;
		List<Revision> unmerged = this.context.graph().unmergedHeads();
		if (!status.pending().isEmpty() || edited || status.isAheadOfCode() || !unmerged.isEmpty()
				|| !status.unfinishedBackfills().isEmpty()) {
			throw new CheckFailedException(status, unmerged);
		}
		if (!status.checksumMismatches().isEmpty()) {
			logger.warn(ChecksumMismatchException.message(status.checksumMismatches()));
		}
		return status;
	}

}
