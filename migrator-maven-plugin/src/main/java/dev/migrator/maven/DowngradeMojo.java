package dev.migrator.maven;

import dev.migrator.core.report.RunText;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Undoes the applied revisions above the target, children first. The target is required:
 * nothing is undone by default.
 */
@Mojo(name = "downgrade", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class DowngradeMojo extends AbstractMigratorMojo {

	/** Where to go down to: {@code -1}, an id, {@code base}. */
	@Parameter(property = "migrator.target")
	private String target;

	@Override
	void run(PluginSettings settings, ClassLoader loader) throws MojoFailureException {
		requireDatabase(settings, "migrator:downgrade");
		if (optional(this.target).isEmpty()) {
			throw new MojoFailureException("migrator:downgrade needs a target: set -Dmigrator.target (-1 for one step, "
					+ "an id, or base for everything).");
		}
		info(new RunText(migrator(settings, loader).downgrade(this.target)));
	}

}
