package dev.migrator.core.authoring.schema;

/**
 * Small normalisations of SQL text as databases print it back, so that equal definitions
 * compare equal.
 */
final class SqlText {

	private SqlText() {
	}

	/**
	 * White space collapsed to single spaces outside quotes, and none just inside
	 * parentheses or before commas.
	 */
	static String normalize(String sql) {
		StringBuilder out = new StringBuilder();
		char quote = 0;
		boolean space = false;
		for (int i = 0; i < sql.length(); i++) {
			char c = sql.charAt(i);
			if (quote != 0) {
				out.append(c);
				if (c == quote) {
					quote = 0;
				}
				continue;
			}
			if (Character.isWhitespace(c)) {
				space = true;
				continue;
			}
			if (space && out.length() > 0 && out.charAt(out.length() - 1) != '(' && c != ')' && c != ',') {
				out.append(' ');
			}
			space = false;
			if (c == '\'' || c == '"' || c == '`') {
				quote = c;
			}
			out.append(c);
		}
		return out.toString();
	}

	/**
	 * The text without parentheses that enclose all of it: {@code ((a > 0))} is
	 * {@code a > 0}.
	 */
	static String unwrap(String sql) {
		String text = sql.strip();
		while (text.length() >= 2 && text.charAt(0) == '(' && closingOf(text, 0) == text.length() - 1) {
			text = text.substring(1, text.length() - 1).strip();
		}
		return text;
	}

	/**
	 * The index of the parenthesis closing the one at {@code open}, skipping quoted text;
	 * -1 if none.
	 */
	static int closingOf(String text, int open) {
		int depth = 0;
		char quote = 0;
		for (int i = open; i < text.length(); i++) {
			char c = text.charAt(i);
			if (quote != 0) {
				if (c == quote) {
					quote = 0;
				}
			}
			else if (c == '\'' || c == '"' || c == '`') {
				quote = c;
			}
			else if (c == '(') {
				depth++;
			}
			else if (c == ')') {
				depth--;
				if (depth == 0) {
					return i;
				}
			}
		}
		return -1;
	}

}
