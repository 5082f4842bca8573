package dev.migrator.core.script;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.function.IntFunction;

/**
 * Splits SQL text into statements on top-level semicolons, for PostgreSQL and SQLite.
 *
 * <p>
 * A semicolon does not end a statement inside a string ({@code '...'}, {@code E'...'}), a
 * quoted identifier, a comment (block comments nest, as in PostgreSQL), a dollar-quoted
 * string ({@code $$...$$}, {@code $tag$...$tag$}), a SQLite
 * {@code CREATE TRIGGER ... BEGIN ... END} body or a PostgreSQL
 * {@code BEGIN ATOMIC ... END} body. Each statement's text runs from its first to its
 * last character that is not whitespace or a comment, so comments between statements are
 * dropped and a statement's line is the line where its SQL starts.
 *
 * <p>
 * A {@code -- migrator:allow RULE-ID reason} comment belongs to the statement it is
 * inside of, or that ends earlier on its line
 * ({@code CREATE INDEX ...; -- migrator:allow ...}); otherwise to the next statement.
 */
public final class SqlStatementSplitter {

	/**
	 * Splits the text; errors name lines only.
	 * @param sqlText the SQL
	 * @param firstLine the line of the file on which {@code sqlText} starts
	 */
	public List<SqlStatement> split(String sqlText, int firstLine) {
		return new Scan(sqlText, firstLine, (line) -> "line " + line).statements();
	}

	/**
	 * Splits the text; errors name the location and line.
	 * @param location the file the text comes from, as shown to users
	 * @param sqlText the SQL
	 * @param firstLine the line of the file on which {@code sqlText} starts
	 */
	public List<SqlStatement> split(String location, String sqlText, int firstLine) {
		return new Scan(sqlText, firstLine, (line) -> location + ":" + line).statements();
	}

	/**
	 * The line of the first character that is not whitespace or a comment, or empty when
	 * the text is only those; the revision file parser uses it to refuse SQL among the
	 * header lines.
	 */
	OptionalInt firstContentLine(String location, String text, int firstLine) {
		return new Scan(text, firstLine, (line) -> location + ":" + line).firstContentLine();
	}

	/**
	 * The state of one pass over one text; a new one per call keeps the splitter itself
	 * stateless.
	 */
	private static final class Scan {

		private final String text;

		private final IntFunction<String> where;

		private final List<SqlStatement> statements = new ArrayList<>();

		private int pos;

		private int line;

		/** Start of the current statement's text, or -1 while it has none. */
		private int statementStart = -1;

		private int statementLine;

		private int statementEnd;

		/**
		 * The statement's first words, upper-cased, enough to recognise
		 * {@code CREATE TEMP TRIGGER}.
		 */
		private final List<String> leadingWords = new ArrayList<>(3);

		/** The word just before the current token, if the previous token was a word. */
		private String previousWord = "";

		/**
		 * 1 inside a trigger or BEGIN ATOMIC body, plus one per open CASE in it; 0
		 * outside a body.
		 */
		private int bodyDepth;

		private int bodyLine;

		private String bodyKind = "";

		/**
		 * Off while only looking for the first SQL line: allow comments matter only
		 * inside a section.
		 */
		private boolean readsAllowances = true;

		/** Allow comments waiting for the next statement to start. */
		private final List<Allowance> pendingAllowances = new ArrayList<>();

		/** Allow comments of the statement being read. */
		private final List<Allowance> statementAllowances = new ArrayList<>();

		/**
		 * The line of the semicolon that ended the last statement, or -1 once another has
		 * started.
		 */
		private int lastEndLine = -1;

		Scan(String text, int firstLine, IntFunction<String> where) {
			this.text = text;
			this.line = firstLine;
			this.where = where;
		}

