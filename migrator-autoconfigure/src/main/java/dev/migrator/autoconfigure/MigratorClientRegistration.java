package dev.migrator.autoconfigure;

import dev.migrator.core.error.ErrorCode;

import dev.migrator.core.Migrator;
import dev.migrator.core.error.MigratorException;
import dev.migrator.core.compat.ClientInstance;
import dev.migrator.core.compat.ClientRegistry;
import dev.migrator.core.script.Revision;

import java.time.Duration;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Records this running application instance in the clients table, says every heartbeat
 * interval that it is still alive, and removes it when the application stops: what lets a
 * contract revision wait until instances of older code are gone. The one write a web
 * application makes, and only DML: the migration job creates the table.
 *
 * <p>
 * The guard fails closed: an instance that could not record itself (no table yet, no
 * grant, the database unreachable) is not {@link #recorded() recorded}, which keeps its
 * readiness DOWN, and tries again every heartbeat interval. A failure never stops the
 * application.
 *
 * <p>
 * It starts before the web server and stops after it, so that the instance counts as
 * running for as long as it may serve a request.
 */
public class MigratorClientRegistration implements SmartLifecycle {

	/** Before the web server's start (and after its graceful shutdown on stop). */
	static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

	private static final Log logger = LogFactory.getLog(MigratorClientRegistration.class);

	private static final String NOT_STARTED = "the instance has not recorded itself yet";

	private final Migrator migrator;

	private final RunningInstance identity;

	private final Duration heartbeatInterval;

	// Written by the heartbeat thread (and by start), read by stop and instance().
	private volatile ClientRegistry registry;

	private volatile ClientInstance instance;

	private ScheduledExecutorService heartbeats;

	/** Why this instance has no live row in the clients table; null while it has one. */
	private volatile String failure = NOT_STARTED;

	/**
	 * @param migrator the engine: its database holds the clients table, its revision
	 * graph's heads are what this instance's code needs
	 * @param identity who this instance is
	 * @param heartbeatInterval how often it says that it is alive
	 */
	public MigratorClientRegistration(Migrator migrator, RunningInstance identity, Duration heartbeatInterval) {
		if (heartbeatInterval.isNegative() || heartbeatInterval.isZero()) {
			throw new MigratorException(ErrorCode.INVALID_CONFIGURATION,
					"migrator.clients.heartbeat-interval must be positive, " + "but is " + heartbeatInterval
							+ ". Give a duration such as 15s, well within the live window.");
		}
		this.migrator = migrator;
		this.identity = identity;
		this.heartbeatInterval = heartbeatInterval;
	}

	/**
	 * This instance as it registers; empty before it started or when its revisions could
	 * not be read.
	 */
	public Optional<ClientInstance> instance() {
		return Optional.ofNullable(this.instance);
	}

	/**
	 * Whether the clients table holds this instance's row as of its last attempt: the
	 * contract guard sees it.
	 */
	public boolean recorded() {
		return this.failure == null;
	}

	/**
	 * Why the instance is not recorded, as the last attempt failed; empty while it is
	 * recorded.
	 */
	public Optional<String> failure() {
		return Optional.ofNullable(this.failure);
	}

	@Override
	public synchronized void start() {
		if (this.heartbeats != null) {
			return;
		}
		this.heartbeats = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "migrator-heartbeat");
			thread.setDaemon(true);
			return thread;
		});
		heartbeat();
		long millis = this.heartbeatInterval.toMillis();
		this.heartbeats.scheduleWithFixedDelay(this::heartbeat, millis, millis, TimeUnit.MILLISECONDS);
	}

	@Override
	public synchronized void stop() {
		if (this.heartbeats == null) {
			return;
		}
		this.heartbeats.shutdownNow();
		try {
			// A heartbeat in flight must not write after the row is removed, nor touch
			// the
			// database after the application has closed its pool.
			this.heartbeats.awaitTermination(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.heartbeats = null;
		this.failure = "the instance is stopping";
		if (this.instance == null) {
			return;
		}
		// Even when the last heartbeat failed: the row may still be there.
		try {
			this.registry.deregister(this.instance.instanceId());
			logger.info("Deregistered instance " + this.instance.instanceId() + " from the clients table");
		}
		catch (MigratorException ex) {
			logger.warn("Could not deregister instance " + this.instance.instanceId() + " (its row expires after the "
					+ "live window): " + ex.getMessage());
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.heartbeats != null;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

	/**
	 * Beats, or registers (again) when the instance is not recorded or its row is gone
	 * (the table emptied, or it was down for a while). Runs on start, then on the one
	 * heartbeat thread only.
	 */
	void heartbeat() {
		try {
			if (this.instance == null) {
				this.registry = this.migrator.clientRegistry();
				this.instance = new ClientInstance(this.identity.instanceId(), this.identity.application(),
						this.identity.version(),
						this.migrator.heads().stream().map(Revision::id).collect(Collectors.toSet()));
			}
			if (recorded() && this.registry.heartbeat(this.instance.instanceId())) {
				return;
			}
			register();
		}
		catch (RuntimeException ex) {
			failed(ex);
		}
	}

	private void register() {
		boolean again = this.failure != null && !NOT_STARTED.equals(this.failure);
		this.registry.register(this.instance);
		this.failure = null;
		logger.info((again ? "Instance " + this.instance.instanceId() + " recorded itself again"
				: "Registered instance " + this.instance.instanceId()) + " (" + this.instance.application() + " "
				+ this.instance.version() + ", needs " + String.join(", ", this.instance.heads())
				+ ") in the clients table");
	}

	private void failed(RuntimeException ex) {
		String id = this.identity.instanceId();
		if (this.failure == null || NOT_STARTED.equals(this.failure)) {
			// Once per outage: readiness is DOWN until the instance reaches the table
			// again, so that no request is served by an instance the guard cannot see.
			logger.warn("Instance " + id + " could not record itself in the clients table and is not ready until it "
					+ "does (it tries again every " + this.heartbeatInterval.toMillis() + "ms): " + ex.getMessage());
		}
		this.failure = (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
	}

}
