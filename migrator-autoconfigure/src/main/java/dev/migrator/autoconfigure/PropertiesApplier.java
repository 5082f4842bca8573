package dev.migrator.autoconfigure;

import dev.migrator.core.MigratorConfig;

/**
 * Copies the {@code migrator.*} properties onto the engine's configuration builder. Unset optional values keep the
 * engine's defaults; every check of a value is the engine's, so its message is the one users see.
 */
final class PropertiesApplier {

	private final MigratorProperties properties;

	PropertiesApplier(MigratorProperties properties) {
		this.properties = properties;
	}

	void applyTo(MigratorConfig.Builder builder) {
		MigratorProperties properties = this.properties;
		builder.locations(properties.getLocations());
		builder.javaPackages(properties.getJavaPackages());
		if (properties.getSchema() != null) {
			builder.schema(properties.getSchema());
		}
		builder.versionTable(properties.getVersionTable());
		builder.historyTable(properties.getHistoryTable());
		if (properties.getLockTimeout() != null) {
			builder.lockTimeout(properties.getLockTimeout());
		}
		if (properties.getStatementTimeout() != null) {
			builder.statementTimeout(properties.getStatementTimeout());
		}
		if (properties.getLockWait() != null) {
			builder.lockWait(properties.getLockWait());
		}
		if (properties.getChecksumPolicy() != null) {
			builder.checksumPolicy(properties.getChecksumPolicy());
		}
	}

}
