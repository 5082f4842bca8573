package dev.migrator.maven;

import dev.migrator.core.report.HeadsText;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Prints the heads of the revision graph with the files that introduced them. With
 * {@code -Dmigrator.check=true} the build fails when there is more than one: the CI check
 * that no merge revision was forgotten.
 */
@Mojo(name = "heads", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class HeadsMojo extends AbstractMigratorMojo {

	/** Whether several heads fail the build. */
	@Parameter(property = "migrator.check", defaultValue = "false")
	private boolean check;

	@Override
	void run(PluginSettings settings, ClassLoader loader) throws MojoFailureException {
		HeadsText heads = new HeadsText(migrator(settings, loader).graph());
		if (this.check && heads.hasSeveralHeads()) {
			throw new MojoFailureException(heads.text().stripTrailing());
		}
		print(heads);
	}

}
