package dev.migrator.core.lint;

import java.util.Locale;

/**
 * One token of a SQL statement, as the classifier needs it.
 *
 * @param kind what sort of token it is
 * @param text the token as written (a string or quoted identifier with its quotes)
 */
record SqlToken(Kind kind, String text) {

	enum Kind {

		/** A keyword or an unquoted identifier. */
		WORD,

		/** A {@code "quoted"} identifier. */
		QUOTED_IDENTIFIER,

		/** A string constant: {@code '...'}, {@code E'...'} or dollar-quoted. */
		STRING,

		NUMBER,

		/** A parameter such as {@code $1}. */
		PARAMETER,

		/** Any other character, or {@code ::}. */
		SYMBOL

	}

	/** Whether this is the keyword, compared without regard to case. */
	boolean is(String keyword) {
		return this.kind == Kind.WORD && this.text.equalsIgnoreCase(keyword);
	}

	boolean isSymbol(String symbol) {
		return this.kind == Kind.SYMBOL && this.text.equals(symbol);
	}

	boolean isName() {
		return this.kind == Kind.WORD || this.kind == Kind.QUOTED_IDENTIFIER;
	}

	/** The word in upper case; empty for anything but a word. */
	String keyword() {
		return (this.kind == Kind.WORD) ? this.text.toUpperCase(Locale.ROOT) : "";
	}

	/**
	 * The identifier as PostgreSQL compares it: an unquoted name folded to lower case, a
	 * quoted one exactly as written without its quotes.
	 */
	String identifier() {
		if (this.kind == Kind.QUOTED_IDENTIFIER) {
			return this.text.substring(1, this.text.length() - 1).replace("\"\"", "\"");
		}
		return this.text.toLowerCase(Locale.ROOT);
	}

}
