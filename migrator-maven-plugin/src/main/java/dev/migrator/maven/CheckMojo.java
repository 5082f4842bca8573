package dev.migrator.maven;

import dev.migrator.core.report.UpToDateText;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Fails the build when revisions are pending, when an applied revision was edited (under
 * the FAIL checksum policy) or when the database is at revisions this code does not have.
 */
@Mojo(name = "check", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class CheckMojo extends AbstractMigratorMojo {

	@Override
	void run(PluginSettings settings, ClassLoader loader) throws MojoFailureException {
		requireDatabase(settings, "migrator:check");
		info(new UpToDateText(migrator(settings, loader).check()));
	}

}
