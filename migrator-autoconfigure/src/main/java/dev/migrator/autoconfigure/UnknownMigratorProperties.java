package dev.migrator.autoconfigure;

import dev.migrator.core.script.SpellingSuggestion;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Finds the {@code migrator.*} keys an environment sets that {@link MigratorProperties}
 * does not bind, with the known name each most likely means.
 */
final class UnknownMigratorProperties {

	private static final String ENVIRONMENT_PREFIX = "MIGRATOR_";

	private final MigratorPropertyNames known = MigratorPropertyNames.of();

	List<UnknownMigratorProperty> in(ConfigurableEnvironment environment) {
		Set<String> seen = new LinkedHashSet<>();
		List<UnknownMigratorProperty> unknown = new ArrayList<>();
		for (PropertySource<?> source : environment.getPropertySources()) {
			if (!(source instanceof EnumerablePropertySource<?> enumerable)
					|| ConfigurationPropertySources.isAttachedConfigurationPropertySource(source)) {
				continue;
			}
			boolean variables = source instanceof SystemEnvironmentPropertySource;
			for (String key : enumerable.getPropertyNames()) {
				if (isUnknown(key, variables) && seen.add(key)) {
					unknown.add(new UnknownMigratorProperty(key, source.getName(), suggestion(key, variables)));
				}
			}
		}
		return unknown;
	}

	private boolean isUnknown(String key, boolean variable) {
		if (variable) {
			return key.toUpperCase(Locale.ROOT).startsWith(ENVIRONMENT_PREFIX)
					&& !this.known.isKnownEnvironmentVariable(key);
		}
		String lower = key.toLowerCase(Locale.ROOT);
		return (lower.startsWith(MigratorPropertyNames.PREFIX + ".")
				|| lower.startsWith(MigratorPropertyNames.PREFIX + "[")) && !this.known.isKnown(key);
	}

	private Optional<String> suggestion(String key, boolean variable) {
		String written = variable ? key.toLowerCase(Locale.ROOT).replace('_', '.') : key;
		String[] elements = written.split("\\.");
		List<String> candidates = this.known.names().stream().map((name) -> withMapKey(name, elements)).toList();
		return SpellingSuggestion.closest(written, candidates);
	}

	/**
	 * The name with the key's own element in place of {@code *}, so that
	 * {@code migrator.replica.sources.eu.ulr} is compared with
	 * {@code migrator.replica.sources.eu.url}.
	 */
	private static String withMapKey(String name, String[] elements) {
		String[] parts = name.split("\\.");
		for (int i = 0; i < parts.length; i++) {
			if (parts[i].equals("*")) {
				parts[i] = (i < elements.length) ? elements[i] : "NAME";
			}
		}
		return String.join(".", parts);
	}

}
