package dev.migrator.core.sql;

import java.util.regex.Pattern;

/**
 * A JDBC URL as a message may show it: without the user and password of its authority
 * ({@code //alice:secret@host}) and without the parameters that carry credentials
 * ({@code user=}, {@code password=}, {@code sslpassword=}, after {@code ?}, {@code &} or
 * {@code ;}). Which database it names is what a reader of the message needs; who connects
 * and with what is not theirs to read.
 */
public final class JdbcUrlRedaction {

	// //user:password@host, //user@host: everything between // and the last @ before the
	// host's end.
	private static final Pattern USER_INFO = Pattern.compile("(//)[^/?#;]*@");

	private static final Pattern CREDENTIAL_PARAMETER = Pattern
		.compile("(?i)([?&;])(user|username|userid|password|passwd|pwd|sslpassword|[a-z.]*password)=[^&;#]*");

	private JdbcUrlRedaction() {
	}

	public static String withoutCredentials(String url) {
		String redacted = USER_INFO.matcher(url).replaceFirst("$1");
		String previous;
		do {
			previous = redacted;
			redacted = CREDENTIAL_PARAMETER.matcher(redacted).replaceFirst("$1");
			// The separator kept by the match is followed by the next one, or ends the
			// URL.
			redacted = redacted.replace("?&", "?").replace("&&", "&").replace(";;", ";");
		}
		while (!redacted.equals(previous));
		return redacted.replaceAll("[?&;]+$", "").replace("?;", "?");
	}

}
