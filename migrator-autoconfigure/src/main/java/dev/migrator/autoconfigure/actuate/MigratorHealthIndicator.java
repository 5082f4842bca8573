package dev.migrator.autoconfigure.actuate;

import dev.migrator.autoconfigure.MigratorClientRegistration;
import dev.migrator.core.backfill.BackfillStatus;
import dev.migrator.core.command.ChecksumMismatch;
import dev.migrator.core.config.ChecksumPolicy;
import dev.migrator.core.command.MigrationStatus;
import dev.migrator.core.Migrator;
import dev.migrator.core.script.Revision;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * UP when the database has every revision this application's code needs; DOWN, listing
 * the pending revisions, when it is behind, so that a readiness probe keeps a new version
 * out of rotation until the migration job has run. The code needs every revision but the
 * ones an expand-phase job holds back: pending contract revisions (and what needs them)
 * are listed as {@code pendingContract} and never make it DOWN, because they run only
 * after the new version has replaced the old one, which needs this instance ready.
 * Unfinished backfills of applied revisions, which the contract waits for, are listed as
 * {@code unfinishedBackfills} and do not make it DOWN either. An edited applied revision
 * is DOWN under the FAIL checksum policy. A database ahead of the application (a newer
 * build's job ran first) is UP: the expanded schema serves the old version too. Reads
 * only.
 */
public class MigratorHealthIndicator implements HealthIndicator {

	private final Migrator migrator;

	private final Optional<MigratorClientRegistration> registration;

	/**
	 * The indicator of an application that does not record itself in the clients table.
	 */
	public MigratorHealthIndicator(Migrator migrator) {
		this.migrator = migrator;
		this.registration = Optional.empty();
	}

	/** The indicator of a web application that records itself with the registration. */
	public MigratorHealthIndicator(Migrator migrator, MigratorClientRegistration registration) {
		this.migrator = migrator;
		this.registration = Optional.of(registration);
	}

	@Override
	public Health health() {
		MigrationStatus status;
		try {
			status = this.migrator.status();
		}
		catch (RuntimeException ex) {
			// Not Health.down(ex): the message may quote a URL, and the class name says
			// nothing useful.
			return Health.down().withDetail("error", SafeErrorText.of(ex.getMessage())).build();
		}
		Health.Builder health = Health.up()
			.withDetail("current", status.current().stream().sorted().toList())
			.withDetail("heads", ids(status.heads()));
		if (status.isAheadOfCode()) {
			health.withDetail("unknownRevisions", status.unknownCurrent().stream().sorted().toList());
		}
		List<Revision> needed = status.pendingExpand();
		if (!needed.isEmpty()) {
			health.down().withDetail("pending", ids(needed));
		}
		if (!status.pendingContract().isEmpty()) {
			health.withDetail("pendingContract", ids(status.pendingContract()));
		}
		if (!status.unfinishedBackfills().isEmpty()) {
			health.withDetail("unfinishedBackfills",
					status.unfinishedBackfills().stream().map(MigratorHealthIndicator::backfill).toList());
		}
		if (!status.checksumMismatches().isEmpty()) {
			health.withDetail("editedRevisions",
					status.checksumMismatches().stream().map(ChecksumMismatch::revision).toList());
			if (this.migrator.config().checksumPolicy() == ChecksumPolicy.FAIL) {
				health.down();
			}
		}
		this.registration.flatMap(MigratorClientRegistration::failure)
			.ifPresent((failure) -> health.down().withDetail("clientRegistration", SafeErrorText.of(failure)));
		return health.build();
	}

	/**
	 * Enough to see why the contract waits, without the last error (the endpoint has it).
	 */
	private static Map<String, Object> backfill(BackfillStatus backfill) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("name", backfill.name());
		details.put("revision", backfill.revision());
		details.put("state", backfill.state().label());
		details.put("rowsDone", backfill.rowsDone());
		backfill.percent().ifPresent((percent) -> details.put("percent", Math.round(percent * 10) / 10.0));
		return details;
	}

	private static List<String> ids(List<Revision> revisions) {
		return revisions.stream().map(Revision::id).toList();
	}

}
