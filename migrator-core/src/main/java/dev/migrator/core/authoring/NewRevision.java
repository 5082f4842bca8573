package dev.migrator.core.authoring;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The header of a revision about to be written.
 *
 * @param id its id
 * @param revises its parents
 * @param message its message, on one line
 * @param branchLabel the branch label it declares, if any
 * @param dependsOn revisions it depends on
 */
record NewRevision(String id, List<String> revises, String message, Optional<String> branchLabel,
		List<String> dependsOn) {

	NewRevision {
		Objects.requireNonNull(id, "id");
		revises = List.copyOf(revises);
		// A header value ends at the end of its line.
		message = message.replaceAll("[\\r\\n]+", " ").strip();
		Objects.requireNonNull(branchLabel, "branchLabel");
		dependsOn = List.copyOf(dependsOn);
	}

}
