package dev.migrator.maven;

import dev.migrator.core.report.RunText;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Applies the revisions the target needs, each in its own transaction where the database
 * allows.
 */
@Mojo(name = "upgrade", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class UpgradeMojo extends AbstractMigratorMojo {

	/**
	 * Where to go: {@code heads}, {@code head}, an id, {@code label@head}, {@code +N}.
	 */
	@Parameter(property = "migrator.target", defaultValue = "heads")
	private String target;

	@Override
	void run(PluginSettings settings, ClassLoader loader) throws MojoFailureException {
		requireDatabase(settings, "migrator:upgrade");
		info(new RunText(migrator(settings, loader).upgrade(this.target)));
	}

}
