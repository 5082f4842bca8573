package dev.migrator.core.script;

import dev.migrator.core.error.ErrorCode;

import dev.migrator.core.sql.DurationText;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules for revision header values, shared by SQL files and {@link MigratorRevision}
 * annotations so that both accept exactly the same ids, phases and durations. Each check
 * is told where the value was written and under which key, so that its error points
 * there.
 */
final class HeaderValues {

	private static final int MAX_ID_LENGTH = 255;

	// Ids end up in file names, version tables and command lines: keep them to characters
	// that need no quoting.
	private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.-]+");

	private static final String ID_RULE = "use only letters, digits, '_', '-' and '.', at most " + MAX_ID_LENGTH
			+ " characters";

	// PostgreSQL's lock_timeout and statement_timeout are int milliseconds (as is
	// SQLite's busy timeout): a longer
	// timeout would be accepted here and fail in the middle of a run, after the revisions
	// before it were applied.
	private static final Duration MAX_TIMEOUT = Duration.ofMillis(Integer.MAX_VALUE);

	private static final String DURATION_FORMS = "Write a whole number with a unit, such as 500ms, 2s, 5min or 1h "
			+ "(or ISO-8601 such as PT2S).";

	private HeaderValues() {
	}

	// Target keywords: a revision with such an id could never be named as a target.
	private static final java.util.Set<String> RESERVED = java.util.Set.of("head", "heads", "base", "current");

	// A relative target such as -1: a revision with such an id could never be named as a
	// target either.
	private static final Pattern RELATIVE_TARGET = Pattern.compile("-\\d+");

	static String id(Origin at, String key, String value) {
		if (RESERVED.contains(value.toLowerCase(java.util.Locale.ROOT))) {
			throw new RevisionSourceException(ErrorCode.RESERVED_REVISION_ID, at + ": " + key + " '" + value
					+ "' is a target keyword (head, heads, base, current) and cannot be a revision id or label. "
					+ "Rename it, for example 0001_" + value + ".");
		}
		if (RELATIVE_TARGET.matcher(value).matches()) {
			throw relativeTarget(at, key, value, "revision id");
		}
		if (!isId(value)) {
			throw new RevisionSourceException(ErrorCode.INVALID_REVISION_ID, at + ": " + key + " '" + value
					+ "' is not a valid revision id. Rename it: " + ID_RULE + " (for example 0003_add_display_name).");
		}
		return value;
	}

	private static RevisionSourceException relativeTarget(Origin at, String key, String value, String what) {
		return new RevisionSourceException(ErrorCode.RESERVED_REVISION_ID,
				at + ": " + key + " '" + value + "' reads as a relative target (" + value.substring(1)
						+ " step(s) down) and cannot be a " + what + ". Rename it, for example 0001"
						+ value.replace('-', '_') + ".");
	}

	/**
	 * Revision ids listed under a key such as {@code revises}; none may be empty or
	 * repeated.
	 */
	static List<String> ids(Origin at, String key, List<String> entries) {
		List<String> ids = entries(at, key, entries);
		ids.forEach((id) -> id(at, key, id));
		return List.copyOf(ids);
	}

	/**
	 * Branch labels follow the id rule, so that a label can be written wherever an id
	 * can.
	 */
	static List<String> labels(Origin at, String key, List<String> entries) {
		List<String> labels = entries(at, key, entries);
		for (String label : labels) {
			if (RESERVED.contains(label.toLowerCase(java.util.Locale.ROOT))) {
				throw new RevisionSourceException(ErrorCode.RESERVED_REVISION_ID, at + ": " + key + " '" + label
						+ "' is a target keyword (head, heads, base, current) and cannot be a branch label. Rename it.");
			}
			if (RELATIVE_TARGET.matcher(label).matches()) {
				throw relativeTarget(at, key, label, "branch label");
			}
			if (!isId(label)) {
				throw new RevisionSourceException(ErrorCode.INVALID_BRANCH_LABEL, at + ": " + key + " '" + label
						+ "' is not a valid branch label. Rename it: " + ID_RULE + " (for example users).");
			}
		}
		return List.copyOf(labels);
	}

	static void requireNotListed(Origin at, String id, String key, List<String> ids) {
		if (ids.contains(id)) {
			throw new RevisionSourceException(ErrorCode.SELF_REFERENCE, at + ": revision " + id + " lists itself in "
					+ key + ". Remove " + id + " from " + key + ": name the revisions it follows instead.");
		}
	}

	static Phase phase(Origin at, String key, String value) {
		return Phase.fromLabel(value)
			.orElseThrow(() -> new RevisionSourceException(ErrorCode.INVALID_PHASE,
					at + ": " + key + " '" + value + "' is not a phase. Write expand, migrate or contract."));
	}

	static boolean bool(Origin at, String key, String value) {
		return switch (value.trim().toLowerCase(Locale.ROOT)) {
			case "true" -> true;
			case "false" -> false;
			default -> throw new RevisionSourceException(ErrorCode.INVALID_BOOLEAN,
					at + ": " + key + " '" + value + "' is not a boolean. Write true or false.");
		};
	}

	static Duration duration(Origin at, String key, String value) {
		Duration duration;
		try {
			duration = DurationText.parse(value);
		}
		catch (ArithmeticException ex) {
			throw tooLong(at, key, value, ex);
		}
		catch (IllegalArgumentException ex) {
			throw new RevisionSourceException(ErrorCode.INVALID_DURATION,
					at + ": " + key + " '" + value + "' is not a duration. " + DURATION_FORMS, ex);
		}
		if (duration.isNegative()) {
			throw new RevisionSourceException(ErrorCode.INVALID_DURATION,
					at + ": " + key + " '" + value + "' is negative. " + DURATION_FORMS);
		}
		if (duration.compareTo(MAX_TIMEOUT) > 0) {
			throw tooLong(at, key, value, null);
		}
		return duration;
	}

	private static RevisionSourceException tooLong(Origin at, String key, String value, Throwable cause) {
		return new RevisionSourceException(ErrorCode.INVALID_DURATION,
				at + ": " + key + " '" + value + "' is longer than " + MAX_TIMEOUT.toMillis()
						+ "ms (about 24 days), the longest timeout PostgreSQL accepts. " + "Write a shorter duration.",
				cause);
	}

	/**
	 * A duration where an empty value means "the run's default", as in the annotation.
	 */
	static Optional<Duration> optionalDuration(Origin at, String key, String value) {
		return value.isBlank() ? Optional.empty() : Optional.of(duration(at, key, value));
	}

	private static List<String> entries(Origin at, String key, List<String> entries) {
		List<String> result = new ArrayList<>(entries.size());
		Set<String> seen = new HashSet<>();
		for (String entry : entries) {
			if (entry.isBlank()) {
				throw new RevisionSourceException(ErrorCode.EMPTY_LIST_ENTRY,
						at + ": " + key + " has an empty entry. Remove the extra comma, or write the missing value.");
			}
			if (!seen.add(entry)) {
				throw new RevisionSourceException(ErrorCode.DUPLICATE_LIST_ENTRY,
						at + ": " + key + " lists " + entry + " twice. Remove one of them.");
			}
			result.add(entry);
		}
		return result;
	}

	static boolean isId(String value) {
		return value.length() <= MAX_ID_LENGTH && ID.matcher(value).matches();
	}

}
