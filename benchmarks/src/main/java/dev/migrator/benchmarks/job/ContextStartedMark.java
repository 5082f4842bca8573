package dev.migrator.benchmarks.job;

import java.io.PrintStream;

import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationListener;

/**
 * Prints the wall-clock time at which the context has started (refreshed, before the
 * runners), so that the benchmark can split a child's run into the part before that point
 * and the part after it. Flyway and Liquibase migrate before it, migrator's job after it.
 */
public final class ContextStartedMark implements ApplicationListener<ApplicationStartedEvent> {

	/** Starts the line, which ends with the time in milliseconds since the epoch. */
	public static final String PREFIX = "bench-job: context started at epoch ms ";

	private final PrintStream out;

	ContextStartedMark(PrintStream out) {
		this.out = out;
	}

	@Override
	public void onApplicationEvent(ApplicationStartedEvent event) {
		this.out.println(PREFIX + System.currentTimeMillis());
		this.out.flush();
	}

}
