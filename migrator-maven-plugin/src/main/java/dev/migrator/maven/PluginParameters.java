package dev.migrator.maven;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The connection and location parameters as given to a goal (plugin configuration or
 * {@code -Dmigrator.*}); empty where not given.
 */
record PluginParameters(Optional<String> url, Optional<String> user, Optional<String> password, List<String> locations,
		List<String> javaPackages, Optional<String> dialect, Optional<String> schema, Optional<String> versionTable,
		Optional<String> historyTable, Optional<Path> sourceFolder) {

	PluginParameters {
		url = blankless(url);
		user = blankless(user);
		password = blankless(password);
		locations = List.copyOf(locations);
		javaPackages = List.copyOf(javaPackages);
		dialect = blankless(dialect);
		schema = blankless(schema);
		versionTable = blankless(versionTable);
		historyTable = blankless(historyTable);
	}

	static PluginParameters none() {
		return new PluginParameters(Optional.empty(), Optional.empty(), Optional.empty(), List.of(), List.of(),
				Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
	}

	private static Optional<String> blankless(Optional<String> value) {
		return value.map(String::strip).filter((v) -> !v.isEmpty());
	}

}
