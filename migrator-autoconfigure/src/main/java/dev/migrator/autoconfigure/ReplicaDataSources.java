package dev.migrator.autoconfigure;

import dev.migrator.core.error.ErrorCode;

import dev.migrator.core.config.MigratorConfig;
import dev.migrator.core.error.MigratorException;

import java.util.Map;

import javax.sql.DataSource;

import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.util.StringUtils;

/**
 * Builds a DataSource for each replica of {@code migrator.replica.sources.<name>.*} and
 * gives it to the engine under its name, which tags the replica's lag figures.
 */
final class ReplicaDataSources {

	private final Map<String, MigratorProperties.Replica.Source> sources;

	ReplicaDataSources(MigratorProperties.Replica replica) {
		this.sources = replica.getSources();
	}

	void applyTo(MigratorConfig.Builder builder, ClassLoader classLoader) {
		this.sources.forEach((name, source) -> builder.replica(name, dataSource(name, source, classLoader)));
	}

	private static DataSource dataSource(String name, MigratorProperties.Replica.Source source,
			ClassLoader classLoader) {
		if (!StringUtils.hasText(source.getUrl())) {
			throw new MigratorException(ErrorCode.INVALID_CONFIGURATION,
					"migrator.replica.sources." + name + ".url is empty. " + "Set it to the JDBC URL of replica " + name
							+ ", or remove migrator.replica.sources." + name + ".");
		}
		// Unpooled on purpose: lag is read once per poll interval, over a connection that
		// is closed right after.
		return DataSourceBuilder.create(classLoader)
			.type(SimpleDriverDataSource.class)
			.url(source.getUrl())
			.username(source.getUsername())
			.password(source.getPassword())
			.build();
	}

}
