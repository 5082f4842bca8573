package dev.migrator.core.authoring;

import java.util.Objects;
import java.util.Optional;

/**
 * What {@code autogenerate} found and wrote.
 *
 * @param draft the steps that make the live schema the desired one; empty when they agree
 * @param revision the draft revision written; none when there was nothing to do
 */
public record AutogenerateResult(Draft draft, Optional<WrittenRevision> revision) {

	public AutogenerateResult {
		Objects.requireNonNull(draft, "draft");
		Objects.requireNonNull(revision, "revision");
	}

}
