package dev.migrator.core.runtime;

import dev.migrator.core.script.PlanStep;

/**
 * Asked before each step of a run; returns when the step may start. The run's lock is
 * held meanwhile, so a gate that waits keeps other runners waiting too.
 */
@FunctionalInterface
public interface StepGate {

	/** Lets every step start at once. */
	StepGate OPEN = (step) -> {
	};

	void beforeStep(PlanStep step);

}
