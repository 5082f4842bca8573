package dev.migrator.maven;

import dev.migrator.core.command.MigrationStatus;
import dev.migrator.core.script.Revision;

import java.util.stream.Collectors;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** Shows the revisions the database is at, and what is pending. Reads only. */
@Mojo(name = "current", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class CurrentMojo extends AbstractMigratorMojo {

	@Override
	void run(PluginSettings settings, ClassLoader loader) throws MojoFailureException {
		requireDatabase(settings, "migrator:current");
		MigrationStatus status = migrator(settings, loader).status();
		getLog().info("Current: " + Rows.describe(status.current()));
		getLog().info(status.pending().isEmpty() ? "Pending: none"
				: "Pending: " + status.pending().stream().map(Revision::id).collect(Collectors.joining(", ")));
		if (status.isAheadOfCode()) {
			getLog().warn("The database is at revisions this code does not have: "
					+ String.join(", ", status.unknownCurrent()));
		}
	}

}
