package dev.migrator.core.command;

import java.util.Optional;

import dev.migrator.core.config.MigratorConfig;
import dev.migrator.core.replica.ReplicaLagMonitor;
import dev.migrator.core.script.RevisionGraph;

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
					loaded = RevisionGraph.of(RevisionSources.of(this.config, this.dialects).load());
					this.graph = loaded;
				}
			}
		}
		return loaded;
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
