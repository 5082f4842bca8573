package dev.migrator.core.command;

import java.util.Optional;

import dev.migrator.core.config.MigratorConfig;
import dev.migrator.core.error.ErrorCode;
import dev.migrator.core.fleet.FleetTarget;
import dev.migrator.core.replica.ReplicaLagMonitor;
import dev.migrator.core.script.RevisionGraph;
import dev.migrator.core.script.RevisionGraphException;

/**
 * What every command shares: the configuration, the revision graph (loaded and validated
 * once, before anything touches the database), the sessions on the database and the
 * replica lag monitor.
 */
public final class CommandContext {

	private final MigratorConfig config;

	private final Sessions sessions;

	private final DialectChoice dialects;

	private final ReplicaLagMonitor replicaLagMonitor;

	private volatile RevisionGraph graph;

	public CommandContext(MigratorConfig config) {
		this.config = config;
		this.sessions = new Sessions(config);
		this.dialects = new DialectChoice(config);
		this.replicaLagMonitor = new ReplicaLagMonitor(config.dataSource(), config.replicaSettings().replicas());
	}

	/** A context on another configuration that shares this one's validated graph. */
	private CommandContext(MigratorConfig config, RevisionGraph graph) {
		this(config);
		this.graph = graph;
	}

	/**
	 * This context for one target of the fleet: its own connections and state tables, the
	 * revisions loaded once for all targets.
	 */
	CommandContext forTarget(FleetTarget target) {
		return new CommandContext(this.config.forFleetTarget(target), graph());
	}

	/**
	 * This context on a scratch configuration (drift's copy of the schema), sharing the
	 * validated graph.
	 */
	CommandContext forScratch(MigratorConfig scratch) {
		return new CommandContext(scratch, graph());
	}

	public MigratorConfig config() {
		return this.config;
	}

	/** The validated revision graph, loaded on first use. */
	public RevisionGraph graph() {
		RevisionGraph loaded = this.graph;
		if (loaded == null) {
			synchronized (this) {
				loaded = this.graph;
				if (loaded == null) {
					loaded = load();
					this.graph = loaded;
				}
			}
		}
		return loaded;
	}

	private RevisionGraph load() {
		try {
			return RevisionGraph.of(RevisionSources.of(this.config, this.dialects).load());
		}
		catch (RevisionGraphException ex) {
			boolean missing = ex.errorCode() == ErrorCode.UNKNOWN_PARENT
					|| ex.errorCode() == ErrorCode.UNKNOWN_DEPENDENCY;
			if (!missing || !this.config.javaPackages().isEmpty()) {
				throw ex;
			}
			// The newcomer's case: a Java migration written, its package never named.
			throw new RevisionGraphException(ex.errorCode(),
					ex.getMessage() + " If it is a Java migration, name its package in migrator.java-packages "
							+ "(MigratorConfig.Builder.javaPackages): no package is scanned for Java migrations now.");
		}
	}

	public Sessions sessions() {
		return this.sessions;
	}

	public ReplicaLagMonitor replicaLagMonitor() {
		return this.replicaLagMonitor;
	}

	DialectChoice dialects() {
		return this.dialects;
	}

	/**
	 * Who runs the command, as the history table records it: user and host, never more.
	 */
	static String runBy() {
		String host = Optional.ofNullable(System.getenv("HOSTNAME")).filter((h) -> !h.isBlank()).orElse("localhost");
		return System.getProperty("user.name", "unknown") + "@" + host;
	}

}
