package dev.migrator.core.fleet;

/**
 * How one target's work ended.
 *
 * @param succeeded whether the target is where the command was to take it
 * @param detail one line for the run table and the report, such as {@code applied 3}; no
 * row values or secrets
 */
public record TargetOutcome(boolean succeeded, String detail) {

	public static TargetOutcome success(String detail) {
		return new TargetOutcome(true, detail);
	}

	public static TargetOutcome failure(String detail) {
		return new TargetOutcome(false, detail);
	}

}
