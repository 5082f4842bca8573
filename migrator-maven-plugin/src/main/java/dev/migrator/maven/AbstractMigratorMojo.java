package dev.migrator.maven;

import dev.migrator.core.Migrator;
import dev.migrator.core.config.MigratorConfig;
import dev.migrator.core.error.MigratorException;
import dev.migrator.core.report.Report;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Resource;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * What every goal shares: the connection and location parameters, their resolution
 * against the project's {@code application.properties}, the class loader over the
 * project's compiled classes and runtime dependencies (for Java migrations, and JDBC
 * drivers the project depends on), and the translation of engine errors into build
 * failures that carry the engine's message.
 */
public abstract class AbstractMigratorMojo extends AbstractMojo {

	@Parameter(defaultValue = "${project}", readonly = true, required = true)
	protected MavenProject project;

	/** The build, for its {@code -D} user properties. */
	@Parameter(defaultValue = "${session}", readonly = true, required = true)
	private MavenSession session;

	/**
	 * JDBC URL of the database; else {@code migrator.url}, else
	 * {@code spring.datasource.url} of application.properties.
	 */
	@Parameter(property = "migrator.url")
	private String url;

	/**
	 * Database user; else {@code migrator.user}, else {@code spring.datasource.username}.
	 */
	@Parameter(property = "migrator.user")
	private String user;

	/**
	 * Database password; else {@code migrator.password}, else
	 * {@code spring.datasource.password}.
	 */
	@Parameter(property = "migrator.password")
	private String password;

	/**
	 * Revision folders, comma-separated, {@code classpath:} (looked up in the project's
	 * resource folders) or {@code filesystem:} (relative to the project); else
	 * {@code migrator.locations}, else {@code classpath:db/revisions}.
	 */
	@Parameter(property = "migrator.locations")
	private String locations;

	/**
	 * Packages scanned for Java migrations in the compiled classes, comma-separated; else
	 * {@code migrator.java-packages}.
	 */
	@Parameter(property = "migrator.javaPackages")
	private String javaPackages;

	/**
	 * {@code postgresql} or {@code sqlite}; else {@code migrator.dialect}, else read from
	 * the URL.
	 */
	@Parameter(property = "migrator.dialect")
	private String dialect;

	/** Schema of the state tables; else {@code migrator.schema}. */
	@Parameter(property = "migrator.schema")
	private String schema;

	/**
	 * Name of the version table; else {@code migrator.version-table}, else
	 * {@code migrator_version}.
	 */
	@Parameter(property = "migrator.versionTable")
	private String versionTable;

	/**
	 * Name of the history table; else {@code migrator.history-table}, else
	 * {@code migrator_history}.
	 */
	@Parameter(property = "migrator.historyTable")
	private String historyTable;

	/** The folder new SQL revisions are written to; else the first location. */
	@Parameter(property = "migrator.sourceFolder")
	private File sourceFolder;

	/**
	 * The Spring Boot properties file the settings are read from when the plugin does not
	 * set them.
	 */
	@Parameter(property = "migrator.applicationProperties",
			defaultValue = "${project.basedir}/src/main/resources/application.properties")
	private File applicationProperties;

	/** Whether to skip the goal. */
	@Parameter(property = "migrator.skip", defaultValue = "false")
	private boolean skip;

	/**
	 * Where the read-only goals print their result: standard output, as the migration job
	 * does, so that it shows under {@code -q} and can be redirected.
	 */
	private PrintStream out = System.out;

	@Override
	public final void execute() throws MojoExecutionException, MojoFailureException {
		if (this.skip) {
			getLog().info("Skipping migrator (migrator.skip)");
			return;
		}
		PluginSettings settings = settings();
		Thread thread = Thread.currentThread();
		ClassLoader previous = thread.getContextClassLoader();
		try (URLClassLoader loader = projectClassLoader()) {
			thread.setContextClassLoader(new GoalClassLoader(loader));
			run(settings, loader);
		}
		catch (MigratorException ex) {
			throw new MojoFailureException("[" + ex.code() + "] " + ex.getMessage(), ex);
		}
		catch (IllegalStateException ex) {
			throw new MojoFailureException(ex.getMessage(), ex);
		}
		catch (IOException ex) {
			throw new MojoExecutionException("Could not close the project's class loader: " + ex.getMessage(), ex);
		}
		finally {
			thread.setContextClassLoader(previous);
		}
	}

