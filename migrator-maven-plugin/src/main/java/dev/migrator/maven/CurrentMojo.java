package dev.migrator.maven;

import dev.migrator.core.report.StatusText;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Prints the revisions the database is at, what is pending, applied revisions edited
 * since and revisions the code does not have. Reads only.
 */
@Mojo(name = "current", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class CurrentMojo extends AbstractMigratorMojo {

	@Override
	void run(PluginSettings settings, ClassLoader loader) throws MojoFailureException {
		requireDatabase(settings, "migrator:current");
		print(new StatusText(migrator(settings, loader).status()));
	}

}
