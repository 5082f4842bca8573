package dev.migrator.maven;

import dev.migrator.core.Migrator;
import dev.migrator.core.authoring.GraphDrawing;
import dev.migrator.core.report.HistoryText;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Locale;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Prints the revisions on standard output: a list oldest first (of a range
 * {@code from:to} when given), or the graph drawn newest first with
 * {@code -Dmigrator.graph=text}, or as a Mermaid flowchart with
 * {@code -Dmigrator.graph=mermaid}.
 */
@Mojo(name = "history", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class HistoryMojo extends AbstractMigratorMojo {

	/**
	 * A range {@code from:to} of targets for the list; {@code current} reads the
	 * database. Empty for all.
	 */
	@Parameter(property = "migrator.range", defaultValue = "")
	private String range;

	/**
	 * {@code text} to draw the graph for a terminal, {@code mermaid} for docs; empty for
	 * a list.
	 */
	@Parameter(property = "migrator.graph", defaultValue = "")
	private String graph;

	/** A file to write the output to instead of standard output. */
	@Parameter(property = "migrator.outputFile")
	private File outputFile;

	@Override
	void run(PluginSettings settings, ClassLoader loader) throws MojoExecutionException, MojoFailureException {
		Migrator migrator = migrator(settings, loader);
		String output = switch ((this.graph == null) ? "" : this.graph.strip().toLowerCase(Locale.ROOT)) {
			case "", "false", "none" ->
				new HistoryText(migrator.history((this.range == null) ? "" : this.range), migrator.heads()).text();
			case "text", "true" -> new GraphDrawing(migrator.graph()).text();
			case "mermaid" -> new GraphDrawing(migrator.graph()).mermaid();
			default -> throw new MojoFailureException("migrator.graph '" + this.graph
					+ "' is not a drawing: write text or mermaid, or leave it out for a list.");
		};
		if (this.outputFile == null) {
			// A drawing's file keeps its bytes; on a terminal the last line is ended.
			print(output.endsWith("\n") ? output : output + "\n");
			return;
		}
		try {
			Files.createDirectories(this.outputFile.toPath().toAbsolutePath().getParent());
			Files.writeString(this.outputFile.toPath(), output);
		}
		catch (IOException ex) {
			throw new MojoExecutionException("Could not write " + this.outputFile + ": " + ex.getMessage(), ex);
		}
		getLog().info("Wrote the history to " + this.outputFile);
	}

}