		List<SqlStatement> statements() {
			while (this.pos < this.text.length()) {
				if (skipTrivia()) {
					continue;
				}
				char c = this.text.charAt(this.pos);
				if (c == ';' && this.bodyDepth == 0) {
					this.lastEndLine = endStatement() ? this.line : this.lastEndLine;
					this.pos++;
					continue;
				}
				if (this.statementStart < 0) {
					this.statementStart = this.pos;
					this.statementLine = this.line;
					this.statementAllowances.addAll(this.pendingAllowances);
					this.pendingAllowances.clear();
					this.lastEndLine = -1;
				}
				token(c);
				this.statementEnd = this.pos;
			}
			if (this.bodyDepth > 0) {
				throw new RevisionSourceException("unterminated-block",
						this.where.apply(this.bodyLine) + ": the " + this.bodyKind
								+ " body that starts here has no matching END. End it with END; "
								+ "(each CASE inside the body needs its own END).");
			}
			endStatement();
			if (!this.pendingAllowances.isEmpty()) {
				Allowance dangling = this.pendingAllowances.get(0);
				throw new RevisionSourceException("allow-without-statement", this.where.apply(dangling.line())
						+ ": -- migrator:allow " + dangling.ruleId() + " is followed by no statement. Put it on the "
						+ "line directly before the statement it allows, or after that statement on the same line.");
			}
			return List.copyOf(this.statements);
		}

		OptionalInt firstContentLine() {
			this.readsAllowances = false;
			while (this.pos < this.text.length()) {
				if (!skipTrivia()) {
					return OptionalInt.of(this.line);
				}
			}
			return OptionalInt.empty();
		}

		/**
		 * Skips one whitespace character or comment; false when the next character starts
		 * a token.
		 */
		private boolean skipTrivia() {
			char c = this.text.charAt(this.pos);
			if (Character.isWhitespace(c)) {
				advance();
				return true;
			}
			if (c == '-' && peek(1) == '-') {
				int start = this.pos;
				while (this.pos < this.text.length() && !isLineBreak(this.text.charAt(this.pos))) {
					this.pos++;
				}
				if (this.readsAllowances) {
					String comment = this.text.substring(start, this.pos);
					AllowComment.read(comment, this.line, this.where).ifPresent(this::allow);
				}
				return true;
			}
			if (c == '/' && peek(1) == '*') {
				blockComment();
				return true;
			}
			return false;
		}

		private void token(char c) {
			if (c == '\'') {
				this.previousWord = "";
				quoted('\'', false, "unterminated-string", "string", "'");
			}
			else if (c == '"') {
				this.previousWord = "";
				quoted('"', false, "unterminated-quoted-identifier", "quoted identifier", "\"");
			}
			else if ((c == 'E' || c == 'e') && peek(1) == '\'') {
				this.previousWord = "";
				this.pos++;
				quoted('\'', true, "unterminated-string", "E'...' string", "'");
			}
			else if (c == '$' && !isIdentifierPart(peek(-1))) {
				this.previousWord = "";
				dollar();
			}
			else if (isIdentifierStart(c)) {
				word();
			}
			else {
				this.previousWord = "";
				advance();
			}
		}

		private void quoted(char quote, boolean backslashEscapes, String code, String construct, String closer) {
			int startLine = this.line;
			this.pos++;
			while (true) {
				if (this.pos >= this.text.length()) {
					throw new RevisionSourceException(code,
							this.where.apply(startLine) + ": the " + construct
									+ " that starts here is never closed. Add the closing " + closer + " (write a "
									+ closer + " inside it as " + closer + closer + ").");
				}
				char c = this.text.charAt(this.pos);
				if (backslashEscapes && c == '\\') {
					this.pos++;
					if (this.pos < this.text.length()) {
						advance();
					}
				}
				else if (c == quote) {
					this.pos++;
					if (peek(0) != quote) {
						return;
					}
					this.pos++;
				}
				else {
					advance();
				}
			}
		}

		private void blockComment() {
			int startLine = this.line;
			int depth = 0;
			do {
				if (this.pos >= this.text.length()) {
					throw new RevisionSourceException("unterminated-block-comment",
							this.where.apply(startLine)
									+ ": the /* comment that starts here is never closed. Add */ to end it "
									+ "(comments nest: every /* inside it needs its own */).");
				}
				char c = this.text.charAt(this.pos);
				if (c == '/' && peek(1) == '*') {
					depth++;
					this.pos += 2;
				}
				else if (c == '*' && peek(1) == '/') {
					depth--;
					this.pos += 2;
				}
				else {
					advance();
				}
			}
			while (depth > 0);
		}

