package dev.migrator.core.authoring;

import dev.migrator.core.error.ErrorCode;

import dev.migrator.core.script.Revision;
import dev.migrator.core.script.RevisionGraph;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Writes new revision files, as {@code alembic revision} and {@code alembic merge} do: a
 * fresh sortable id, the header filled in with the parents chosen from the revision
 * graph, and empty sections (or a Java class skeleton) for the author to fill in.
 *
 * <p>
 * The graph is asked for afresh on each call, so that a revision written by one call is
 * the parent the next one finds.
 */
public final class RevisionWriter {

	private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9_.-]+");

	private static final Pattern JAVA_PACKAGE = Pattern.compile(
			"\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*(\\.\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*)*");

	private static final Set<String> RESERVED = Set.of("head", "heads", "base", "current");

	private final Supplier<RevisionGraph> graph;

	private final RevisionIds ids;

	/**
	 * @param graph the revision graph as it is now, loaded from the configured locations
	 * on each call (for example {@code () -> Migrator.create(config).graph()})
	 * @param clock the clock the ids are stamped from
	 */
	public RevisionWriter(Supplier<RevisionGraph> graph, Clock clock) {
		this.graph = Objects.requireNonNull(graph, "graph");
		this.ids = new RevisionIds(Objects.requireNonNull(clock, "clock"));
	}

	public RevisionWriter(Supplier<RevisionGraph> graph) {
		this(graph, Clock.systemUTC());
	}

	/**
	 * Writes a new revision whose parent is the current head of the chosen branch.
	 * @param message what the revision does; also the end of its id
	 * @param kind a SQL file or a Java class
	 * @param head the revision it follows: a revision id, a branch label,
	 * {@code label@head}, or {@code base} for a new root; required when there are several
	 * heads
	 * @param branchLabel a label the new revision declares, naming the branch it starts
	 * @param dependsOn revisions it depends on without following them
	 * @param targetFolder the folder a SQL file goes to; for a Java class, the source
	 * root its package folder is in
	 * @param javaPackage the package of a Java class
	 * @return what was written
	 */
	public WrittenRevision revision(String message, RevisionKind kind, Optional<String> head,
			Optional<String> branchLabel, List<String> dependsOn, Path targetFolder, Optional<String> javaPackage) {
		Objects.requireNonNull(kind, "kind");
		if (kind == RevisionKind.JAVA) {
			return javaRevision(message, head, branchLabel, dependsOn, targetFolder,
					javaPackage.orElseThrow(() -> new AuthoringException(ErrorCode.MISSING_JAVA_PACKAGE,
							"A Java revision needs a package: set it (--java-package, -Dmigrator.javaPackage).")),
					List.of(), List.of());
		}
		Planned planned = plan(message, head, branchLabel, dependsOn, List.of(targetFolder));
		Path file = targetFolder.resolve(planned.revision().id() + ".sql");
		write(file, SqlRevisionText.of(planned.revision()));
		return new WrittenRevision(planned.revision().id(), planned.revision().revises(), RevisionKind.SQL, file,
				planned.startsBranch());
	}

	/**
	 * Writes a merge revision: a SQL file whose parents are the given revisions, or every
	 * head for {@code heads}. Its sections are empty; a merge that only joins branches
	 * may stay so.
	 */
	public WrittenRevision merge(String message, List<String> heads, Path targetFolder) {
		RevisionGraph graph = this.graph.get();
		List<String> parents = new RevisionParents(graph).forMerge(List.copyOf(heads));
		String id = this.ids.next(requireMessage(message), ids(graph), List.of(targetFolder));
		NewRevision revision = new NewRevision(id, parents, message, Optional.empty(), List.of());
		Path file = targetFolder.resolve(id + ".sql");
		write(file, SqlRevisionText.of(revision));
		return new WrittenRevision(id, parents, RevisionKind.SQL, file, false);
	}

	/** Writes a Java revision with the given bodies; the skeleton's are empty. */
	WrittenRevision javaRevision(String message, Optional<String> head, Optional<String> branchLabel,
			List<String> dependsOn, Path sourceRoot, String javaPackage, List<String> upgrade, List<String> downgrade) {
		String packageName = javaPackage.strip();
		if (!packageName.isEmpty() && !JAVA_PACKAGE.matcher(packageName).matches()) {
			throw new AuthoringException(ErrorCode.INVALID_JAVA_PACKAGE,
					"'" + javaPackage + "' is not a Java package name. Write one such as com.example.migrations.");
		}
		Path folder = packageName.isEmpty() ? sourceRoot : sourceRoot.resolve(packageName.replace('.', '/'));
		Planned planned = plan(message, head, branchLabel, dependsOn, List.of(folder));
		String className = RevisionIds.className(planned.revision().id());
		Path file = folder.resolve(className + ".java");
		write(file, JavaRevisionText.of(planned.revision(), packageName, className, upgrade, downgrade));
		return new WrittenRevision(planned.revision().id(), planned.revision().revises(), RevisionKind.JAVA, file,
				planned.startsBranch());
	}

	private Planned plan(String message, Optional<String> head, Optional<String> branchLabel, List<String> dependsOn,
			List<Path> folders) {
		RevisionGraph graph = this.graph.get();
		List<String> parents = new RevisionParents(graph).forNewRevision(head);
		branchLabel.ifPresent((label) -> requireNewLabel(graph, label));
		List<String> dependencies = new ArrayList<>();
		for (String dependency : dependsOn) {
			dependencies.add(graph.get(dependency.strip()).id());
		}
		String id = this.ids.next(requireMessage(message), ids(graph), folders);
		boolean startsBranch = parents.size() == 1 && !graph.childrenOf(parents.get(0)).isEmpty();
		return new Planned(new NewRevision(id, parents, message, branchLabel.map(String::strip), dependencies),
				startsBranch);
	}

	private static void requireNewLabel(RevisionGraph graph, String label) {
		String value = label.strip();
		if (!LABEL.matcher(value).matches() || RESERVED.contains(value) || value.matches("-\\d+")) {
			throw new AuthoringException(ErrorCode.INVALID_BRANCH_LABEL,
					"Branch label '" + label + "' is not valid: use "
							+ "letters, digits, '_', '-' and '.', and none of head, heads, base, current.");
		}
		graph.findByLabel(value).ifPresent((r) -> {
			throw new AuthoringException(ErrorCode.DUPLICATE_BRANCH_LABEL,
					"Branch label '" + value + "' is already declared " + "by " + r.id() + " (" + r.origin()
							+ "). Choose another label, or follow that branch with --head " + value + ".");
		});
		graph.find(value).ifPresent((r) -> {
			throw new AuthoringException(ErrorCode.INVALID_BRANCH_LABEL, "Branch label '" + value + "' is the id of a "
					+ "revision (" + r.origin() + "). Choose another label.");
		});
	}

	private static String requireMessage(String message) {
		if (message == null || message.isBlank()) {
			throw new AuthoringException(ErrorCode.MISSING_MESSAGE, "A revision needs a message saying what it does "
					+ "(-m, -Dmigrator.message); it also names the file.");
		}
		return message;
	}

	private static List<String> ids(RevisionGraph graph) {
		return graph.revisions().stream().map(Revision::id).toList();
	}

	private static void write(Path file, String text) {
		try {
			Files.createDirectories(file.getParent());
			Files.writeString(file, text, StandardOpenOption.CREATE_NEW);
		}
		catch (FileAlreadyExistsException ex) {
			throw new AuthoringException(ErrorCode.REVISION_FILE_EXISTS, file + " exists already. Nothing was written.",
					ex);
		}
		catch (IOException ex) {
			throw new AuthoringException(ErrorCode.REVISION_NOT_WRITTEN,
					"Could not write " + file + ": " + ex.getMessage(), ex);
		}
	}

	/** A header about to be written and whether it starts a new branch. */
	private record Planned(NewRevision revision, boolean startsBranch) {
	}

}
