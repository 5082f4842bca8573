package dev.migrator.autoconfigure;

import dev.migrator.core.dialect.Dialects;
import dev.migrator.core.dialect.UnsupportedDatabaseException;
import dev.migrator.core.sql.JdbcUrlRedaction;

import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.util.StringUtils;

/**
 * Chooses the DataSource migrations run on: a
 * {@link MigratorDataSource @MigratorDataSource} bean, else one built from
 * {@code migrator.url}, else the application's, with {@code migrator.user} when it is
 * set; none when there is none of these and {@code migrator.dialect} is set, for the
 * commands that need no database.
 */
final class MigrationDataSource {

	private final MigratorProperties properties;

	MigrationDataSource(MigratorProperties properties) {
		this.properties = properties;
	}

	Optional<DataSource> choose(DataSource qualified, DataSource application, ClassLoader classLoader) {
		if (qualified != null) {
			return Optional.of(qualified);
		}
		if (StringUtils.hasText(this.properties.getUrl())) {
			requireSupported(this.properties.getUrl());
			// Unpooled on purpose: a migration needs one connection at a time, and only
			// for the run.
			return Optional.of(DataSourceBuilder.create(classLoader)
				.type(SimpleDriverDataSource.class)
				.url(this.properties.getUrl())
				.username(this.properties.getUser())
				.password(this.properties.getPassword())
				.build());
		}
		if (StringUtils.hasText(this.properties.getUser()) && application != null) {
			return Optional.of(DataSourceBuilder.derivedFrom(application)
				.type(SimpleDriverDataSource.class)
				.username(this.properties.getUser())
				.password(this.properties.getPassword())
				.build());
		}
		if (application == null && StringUtils.hasText(this.properties.getDialect())) {
			// sql and lint work from the dialect alone; commands that need the database
			// say so when run.
			return Optional.empty();
		}
		if (application == null) {
			throw new IllegalStateException("migrator found no DataSource to migrate: define a single DataSource bean "
					+ "(or mark one @Primary), mark one @MigratorDataSource, or set migrator.url");
		}
		return Optional.of(application);
	}

	/**
	 * A URL of a database the engine has no dialect for fails here, naming the ones it
	 * has, rather than later as a driver class that cannot be loaded.
	 */
	private static void requireSupported(String url) {
		String trimmed = url.trim();
		if (trimmed.startsWith("jdbc:postgresql:") || trimmed.startsWith("jdbc:sqlite:")) {
			return;
		}
		throw new UnsupportedDatabaseException("migrator.url is " + JdbcUrlRedaction.withoutCredentials(trimmed)
				+ ", a database migrator has no dialect for. Supported: " + Dialects.supportedNames()
				+ " (jdbc:postgresql://HOST:PORT/DATABASE or jdbc:sqlite:FILE).");
	}

}
