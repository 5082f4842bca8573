package dev.migrator.core.replica;

import dev.migrator.core.error.ErrorCode;

import dev.migrator.core.error.MigratorException;
import dev.migrator.core.runtime.StepGate;
import dev.migrator.core.script.PlanStep;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds each revision of a run back while a replica is further behind than the lag limits
 * allow.
 */
public final class ReplicaLagGate implements StepGate {

	private static final Logger logger = LoggerFactory.getLogger(ReplicaLagGate.class);

	// While waiting, say so now and then: a job that sits silently looks hung.
	private static final Duration REMINDER = Duration.ofSeconds(30);

	private final LagThrottle throttle;

	private final Duration pollInterval;

	public ReplicaLagGate(LagThrottle throttle, Duration pollInterval) {
		this.throttle = throttle;
		this.pollInterval = pollInterval;
	}

	@Override
	public void beforeStep(PlanStep step) {
		ThrottleState state = this.throttle.check();
		if (!state.isThrottled()) {
			return;
		}
		long started = System.nanoTime();
		long lastSaid = started;
		logger.warn("Holding revision {} back: {}", step.revision().id(), state.reason());
		while (state.isThrottled()) {
			try {
				Thread.sleep(this.pollInterval.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new MigratorException(ErrorCode.INTERRUPTED,
						"Interrupted while revision " + step.revision().id() + " waited for replicas to catch up.");
			}
			state = this.throttle.check();
			if (state.isThrottled() && System.nanoTime() - lastSaid > REMINDER.toNanos()) {
				lastSaid = System.nanoTime();
				logger.warn("Still holding revision {} back: {}", step.revision().id(), state.reason());
			}
		}
		logger.info("Replicas caught up after {} ms; going on with revision {}",
				Duration.ofNanos(System.nanoTime() - started).toMillis(), step.revision().id());
	}

}
