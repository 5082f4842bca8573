package dev.migrator.core.baseline;

import dev.migrator.core.error.ErrorCode;
import dev.migrator.core.error.MigratorException;

import java.util.List;

/**
 * Objects of the live schema that the baseline cannot read, or cannot write as SQL that
 * recreates them; a baseline without them would not recreate the schema, so none is
 * written.
 */
public class UnreadableObjectException extends MigratorException {

	private final List<String> objects;

	public UnreadableObjectException(List<String> objects, String message, Throwable cause) {
		super(ErrorCode.BASELINE_UNREADABLE_OBJECT, message, cause);
		this.objects = List.copyOf(objects);
	}

	public UnreadableObjectException(List<String> objects, String message) {
		this(objects, message, null);
	}

	/**
	 * The objects, each described with its kind, such as
	 * {@code aggregate total(integer)}.
	 */
	public List<String> objects() {
		return this.objects;
	}

}
