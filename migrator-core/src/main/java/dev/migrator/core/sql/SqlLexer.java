package dev.migrator.core.sql;

import dev.migrator.core.sql.SqlToken.Kind;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts SQL text into {@link SqlToken tokens}, whitespace and comments included, so that
 * the tokens concatenate back to the text. Forgiving: a string, quoted identifier, dollar
 * quote or block comment the text ends inside of becomes one token running to the end,
 * marked not {@link SqlToken#terminated() terminated}; the caller decides whether that is
 * an error.
 *
 * <p>
 * Two sets of rules: {@link #POSTGRESQL}'s (block comments nest, {@code E'...'} strings
 * with backslash escapes, dollar quotes), which the statement splitter applies to every
 * script, and {@link #SQLITE}'s for the SQL SQLite stores ({@code `name`} and
 * {@code [name]} identifiers, {@code X'...'} blobs, block comments that do not nest, no
 * dollar quotes or E-strings).
 */
public final class SqlLexer {

	/** PostgreSQL's lexical rules. */
	public static final SqlLexer POSTGRESQL = new SqlLexer(true);

	/** SQLite's lexical rules. */
	public static final SqlLexer SQLITE = new SqlLexer(false);

	private final boolean postgres;

	private SqlLexer(boolean postgres) {
		this.postgres = postgres;
	}

	/** Every token of the text, the first on line 1. */
	public List<SqlToken> tokens(String text) {
		return tokens(text, 1);
	}

	/**
	 * Every token of the text.
	 * @param text the SQL
	 * @param firstLine the line on which the text starts
	 */
	public List<SqlToken> tokens(String text, int firstLine) {
		return new Scan(text, firstLine, this.postgres).tokens();
	}

	/** The tokens of the text without whitespace and comments. */
	public List<SqlToken> significantTokens(String text) {
		return tokens(text).stream().filter((token) -> !token.isTrivia()).toList();
	}

	/** One pass over one text. */
	private static final class Scan {

		private final String text;

		private final boolean postgres;

		private final List<SqlToken> tokens = new ArrayList<>();

		private int pos;

		private int line;

		Scan(String text, int firstLine, boolean postgres) {
			this.text = text;
			this.line = firstLine;
			this.postgres = postgres;
		}

		List<SqlToken> tokens() {
			while (this.pos < this.text.length()) {
				token();
			}
			return List.copyOf(this.tokens);
		}

		private void token() {
			char c = this.text.charAt(this.pos);
			char next = at(this.pos + 1);
			if (Character.isWhitespace(c)) {
				int end = this.pos + 1;
				while (end < this.text.length() && Character.isWhitespace(this.text.charAt(end))) {
					end++;
				}
				add(Kind.WHITESPACE, end, true);
			}
			else if (c == '-' && next == '-') {
				int end = this.pos + 2;
				while (end < this.text.length() && !isLineBreak(this.text.charAt(end))) {
					end++;
				}
				add(Kind.LINE_COMMENT, end, true);
			}
			else if (c == '/' && next == '*') {
				blockComment();
			}
			else if (c == '\'') {
				quoted(Kind.STRING, this.pos, '\'', false);
			}
			else if (this.postgres && (c == 'E' || c == 'e') && next == '\'') {
				quoted(Kind.STRING, this.pos + 1, '\'', true);
			}
			else if (!this.postgres && (c == 'X' || c == 'x') && next == '\'') {
				quoted(Kind.STRING, this.pos + 1, '\'', false);
			}
			else if (c == '"' || (!this.postgres && c == '`')) {
				quoted(Kind.QUOTED_IDENTIFIER, this.pos, c, false);
			}
			else if (!this.postgres && c == '[') {
				int close = this.text.indexOf(']', this.pos + 1);
				add(Kind.QUOTED_IDENTIFIER, (close < 0) ? this.text.length() : close + 1, close >= 0);
			}
			else if (c == '$') {
				dollar();
			}
			else if (isWordStart(c)) {
				int end = this.pos + 1;
				while (end < this.text.length() && isWordPart(this.text.charAt(end))) {
					end++;
				}
				add(Kind.WORD, end, true);
			}
			else if (isDigit(c) || (c == '.' && isDigit(next))) {
				number();
			}
			else if (c == ':' && next == ':') {
				add(Kind.SYMBOL, this.pos + 2, true);
			}
			else {
				add(Kind.SYMBOL, this.pos + 1, true);
			}
		}

		/** PostgreSQL's block comments nest; SQLite's end at the first close. */
		private void blockComment() {
			if (!this.postgres) {
				int close = this.text.indexOf("*/", this.pos + 2);
				add(Kind.BLOCK_COMMENT, (close < 0) ? this.text.length() : close + 2, close >= 0);
				return;
			}
			int depth = 0;
			int end = this.pos;
			do {
				if (end >= this.text.length()) {
					add(Kind.BLOCK_COMMENT, this.text.length(), false);
					return;
				}
				if (this.text.startsWith("/*", end)) {
					depth++;
					end += 2;
				}
				else if (this.text.startsWith("*/", end)) {
					depth--;
					end += 2;
				}
				else {
					end++;
				}
			}
			while (depth > 0);
			add(Kind.BLOCK_COMMENT, end, true);
		}

		/**
		 * A run between quotes opened at {@code open}, in which a doubled quote is an
		 * escaped one (and, in an E-string, a backslash escapes the next character).
		 */
		private void quoted(Kind kind, int open, char quote, boolean backslashEscapes) {
			int end = open + 1;
			while (end < this.text.length()) {
				char c = this.text.charAt(end);
				if (backslashEscapes && c == '\\') {
					end += 2;
				}
				else if (c == quote && at(end + 1) == quote) {
					end += 2;
				}
				else if (c == quote) {
					add(kind, end + 1, true);
					return;
				}
				else {
					end++;
				}
			}
			add(kind, this.text.length(), false);
		}

		/**
		 * At a {@code $}: in PostgreSQL a dollar quote when it does not continue a word
		 * or number and a {@code $tag$} follows; otherwise a parameter ({@code $1},
		 * {@code $name}) or a lone sign.
		 */
		private void dollar() {
			if (this.postgres && !isWordPart(at(this.pos - 1))) {
				int tagEnd = this.pos + 1;
				if (isWordStart(at(tagEnd))) {
					while (tagEnd < this.text.length() && isTagPart(this.text.charAt(tagEnd))) {
						tagEnd++;
					}
				}
				if (at(tagEnd) == '$') {
					String delimiter = this.text.substring(this.pos, tagEnd + 1);
					int close = this.text.indexOf(delimiter, tagEnd + 1);
					add(Kind.STRING, (close < 0) ? this.text.length() : close + delimiter.length(), close >= 0);
					return;
				}
			}
			if (!isWordStart(at(this.pos + 1)) && !isDigit(at(this.pos + 1))) {
				add(Kind.SYMBOL, this.pos + 1, true);
				return;
			}
			int end = this.pos + 1;
			while (end < this.text.length() && isWordPart(this.text.charAt(end))) {
				end++;
			}
			add(Kind.PARAMETER, end, true);
		}

		/**
		 * Digits, a decimal point, an exponent with its sign, and the letters of
		 * {@code 0x1F} or a typo alike: whatever follows up to the next character that
		 * cannot be part of a number.
		 */
		private void number() {
			boolean hex = this.text.startsWith("0x", this.pos) || this.text.startsWith("0X", this.pos);
			int end = this.pos + 1;
			while (end < this.text.length()) {
				char c = this.text.charAt(end);
				boolean exponentSign = (c == '+' || c == '-') && !hex
						&& (this.text.charAt(end - 1) == 'e' || this.text.charAt(end - 1) == 'E')
						&& isDigit(at(end + 1));
				if (!(Character.isLetterOrDigit(c) || c == '.' || c == '_' || exponentSign)) {
					break;
				}
				end++;
			}
			add(Kind.NUMBER, end, true);
		}

		private void add(Kind kind, int end, boolean terminated) {
			int stop = Math.min(end, this.text.length());
			this.tokens.add(new SqlToken(kind, this.text.substring(this.pos, stop), this.pos, this.line, terminated));
			for (int i = this.pos; i < stop; i++) {
				char c = this.text.charAt(i);
				if (c == '\n' || (c == '\r' && at(i + 1) != '\n')) {
					this.line++;
				}
			}
			this.pos = stop;
		}

		private char at(int index) {
			return (index >= 0 && index < this.text.length()) ? this.text.charAt(index) : '\0';
		}

		private static boolean isLineBreak(char c) {
			return c == '\n' || c == '\r';
		}

		private static boolean isDigit(char c) {
			return c >= '0' && c <= '9';
		}

		/** Letters, {@code _} and any character beyond ASCII, as both databases allow. */
		private static boolean isWordStart(char c) {
			return Character.isLetter(c) || c == '_' || c > 127;
		}

		private static boolean isWordPart(char c) {
			return isWordStart(c) || Character.isDigit(c) || c == '$';
		}

		/** Dollar-quote tags follow identifier rules but cannot contain {@code $}. */
		private static boolean isTagPart(char c) {
			return isWordStart(c) || Character.isDigit(c);
		}

	}

}
