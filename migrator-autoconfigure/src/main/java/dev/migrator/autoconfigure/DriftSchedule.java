package dev.migrator.autoconfigure;

import dev.migrator.core.Migrator;
import dev.migrator.core.authoring.SchemaDrift;
import dev.migrator.core.command.DriftResult;
import dev.migrator.core.sql.DatabaseMessageRedaction;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;

/**
 * Checks drift every {@code migrator.drift.interval} on a daemon thread of its own, the
 * first time one interval after start-up (start-up is when a deploy migrates), and keeps
 * the result in {@link LatestDrift} for the endpoint and the gauge. Each check runs the
 * applied revisions in a scratch schema, so the interval should be minutes or more.
 */
public final class DriftSchedule implements InitializingBean, DisposableBean {

	private static final Log logger = LogFactory.getLog(DriftSchedule.class);

	private final Migrator migrator;

	private final LatestDrift latest;

	private final Duration interval;

	private ScheduledExecutorService executor;

	public DriftSchedule(Migrator migrator, LatestDrift latest, Duration interval) {
		if (interval.isZero() || interval.isNegative()) {
			throw new IllegalArgumentException("migrator.drift.interval must be positive, but is " + interval);
		}
		this.migrator = migrator;
		this.latest = latest;
		this.interval = interval;
	}

	@Override
	public void afterPropertiesSet() {
		this.executor = Executors.newSingleThreadScheduledExecutor((runnable) -> {
			Thread thread = new Thread(runnable, "migrator-drift");
			thread.setDaemon(true);
			return thread;
		});
		this.executor.scheduleWithFixedDelay(this::check, this.interval.toMillis(), this.interval.toMillis(),
				TimeUnit.MILLISECONDS);
	}

	/** Runs one check now and records it. */
	void check() {
		try {
			DriftResult result = SchemaDrift.check(this.migrator);
			this.latest.record(result);
			if (result.drifted()) {
				logger.warn("Schema drift: " + result.differences().size() + " difference(s) between the database "
						+ "and its revisions: " + String.join("; ", result.differences()));
			}
		}
		catch (RuntimeException ex) {
			String error = DatabaseMessageRedaction.redact(String.valueOf(ex.getMessage()));
			this.latest.recordFailure(error);
			logger.warn("Schema drift: the check failed: " + error);
		}
	}

	@Override
	public void destroy() {
		if (this.executor != null) {
			this.executor.shutdownNow();
		}
	}

}
