package dev.migrator.core.script;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where a revision stands in an expand/contract rollout. */
public enum Phase {

	/** Adds schema that old and new application versions can both live with. */
	EXPAND,

	/** Moves data while both versions run. */
	MIGRATE,

	/**
	 * Removes what only the old application version needed; runs after every old instance
	 * is gone.
	 */
	CONTRACT;

	/** The lower-case name used in revision files and properties. */
	public String label() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Optional<Phase> fromLabel(String text) {
		return Arrays.stream(values())
			.filter((phase) -> phase.label().equals(text.trim().toLowerCase(Locale.ROOT)))
			.findFirst();
	}

}
