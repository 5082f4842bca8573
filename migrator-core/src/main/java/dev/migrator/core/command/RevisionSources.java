package dev.migrator.core.command;

import java.util.ArrayList;
import java.util.List;

import dev.migrator.core.config.MigratorConfig;
import dev.migrator.core.script.CompositeRevisionSource;
import dev.migrator.core.script.JavaRevisionSource;
import dev.migrator.core.script.Placeholders;
import dev.migrator.core.script.RevisionSource;
import dev.migrator.core.script.SqlFileRevisionSource;

/**
 * The configuration's revision sources as one: SQL folders, Java migrations, and those
 * added in code.
 */
final class RevisionSources {

	/**
	 * Stands for the dialect's name ({@code postgresql}, {@code sqlite}) in a location.
	 */
	static final String DIALECT_PLACEHOLDER = "{dialect}";

	private RevisionSources() {
	}

	static RevisionSource of(MigratorConfig config, DialectChoice dialects) {
		List<RevisionSource> sources = new ArrayList<>();
		if (!config.locations().isEmpty()) {
			sources.add(new SqlFileRevisionSource(locations(config, dialects), config.classLoader(),
					new Placeholders(config.placeholders())));
		}
		if (!config.javaMigrations().isEmpty() || !config.javaPackages().isEmpty()) {
			sources.add(new JavaRevisionSource(config.javaMigrations(), config.javaPackages(), config.classLoader()));
		}
		sources.addAll(config.extraSources());
		return new CompositeRevisionSource(sources);
	}

	/**
	 * The locations with {@value MigratorConfig#DIALECT_PLACEHOLDER} replaced by the
	 * dialect's name, so that one application can ship revisions for each database it
	 * supports; the database is asked only for its product name.
	 */
	private static List<String> locations(MigratorConfig config, DialectChoice dialects) {
		if (config.locations().stream().noneMatch((l) -> l.contains(MigratorConfig.DIALECT_PLACEHOLDER))) {
			return config.locations();
		}
		String name = dialects.required().name();
		return config.locations().stream().map((l) -> l.replace(MigratorConfig.DIALECT_PLACEHOLDER, name)).toList();
	}

}
