package dev.migrator.autoconfigure;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.core.env.Environment;

/**
 * Who this running application is, as the clients table records it.
 *
 * @param instanceId the host (a pod's name in Kubernetes) and a random suffix, unique per
 * process
 * @param application {@code spring.application.name}, else {@code application}
 * @param version {@code spring.application.version} (the jar's Implementation-Version),
 * else the build info's, else {@code unknown}
 */
public record RunningInstance(String instanceId, String application, String version) {

	public RunningInstance {
		Objects.requireNonNull(instanceId, "instanceId");
		Objects.requireNonNull(application, "application");
		Objects.requireNonNull(version, "version");
	}

	static RunningInstance of(Environment environment, Optional<String> buildVersion) {
		String application = environment.getProperty("spring.application.name", "application");
		String version = Optional.ofNullable(environment.getProperty("spring.application.version"))
			.filter((v) -> !v.isBlank())
			.or(() -> buildVersion)
			.orElse("unknown");
		byte[] suffix = new byte[4];
		ThreadLocalRandom.current().nextBytes(suffix);
		return new RunningInstance(host() + "-" + HexFormat.of().formatHex(suffix), application, version);
	}

	private static String host() {
		String host = System.getenv("HOSTNAME");
		if (host != null && !host.isBlank()) {
			return host;
		}
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			return "localhost";
		}
	}

}
