package dev.migrator.core.command;

import dev.migrator.core.error.ErrorCode;
import dev.migrator.core.error.MigratorException;
import dev.migrator.core.runtime.HistoryEntry.Action;
import dev.migrator.core.runtime.HistoryEntry.Outcome;
import dev.migrator.core.runtime.ProgressTable.Mark;
import dev.migrator.core.script.Planner;
import dev.migrator.core.script.Revision;
import dev.migrator.core.script.RevisionGraph;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code repair}: what an operator does after fixing something by hand. It records the
 * checksum of an applied revision whose file was edited on purpose, and forgets the
 * progress of a step that an interrupted or failed run left part-way, once the database
 * is back as it was before that step began. Each repair appends a history row saying who,
 * when and what (for a checksum, the old and the new). Runs no SQL of the revisions, and
 * repairs all or nothing.
 */
public final class RepairCommand {

	private static final Logger logger = LoggerFactory.getLogger(RepairCommand.class);

	private final CommandContext context;

	public RepairCommand(CommandContext context) {
		this.context = context;
	}

	/**
	 * @param only the revisions to repair; empty for every revision that needs it
	 * @throws MigratorException {@code nothing-to-repair} when there is nothing to
	 * repair, or a named revision needs no repair; {@code unknown-revision} when a named
	 * revision is neither in the code nor left part-way in the database
	 */
	public RepairResult run(List<String> only) {
		RevisionGraph graph = this.context.graph();
		Planner planner = new Planner(graph);
		return this.context.sessions().write((session) -> {
			Set<String> known = new LinkedHashSet<>(session.versionRows());
			known.removeIf((id) -> graph.find(id).isEmpty());
			List<ChecksumMismatch> mismatches = new ChecksumVerification(graph, this.context.config().checksumPolicy())
				.mismatches(session, planner.applied(known));
			Map<String, List<Mark>> partWay = new LinkedHashMap<>();
			for (Mark mark : session.progress().all(session.connection())) {
				partWay.computeIfAbsent(mark.revision() + "\u0000" + mark.direction(), (key) -> new ArrayList<>())
					.add(mark);
			}
			List<RepairResult.Repair> repairs = chosen(only, mismatches, partWay);
			Map<String, String> recorded = session.history().appliedChecksums(session.connection());
			String databaseUser = databaseUser(session);
			session.inTransaction((tx) -> {
				Instant now = Instant.now();
				for (RepairResult.Repair repair : repairs) {
					String checksum;
					String note;
					if (repair instanceof RepairResult.ChecksumRecorded edited) {
						checksum = edited.now();
						note = "repair: recorded the edited file's checksum " + edited.now() + " (was " + edited.was()
								+ ")" + as(databaseUser);
					}
					else {
						RepairResult.PartWayCleared cleared = (RepairResult.PartWayCleared) repair;
						for (Mark mark : partWay.get(cleared.revision() + "\u0000" + cleared.direction())) {
							tx.progress().forget(tx.connection(), mark);
						}
						// The checksum applied so far stays the one applied: forgetting
						// progress is no licence for an edit.
						checksum = Optional.ofNullable(recorded.get(cleared.revision()))
							.or(() -> graph.find(cleared.revision()).map(Revision::checksum))
							.orElse("");
						note = "repair: forgot the part-way " + cleared.direction() + " (statements at lines "
								+ lines(cleared.lines()) + " recorded as run)" + as(databaseUser);
					}
					tx.history()
						.append(tx.connection(), repair.revision(), Action.REPAIR, checksum, now, Instant.now(),
								Outcome.SUCCESS, Optional.of(note), CommandContext.runBy());
					logger.info("Revision {}: {}", repair.revision(), note);
				}
				return null;
			});
			return new RepairResult(repairs, databaseUser);
		});
	}

	private List<RepairResult.Repair> chosen(List<String> only, List<ChecksumMismatch> mismatches,
			Map<String, List<Mark>> partWay) {
		List<RepairResult.Repair> all = new ArrayList<>();
		for (ChecksumMismatch mismatch : mismatches) {
			all.add(new RepairResult.ChecksumRecorded(mismatch.revision(), mismatch.location(),
					mismatch.appliedChecksum(), mismatch.currentChecksum()));
		}
		for (List<Mark> marks : partWay.values()) {
			all.add(new RepairResult.PartWayCleared(marks.get(0).revision(), marks.get(0).direction(),
					marks.stream().map(Mark::line).toList()));
		}
		if (only.isEmpty()) {
			if (all.isEmpty()) {
				throw new MigratorException(ErrorCode.NOTHING_TO_REPAIR, "Nothing to repair: every applied revision's "
						+ "file matches the checksum recorded when it ran, and no run left a revision part-way. "
						+ "Nothing was changed.");
			}
			return all;
		}
		Set<String> named = new TreeSet<>();
		for (String id : only) {
			String revision = id.strip();
			boolean inDatabase = all.stream().anyMatch((repair) -> repair.revision().equals(revision));
			boolean inCode = this.context.graph().find(revision).isPresent()
					|| this.context.graph().repeatables().stream().anyMatch((r) -> r.id().equals(revision));
			if (!inCode && !inDatabase) {
				throw new MigratorException(ErrorCode.UNKNOWN_REVISION, "migrator.repair.revisions names " + revision
						+ ", which is no revision of this code and was not left part-way in the database. Fix the "
						+ "id (status lists the edited and part-way revisions). Nothing was changed.");
			}
			if (!inDatabase) {
				throw new MigratorException(ErrorCode.NOTHING_TO_REPAIR,
						"Revision " + revision + " needs no repair: it is not applied with a checksum other than its "
								+ "file's, and no run left it part-way. Remove it from migrator.repair.revisions. "
								+ "Nothing was changed.");
			}
			named.add(revision);
		}
		return all.stream().filter((repair) -> named.contains(repair.revision())).toList();
	}

	private static String databaseUser(Session session) throws SQLException {
		String user = session.connection().getMetaData().getUserName();
		return (user != null) ? user.strip() : "";
	}

	private static String as(String databaseUser) {
		return databaseUser.isEmpty() ? "" : ", as database user " + databaseUser;
	}

	private static String lines(List<Integer> lines) {
		return String.join(", ", lines.stream().map(String::valueOf).toList());
	}

}
