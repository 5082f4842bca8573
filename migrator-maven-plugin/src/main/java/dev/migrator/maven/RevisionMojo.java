package dev.migrator.maven;

import dev.migrator.core.Migrator;
import dev.migrator.core.authoring.RevisionKind;
import dev.migrator.core.authoring.RevisionWriter;
import dev.migrator.core.authoring.WrittenRevision;

import java.io.File;
import java.util.Locale;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Writes a new revision (Alembic's {@code revision -m}): a SQL file in the source folder,
 * or a Java class, with a fresh sortable id and the header filled in; its parent is the
 * current head, or the head named with {@code -Dmigrator.head}. Fails when there are
 * several heads and none is named.
 */
@Mojo(name = "revision", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class RevisionMojo extends AbstractMigratorMojo {

	/** What the revision does; also the end of its id and file name. */
	@Parameter(property = "migrator.message", required = true)
	private String message;

	/** {@code sql} for a SQL file, {@code java} for a Java class. */
	@Parameter(property = "migrator.kind", defaultValue = "sql")
	private String kind;

	/**
	 * The revision it follows: an id, a branch label, {@code label@head}, or {@code base}
	 * for a new root.
	 */
	@Parameter(property = "migrator.head")
	private String head;

	/** A branch label the new revision declares. */
	@Parameter(property = "migrator.branchLabel")
	private String branchLabel;

	/** Revisions it depends on without following them, comma-separated. */
	@Parameter(property = "migrator.dependsOn")
	private String dependsOn;

	/** The package of a Java revision. */
	@Parameter(property = "migrator.javaPackage")
	private String javaPackage;

	/** The source root a Java revision is written under. */
	@Parameter(property = "migrator.javaSourceFolder", defaultValue = "${project.build.sourceDirectory}")
	private File javaSourceFolder;

	@Override
	void run(PluginSettings settings, ClassLoader loader) throws MojoFailureException {
		RevisionKind revisionKind = kind(this.kind);
		Migrator migrator = migrator(settings, loader);
		RevisionWriter writer = new RevisionWriter(migrator::graph);
		WrittenRevision written = writer.revision(this.message, revisionKind, optional(this.head),
				optional(this.branchLabel), list(this.dependsOn),
				(revisionKind == RevisionKind.JAVA) ? this.javaSourceFolder.toPath() : settings.revisionFolder(),
				optional(this.javaPackage));
		getLog().info("Wrote " + written.file() + " (revision " + written.id()
				+ (written.revises().isEmpty() ? ", a new root" : ", revises " + String.join(", ", written.revises()))
				+ ")");
		if (written.startsBranch()) {
			getLog().warn(written.revises().get(0) + " already has a child: " + written.id()
					+ " starts a new branch, and a new head. Merge the heads before release (migrator:merge).");
		}
		if (revisionKind == RevisionKind.SQL) {
			getLog().info("Write the upgrade SQL (and the downgrade) in it: until then it does not load.");
		}
	}

	static RevisionKind kind(String kind) throws MojoFailureException {
		return switch (kind.strip().toLowerCase(Locale.ROOT)) {
			case "sql" -> RevisionKind.SQL;
			case "java" -> RevisionKind.JAVA;
			default -> throw new MojoFailureException(
					"migrator.kind '" + kind + "' is not a revision kind: write sql or " + "java.");
		};
	}

}
