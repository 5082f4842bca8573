package dev.migrator.autoconfigure.actuate;

import dev.migrator.core.sql.DatabaseMessageRedaction;

import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * An error text made fit to show over HTTP. A database's message can quote row values
 * (PostgreSQL's {@code Detail: Key (email)=(someone@example.com) already exists}) and a
 * driver's can quote a URL with its password: those parts are removed, the rest, which
 * names the revision and statement, stays.
 */
final class SafeErrorText {

	private static final int MAX_LENGTH = 2000;

	// Lines in which PostgreSQL quotes data or the query's context.
	private static final Pattern DATA_LINE = Pattern.compile("^\\s*(Detail|Where|Internal Query|Query):.*");

	private static final Pattern URL_CREDENTIALS = Pattern.compile("(//[^/\\s:@]+):[^@\\s/]*@");

	private static final Pattern SECRET_PARAMETER = Pattern
		.compile("(?i)\\b(password|passwd|pwd|secret|token|sslpassword)=([^&;\\s,)]*)");

	private SafeErrorText() {
	}

	static String of(String text) {
		if (text == null) {
			return null;
		}
		// The engine redacts where it writes; this is the second line of defence for
		// text stored before it did, or written by another version.
		String kept = DatabaseMessageRedaction.redact(text)
			.lines()
			.filter((line) -> !DATA_LINE.matcher(line).matches())
			.collect(Collectors.joining("\n"));
		kept = URL_CREDENTIALS.matcher(kept).replaceAll("$1:******@");
		kept = SECRET_PARAMETER.matcher(kept).replaceAll("$1=******");
		return (kept.length() > MAX_LENGTH) ? kept.substring(0, MAX_LENGTH) + "…" : kept;
	}

}
