package dev.migrator.core.compat;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A row of the clients table: an application instance as it last reported itself.
 *
 * @param instanceId unique per running process
 * @param application the application's name
 * @param version the application's version
 * @param heads the revisions its code needs
 * @param registeredAt when it registered
 * @param lastHeartbeat when it last said it is alive
 */
public record RegisteredClient(String instanceId, String application, String version, Set<String> heads,
		Instant registeredAt, Instant lastHeartbeat) {

	public RegisteredClient {
		Objects.requireNonNull(instanceId, "instanceId");
		Objects.requireNonNull(application, "application");
		Objects.requireNonNull(version, "version");
		heads = java.util.Collections.unmodifiableSet(new TreeSet<>(heads));
		Objects.requireNonNull(registeredAt, "registeredAt");
		Objects.requireNonNull(lastHeartbeat, "lastHeartbeat");
	}

	/** The instance as messages name it: id, application and version. */
	public String describe() {
		return this.instanceId + " (" + this.application + " " + this.version + ")";
	}

}
