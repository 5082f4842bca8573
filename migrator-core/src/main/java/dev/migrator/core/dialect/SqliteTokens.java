package dev.migrator.core.dialect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits SQLite SQL into tokens, enough to find the parts of a stored
 * {@code CREATE TABLE} or {@code CREATE INDEX}: quoted names and strings stay whole,
 * comments and white space are dropped, and each token keeps its place in the text so
 * that untouched parts are copied exactly as written.
 */
final class SqliteTokens {

	private SqliteTokens() {
	}

	enum Kind {

		WORD, QUOTED, STRING, NUMBER, BLOB, SYMBOL

	}

	/** One token and where it sits in the text. */
	record Token(Kind kind, String text, int start, int end) {

		/** Whether it is this keyword (case-insensitive). */
		boolean is(String word) {
			return this.kind == Kind.WORD && this.text.equalsIgnoreCase(word);
		}

		boolean isSymbol(char symbol) {
			return this.kind == Kind.SYMBOL && this.text.charAt(0) == symbol;
		}

		boolean isName() {
			return this.kind == Kind.WORD || this.kind == Kind.QUOTED;
		}

		/** The name it stands for: the word, or the quoted text unescaped. */
		String name() {
			if (this.kind != Kind.QUOTED) {
				return this.text;
			}
			char open = this.text.charAt(0);
			String inner = this.text.substring(1, this.text.length() - 1);
			return switch (open) {
				case '"' -> inner.replace("\"\"", "\"");
				case '`' -> inner.replace("``", "`");
				default -> inner;
			};
		}

		/** The name in lower case, for comparisons: SQLite names are case-insensitive. */
		String key() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	static List<Token> of(String sql) {
		List<Token> tokens = new ArrayList<>();
		int i = 0;
		int length = sql.length();
		while (i < length) {
			char c = sql.charAt(i);
			if (Character.isWhitespace(c)) {
				i++;
			}
			else if (c == '-' && i + 1 < length && sql.charAt(i + 1) == '-') {
				int end = sql.indexOf('\n', i);
				i = (end < 0) ? length : end + 1;
			}
			else if (c == '/' && i + 1 < length && sql.charAt(i + 1) == '*') {
				int end = sql.indexOf("*/", i + 2);
				i = (end < 0) ? length : end + 2;
			}
			else if (c == '\'') {
				int end = closing(sql, i, '\'');
				tokens.add(new Token(Kind.STRING, sql.substring(i, end), i, end));
				i = end;
			}
			else if (c == '"' || c == '`') {
				int end = closing(sql, i, c);
				tokens.add(new Token(Kind.QUOTED, sql.substring(i, end), i, end));
				i = end;
			}
			else if (c == '[') {
				int close = sql.indexOf(']', i);
				int end = (close < 0) ? length : close + 1;
				tokens.add(new Token(Kind.QUOTED, sql.substring(i, end), i, end));
				i = end;
			}
			else if ((c == 'x' || c == 'X') && i + 1 < length && sql.charAt(i + 1) == '\'') {
				int end = closing(sql, i + 1, '\'');
				tokens.add(new Token(Kind.BLOB, sql.substring(i, end), i, end));
				i = end;
			}
			else if (Character.isDigit(c) || (c == '.' && i + 1 < length && Character.isDigit(sql.charAt(i + 1)))) {
				int end = i + 1;
				while (end < length && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '.'
						|| ((sql.charAt(end) == '+' || sql.charAt(end) == '-')
								&& Character.toLowerCase(sql.charAt(end - 1)) == 'e'))) {
					end++;
				}
				tokens.add(new Token(Kind.NUMBER, sql.substring(i, end), i, end));
				i = end;
			}
			else if (Character.isLetter(c) || c == '_' || c > 127) {
				int end = i + 1;
				while (end < length && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_'
						|| sql.charAt(end) == '$' || sql.charAt(end) > 127)) {
					end++;
				}
				tokens.add(new Token(Kind.WORD, sql.substring(i, end), i, end));
				i = end;
			}
			else {
				tokens.add(new Token(Kind.SYMBOL, String.valueOf(c), i, i + 1));
				i++;
			}
		}
		return tokens;
	}

	/**
	 * The end (exclusive) of a quoted run opened at {@code start}; a doubled quote is an
	 * escaped one.
	 */
	private static int closing(String sql, int start, char quote) {
		int i = start + 1;
		while (i < sql.length()) {
			if (sql.charAt(i) == quote) {
				if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
					i += 2;
					continue;
				}
				return i + 1;
			}
			i++;
		}
		return sql.length();
	}

	/** The index of the parenthesis closing the one at {@code open}. */
	static int matching(List<Token> tokens, int open) {
		int depth = 0;
		for (int i = open; i < tokens.size(); i++) {
			if (tokens.get(i).isSymbol('(')) {
				depth++;
			}
			else if (tokens.get(i).isSymbol(')')) {
				depth--;
				if (depth == 0) {
					return i;
				}
			}
		}
		return -1;
	}

	/**
	 * The tokens between {@code from} and {@code to} (exclusive) split at commas outside
	 * parentheses.
	 */
	static List<List<Token>> splitOnCommas(List<Token> tokens, int from, int to) {
		List<List<Token>> parts = new ArrayList<>();
		List<Token> current = new ArrayList<>();
		int depth = 0;
		for (int i = from; i < to; i++) {
			Token token = tokens.get(i);
			if (token.isSymbol('(')) {
				depth++;
			}
			else if (token.isSymbol(')')) {
				depth--;
			}
			if (depth == 0 && token.isSymbol(',')) {
				parts.add(current);
				current = new ArrayList<>();
			}
			else {
				current.add(token);
			}
		}
		if (!current.isEmpty()) {
			parts.add(current);
		}
		return parts;
	}

}
