package dev.migrator.autoconfigure;

import javax.sql.DataSource;

import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.util.StringUtils;

/**
 * Chooses the DataSource migrations run on: a {@link MigratorDataSource @MigratorDataSource} bean, else one built
 * from {@code migrator.url}, else the application's, with {@code migrator.user} when it is set.
 */
final class MigrationDataSource {

	private final MigratorProperties properties;

	MigrationDataSource(MigratorProperties properties) {
		this.properties = properties;
	}

	DataSource choose(DataSource qualified, DataSource application, ClassLoader classLoader) {
		if (qualified != null) {
			return qualified;
		}
		if (StringUtils.hasText(this.properties.getUrl())) {
			// Unpooled on purpose: a migration needs one connection at a time, and only for the run.
			return DataSourceBuilder.create(classLoader)
				.type(SimpleDriverDataSource.class)
				.url(this.properties.getUrl())
				.username(this.properties.getUser())
				.password(this.properties.getPassword())
				.build();
		}
		if (StringUtils.hasText(this.properties.getUser()) && application != null) {
			return DataSourceBuilder.derivedFrom(application)
				.type(SimpleDriverDataSource.class)
				.username(this.properties.getUser())
				.password(this.properties.getPassword())
				.build();
		}
		if (application == null) {
			throw new IllegalStateException("migrator found no DataSource to migrate: define a single DataSource bean "
					+ "(or mark one @Primary), mark one @MigratorDataSource, or set migrator.url");
		}
		return application;
	}

}