	/** Runs the goal. */
	abstract void run(PluginSettings settings, ClassLoader loader) throws MojoExecutionException, MojoFailureException;

	PluginSettings settings() {
		Path basedir = this.project.getBasedir().toPath();
		List<Path> resourceRoots = new ArrayList<>();
		for (Resource resource : this.project.getResources()) {
			resourceRoots.add(basedir.resolve(resource.getDirectory()));
		}
		PluginParameters parameters = new PluginParameters(Optional.ofNullable(this.url),
				Optional.ofNullable(this.user), Optional.ofNullable(this.password), list(this.locations),
				list(this.javaPackages), Optional.ofNullable(this.dialect), Optional.ofNullable(this.schema),
				Optional.ofNullable(this.versionTable), Optional.ofNullable(this.historyTable),
				Optional.ofNullable(this.sourceFolder).map(File::toPath));
		// -Dmigrator.lock-timeout=5s and the like win over the file, as the parameters
		// do.
		ApplicationProperties application = ApplicationProperties.read(this.applicationProperties.toPath())
			.overriddenBy(userProperties());
		return PluginSettings.resolve(parameters, application, basedir, resourceRoots);
	}

	private Map<String, String> userProperties() {
		Map<String, String> properties = new HashMap<>();
		if (this.session != null) {
			Properties given = this.session.getUserProperties();
			given.stringPropertyNames().forEach((name) -> properties.put(name, given.getProperty(name)));
		}
		return properties;
	}

	/**
	 * The engine's configuration for the settings; a DataSource only when a URL is set.
	 */
	MigratorConfig config(PluginSettings settings, ClassLoader loader) {
		MigratorConfig.Builder builder = MigratorConfig.builder()
			.locations(settings.locations())
			.javaPackages(settings.javaPackages())
			.classLoader(loader);
		settings.url()
			.ifPresent(
					(u) -> builder.dataSource(new DriverDataSource(u, settings.user(), settings.password(), loader)));
		settings.dialect().ifPresent(builder::dialect);
		settings.schema().ifPresent(builder::schema);
		settings.versionTable().ifPresent(builder::versionTable);
		settings.historyTable().ifPresent(builder::historyTable);
		settings.engine().applyTo(builder, loader);
		return builder.build();
	}

	Migrator migrator(PluginSettings settings, ClassLoader loader) {
		return Migrator.create(config(settings, loader));
	}

	/** Fails unless a database URL is set, for the goals that need one. */
	static void requireDatabase(PluginSettings settings, String goal) throws MojoFailureException {
		if (settings.url().isEmpty()) {
			throw new MojoFailureException(goal + " needs a database: set -Dmigrator.url (or <url> in the plugin's "
					+ "configuration, or spring.datasource.url in src/main/resources/application.properties).");
		}
	}

	static List<String> list(String commaSeparated) {
		return (commaSeparated == null) ? List.of() : PluginSettings.list(commaSeparated);
	}

	static Optional<String> optional(String value) {
		return Optional.ofNullable(value).map(String::strip).filter((v) -> !v.isEmpty());
	}

	/** The lines of a multi-line text, each logged at info level. */
	void info(String text) {
		text.lines().forEach(getLog()::info);
	}

	/** A report's lines, each logged at info level. */
	void info(Report report) {
		info(report.text());
	}

	/** Prints a result on standard output. */
	void print(String text) {
		this.out.print(text);
		this.out.flush();
	}

	/** Prints a report on standard output. */
	void print(Report report) {
		print(report.text());
	}

	/** Sends what {@link #print} prints elsewhere, for tests. */
	void printTo(PrintStream out) {
		this.out = out;
	}

	private URLClassLoader projectClassLoader() throws MojoExecutionException {
		List<URL> urls = new ArrayList<>();
		try {
			for (String element : this.project.getRuntimeClasspathElements()) {
				urls.add(new File(element).toURI().toURL());
			}
		}
		catch (DependencyResolutionRequiredException | MalformedURLException ex) {
			throw new MojoExecutionException("Could not build the project's class path: " + ex.getMessage(), ex);
		}
		// The plugin's own classes (the engine, the drivers declared as plugin
		// dependencies) come first.
		return new URLClassLoader(urls.toArray(URL[]::new), getClass().getClassLoader());
	}

}
