package dev.migrator.maven;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code migrator.*} and {@code spring.datasource.*} keys of a project's
 * {@code application.properties}, read the way Spring Boot reads them where it matters
 * here: a key matches in kebab case, camel case or with underscores
 * ({@code java-packages}, {@code javaPackages}), and {@code ${NAME:default}} placeholders
 * are resolved from other keys, system properties and the environment.
 */
final class ApplicationProperties {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}:]+)(?::([^}]*))?}");

	private final Properties properties;

	private final Function<String, String> environment;

	ApplicationProperties(Properties properties, Function<String, String> environment) {
		this.properties = properties;
		this.environment = environment;
	}

	/** The file's keys; none when the file does not exist. */
	static ApplicationProperties read(Path file) {
		Properties properties = new Properties();
		if (Files.isRegularFile(file)) {
			try (Reader reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
				properties.load(reader);
			}
			catch (IOException ex) {
				throw new IllegalStateException("Could not read " + file + ": " + ex.getMessage(), ex);
			}
		}
		return new ApplicationProperties(properties,
				(name) -> Optional.ofNullable(System.getProperty(name)).orElseGet(() -> System.getenv(name)));
	}

	static ApplicationProperties of(Map<String, String> entries) {
		Properties properties = new Properties();
		properties.putAll(entries);
		return new ApplicationProperties(properties, (name) -> null);
	}

	/**
	 * The value of the key (in its canonical kebab-case form, such as
	 * {@code migrator.java-packages}).
	 */
	Optional<String> get(String key) {
		for (String name : this.properties.stringPropertyNames()) {
			if (canonical(name).equals(canonical(key))) {
				String value = resolve(this.properties.getProperty(name).strip(), 0);
				return value.isEmpty() ? Optional.empty() : Optional.of(value);
			}
		}
		return Optional.empty();
	}

	/**
	 * The keys of a map property such as {@code migrator.replica.sources.<name>.url}: the
	 * names between the prefix and the last dot, in the order first seen.
	 * @param prefix the map's key with its trailing dot, such as
	 * {@code migrator.replica.sources.}
	 */
	Set<String> mapKeys(String prefix) {
		Set<String> keys = new LinkedHashSet<>();
		for (String name : this.properties.stringPropertyNames().stream().sorted().toList()) {
			if (name.length() > prefix.length() && name.substring(0, prefix.length()).equalsIgnoreCase(prefix)) {
				String rest = name.substring(prefix.length());
				int dot = rest.lastIndexOf('.');
				if (dot > 0) {
					keys.add(rest.substring(0, dot));
				}
			}
		}
		return keys;
	}

	/**
	 * The entries of a map of strings such as {@code migrator.placeholders}, by key as
	 * written ({@code migrator.placeholders.schema} or
	 * {@code migrator.placeholders[flyway:schema]}); an empty value is a value.
	 * @param map the map's key, such as {@code migrator.placeholders}
	 */
	Map<String, String> entries(String map) {
		Map<String, String> entries = new LinkedHashMap<>();
		for (String name : this.properties.stringPropertyNames().stream().sorted().toList()) {
			int length = map.length();
			if (name.length() <= length + 1 || !canonical(name.substring(0, length)).equals(canonical(map))) {
				continue;
			}
			String rest = name.substring(length);
			String key = rest.startsWith(".") ? rest.substring(1)
					: (rest.startsWith("[") && rest.endsWith("]")) ? rest.substring(1, rest.length() - 1) : "";
			if (!key.isEmpty()) {
				entries.put(key, resolve(this.properties.getProperty(name).strip(), 0));
			}
		}
		return entries;
	}

	/**
	 * These properties with the {@code migrator.*} entries of {@code given} in place of
	 * the keys they spell (in any of Spring Boot's spellings): how a {@code -D} user
	 * property overrides the file.
	 */
	ApplicationProperties overriddenBy(Map<String, String> given) {
		Map<String, String> migrator = new LinkedHashMap<>();
		given.forEach((key, value) -> {
			if (canonical(key).startsWith("migrator.")) {
				migrator.put(key, value);
			}
		});
		Set<String> overridden = new HashSet<>();
		migrator.keySet().forEach((key) -> overridden.add(canonical(key)));
		Properties merged = new Properties();
		for (String name : this.properties.stringPropertyNames()) {
			if (!overridden.contains(canonical(name))) {
				merged.setProperty(name, this.properties.getProperty(name));
			}
		}
		migrator.forEach(merged::setProperty);
		return new ApplicationProperties(merged, this.environment);
	}

	/**
	 * Lower case without dashes and underscores, so that each spelling Spring Boot
	 * accepts compares equal.
	 */
	private static String canonical(String key) {
		return key.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
	}

	private String resolve(String value, int depth) {
		if (depth > 10) {
			return value;
		}
		Matcher matcher = PLACEHOLDER.matcher(value);
		StringBuilder resolved = new StringBuilder();
		while (matcher.find()) {
			String name = matcher.group(1).strip();
			String replacement = Optional.ofNullable(this.properties.getProperty(name))
				.or(() -> Optional.ofNullable(this.environment.apply(name)))
				.or(() -> Optional.ofNullable(
						this.environment.apply(name.toUpperCase(Locale.ROOT).replace('.', '_').replace("-", ""))))
				.orElse(matcher.group(2) != null ? matcher.group(2) : matcher.group(0));
			matcher.appendReplacement(resolved, Matcher.quoteReplacement(resolve(replacement, depth + 1)));
		}
		matcher.appendTail(resolved);
		return resolved.toString();
	}

}
