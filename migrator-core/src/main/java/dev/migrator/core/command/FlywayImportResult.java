package dev.migrator.core.command;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What the Flyway import did.
 *
 * @param written revision files written by this run
 * @param unchanged revision files that were there already, with the same content
 * @param current the revision the database is recorded at: the last migration Flyway
 * applied; empty when it applied none
 * @param pending revisions imported from migrations Flyway had not applied yet, in order:
 * the next upgrade runs them
 * @param recorded whether this run recorded the database's state (false when an earlier
 * import did)
 * @param skipped files of the locations that are not versioned migrations by Flyway's
 * naming, which Flyway skips too
 */
public record FlywayImportResult(List<Path> written, List<Path> unchanged, Optional<String> current,
		List<String> pending, boolean recorded, List<String> skipped) {

	public FlywayImportResult {
		written = List.copyOf(written);
		unchanged = List.copyOf(unchanged);
		pending = List.copyOf(pending);
		skipped = List.copyOf(skipped);
	}

}