		/**
		 * At a {@code $} that does not continue a word: a dollar quote, a {@code $1}
		 * parameter or a lone sign.
		 */
		private void dollar() {
			int tagEnd = this.pos + 1;
			if (isIdentifierStart(peek(1))) {
				while (tagEnd < this.text.length() && isTagPart(this.text.charAt(tagEnd))) {
					tagEnd++;
				}
			}
			if (tagEnd >= this.text.length() || this.text.charAt(tagEnd) != '$') {
				// $1 (a parameter) or $name (a SQLite parameter): not a quote, so no
				// closing tag to look for.
				this.pos++;
				while (this.pos < this.text.length() && isIdentifierPart(this.text.charAt(this.pos))) {
					this.pos++;
				}
				return;
			}
			String delimiter = this.text.substring(this.pos, tagEnd + 1);
			int startLine = this.line;
			int close = this.text.indexOf(delimiter, tagEnd + 1);
			if (close < 0) {
				throw new RevisionSourceException("unterminated-dollar-quote",
						this.where.apply(startLine) + ": the dollar-quoted string opened with " + delimiter
								+ " here is never closed. Add the closing " + delimiter
								+ " (the tag must match exactly).");
			}
			int end = close + delimiter.length();
			while (this.pos < end) {
				advance();
			}
		}

		private void word() {
			int start = this.pos;
			while (this.pos < this.text.length() && isIdentifierPart(this.text.charAt(this.pos))) {
				this.pos++;
			}
			String word = this.text.substring(start, this.pos).toUpperCase(Locale.ROOT);
			if (this.leadingWords.size() < 3) {
				this.leadingWords.add(word);
			}
			if (this.bodyDepth == 0) {
				if (word.equals("BEGIN") && isTrigger()) {
					enterBody("trigger");
				}
				else if (word.equals("ATOMIC") && this.previousWord.equals("BEGIN")) {
					enterBody("BEGIN ATOMIC");
				}
			}
			else if (word.equals("CASE")) {
				this.bodyDepth++;
			}
			else if (word.equals("END")) {
				this.bodyDepth--;
			}
			this.previousWord = word;
		}

		private boolean isTrigger() {
			List<String> words = this.leadingWords;
			if (words.size() < 2 || !words.get(0).equals("CREATE")) {
				return false;
			}
			if (words.get(1).equals("TRIGGER")) {
				return true;
			}
			return words.size() > 2 && (words.get(1).equals("TEMP") || words.get(1).equals("TEMPORARY"))
					&& words.get(2).equals("TRIGGER");
		}

		private void enterBody(String kind) {
			this.bodyDepth = 1;
			this.bodyLine = this.line;
			this.bodyKind = kind;
		}

		private void allow(Allowance allowance) {
			if (this.statementStart >= 0) {
				this.statementAllowances.add(allowance);
			}
			else if (this.lastEndLine == allowance.line()) {
				int last = this.statements.size() - 1;
				this.statements.set(last, this.statements.get(last).withAllowance(allowance));
			}
			else {
				this.pendingAllowances.add(allowance);
			}
		}

		/**
		 * Ends the current statement; false when there was none (only whitespace and
		 * comments).
		 */
		private boolean endStatement() {
			boolean ended = this.statementStart >= 0;
			if (ended) {
				String sql = this.text.substring(this.statementStart, this.statementEnd);
				this.statements.add(new SqlStatement(sql, this.statementLine, this.statementAllowances));
			}
			this.statementAllowances.clear();
			this.statementStart = -1;
			this.leadingWords.clear();
			this.previousWord = "";
			this.bodyDepth = 0;
			return ended;
		}

		/**
		 * Moves past one character, counting line breaks ({@code \n}, {@code \r\n} or a
		 * lone {@code \r}).
		 */
		private void advance() {
			char c = this.text.charAt(this.pos++);
			if (c == '\n' || (c == '\r' && peek(0) != '\n')) {
				this.line++;
			}
		}

		private char peek(int offset) {
			int at = this.pos + offset;
			return (at >= 0 && at < this.text.length()) ? this.text.charAt(at) : '\0';
		}

		private static boolean isLineBreak(char c) {
			return c == '\n' || c == '\r';
		}

		private static boolean isIdentifierStart(char c) {
			return Character.isLetter(c) || c == '_';
		}

		private static boolean isIdentifierPart(char c) {
			return Character.isLetterOrDigit(c) || c == '_' || c == '$';
		}

		/** Dollar-quote tags follow identifier rules but cannot contain {@code $}. */
		private static boolean isTagPart(char c) {
			return Character.isLetterOrDigit(c) || c == '_';
		}

	}

}
