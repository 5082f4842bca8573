package dev.migrator.core.script;

import dev.migrator.core.error.ErrorCode;

import dev.migrator.core.sql.SqlLexer;
import dev.migrator.core.sql.SqlToken;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.IntFunction;

// Over 300 lines: one pass over the token stream that decides where statements end; its cases read best together.
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
 * dropped and a statement's line is the line where its SQL starts. It reads the tokens of
 * {@link SqlLexer#POSTGRESQL}, and gives each statement the {@link StatementTraits} read
 * from them, so that nothing lexes the statement again to run it.
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
	 * The state of one pass over one text's tokens; a new one per call keeps the splitter
	 * itself stateless.
	 */
	private static final class Scan {

		private final String text;

		private final List<SqlToken> tokens;

		private final IntFunction<String> where;

		private final List<SqlStatement> statements = new ArrayList<>();

		/**
		 * The current statement's tokens, without whitespace and comments; empty between
		 * statements.
		 */
		private final List<SqlToken> statementTokens = new ArrayList<>();

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
			this.tokens = SqlLexer.POSTGRESQL.tokens(text, firstLine);
			this.where = where;
		}

		List<SqlStatement> statements() {
			for (SqlToken token : this.tokens) {
				if (skipTrivia(token)) {
					continue;
				}
				requireTerminated(token);
				if (token.isSymbol(";") && this.bodyDepth == 0) {
					this.lastEndLine = endStatement() ? token.line() : this.lastEndLine;
					continue;
				}
				if (this.statementTokens.isEmpty()) {
					this.statementAllowances.addAll(this.pendingAllowances);
					this.pendingAllowances.clear();
					this.lastEndLine = -1;
				}
				if (token.kind() == SqlToken.Kind.WORD) {
					word(token);
				}
				else {
					this.previousWord = "";
				}
				this.statementTokens.add(token);
			}
			if (this.bodyDepth > 0) {
				throw new RevisionSourceException(ErrorCode.UNTERMINATED_BLOCK,
						this.where.apply(this.bodyLine) + ": the " + this.bodyKind
								+ " body that starts here has no matching END. End it with END; "
								+ "(each CASE inside the body needs its own END).");
			}
			endStatement();
			if (!this.pendingAllowances.isEmpty()) {
				Allowance dangling = this.pendingAllowances.get(0);
				throw new RevisionSourceException(ErrorCode.ALLOW_WITHOUT_STATEMENT, this.where.apply(dangling.line())
						+ ": -- migrator:allow " + dangling.ruleId() + " is followed by no statement. Put it on the "
						+ "line directly before the statement it allows, or after that statement on the same line.");
			}
			return List.copyOf(this.statements);
		}

		OptionalInt firstContentLine() {
			this.readsAllowances = false;
			for (SqlToken token : this.tokens) {
				if (!skipTrivia(token)) {
					return OptionalInt.of(token.line());
				}
			}
			return OptionalInt.empty();
		}

		/**
		 * Reads whitespace or a comment (an allow comment, a block comment that must be
		 * closed); false when the token is part of a statement.
		 */
		private boolean skipTrivia(SqlToken token) {
			switch (token.kind()) {
				case WHITESPACE -> {
					return true;
				}
				case LINE_COMMENT -> {
					if (this.readsAllowances) {
						AllowComment.read(token.text(), token.line(), this.where).ifPresent(this::allow);
					}
					return true;
				}
				case BLOCK_COMMENT -> {
					requireTerminated(token);
					return true;
				}
				default -> {
					return false;
				}
			}
		}

		/**
		 * Refuses a string, quoted identifier, dollar quote or comment that the text ends
		 * inside of.
		 */
		private void requireTerminated(SqlToken token) {
			if (token.terminated()) {
				return;
			}
			String text = token.text();
			String where = this.where.apply(token.line());
			if (token.kind() == SqlToken.Kind.BLOCK_COMMENT) {
				throw new RevisionSourceException(ErrorCode.UNTERMINATED_BLOCK_COMMENT,
						where + ": the /* comment that starts here is never closed. Add */ to end it "
								+ "(comments nest: every /* inside it needs its own */).");
			}
			if (text.startsWith("$")) {
				String delimiter = text.substring(0, text.indexOf('$', 1) + 1);
				throw new RevisionSourceException(ErrorCode.UNTERMINATED_DOLLAR_QUOTE,
						where + ": the dollar-quoted string opened with " + delimiter
								+ " here is never closed. Add the closing " + delimiter
								+ " (the tag must match exactly).");
			}
			if (token.kind() == SqlToken.Kind.QUOTED_IDENTIFIER) {
				throw unclosed(ErrorCode.UNTERMINATED_QUOTED_IDENTIFIER, where, "quoted identifier", "\"");
			}
			boolean escapeString = text.startsWith("E") || text.startsWith("e");
			throw unclosed(ErrorCode.UNTERMINATED_STRING, where, escapeString ? "E'...' string" : "string", "'");
		}

		private static RevisionSourceException unclosed(ErrorCode code, String where, String construct, String closer) {
			return new RevisionSourceException(code,
					where + ": the " + construct + " that starts here is never closed. Add the closing " + closer
							+ " (write a " + closer + " inside it as " + closer + closer + ").");
		}

		private void word(SqlToken token) {
			String word = token.keyword();
			if (this.leadingWords.size() < 3) {
				this.leadingWords.add(word);
			}
			if (this.bodyDepth == 0) {
				if (word.equals("BEGIN") && isTrigger()) {
					enterBody("trigger", token.line());
				}
				else if (word.equals("ATOMIC") && this.previousWord.equals("BEGIN")) {
					enterBody("BEGIN ATOMIC", token.line());
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

		private void enterBody(String kind, int line) {
			this.bodyDepth = 1;
			this.bodyLine = line;
			this.bodyKind = kind;
		}

		private void allow(Allowance allowance) {
			if (!this.statementTokens.isEmpty()) {
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
			boolean ended = !this.statementTokens.isEmpty();
			if (ended) {
				SqlToken first = this.statementTokens.get(0);
				SqlToken last = this.statementTokens.get(this.statementTokens.size() - 1);
				String sql = this.text.substring(first.start(), last.end());
				this.statements.add(new SqlStatement(sql, first.line(), this.statementAllowances,
						StatementTraits.of(this.statementTokens)));
			}
			this.statementAllowances.clear();
			this.statementTokens.clear();
			this.leadingWords.clear();
			this.previousWord = "";
			this.bodyDepth = 0;
			return ended;
		}

	}

}
