package dev.migrator.core.replica;

import java.util.Objects;

import javax.sql.DataSource;

/**
 * A replica to measure lag on directly, under a name that tags its figures.
 *
 * @param name the name its lag is reported under, such as {@code replica-1}
 * @param dataSource a connection to the replica; only read
 */
public record ReplicaDataSource(String name, DataSource dataSource) {

	public ReplicaDataSource {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(dataSource, "dataSource");
		if (name.isBlank()) {
			throw new IllegalArgumentException("A replica data source needs a name to report its lag under");
		}
	}

}
