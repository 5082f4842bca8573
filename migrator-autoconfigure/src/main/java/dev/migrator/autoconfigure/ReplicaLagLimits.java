package dev.migrator.autoconfigure;

import dev.migrator.core.config.ReplicaLagSettings;
import dev.migrator.core.script.LagLimits;

import java.util.Optional;
import java.util.OptionalLong;

import org.springframework.util.unit.DataSize;

/**
 * The engine's {@link LagLimits} from the {@code migrator.replica.*} limits, checked by
 * the engine's {@link ReplicaLagSettings} as the Maven plugin's are.
 */
final class ReplicaLagLimits {

	private ReplicaLagLimits() {
	}

	static LagLimits of(MigratorProperties.Replica replica) {
		return ReplicaLagSettings.limits(bytes(replica.getMaxLagBytes()), bytes(replica.getResumeLagBytes()),
				Optional.ofNullable(replica.getMaxLag()), Optional.ofNullable(replica.getResumeLag()));
	}

	private static OptionalLong bytes(DataSize size) {
		return (size != null) ? OptionalLong.of(size.toBytes()) : OptionalLong.empty();
	}

}
