package dev.migrator.core.authoring;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A revision file an authoring command wrote.
 *
 * @param id the new revision's id
 * @param revises its parents: none for a new root, several for a merge
 * @param kind SQL file or Java class
 * @param file the file written
 * @param startsBranch whether its parent already had a child, so that the revision starts
 * a new branch (and head)
 */
public record WrittenRevision(String id, List<String> revises, RevisionKind kind, Path file, boolean startsBranch) {

	public WrittenRevision {
		Objects.requireNonNull(id, "id");
		revises = List.copyOf(revises);
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(file, "file");
	}

}
