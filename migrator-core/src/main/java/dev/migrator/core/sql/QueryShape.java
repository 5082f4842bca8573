package dev.migrator.core.sql;

import dev.migrator.core.sql.SqlToken.Kind;

/**
 * Another session's query as the engine may show it: every string and number replaced by
 * {@code ?}, so that no value of the application's rows or parameters reaches a log or a
 * failure message, on one line, and cut short.
 */
public final class QueryShape {

	private QueryShape() {
	}

	/** The query's shape, at most {@code maxLength} characters. */
	public static String of(String query, int maxLength) {
		StringBuilder shape = new StringBuilder();
		for (SqlToken token : SqlLexer.POSTGRESQL.tokens(query)) {
			if (token.kind() == Kind.STRING || token.kind() == Kind.NUMBER) {
				shape.append('?');
			}
			else if (token.isTrivia()) {
				if (shape.length() > 0 && shape.charAt(shape.length() - 1) != ' ') {
					shape.append(' ');
				}
			}
			else {
				shape.append(token.text());
			}
		}
		String flat = shape.toString().trim();
		return (flat.length() <= maxLength) ? flat : flat.substring(0, maxLength - 1) + "…";
	}

}
