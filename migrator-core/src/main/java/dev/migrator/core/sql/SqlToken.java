package dev.migrator.core.sql;

import java.util.Locale;
import java.util.Objects;

/**
 * One token of SQL text, as {@link SqlLexer} cut it: the tokens of a text, whitespace and
 * comments included, concatenate back to the text exactly.
 *
 * @param kind what sort of token it is
 * @param text the token as written (a string or quoted identifier with its quotes, a
 * comment with its markers)
 * @param start the offset of its first character in the text
 * @param line the line of its first character
 * @param terminated false for a string, quoted identifier, dollar quote or block comment
 * that the text ends inside of: the token then runs to the end of the text
 */
public record SqlToken(Kind kind, String text, int start, int line, boolean terminated) {

	public SqlToken {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(text, "text");
	}

	/** What sort of token. */
	public enum Kind {

		/** A run of whitespace characters. */
		WHITESPACE,

		/** A {@code -- comment}, up to (not including) the line break. */
		LINE_COMMENT,

		/** A {@code /* comment *}{@code /}; in PostgreSQL they nest. */
		BLOCK_COMMENT,

		/** A keyword or an unquoted identifier. */
		WORD,

		/**
		 * A quoted identifier: {@code "name"}, and in SQLite also {@code `name`} and
		 * {@code [name]}.
		 */
		QUOTED_IDENTIFIER,

		/**
		 * A string constant: {@code '...'}, in PostgreSQL {@code E'...'} and
		 * dollar-quoted ({@code $$...$$}, {@code $tag$...$tag$}), in SQLite a
		 * {@code X'...'} blob.
		 */
		STRING,

		/** A number, such as {@code 42}, {@code 1.5} or {@code 1e-3}. */
		NUMBER,

		/** A parameter such as {@code $1} or {@code $name}. */
		PARAMETER,

		/** An operator or punctuation character, or {@code ::}. */
		SYMBOL

	}

	/** The offset just past its last character. */
	public int end() {
		return this.start + this.text.length();
	}

	/** Whitespace or a comment: nothing the database reads as part of a statement. */
	public boolean isTrivia() {
		return this.kind == Kind.WHITESPACE || this.kind == Kind.LINE_COMMENT || this.kind == Kind.BLOCK_COMMENT;
	}

	/** Whether this is the keyword, compared without regard to case. */
	public boolean is(String keyword) {
		return this.kind == Kind.WORD && this.text.equalsIgnoreCase(keyword);
	}

	public boolean isSymbol(String symbol) {
		return this.kind == Kind.SYMBOL && this.text.equals(symbol);
	}

	/** A word or a quoted identifier. */
	public boolean isName() {
		return this.kind == Kind.WORD || this.kind == Kind.QUOTED_IDENTIFIER;
	}

	/** The word in upper case; empty for anything but a word. */
	public String keyword() {
		return (this.kind == Kind.WORD) ? this.text.toUpperCase(Locale.ROOT) : "";
	}

	/**
	 * The name as written without its quotes: a quoted identifier unescaped (a doubled
	 * quote is one), anything else as written.
	 */
	public String name() {
		if (this.kind != Kind.QUOTED_IDENTIFIER) {
			return this.text;
		}
		char open = this.text.charAt(0);
		String inner = this.text.substring(1, this.text.length() - (this.terminated ? 1 : 0));
		return switch (open) {
			case '"' -> inner.replace("\"\"", "\"");
			case '`' -> inner.replace("``", "`");
			default -> inner;
		};
	}

	/**
	 * The identifier as PostgreSQL compares it: an unquoted name with its ASCII letters
	 * folded to lower case (as PostgreSQL folds it), a quoted one exactly as written
	 * without its quotes.
	 */
	public String identifier() {
		return (this.kind == Kind.QUOTED_IDENTIFIER) ? name() : UnquotedNames.fold(this.text);
	}

}
