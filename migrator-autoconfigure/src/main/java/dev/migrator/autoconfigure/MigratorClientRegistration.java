package dev.migrator.autoconfigure;

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
 * application makes; a failure to write is logged and never stops the application.
 *
 * <p>
 * It starts before the web server and stops after it, so that the instance counts as
 * running for as long as it may serve a request.
 */
public class MigratorClientRegistration implements SmartLifecycle {

	/** Before the web server's start (and after its graceful shutdown on stop). */
	static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

	private static final Log logger = LogFactory.getLog(MigratorClientRegistration.class);

	private final Migrator migrator;

	private final RunningInstance identity;

	private final Duration heartbeatInterval;

	private ClientRegistry registry;

	private ClientInstance instance;

	private ScheduledExecutorService heartbeats;

	private volatile boolean failing;

	/**
	 * @param migrator the engine: its database holds the clients table, its revision
	 * graph's heads are what this instance's code needs
	 * @param identity who this instance is
	 * @param heartbeatInterval how often it says that it is alive
	 */
	public MigratorClientRegistration(Migrator migrator, RunningInstance identity, Duration heartbeatInterval) {
		if (heartbeatInterval.isNegative() || heartbeatInterval.isZero()) {
			throw new MigratorException("invalid-configuration",
					"migrator.clients.heartbeat-interval must be positive, " + "but is " + heartbeatInterval
							+ ". Give a duration such as 15s, well within the live window.");
		}
		this.migrator = migrator;
		this.identity = identity;
		this.heartbeatInterval = heartbeatInterval;
	}

	/**
	 * This instance as it registered; empty before it started or when its revisions could
	 * not be read.
	 */
	public synchronized Optional<ClientInstance> instance() {
		return Optional.ofNullable(this.instance);
	}

	@Override
	public synchronized void start() {
		try {
			this.registry = this.migrator.clientRegistry();
			this.instance = new ClientInstance(this.identity.instanceId(), this.identity.application(),
					this.identity.version(),
					this.migrator.heads().stream().map(Revision::id).collect(Collectors.toSet()));
		}
		catch (RuntimeException ex) {
			// The revisions are checked by readiness and by the job; the application
			// serves on regardless.
			logger.warn("Instance " + this.identity.instanceId() + " does not record itself in the clients table: "
					+ ex.getMessage());
			return;
		}
		register();
		this.heartbeats = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "migrator-heartbeat");
			thread.setDaemon(true);
			return thread;
		});
		long millis = this.heartbeatInterval.toMillis();
		this.heartbeats.scheduleWithFixedDelay(this::heartbeat, millis, millis, TimeUnit.MILLISECONDS);
	}

	@Override
	public synchronized void stop() {
		if (this.heartbeats == null) {
			return;
		}
		this.heartbeats.shutdownNow();
		this.heartbeats = null;
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

	private void register() {
		try {
			this.registry.register(this.instance);
			logger.info("Registered instance " + this.instance.instanceId() + " (" + this.instance.application() + " "
					+ this.instance.version() + ", needs " + String.join(", ", this.instance.heads())
					+ ") in the clients table");
			this.failing = false;
		}
		catch (MigratorException ex) {
			failed(ex);
		}
	}

	/**
	 * Beats, or registers again when its row is gone (the table emptied, or it was down
	 * for a while).
	 */
	void heartbeat() {
		try {
			if (!this.registry.heartbeat(this.instance.instanceId())) {
				register();
				return;
			}
			if (this.failing) {
				logger.info("Instance " + this.instance.instanceId() + " reaches the clients table again");
			}
			this.failing = false;
		}
		catch (MigratorException ex) {
			failed(ex);
		}
	}

	private void failed(MigratorException ex) {
		if (!this.failing) {
			// Once per outage: contract revisions will not see this instance until it
			// reaches the table again.
			logger.warn("Instance " + this.instance.instanceId() + " could not record itself: " + ex.getMessage());
		}
		this.failing = true;
	}

}
