package dev.migrator.autoconfigure;

import dev.migrator.core.error.MigratorException;
import dev.migrator.core.script.LagLimits;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

import org.springframework.util.unit.DataSize;

/**
 * The engine's {@link LagLimits} from the {@code migrator.replica.*} limits: a resume
 * mark given without its maximum is refused, and one left out is the engine's default
 * fraction of the maximum.
 */
final class ReplicaLagLimits {

	private ReplicaLagLimits() {
	}

	static LagLimits of(MigratorProperties.Replica replica) {
		requireMaximum("resume-lag-bytes", replica.getResumeLagBytes(), "max-lag-bytes", replica.getMaxLagBytes());
		requireMaximum("resume-lag", replica.getResumeLag(), "max-lag", replica.getMaxLag());
		OptionalLong maxBytes = bytes(replica.getMaxLagBytes());
		Optional<Duration> maxDelay = Optional.ofNullable(replica.getMaxLag());
		LagLimits defaults = LagLimits.of(maxBytes, maxDelay);
		OptionalLong resumeBytes = (replica.getResumeLagBytes() != null) ? bytes(replica.getResumeLagBytes())
				: defaults.lowBytes();
		Optional<Duration> resumeDelay = (replica.getResumeLag() != null) ? Optional.of(replica.getResumeLag())
				: defaults.lowDelay();
		try {
			return new LagLimits(maxBytes, resumeBytes, maxDelay, resumeDelay);
		}
		catch (IllegalArgumentException ex) {
			throw new MigratorException("invalid-configuration", "migrator.replica.max-lag-bytes, resume-lag-bytes, "
					+ "max-lag and resume-lag: " + ex.getMessage() + ". Give each resume mark at most its maximum.",
					ex);
		}
	}

	private static void requireMaximum(String resume, Object resumeValue, String max, Object maxValue) {
		if (resumeValue != null && maxValue == null) {
			throw new MigratorException("invalid-configuration",
					"migrator.replica." + resume + " is " + resumeValue + " but migrator.replica." + max
							+ " is not set, so backfills never wait for replicas and never "
							+ "resume. Set migrator.replica." + max + ", or remove migrator.replica." + resume + ".");
		}
	}

	private static OptionalLong bytes(DataSize size) {
		return (size != null) ? OptionalLong.of(size.toBytes()) : OptionalLong.empty();
	}

}
