package dev.migrator.autoconfigure.actuate;

import dev.migrator.core.ChecksumMismatch;
import dev.migrator.core.MigrationStatus;
import dev.migrator.core.Migrator;
import dev.migrator.core.runtime.HistoryEntry;
import dev.migrator.core.script.Revision;
import dev.migrator.core.script.RevisionGraph;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;

/**
 * The {@code migrator} endpoint: where the database stands against the application, and one revision's detail.
 * Read-only: no operation changes the database. Answers are small descriptors of their own, never engine objects,
 * and carry no credentials, connection URLs or row values.
 */
@Endpoint(id = "migrator")
public class MigratorEndpoint {

	private final Migrator migrator;

	public MigratorEndpoint(Migrator migrator) {
		this.migrator = migrator;
	}

	/**
	 * The database's state against the application.
	 * @return current and head revisions, pending ones, recent history and checksum validation
	 */
	@ReadOperation
	public MigratorDescriptor migrator() {
		MigrationStatus status = this.migrator.status();
		return new MigratorDescriptor(sorted(status.current()), summaries(status.heads()), summaries(status.pending()),
				sorted(status.unknownCurrent()), status.recentHistory().stream().map(HistoryDescriptor::of).toList(),
				ChecksumValidation.of(status.checksumMismatches()), List.of(), List.of());
	}

	/**
	 * One revision's detail.
	 * @param revision the revision's full id
	 * @return the detail, or {@code null} (404) when the application has no such revision
	 */
	@ReadOperation
	public RevisionDescriptor revision(@Selector String revision) {
		RevisionGraph graph = this.migrator.graph();
		Optional<Revision> found = graph.find(revision);
		if (found.isEmpty()) {
			return null;
		}
		List<String> knownRows = this.migrator.current().stream().filter((id) -> graph.find(id).isPresent()).toList();
		boolean applied = graph.ancestorsOf(knownRows).contains(revision);
		return RevisionDescriptor.of(found.get(), applied);
	}

	private static List<String> sorted(Set<String> ids) {
		return ids.stream().sorted().toList();
	}

	private static List<RevisionSummary> summaries(List<Revision> revisions) {
		return revisions.stream().map(RevisionSummary::of).toList();
	}

	/**
	 * The endpoint's main answer.
	 *
	 * @param current the database's current revisions; empty at base
	 * @param heads the heads of the application's revision graph
	 * @param pending revisions the application has and the database has not applied, in upgrade order
	 * @param unknownRevisions current revisions the application does not know: a newer build migrated the database,
	 * or a revision file was removed
	 * @param history the latest history entries, newest first
	 * @param checksums whether applied revisions are unchanged
	 * @param backfills reserved for the backfill issue; empty
	 * @param replicas reserved for the replica-lag issue; empty
	 */
	public record MigratorDescriptor(List<String> current, List<RevisionSummary> heads, List<RevisionSummary> pending,
			List<String> unknownRevisions, List<HistoryDescriptor> history, ChecksumValidation checksums,
			List<Object> backfills, List<Object> replicas) {
	}

	/**
	 * A revision in a list.
	 *
	 * @param id the revision id
	 * @param message its message
	 * @param phase expand, migrate or contract
	 */
	public record RevisionSummary(String id, String message, String phase) {

		static RevisionSummary of(Revision revision) {
			return new RevisionSummary(revision.id(), revision.message(), revision.phase().label());
		}

	}

	/**
	 * One step recorded in the history table.
	 *
	 * @param revision the revision id
	 * @param direction upgrade, downgrade or stamp
	 * @param outcome started, success or failed
	 * @param startedAt when the step started
	 * @param finishedAt when it finished
	 * @param durationMs how long it took, in milliseconds
	 * @param error why it failed, without the row values a database message may quote
	 */
	public record HistoryDescriptor(String revision, String direction, String outcome, Instant startedAt,
			Instant finishedAt, Long durationMs, String error) {

		static HistoryDescriptor of(HistoryEntry entry) {
			Duration duration = entry.duration();
			return new HistoryDescriptor(entry.revision(), entry.action().label(), entry.outcome().label(),
					entry.startedAt(), entry.finishedAt(), (duration != null) ? duration.toMillis() : null,
					entry.error().map(SafeErrorText::of).orElse(null));
		}

	}

	/**
	 * Whether the applied revisions still have the content they were applied with.
	 *
	 * @param status {@code ok}, or {@code mismatch} when an applied revision was edited
	 * @param mismatches the edited applied revisions
	 */
	public record ChecksumValidation(String status, List<ChecksumMismatchDescriptor> mismatches) {

		static ChecksumValidation of(List<ChecksumMismatch> mismatches) {
			return new ChecksumValidation(mismatches.isEmpty() ? "ok" : "mismatch",
					mismatches.stream().map(ChecksumMismatchDescriptor::of).toList());
		}

	}

	/**
	 * An applied revision edited since.
	 *
	 * @param revision the revision id
	 * @param location its file or class
	 * @param appliedChecksum the checksum recorded when it was applied
	 * @param currentChecksum the checksum of its content now
	 */
	public record ChecksumMismatchDescriptor(String revision, String location, String appliedChecksum,
			String currentChecksum) {

		static ChecksumMismatchDescriptor of(ChecksumMismatch mismatch) {
			return new ChecksumMismatchDescriptor(mismatch.revision(), mismatch.location(), mismatch.appliedChecksum(),
					mismatch.currentChecksum());
		}

	}

	/**
	 * One revision's detail.
	 *
	 * @param id the revision id
	 * @param revises its parents; empty for a root
	 * @param branchLabels the labels of the branch it starts or belongs to
	 * @param dependsOn revisions applied first without being parents
	 * @param message its message
	 * @param phase expand, migrate or contract
	 * @param transactional whether the upgrade runs in one transaction
	 * @param lockTimeoutMs its own lock timeout in milliseconds; null for the run's
	 * @param statementTimeoutMs its own statement timeout in milliseconds; null for the run's
	 * @param checksum the digest of its content
	 * @param location its file or class
	 * @param applied whether the database has it
	 * @param hasDowngrade whether it can be downgraded
	 */
	public record RevisionDescriptor(String id, List<String> revises, List<String> branchLabels,
			List<String> dependsOn, String message, String phase, boolean transactional, Long lockTimeoutMs,
			Long statementTimeoutMs, String checksum, String location, boolean applied, boolean hasDowngrade) {

		static RevisionDescriptor of(Revision revision, boolean applied) {
			return new RevisionDescriptor(revision.id(), revision.revises(), revision.branchLabels(),
					revision.dependsOn(), revision.message(), revision.phase().label(), revision.transactional(),
					revision.lockTimeout().map(Duration::toMillis).orElse(null),
					revision.statementTimeout().map(Duration::toMillis).orElse(null), revision.checksum(),
					revision.origin().location(), applied, revision.isReversible());
		}

	}

}
