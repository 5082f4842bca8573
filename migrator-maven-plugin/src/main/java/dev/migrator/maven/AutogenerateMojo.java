package dev.migrator.maven;

import dev.migrator.core.Migrator;
import dev.migrator.core.config.MigratorConfig;
import dev.migrator.core.authoring.Autogenerate;
import dev.migrator.core.authoring.AutogenerateResult;
import dev.migrator.core.authoring.RevisionWriter;
import dev.migrator.core.authoring.schema.ObjectFilter;

import java.io.File;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Drafts a Java revision from the difference between a desired schema (a file of
 * {@code CREATE} statements) and the database (Alembic's
 * {@code revision --autogenerate}). The database must be at the code's heads. Review the
 * draft: its warning comments say what it could not decide, such as a column that may
 * have been renamed.
 */
@Mojo(name = "autogenerate", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class AutogenerateMojo extends AbstractMigratorMojo {

	/** What the revision does; also the end of its id and class name. */
	@Parameter(property = "migrator.message", required = true)
	private String message;

	/**
	 * The desired schema: CREATE statements for the tables, indexes and (PostgreSQL) enum
	 * types.
	 */
	@Parameter(property = "migrator.schemaFile", defaultValue = "${project.basedir}/src/main/resources/db/schema.sql")
	private File schemaFile;

	/** Globs of the tables to compare, comma-separated; all when empty. */
	@Parameter(property = "migrator.include")
	private String include;

	/**
	 * Globs of the tables to leave alone, comma-separated. The migrator's own tables
	 * always are.
	 */
	@Parameter(property = "migrator.exclude")
	private String exclude;

	/**
	 * The revision the draft follows, as for migrator:revision; required when there are
	 * several heads.
	 */
	@Parameter(property = "migrator.head")
	private String head;

	/** The package of the draft's class. */
	@Parameter(property = "migrator.javaPackage", required = true)
	private String javaPackage;

	/** The source root the draft is written under. */
	@Parameter(property = "migrator.javaSourceFolder", defaultValue = "${project.build.sourceDirectory}")
	private File javaSourceFolder;

	@Override
	void run(PluginSettings settings, ClassLoader loader) throws MojoFailureException {
		requireDatabase(settings, "migrator:autogenerate");
		MigratorConfig config = config(settings, loader);
		Autogenerate autogenerate = new Autogenerate(config, new RevisionWriter(() -> Migrator.create(config).graph()));
		AutogenerateResult result = autogenerate.revision(this.message, this.schemaFile.toPath(),
				ObjectFilter.of(list(this.include), list(this.exclude)), optional(this.head),
				this.javaSourceFolder.toPath(), this.javaPackage);
		result.draft().warnings().forEach((w) -> getLog().warn(w));
		if (result.revision().isEmpty()) {
			getLog().info("No changes: the database matches " + this.schemaFile + ". Nothing was written.");
			return;
		}
		getLog().info("Wrote the draft " + result.revision().get().file() + " (revision " + result.revision().get().id()
				+ ", " + result.draft().upgradeOperations().size() + " operation(s)). Review it before committing.");
	}

}
