package dev.migrator.core.script;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the known name a misspelt one was most likely meant to be, for "did you mean"
 * hints.
 */
public final class SpellingSuggestion {

	private SpellingSuggestion() {
	}

	/**
	 * The candidate closest to the word, if one is close enough to be a plausible typo.
	 * Case, {@code _} for {@code -} and camelCase for kebab-case ({@code lockTimeout} for
	 * {@code lock-timeout}) count as no difference.
	 */
	public static Optional<String> closest(String word, Collection<String> candidates) {
		String normalized = normalize(word);
		int tolerance = Math.max(2, normalized.length() / 3);
		return candidates.stream()
			.filter((candidate) -> distance(normalized, normalize(candidate)) <= tolerance
					|| isPrefixOfEither(normalized, normalize(candidate)))
			.min(Comparator.comparingInt((String candidate) -> distance(normalized, normalize(candidate))));
	}

	private static String normalize(String word) {
		return word.replaceAll("([a-z0-9])([A-Z])", "$1-$2").replace('_', '-').toLowerCase(Locale.ROOT);
	}

	private static boolean isPrefixOfEither(String a, String b) {
		return Math.min(a.length(), b.length()) >= 3 && (a.startsWith(b) || b.startsWith(a));
	}

	/**
	 * Levenshtein distance: the fewest single-character edits that turn one word into the
	 * other.
	 */
	private static int distance(String a, String b) {
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int substitution = previous[j - 1] + ((a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1);
				current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}

}
