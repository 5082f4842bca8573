package dev.migrator.core.flyway;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A Flyway migration version such as {@code 13.1} (written {@code 13_1} or {@code 13.1}
 * in a file name), ordered as Flyway orders it: part by part as numbers, missing parts
 * counting as zero, so {@code 1.0} and {@code 1} are the same version.
 *
 * @param text the version as written in the file name or the history table
 * @param parts its numeric parts
 */
public record FlywayVersion(String text, List<BigInteger> parts) implements Comparable<FlywayVersion> {

	private static final Pattern VERSION = Pattern.compile("[0-9]+([._][0-9]+)*");

	public FlywayVersion {
		parts = List.copyOf(parts);
	}

	/** The version, or empty when the text is not one. */
	public static Optional<FlywayVersion> parse(String text) {
		if (!VERSION.matcher(text).matches()) {
			return Optional.empty();
		}
		List<BigInteger> parts = new ArrayList<>();
		for (String part : text.split("[._]")) {
			parts.add(new BigInteger(part));
		}
		return Optional.of(new FlywayVersion(text, parts));
	}

	@Override
	public int compareTo(FlywayVersion other) {
		int length = Math.max(this.parts.size(), other.parts.size());
		for (int i = 0; i < length; i++) {
			int compared = part(i).compareTo(other.part(i));
			if (compared != 0) {
				return compared;
			}
		}
		return 0;
	}

	/** Whether both name the same version ({@code 1.0} and {@code 1} do). */
	public boolean sameAs(FlywayVersion other) {
		return compareTo(other) == 0;
	}

	private BigInteger part(int index) {
		return (index < this.parts.size()) ? this.parts.get(index) : BigInteger.ZERO;
	}

	@Override
	public String toString() {
		return this.text;
	}

}
