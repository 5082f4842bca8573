package dev.migrator.autoconfigure;

import java.beans.PropertyDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.beans.BeanUtils;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.core.ResolvableType;

/**
 * The names {@link MigratorProperties} binds, read from the class itself so that a
 * property is known as soon as it is added: {@code migrator.job.command},
 * {@code migrator.replica.sources.*.url} ({@code *} stands for a map key). A name is
 * matched in every form Spring Boot's relaxed binding accepts: kebab-case, camelCase,
 * indexed list elements, and environment variables such as {@code MIGRATOR_JOB_COMMAND}.
 */
final class MigratorPropertyNames {

	static final String PREFIX = "migrator";

	private static final String ANY_KEY = "*";

	private final List<String> names;

	private final List<Pattern> dotted;

	private final List<Pattern> joined;

	private MigratorPropertyNames(List<String> names) {
		this.names = List.copyOf(names);
		this.dotted = names.stream().map((name) -> pattern(name, "\\.", "[^.]+")).toList();
		this.joined = names.stream().map((name) -> pattern(name, "", ".+")).toList();
	}

	static MigratorPropertyNames of() {
		List<String> names = new ArrayList<>();
		collect(MigratorProperties.class, PREFIX, names);
		return new MigratorPropertyNames(names);
	}

	/** Every name in kebab-case, {@code *} standing for a map key. */
	List<String> names() {
		return this.names;
	}

	/**
	 * Whether a name, as written in a properties file, a YAML document or an argument, is
	 * bound.
	 */
	boolean isKnown(String written) {
		String name = String.join(".", uniformElements(ConfigurationPropertyName.adapt(written, '.')));
		return this.dotted.stream().anyMatch((pattern) -> pattern.matcher(name).matches());
	}

	/**
	 * Whether an environment variable is bound. Its underscores may stand for a dot or
	 * for a dash ({@code MIGRATOR_REPLICA_MAX_LAG_BYTES} and
	 * {@code MIGRATOR_REPLICA_MAXLAGBYTES} both bind), so they are not compared.
	 */
	boolean isKnownEnvironmentVariable(String written) {
		String name = String.join("", uniformElements(ConfigurationPropertyName.adapt(written, '_')));
		return this.joined.stream().anyMatch((pattern) -> pattern.matcher(name).matches());
	}

	/**
	 * Lower case without dashes, as relaxed binding compares; trailing list indexes
	 * dropped, since any element of a list is as known as the list.
	 */
	private static List<String> uniformElements(ConfigurationPropertyName name) {
		List<String> elements = new ArrayList<>();
		for (int i = 0; i < name.getNumberOfElements(); i++) {
			elements.add(name.getElement(i, ConfigurationPropertyName.Form.UNIFORM));
		}
		while (elements.size() > 1 && elements.get(elements.size() - 1).chars().allMatch(Character::isDigit)) {
			elements.remove(elements.size() - 1);
		}
		return elements;
	}

	private static Pattern pattern(String name, String separator, String anyKey) {
		List<String> parts = new ArrayList<>();
		for (String element : name.split("\\.")) {
			parts.add(element.equals(ANY_KEY) ? anyKey : Pattern.quote(element.replace("-", "")));
		}
		return Pattern.compile(String.join(separator, parts));
	}

	private static void collect(Class<?> type, String prefix, List<String> names) {
		for (PropertyDescriptor property : BeanUtils.getPropertyDescriptors(type)) {
			if (property.getReadMethod() == null || property.getName().equals("class")) {
				continue;
			}
			String name = prefix + "." + kebabCase(property.getName());
			Class<?> propertyType = property.getPropertyType();
			if (isNested(propertyType)) {
				collect(propertyType, name, names);
			}
			else if (Map.class.isAssignableFrom(propertyType)) {
				Class<?> valueType = ResolvableType.forMethodReturnType(property.getReadMethod())
					.asMap()
					.getGeneric(1)
					.resolve(Object.class);
				if (isNested(valueType)) {
					collect(valueType, name + "." + ANY_KEY, names);
				}
				else {
					names.add(name + "." + ANY_KEY);
				}
			}
			else {
				names.add(name);
			}
		}
	}

	private static boolean isNested(Class<?> type) {
		return !type.isEnum() && type.getName().startsWith(MigratorProperties.class.getName() + "$");
	}

	private static String kebabCase(String camelCase) {
		return camelCase.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
	}

}
