package dev.migrator.core.script;

import dev.migrator.core.error.ErrorCode;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed target expression. The grammar: <pre>
 * target   := "head" | "heads" | "base" | label "@head" | ("+" | "-") N | ref | ref ("+" | "-") N
 * ref      := a full revision id | a unique id prefix | a branch label
 * </pre> Whether {@code ref-N} is a relative step or an id containing a dash is decided
 * against the graph by {@link TargetResolver}: an exact id always wins.
 */
public sealed interface Target {

	/** The single head; an error when there are several. */
	record Head() implements Target {
	}

	/** Every head. */
	record Heads() implements Target {
	}

	/** Before the first revision: nothing applied. */
	record Base() implements Target {
	}

	/** The head of the branch that the labelled revision starts. */
	record LabelHead(String label) implements Target {
	}

	/** N steps up (positive) or down (negative) from the current state. */
	record Relative(int delta) implements Target {
	}

	/**
	 * An id, unique prefix or label, possibly followed by a relative step, resolved
	 * against the graph.
	 */
	record Reference(String text) implements Target {
	}

	Pattern RELATIVE = Pattern.compile("([+-])(\\d{1,9})");

	/**
	 * Parses the text; every text that is not a keyword is a {@link Reference} for the
	 * resolver to judge.
	 */
	static Target parse(String text) {
		String value = text.trim();
		if (value.isEmpty()) {
			throw new RevisionGraphException(ErrorCode.INVALID_TARGET,
					"The target is empty. Use head, heads, base, a revision id or prefix, label@head, +N, -N, id+N or id-N.");
		}
		switch (value.toLowerCase(java.util.Locale.ROOT)) {
			case "head":
				return new Head();
			case "heads":
				return new Heads();
			case "base":
				return new Base();
			default:
				break;
		}
		Matcher relative = RELATIVE.matcher(value);
		if (relative.matches()) {
			int steps = Integer.parseInt(relative.group(2));
			return new Relative("+".equals(relative.group(1)) ? steps : -steps);
		}
		if (value.endsWith("@head")) {
			String label = value.substring(0, value.length() - "@head".length());
			if (label.isEmpty()) {
				throw new RevisionGraphException(ErrorCode.INVALID_TARGET, "Target '" + value
						+ "' has no branch label before @head. Write label@head, e.g. billing@head.");
			}
			return new LabelHead(label);
		}
		if (value.contains("@")) {
			throw new RevisionGraphException(ErrorCode.INVALID_TARGET, "Target '" + value
					+ "' is not understood: only label@head is supported with '@'. Use head, heads, base, a revision id or prefix, label@head, +N, -N, id+N or id-N.");
		}
		return new Reference(value);
	}

	/**
	 * Splits {@code ref+N} / {@code ref-N} into its parts when the text has that shape.
	 */
	static Optional<Step> splitStep(String text) {
		Matcher matcher = Pattern.compile("(.+?)([+-])(\\d{1,9})").matcher(text);
		if (!matcher.matches()) {
			return Optional.empty();
		}
		int steps = Integer.parseInt(matcher.group(3));
		return Optional.of(new Step(matcher.group(1), "+".equals(matcher.group(2)) ? steps : -steps));
	}

	/** A reference followed by a relative step. */
	record Step(String reference, int delta) {
	}

}
