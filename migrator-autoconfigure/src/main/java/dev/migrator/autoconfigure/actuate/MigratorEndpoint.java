package dev.migrator.autoconfigure.actuate;

import dev.migrator.autoconfigure.LatestDrift;
import dev.migrator.core.command.ChecksumMismatch;
import dev.migrator.core.command.MigrationStatus;
import dev.migrator.core.Migrator;
import dev.migrator.core.fleet.FleetResult;
import dev.migrator.core.backfill.BackfillStatus;
import dev.migrator.core.compat.BlockedContract;
import dev.migrator.core.compat.RegisteredClient;
import dev.migrator.core.replica.ReplicaLag;
import dev.migrator.core.command.AppliedRevision;
import dev.migrator.core.runtime.HistoryEntry;
import dev.migrator.core.script.Phase;
import dev.migrator.core.script.Revision;
import dev.migrator.core.script.RevisionGraph;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;

// Over 300 lines: one small descriptor record per section of the endpoint, beside the code that fills it.
/**
 * The {@code migrator} endpoint: where the database stands against the application,
 * backfills' progress, replica lag, and one revision's detail. Read-only: no operation
 * changes the database. Answers are small descriptors of their own, never engine objects,
 * and carry no credentials, connection URLs or row values.
 */
@Endpoint(id = "migrator")
public class MigratorEndpoint {

	private final Migrator migrator;

	private final LatestDrift latestDrift;

	public MigratorEndpoint(Migrator migrator) {
		this(migrator, new LatestDrift());
	}

	/**
	 * @param migrator the engine
	 * @param latestDrift the latest drift check, shown as it is: reading the endpoint
	 * never runs one
	 */
	public MigratorEndpoint(Migrator migrator, LatestDrift latestDrift) {
		this.migrator = migrator;
		this.latestDrift = latestDrift;
	}

	/**
	 * The database's state against the application.
	 * @return current and head revisions, pending ones (with their phases), recent
	 * history, checksum validation, the running instances that block a pending contract
	 * revision, backfills' progress, replica lag and the latest drift check
	 */
	@ReadOperation
	public MigratorDescriptor migrator() {
		MigrationStatus status = this.migrator.status();
		EndpointSection<BackfillDescriptor> backfills = EndpointSection.read("backfills", this::backfills);
		EndpointSection<FleetDescriptor> fleet = EndpointSection.read("fleet", this::fleet);
		EndpointSection<ReplicaDescriptor> replicas = EndpointSection.read("replicas",
				() -> this.migrator.replicaLag().stream().map(ReplicaDescriptor::of).toList());
		List<BlockedContractDescriptor> blocking = status.pending()
			.stream()
			.anyMatch((r) -> r.phase() == Phase.CONTRACT)
					? this.migrator.blockedContracts().stream().map(BlockedContractDescriptor::of).toList() : List.of();
		return new MigratorDescriptor(sorted(status.current()), summaries(status.heads()), summaries(status.pending()),
				sorted(status.unknownCurrent()), status.recentHistory().stream().map(HistoryDescriptor::of).toList(),
				ChecksumValidation.of(status.checksumMismatches()), backfills.items(), replicas.items(), blocking,
				backfills.error(), replicas.error(), fleet.items().stream().findFirst().orElse(null), fleet.error(),
				this.migrator.applied().stream().map(AppliedDescriptor::of).toList(),
				this.latestDrift.get().map(DriftDescriptor::of).orElse(null));
	}

