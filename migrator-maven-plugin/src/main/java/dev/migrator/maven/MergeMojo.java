package dev.migrator.maven;

import dev.migrator.core.authoring.RevisionWriter;
import dev.migrator.core.authoring.WrittenRevision;

import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Writes a merge revision (Alembic's {@code merge}): a SQL file whose parents are the
 * heads, joining them into one.
 */
@Mojo(name = "merge", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class MergeMojo extends AbstractMigratorMojo {

	/** What the merge joins; also the end of its id and file name. */
	@Parameter(property = "migrator.message", required = true)
	private String message;

	/** The revisions to merge, comma-separated, or {@code heads} for all heads. */
	@Parameter(property = "migrator.heads", defaultValue = "heads")
	private String heads;

	@Override
	void run(PluginSettings settings, ClassLoader loader) {
		RevisionWriter writer = new RevisionWriter(migrator(settings, loader)::graph);
		WrittenRevision merge = writer.merge(this.message, list(this.heads), settings.revisionFolder());
		getLog().info("Wrote " + merge.file() + " (merge revision " + merge.id() + ", revises "
				+ String.join(", ", merge.revises()) + ")");
	}

}
