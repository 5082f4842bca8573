package dev.migrator.core.compat;

import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A running application instance as it registers itself.
 *
 * @param instanceId unique per running process, such as the pod name and a random suffix
 * @param application the application's name
 * @param version the application's version
 * @param heads the revisions its code needs: the heads of its revision graph
 */
public record ClientInstance(String instanceId, String application, String version, Set<String> heads) {

	public ClientInstance {
		Objects.requireNonNull(instanceId, "instanceId");
		Objects.requireNonNull(application, "application");
		Objects.requireNonNull(version, "version");
		heads = java.util.Collections.unmodifiableSet(new TreeSet<>(heads));
	}

}