	/** The latest fleet run, when a fleet is configured and has run. */
	private List<FleetDescriptor> fleet() {
		if (!this.migrator.fleet().configured()) {
			return List.of();
		}
		return this.migrator.fleet().lastRun().map(FleetDescriptor::of).stream().toList();
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

	private List<BackfillDescriptor> backfills() {
		// Declarations need no database: without any, there is no progress to read.
		if (this.migrator.backfills().declared().isEmpty()) {
			return List.of();
		}
		return this.migrator.backfills().status().stream().map(BackfillDescriptor::of).toList();
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
	 * @param pending revisions the application has and the database has not applied, in
	 * upgrade order
	 * @param unknownRevisions current revisions the application does not know: a newer
	 * build migrated the database, or a revision file was removed
	 * @param history the latest history entries, newest first
	 * @param checksums whether applied revisions are unchanged
	 * @param backfills every declared backfill with its progress, in revision order
	 * @param replicas how far each replica trails the primary, as the primary reports its
	 * standbys and as each configured replica reports itself; empty without replicas
	 * @param backfillsError why the backfills could not be read, without credentials or
	 * row values; null when they were
	 * @param replicasError why replica lag could not be measured; null when it was
	 * @param blockingClients the pending contract revisions that running instances of
	 * older code block, each with those instances
	 * @param fleet the latest run of the configured fleet; null without a fleet or before
	 * its first run
	 * @param fleetError why the fleet's run table could not be read; null when it was
	 * @param applied every applied revision, parents first, with when, by whom and how
	 * long it was installed
	 * @param drift the latest drift check of this process (the job's drift command or the
	 * periodic check of migrator.drift.interval); null before the first
	 */
	public record MigratorDescriptor(List<String> current, List<RevisionSummary> heads, List<RevisionSummary> pending,
			List<String> unknownRevisions, List<HistoryDescriptor> history, ChecksumValidation checksums,
			List<BackfillDescriptor> backfills, List<ReplicaDescriptor> replicas,
			List<BlockedContractDescriptor> blockingClients, String backfillsError, String replicasError,
			FleetDescriptor fleet, String fleetError, List<AppliedDescriptor> applied, DriftDescriptor drift) {
	}

	/**
	 * The latest drift check: the live schema against the schema its applied revisions
	 * produce.
	 *
	 * @param checkedAt when it ended
	 * @param revisions the version rows it compared at; empty when it failed or at base
	 * @param drifted whether the schemas differ; null when it failed
	 * @param differences one sentence per difference
	 * @param error why it failed, made safe to show; null when it ran
	 */
	public record DriftDescriptor(Instant checkedAt, List<String> revisions, Boolean drifted, List<String> differences,
			String error) {

		static DriftDescriptor of(LatestDrift.Reading reading) {
			return new DriftDescriptor(reading.checkedAt(),
					reading.result().map((r) -> sorted(r.revisions())).orElse(List.of()),
					reading.result().map((r) -> r.drifted()).orElse(null),
					reading.result().map((r) -> r.differences()).orElse(List.of()),
					reading.error().map(SafeErrorText::of).orElse(null));
		}

	}

	/**
	 * A revision the database has applied, as its latest successful upgrade or stamp was
	 * recorded.
	 *
	 * @param revision the revision id
	 * @param message its message
	 * @param installedOn when it was installed; null when the history has no row for it
	 * @param installedBy who ran it, as the history recorded it; null without a row
	 * @param durationMs how long it took, in milliseconds; null without a row
	 * @param stamped whether a stamp recorded it instead of running it
	 */
	public record AppliedDescriptor(String revision, String message, Instant installedOn, String installedBy,
			Long durationMs, boolean stamped) {

		static AppliedDescriptor of(AppliedRevision revision) {
			return new AppliedDescriptor(revision.id(), revision.message(), revision.installedOn().orElse(null),
					revision.installedBy().orElse(null), revision.duration().map(Duration::toMillis).orElse(null),
					revision.stamped());
		}

	}

	/**
	 * The latest fleet run as the run table holds it, whichever job process ran each
	 * target.
	 *
	 * @param run what identifies the run: its command, target and the heads
	 * @param targets how many targets it has
	 * @param states how many targets are in each state (pending, running, succeeded,
	 * failed)
	 * @param failures the failed targets with why, without row values
	 */
	public record FleetDescriptor(String run, int targets, Map<String, Integer> states,
			List<FleetFailureDescriptor> failures) {

		static FleetDescriptor of(FleetResult result) {
			Map<String, Integer> states = new LinkedHashMap<>();
			result.countsByState().forEach((state, count) -> states.put(state.label(), count));
			return new FleetDescriptor(result.runKey(), result.targets().size(), states,
					result.failures()
						.stream()
						.map((t) -> new FleetFailureDescriptor(t.target().name(),
								SafeErrorText.of(t.detail().orElse("failed"))))
						.toList());
		}

	}

	/**
	 * A target that failed in the latest fleet run.
	 *
	 * @param target the tenant's schema, or its database's URL without credentials
	 * @param error why it failed, made safe to show
	 */
	public record FleetFailureDescriptor(String target, String error) {
	}

	/**
	 * A backfill and its progress, with the figures of its progress log line. Its last
	 * key is left out: keys can be row values.
	 *
	 * @param name the backfill's name
	 * @param revision the revision that declares it
	 * @param table its table
	 * @param revisionApplied whether that revision is applied, so that the backfill may
	 * run
	 * @param state pending, running, paused, done, failed or cancelled
	 * @param rowsDone rows changed so far
	 * @param rowsScanned rows of the table walked so far, changed or not
	 * @param estimatedTotal the table's estimated row count when it started; null before
	 * @param percent the share of the table walked, 0 to 100; null while the size is
	 * unknown
	 * @param rowsPerSecond rows changed per second between its start and its last update
	 * @param etaSeconds how long the rest should take at that rate; null without a rate
	 * or an estimate
	 * @param batchSize the current batch size; null before the first batch
	 * @param throttle why it waits for replicas, while it does; null otherwise
	 * @param startedAt when it first ran; null before
	 * @param updatedAt when its progress last changed; null before it first ran
	 * @param lastError the error that failed it, or the last one retried, without row
	 * values; null when none
	 */
	public record BackfillDescriptor(String name, String revision, String table, boolean revisionApplied, String state,
			long rowsDone, long rowsScanned, Long estimatedTotal, Double percent, double rowsPerSecond, Long etaSeconds,
			Integer batchSize, String throttle, Instant startedAt, Instant updatedAt, String lastError) {

		static BackfillDescriptor of(BackfillStatus status) {
			return new BackfillDescriptor(status.name(), status.revision(), status.table(), status.revisionApplied(),
					status.state().label(), status.rowsDone(), status.rowsScanned(),
					status.estimatedTotal().isPresent() ? status.estimatedTotal().getAsLong() : null,
					status.percent().isPresent() ? oneDecimal(status.percent().getAsDouble()) : null,
					oneDecimal(status.rowsPerSecond()), status.eta().map(Duration::toSeconds).orElse(null),
					status.batchSize().isPresent() ? status.batchSize().getAsInt() : null,
					status.throttle().orElse(null), status.startedAt().orElse(null), status.updatedAt().orElse(null),
					status.lastError().map(SafeErrorText::of).orElse(null));
		}

		private static double oneDecimal(double value) {
			return Math.round(value * 10) / 10.0;
		}

	}

	/**
	 * How far one replica trails the primary, measured when the endpoint was read.
	 *
	 * @param replica the standby's application_name as the primary reports it, or a
	 * configured replica's name
	 * @param bytes WAL it has not replayed yet
	 * @param seconds how old its newest replayed change is; 0 once it has replayed all it
	 * received
	 * @param source where it was measured: primary or replica
	 */
	public record ReplicaDescriptor(String replica, long bytes, double seconds, String source) {

		static ReplicaDescriptor of(ReplicaLag lag) {
			return new ReplicaDescriptor(lag.replica(), lag.bytes(), lag.seconds(), lag.source().label());
		}

	}

	/**
	 * A pending contract revision that would break running instances, and those
	 * instances.
	 *
	 * @param revision the contract revision's id
	 * @param message its message
	 * @param clients the live instances whose code predates it
	 */
	public record BlockedContractDescriptor(String revision, String message, List<ClientDescriptor> clients) {

		static BlockedContractDescriptor of(BlockedContract blocked) {
			return new BlockedContractDescriptor(blocked.revision().id(), blocked.revision().message(),
					blocked.clients().stream().map(ClientDescriptor::of).toList());
		}

	}

	/**
	 * A running application instance as it recorded itself.
	 *
	 * @param instanceId unique per process
	 * @param application the application's name
	 * @param version the application's version
	 * @param needs the revisions its code needs (its heads)
	 * @param lastHeartbeat when it last said it is alive
	 */
	public record ClientDescriptor(String instanceId, String application, String version, List<String> needs,
			Instant lastHeartbeat) {

		static ClientDescriptor of(RegisteredClient client) {
			return new ClientDescriptor(client.instanceId(), client.application(), client.version(),
					List.copyOf(client.heads()), client.lastHeartbeat());
		}

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
	 * @param direction upgrade, downgrade, stamp, repair or baseline
	 * @param outcome started, success or failed
	 * @param startedAt when the step started
	 * @param finishedAt when it finished
	 * @param durationMs how long it took, in milliseconds
	 * @param error why it failed, without the row values a database message may quote;
	 * for a repair, what it did
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
	 * @param statementTimeoutMs its own statement timeout in milliseconds; null for the
	 * run's
	 * @param checksum the digest of its content
	 * @param location its file or class
	 * @param applied whether the database has it
	 * @param hasDowngrade whether it can be downgraded
	 */
	public record RevisionDescriptor(String id, List<String> revises, List<String> branchLabels, List<String> dependsOn,
			String message, String phase, boolean transactional, Long lockTimeoutMs, Long statementTimeoutMs,
			String checksum, String location, boolean applied, boolean hasDowngrade) {

		static RevisionDescriptor of(Revision revision, boolean applied) {
			return new RevisionDescriptor(revision.id(), revision.revises(), revision.branchLabels(),
					revision.dependsOn(), revision.message(), revision.phase().label(), revision.transactional(),
					revision.lockTimeout().map(Duration::toMillis).orElse(null),
					revision.statementTimeout().map(Duration::toMillis).orElse(null), revision.checksum(),
					revision.origin().location(), applied, revision.isReversible());
		}

	}

}
