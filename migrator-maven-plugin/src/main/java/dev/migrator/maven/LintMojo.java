package dev.migrator.maven;

import dev.migrator.core.lint.LintReport;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Lints every revision for statements that would block reads or writes for long or break
 * the running application. Needs no database: the dialect is the configured one, else the
 * URL's.
 */
@Mojo(name = "lint", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class LintMojo extends AbstractMigratorMojo {

	/** Whether a finding fails the build. */
	@Parameter(property = "migrator.failOnFindings", defaultValue = "true")
	private boolean failOnFindings;

	@Override
	void run(PluginSettings settings, ClassLoader loader) throws MojoFailureException {
		LintReport report = migrator(settings, loader).lint();
		if (report.fails() && this.failOnFindings) {
			throw new MojoFailureException(report.toText());
		}
		info(report.toText());
	}

}
