package dev.migrator.core.lint;

import dev.migrator.core.error.ErrorCode;
import dev.migrator.core.error.MigratorException;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PostgreSQL release the linter judges statements for: what rewrites, what scans and
 * which safe forms exist change between major versions.
 *
 * @param major the major version, such as {@code 16}
 * @param minor the minor version, such as {@code 2}; {@code 0} when not given
 */
public record PostgresVersion(int major, int minor) implements Comparable<PostgresVersion> {

	/**
	 * The oldest major version the linter knows the rules of; versions before 10 were
	 * numbered differently (9.6) and are long out of support.
	 */
	public static final int OLDEST_KNOWN = 10;

	/**
	 * What the linter assumes when neither the configuration nor a database says: 14, the
	 * oldest major version the PostgreSQL community supported until November 2026 (13
	 * ended in November 2025). Every safe form the rules advise exists on it.
	 */
	public static final PostgresVersion OLDEST_ASSUMED = new PostgresVersion(14, 0);

	private static final Pattern FORMAT = Pattern.compile("(\\d{1,3})(?:\\.(\\d{1,4}))?");

	public PostgresVersion {
		if (major < OLDEST_KNOWN || minor < 0) {
			throw new MigratorException(ErrorCode.INVALID_CONFIGURATION,
					"The linter knows PostgreSQL " + OLDEST_KNOWN + " and later, not " + major + "." + minor + ".");
		}
	}

	/**
	 * Reads a version as configured ({@code migrator.lint.postgres-version}), such as
	 * {@code 14} or {@code 16.2}.
	 */
	public static PostgresVersion parse(String text) {
		Matcher matcher = FORMAT.matcher(text.strip());
		if (!matcher.matches()) {
			throw new MigratorException(ErrorCode.INVALID_CONFIGURATION, "'" + text
					+ "' is not a PostgreSQL version. Give the major version, such as 16, or major.minor, such as 16.2.");
		}
		int minor = (matcher.group(2) != null) ? Integer.parseInt(matcher.group(2)) : 0;
		return new PostgresVersion(Integer.parseInt(matcher.group(1)), minor);
	}

	/** Whether this is the given major version or a later one. */
	public boolean atLeast(int major) {
		return this.major >= major;
	}

	@Override
	public int compareTo(PostgresVersion other) {
		return (this.major != other.major) ? Integer.compare(this.major, other.major)
				: Integer.compare(this.minor, other.minor);
	}

	/** {@code 16.2}, or {@code 16} when no minor version was given. */
	@Override
	public String toString() {
		return (this.minor == 0) ? String.valueOf(this.major) : this.major + "." + this.minor;
	}

}
