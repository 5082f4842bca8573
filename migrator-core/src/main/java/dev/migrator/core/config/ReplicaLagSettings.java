package dev.migrator.core.config;

import dev.migrator.core.error.ErrorCode;

import dev.migrator.core.error.MigratorException;
import dev.migrator.core.script.LagLimits;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The engine's {@link LagLimits} from the {@code migrator.replica.*} settings as the
 * starter and the Maven plugin read them: a resume mark given without its maximum is
 * refused, and one left out is the engine's default fraction of the maximum. One place,
 * so that both front ends accept and refuse the same values with the same message.
 */
public final class ReplicaLagSettings {

	private ReplicaLagSettings() {
	}

	/**
	 * The limits of the four settings, each empty when not set.
	 * @param maxBytes {@code migrator.replica.max-lag-bytes}
	 * @param resumeBytes {@code migrator.replica.resume-lag-bytes}
	 * @param maxLag {@code migrator.replica.max-lag}
	 * @param resumeLag {@code migrator.replica.resume-lag}
	 * @throws MigratorException with code {@code invalid-configuration} when a resume
	 * mark has no maximum or is above it
	 */
	public static LagLimits limits(OptionalLong maxBytes, OptionalLong resumeBytes, Optional<Duration> maxLag,
			Optional<Duration> resumeLag) {
		requireMaximum("resume-lag-bytes", resumeBytes.isPresent() ? resumeBytes.getAsLong() + "B" : null,
				"max-lag-bytes", maxBytes.isPresent());
		requireMaximum("resume-lag", resumeLag.orElse(null), "max-lag", maxLag.isPresent());
		LagLimits defaults = LagLimits.of(maxBytes, maxLag);
		OptionalLong lowBytes = resumeBytes.isPresent() ? resumeBytes : defaults.lowBytes();
		Optional<Duration> lowDelay = resumeLag.isPresent() ? resumeLag : defaults.lowDelay();
		try {
			return new LagLimits(maxBytes, lowBytes, maxLag, lowDelay);
		}
		catch (IllegalArgumentException ex) {
			throw new MigratorException(ErrorCode.INVALID_CONFIGURATION,
					"migrator.replica.max-lag-bytes, resume-lag-bytes, " + "max-lag and resume-lag: " + ex.getMessage()
							+ ". Give each resume mark at most its maximum.",
					ex);
		}
	}

	private static void requireMaximum(String resume, Object resumeValue, String max, boolean maxSet) {
		if (resumeValue != null && !maxSet) {
			throw new MigratorException(ErrorCode.INVALID_CONFIGURATION,
					"migrator.replica." + resume + " is " + resumeValue + " but migrator.replica." + max
							+ " is not set, so backfills never wait for replicas and never "
							+ "resume. Set migrator.replica." + max + ", or remove migrator.replica." + resume + ".");
		}
	}

}
