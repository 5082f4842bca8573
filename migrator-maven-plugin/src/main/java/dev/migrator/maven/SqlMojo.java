package dev.migrator.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Prints on standard output (or writes to a file) the SQL script that moving from one
 * target to another would run, without a database: for review, or for a DBA to run. A
 * {@code target} below {@code from} gives a downgrade script.
 */
@Mojo(name = "sql", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class SqlMojo extends AbstractMigratorMojo {

	/** Where the script starts. */
	@Parameter(property = "migrator.from", defaultValue = "base")
	private String from;

	/** Where the script ends. */
	@Parameter(property = "migrator.target", defaultValue = "heads")
	private String target;

	/** A file to write the script to instead of standard output. */
	@Parameter(property = "migrator.outputFile")
	private File outputFile;

	@Override
	void run(PluginSettings settings, ClassLoader loader) throws MojoExecutionException {
		String script = migrator(settings, loader).sql(this.from, this.target);
		if (this.outputFile == null) {
			print(script);
			return;
		}
		try {
			Files.createDirectories(this.outputFile.toPath().toAbsolutePath().getParent());
			Files.writeString(this.outputFile.toPath(), script);
		}
		catch (IOException ex) {
			throw new MojoExecutionException("Could not write " + this.outputFile + ": " + ex.getMessage(), ex);
		}
		getLog().info("Wrote the script from " + this.from + " to " + this.target + " to " + this.outputFile);
	}

}
