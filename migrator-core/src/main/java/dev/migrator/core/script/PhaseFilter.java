package dev.migrator.core.script;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Which revisions an upgrade may apply by their {@link Phase}: all of them, or, for the
 * expand step of a rolling deploy, all but the contract ones and whatever needs them.
 */
public enum PhaseFilter {

	/** Every revision the target needs. */
	ALL,

	/**
	 * Expand and migrate revisions only: a {@code contract} revision is held back, and so
	 * is every revision that needs one (as a child or through {@code depends-on}), so
	 * that the old application version keeps working.
	 */
	EXPAND;

	/** The lower-case name used in properties and messages. */
	public String label() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Whether the revision itself is one this filter holds back (not counting what it
	 * needs).
	 */
	public boolean holdsBack(Revision revision) {
		return this == EXPAND && revision.phase() == Phase.CONTRACT;
	}

	public static Optional<PhaseFilter> fromLabel(String text) {
		return Arrays.stream(values())
			.filter((f) -> f.label().equals(text.trim().toLowerCase(Locale.ROOT)))
			.findFirst();
	}

}
