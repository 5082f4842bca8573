package dev.migrator.maven;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The settings a goal runs with: the plugin's parameters where given, else the starter's
 * keys in the project's {@code application.properties} ({@code migrator.*}, then
 * {@code spring.datasource.*}), else the starter's defaults. {@code classpath:} locations
 * become the project's resource folders, so that the goals read and write the revision
 * files in {@code src/main/resources}, not their copies in {@code target/classes}.
 *
 * @param url the JDBC URL; empty for the goals that need no database
 * @param user the database user
 * @param password the database password
 * @param locations revision folders, all {@code filesystem:}
 * @param javaPackages packages scanned for Java migrations in the project's compiled
 * classes
 * @param dialect the dialect, given or read from the URL
 * @param schema the schema of the state tables
 * @param versionTable the version table's name
 * @param historyTable the history table's name
 * @param sourceFolder the folder new SQL revisions are written to
 * @param engine the starter's other engine settings, from the same application properties
 */
record PluginSettings(Optional<String> url, Optional<String> user, Optional<String> password, List<String> locations,
		List<String> javaPackages, Optional<String> dialect, Optional<String> schema, Optional<String> versionTable,
		Optional<String> historyTable, Path sourceFolder, EngineSettings engine) {

	static final String DEFAULT_LOCATION = "classpath:db/revisions";

	private static final String DIALECT = "{dialect}";

	/**
	 * @param parameters what the goal was given
	 * @param application the project's application.properties
	 * @param basedir the project's folder, which relative file system paths are relative
	 * to
	 * @param resourceRoots the project's resource folders, where {@code classpath:}
	 * locations are looked for
	 */
	static PluginSettings resolve(PluginParameters parameters, ApplicationProperties application, Path basedir,
			List<Path> resourceRoots) {
		// As the starter: migrator.url with migrator.user, else the application's
		// DataSource, its user replaceable.
		Optional<String> migratorUrl = application.get("migrator.url");
		Optional<String> url = parameters.url()
			.or(() -> migratorUrl)
			.or(() -> application.get("spring.datasource.url"));
		Optional<String> user = parameters.user()
			.or(() -> application.get("migrator.user"))
			.or(() -> migratorUrl.isPresent() ? Optional.empty() : application.get("spring.datasource.username"));
		boolean ownUser = parameters.user().isPresent() || application.get("migrator.user").isPresent();
		Optional<String> password = parameters.password()
			.or(() -> application.get("migrator.password"))
			.or(() -> (migratorUrl.isPresent() || ownUser) ? Optional.empty()
					: application.get("spring.datasource.password"));
		Optional<String> dialect = parameters.dialect()
			.or(() -> application.get("migrator.dialect"))
			.or(() -> url.flatMap(PluginSettings::dialectOf));
		List<String> written = !parameters.locations().isEmpty() ? parameters.locations()
				: application.get("migrator.locations").map(PluginSettings::list).orElse(List.of(DEFAULT_LOCATION));
		List<String> locations = new ArrayList<>();
		for (String location : written) {
			locations.add(onFileSystem(location, dialect, basedir, resourceRoots));
		}
		List<String> javaPackages = !parameters.javaPackages().isEmpty() ? parameters.javaPackages()
				: application.get("migrator.java-packages").map(PluginSettings::list).orElse(List.of());
		Path sourceFolder = parameters.sourceFolder()
			.map(basedir::resolve)
			.orElseGet(() -> Path.of(locations.get(0).substring("filesystem:".length())));
		return new PluginSettings(url, user, password, locations, javaPackages, dialect,
				parameters.schema().or(() -> application.get("migrator.schema")),
				parameters.versionTable().or(() -> application.get("migrator.version-table")),
				parameters.historyTable().or(() -> application.get("migrator.history-table")), sourceFolder,
				new EngineSettings(application));
	}

	/** The folder new revisions go to, with {@code {dialect}} replaced. */
	Path revisionFolder() {
		String folder = this.sourceFolder.toString();
		if (!folder.contains(DIALECT)) {
			return this.sourceFolder;
		}
		return Path.of(folder.replace(DIALECT,
				this.dialect.orElseThrow(() -> new IllegalStateException("The revision folder " + folder
						+ " depends on the dialect: set migrator.dialect (postgresql or "
						+ "sqlite) or a database URL."))));
	}

	static Optional<String> dialectOf(String url) {
		String lower = url.toLowerCase(Locale.ROOT);
		if (lower.startsWith("jdbc:postgresql:")) {
			return Optional.of("postgresql");
		}
		if (lower.startsWith("jdbc:sqlite:")) {
			return Optional.of("sqlite");
		}
		return Optional.empty();
	}

	static List<String> list(String commaSeparated) {
		return Arrays.stream(commaSeparated.split(",")).map(String::strip).filter((s) -> !s.isEmpty()).toList();
	}

	/**
	 * The location as a {@code filesystem:} folder: a {@code classpath:} one (or a bare
	 * path, which the engine reads as the class path) in the first resource folder that
	 * has it, a relative file system one under the project.
	 */
	private static String onFileSystem(String location, Optional<String> dialect, Path basedir,
			List<Path> resourceRoots) {
		String text = location.strip();
		if (text.toLowerCase(Locale.ROOT).startsWith("filesystem:")) {
			return "filesystem:" + basedir.resolve(text.substring("filesystem:".length()).strip()).normalize();
		}
		String path = text.toLowerCase(Locale.ROOT).startsWith("classpath:") ? text.substring("classpath:".length())
				: text;
		String folder = path.strip().replaceAll("^/+", "").replaceAll("/+$", "");
		String existing = dialect.map((d) -> folder.replace(DIALECT, d)).orElse(folder);
		List<Path> roots = resourceRoots.isEmpty() ? List.of(basedir.resolve("src/main/resources")) : resourceRoots;
		Path root = roots.stream()
			.filter((r) -> Files.isDirectory(r.resolve(existing)))
			.findFirst()
			.orElse(roots.get(0));
		return "filesystem:" + root.resolve(folder).normalize();
	}

}
