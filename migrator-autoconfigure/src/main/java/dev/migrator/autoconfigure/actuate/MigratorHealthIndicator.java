package dev.migrator.autoconfigure.actuate;

import dev.migrator.autoconfigure.MigratorClientRegistration;
import dev.migrator.core.command.ChecksumMismatch;
import dev.migrator.core.config.ChecksumPolicy;
import dev.migrator.core.command.MigrationStatus;
import dev.migrator.core.Migrator;
import dev.migrator.core.script.Revision;

import java.util.List;
import java.util.Optional;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * UP when the database has every revision this application's code needs; DOWN, listing
 * the pending revisions, when it is behind, so that a readiness probe keeps a new version
 * out of rotation until the migration job has run. The code needs every revision but the
 * ones an expand-phase job holds back: pending contract revisions (and what needs them)
 * are listed as {@code pendingContract} and never make it DOWN, because they run only
 * after the new version has replaced the old one, which needs this instance ready. An
 * edited applied revision is DOWN under the FAIL checksum policy. A database ahead of the
 * application (a newer build's job ran first) is UP: the expanded schema serves the old
 * version too. Reads only.
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

	private static List<String> ids(List<Revision> revisions) {
		return revisions.stream().map(Revision::id).toList();
	}

}
