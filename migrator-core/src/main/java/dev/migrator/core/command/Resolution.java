package dev.migrator.core.command;

/**
 * What a person found out about a statement whose outcome the migrator could not know (an
 * interrupted {@code VACUUM}, or {@code ALTER TYPE … ADD VALUE} on an old server).
 */
public enum Resolution {

	/** It completed: the next run continues after it. */
	DONE,

	/** It did not (or it is safe to repeat): the next run runs it again. */
	RERUN;

	/** The resolution of a setting's value, {@code done} or {@code rerun}. */
	public static Resolution of(String value) {
		return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
			case "done" -> DONE;
			case "rerun" -> RERUN;
			default -> throw new IllegalArgumentException(
					"Unknown resolution '" + value + "': use done (it completed) or rerun (run it again)");
		};
	}

}
