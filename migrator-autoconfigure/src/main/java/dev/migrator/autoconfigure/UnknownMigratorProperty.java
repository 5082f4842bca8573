package dev.migrator.autoconfigure;

import java.util.Optional;

/**
 * A {@code migrator.*} key that no property binds: most often a typo, which would
 * otherwise leave the setting at its default without a word.
 *
 * @param key the key as written
 * @param source the property source that holds it (command line, a config file, the
 * environment)
 * @param suggestion the known property it most likely means
 */
record UnknownMigratorProperty(String key, String source, Optional<String> suggestion) {

	String describe() {
		return "Unknown property " + this.key + " (in " + this.source + ")"
				+ this.suggestion.map((name) -> ": did you mean " + name + "?").orElse(".");
	}

}
