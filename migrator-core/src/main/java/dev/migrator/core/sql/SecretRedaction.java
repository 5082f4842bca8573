package dev.migrator.core.sql;

import dev.migrator.core.sql.SqlToken.Kind;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Statement text with its secrets masked, for every place the engine shows a statement
 * outside the database: logs, failure messages, the history table. A password literal
 * ({@code PASSWORD 'hunter2'}, {@code ENCRYPTED PASSWORD E'...'},
 * {@code PASSWORD $$...$$}, {@code IDENTIFIED BY hunter2}) becomes {@code '***'}; a
 * password in a URL ({@code postgresql://user:secret@host}) or a connection string
 * ({@code password=secret}) becomes {@code ***}. Statements are read with the one
 * {@link SqlLexer}, so a password with quotes in it, an E-string or a dollar quote is
 * masked whole, and a string that merely mentions the word is left alone.
 *
 * <p>
 * The offline {@code sql} script is not redacted: it is the user's own SQL, to be run.
 */
public final class SecretRedaction {

	/** What a secret is replaced with. */
	public static final String MASK = "***";

	private static final String MASKED_LITERAL = "'" + MASK + "'";

	// scheme://user:password@host: the password may itself hold '@', the host may not.
	private static final Pattern URL_CREDENTIALS = Pattern
		.compile("([A-Za-z][A-Za-z0-9+.\\-]*://[^/\\s:@'\"]*):([^\\s/'\"]*)@");

	// libpq and JDBC key=value settings; a value in doubled quotes is one inside a SQL
	// string literal.
	private static final Pattern SECRET_SETTING = Pattern
		.compile("(?i)\\b(password|passwd|pwd|sslpassword|secret|token)(\\s*=\\s*)(?!'{1,2}\\*\\*\\*)"
				+ "(''(?:[^']|'(?!'))*''|'(?:[^'\\\\]|\\\\.)*'|[^\\s&;,)'\"]+)");

	// A password literal in prose that quotes SQL, such as a database message's context
	// line or a string that holds a statement (EXECUTE 'ALTER ROLE x PASSWORD ''y'''):
	// only quoted values, so that "password authentication failed" stays.
	private static final Pattern PASSWORD_LITERAL = Pattern.compile(
			"(?i)\\b(password\\s*=?\\s*)(?!'{1,2}\\*\\*\\*)(''(?:''''|[^']|'(?!'))*''|E?'(?:[^'\\\\]|''|\\\\.)*'|\\$([A-Za-z_][A-Za-z0-9_]*)?\\$.*?\\$\\3\\$)",
			Pattern.DOTALL);

	private static final Pattern IDENTIFIED_BY = Pattern
		.compile("(?i)\\b(identified\\s+by\\s+)(E?'(?:[^'\\\\]|''|\\\\.)*'|\"(?:[^\"]|\"\")*\"|[^\\s,;)]+)");

	private SecretRedaction() {
	}

	/** The SQL statement with its password literals, URL and setting passwords masked. */
	public static String statement(String sql) {
		List<SqlToken> tokens = SqlLexer.POSTGRESQL.tokens(sql);
		StringBuilder masked = new StringBuilder(sql.length());
		Expecting expecting = Expecting.NOTHING;
		SqlToken previous = null;
		for (SqlToken token : tokens) {
			if (token.isTrivia()) {
				masked.append(token.text());
				continue;
			}
			if (expecting != Expecting.NOTHING && token.isSymbol("=")) {
				masked.append(token.text());
				continue;
			}
			boolean secret = (expecting != Expecting.NOTHING && token.kind() == Kind.STRING)
					|| (expecting == Expecting.ANY_VALUE && (token.isName() || token.kind() == Kind.NUMBER));
			masked.append(secret ? MASKED_LITERAL : token.text());
			if (token.is("PASSWORD")) {
				expecting = Expecting.STRING;
			}
			else if (token.is("BY") && previous != null && previous.is("IDENTIFIED")) {
				expecting = Expecting.ANY_VALUE;
			}
			else {
				expecting = Expecting.NOTHING;
			}
			previous = token;
		}
		return text(masked.toString());
	}

	/**
	 * Free text, such as a driver's message, with URL and setting passwords masked, and
	 * password literals of any SQL it quotes.
	 */
	public static String text(String text) {
		String masked = URL_CREDENTIALS.matcher(text).replaceAll("$1:" + MASK + "@");
		masked = SECRET_SETTING.matcher(masked)
			.replaceAll((match) -> Matcher.quoteReplacement(match.group(1) + match.group(2) + quoted(match.group(3))));
		masked = PASSWORD_LITERAL.matcher(masked)
			.replaceAll((match) -> Matcher.quoteReplacement(match.group(1) + quoted(match.group(2))));
		return IDENTIFIED_BY.matcher(masked).replaceAll("$1" + MASKED_LITERAL);
	}

	/** The mask in the quotes the value was written in, if any. */
	private static String quoted(String value) {
		if (value.startsWith("''")) {
			return "''" + MASK + "''";
		}
		return value.startsWith("'") ? MASKED_LITERAL : MASK;
	}

	/** What the lexer expects after a keyword that introduces a secret. */
	private enum Expecting {

		NOTHING,

		/** After {@code PASSWORD}: a string literal, not {@code NULL}. */
		STRING,

		/** After {@code IDENTIFIED BY}: the next token whatever it is. */
		ANY_VALUE

	}

}
