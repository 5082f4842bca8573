package dev.migrator.core.error;

/**
 * The root of every error the engine raises. Each subclass is one kind of failure; each
 * message names the file, revision or setting at fault and says what to do next.
 */
public class MigratorException extends RuntimeException {

	private final ErrorCode code;

	public MigratorException(ErrorCode code, String message) {
		super(message);
		this.code = code;
	}

	public MigratorException(ErrorCode code, String message, Throwable cause) {
		super(message, cause);
		this.code = code;
	}

	/**
	 * A stable, machine-readable identifier of the failure kind, such as
	 * {@code revision-cycle}.
	 */
	public String code() {
		return this.code.code();
	}

	/** The code as a member of the catalog. */
	public ErrorCode errorCode() {
		return this.code;
	}

}
