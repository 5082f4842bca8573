package dev.migrator.core.runtime;

import java.time.Duration;
import java.util.Optional;

/**
 * Timeouts for a run; a revision's own header values win over these.
 *
 * @param lockTimeout how long a statement may wait for a lock
 * @param statementTimeout how long a statement may run
 */
public record RunSettings(Optional<Duration> lockTimeout, Optional<Duration> statementTimeout) {

	public static RunSettings none() {
		return new RunSettings(Optional.empty(), Optional.empty());
	}

}
