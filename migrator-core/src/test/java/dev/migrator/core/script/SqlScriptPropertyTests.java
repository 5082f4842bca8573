package dev.migrator.core.script;

import dev.migrator.core.sql.SqlLexer;
import dev.migrator.core.sql.SqlToken;
import dev.migrator.core.sql.SqlToken.Kind;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random scripts mixing strings, E-strings, dollar quotes, quoted identifiers, nested
 * comments and line comments, each full of semicolons, quotes and comment markers: the
 * lexer cuts them where they were put together and gives the text back exactly, and the
 * splitter ends statements only at the semicolons between them.
 */
class SqlScriptPropertyTests {

	private static final int CASES = 3000;

	private static final List<String> WORDS = List.of("SELECT", "a", "t1", "x$y", "_u", "größe", "E", "e", "X",
			"VALUES", "from");

	private static final List<String> NUMBERS = List.of("1", "42", "1.5", ".5", "1e-5", "0x1F");

	private static final List<String> SYMBOLS = List.of("(", ")", ",", "::", "+", "=", "*", "/", "-", ".", "[", "]");

	private static final List<String> SPACES = List.of(" ", "\n", "\r\n", "\t", "  ", "\r", " \n\t");

	private static final List<String> LINE_BREAKS = List.of("\n", "\r\n", "\r");

	@Test
	void theLexerCutsRandomScriptsWhereTheyWereJoinedAndGivesBackTheText() {
		Random random = new Random(20261201L);
		for (int n = 0; n < CASES; n++) {
			Script script = Script.random(random);
			List<SqlToken> tokens = SqlLexer.POSTGRESQL.tokens(script.text(), 3);
			assertThat(String.join("", tokens.stream().map(SqlToken::text).toList())).isEqualTo(script.text());
			List<SqlToken> pieces = tokens.stream().filter((t) -> t.kind() != Kind.WHITESPACE).toList();
			assertThat(pieces).as(script.text())
				.extracting(SqlToken::kind, SqlToken::text, SqlToken::start, SqlToken::line)
				.containsExactlyElementsOf(script.fragments()
					.stream()
					.map((f) -> org.assertj.core.groups.Tuple.tuple(f.kind(), f.text(), f.start(),
							lineAt(script.text(), f.start(), 3)))
					.toList());
		}
	}

	@Test
	void theSplitterNeverCutsInsideAStringCommentOrDollarQuote() {
		Random random = new Random(42L);
		SqlStatementSplitter splitter = new SqlStatementSplitter();
		for (int n = 0; n < CASES; n++) {
			Script script = Script.random(random);
			List<SqlStatement> statements = splitter.split(script.text(), 1);
			assertThat(statements).as(script.text())
				.extracting(SqlStatement::sql, SqlStatement::line)
				.containsExactlyElementsOf(script.expectedStatements());
		}
	}

	@Test
	void anyTextLexesBackToItselfInContiguousTokens() {
		Random random = new Random(7L);
		String alphabet = "'\"$;-/*\\\n\r Eex[]`ab1._:";
		for (int n = 0; n < CASES; n++) {
			StringBuilder text = new StringBuilder();
			int length = random.nextInt(40);
			for (int i = 0; i < length; i++) {
				text.append(alphabet.charAt(random.nextInt(alphabet.length())));
			}
			for (SqlLexer lexer : List.of(SqlLexer.POSTGRESQL, SqlLexer.SQLITE)) {
				int offset = 0;
				for (SqlToken token : lexer.tokens(text.toString(), 1)) {
					assertThat(token.text()).isNotEmpty();
					assertThat(token.start()).isEqualTo(offset);
					assertThat(token.line()).isEqualTo(lineAt(text.toString(), offset, 1));
					offset = token.end();
				}
				assertThat(offset).isEqualTo(text.length());
			}
		}
	}

	/**
	 * The line of the offset: lines end at {@code \n}, {@code \r\n} or a lone {@code \r}.
	 */
	private static int lineAt(String text, int offset, int firstLine) {
		int line = firstLine;
		for (int i = 0; i < offset; i++) {
			char c = text.charAt(i);
			if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
				line++;
			}
		}
		return line;
	}

	/** One piece the script was joined from, and where it was put. */
	private record Fragment(Kind kind, String text, int start) {

		boolean isComment() {
			return this.kind == Kind.LINE_COMMENT || this.kind == Kind.BLOCK_COMMENT;
		}

	}

	private record Script(String text, List<Fragment> fragments) {

		static Script random(Random random) {
			StringBuilder text = new StringBuilder();
			List<Fragment> fragments = new ArrayList<>();
			int count = random.nextInt(25);
			for (int i = 0; i < count; i++) {
				Fragment fragment = fragment(random, text.length());
				fragments.add(fragment);
				text.append(fragment.text());
				boolean last = i == count - 1;
				if (fragment.kind() == Kind.LINE_COMMENT) {
					text.append(pick(random, LINE_BREAKS));
				}
				else if (!last || random.nextBoolean()) {
					text.append(pick(random, SPACES));
				}
			}
			return new Script(text.toString(), fragments);
		}

		/** The statements between the semicolons, from first to last SQL fragment. */
		List<org.assertj.core.groups.Tuple> expectedStatements() {
			List<org.assertj.core.groups.Tuple> statements = new ArrayList<>();
			List<Fragment> current = new ArrayList<>();
			for (Fragment fragment : this.fragments) {
				if (fragment.kind() == Kind.SYMBOL && fragment.text().equals(";")) {
					addStatement(statements, current);
					current.clear();
				}
				else if (!fragment.isComment()) {
					current.add(fragment);
				}
			}
			addStatement(statements, current);
			return statements;
		}

		private void addStatement(List<org.assertj.core.groups.Tuple> statements, List<Fragment> sql) {
			if (sql.isEmpty()) {
				return;
			}
			Fragment first = sql.get(0);
			Fragment last = sql.get(sql.size() - 1);
			statements.add(org.assertj.core.groups.Tuple.tuple(
					this.text.substring(first.start(), last.start() + last.text().length()),
					lineAt(this.text, first.start(), 1)));
		}

		private static Fragment fragment(Random random, int start) {
			return switch (random.nextInt(11)) {
				case 0 -> new Fragment(Kind.WORD, pick(random, WORDS), start);
				case 1 -> new Fragment(Kind.NUMBER, pick(random, NUMBERS), start);
				case 2 -> new Fragment(Kind.SYMBOL, pick(random, SYMBOLS), start);
				case 3 -> new Fragment(Kind.SYMBOL, ";", start);
				case 4 ->
					new Fragment(Kind.STRING,
							"'" + pieces(random,
									List.of(";", "''", "\\", "--", "/*", "*/", "$$", "\"", "a", "\n", "\r")) + "'",
							start);
				case 5 -> new Fragment(Kind.STRING, pick(random, List.of("E", "e")) + "'"
						+ pieces(random, List.of(";", "''", "\\\\", "\\'", "--", "/*", "$$", "\"", "a", "\r\n")) + "'",
						start);
				case 6 -> new Fragment(Kind.STRING, dollarQuote(random), start);
				case 7 -> new Fragment(Kind.QUOTED_IDENTIFIER,
						"\"" + pieces(random, List.of(";", "\"\"", "'", "--", "/*", "$$", "a", " ")) + "\"", start);
				case 8 -> new Fragment(Kind.LINE_COMMENT,
						"--" + pieces(random, List.of(";", "'", "\"", "/*", "$$", " ", "a", "*/")), start);
				case 9 -> new Fragment(Kind.BLOCK_COMMENT, blockComment(random, 3), start);
				default -> new Fragment(Kind.PARAMETER, pick(random, List.of("$1", "$name", "$2x")), start);
			};
		}

		private static String dollarQuote(Random random) {
			while (true) {
				String delimiter = "$" + pick(random, List.of("", "t", "fn_1", "X")) + "$";
				String body = pieces(random, List.of(";", "'", "$", "$x$", "$t$", "--", "/*", "\"", "a", "\n", "$$"));
				String quote = delimiter + body + delimiter;
				if (quote.indexOf(delimiter, delimiter.length()) == delimiter.length() + body.length()) {
					return quote;
				}
			}
		}

		private static String blockComment(Random random, int depth) {
			StringBuilder comment = new StringBuilder("/*");
			int count = random.nextInt(5);
			for (int i = 0; i < count; i++) {
				if (depth > 0 && random.nextInt(4) == 0) {
					comment.append(blockComment(random, depth - 1));
				}
				else {
					comment.append(pick(random, List.of(";", "'", "\"", "$$", "-- x", "a", "\n", " ", "E'")));
				}
			}
			return comment.append("*/").toString();
		}

		private static String pieces(Random random, List<String> choices) {
			StringBuilder text = new StringBuilder();
			int count = random.nextInt(6);
			for (int i = 0; i < count; i++) {
				text.append(pick(random, choices));
			}
			return text.toString();
		}

		private static String pick(Random random, List<String> choices) {
			return choices.get(random.nextInt(choices.size()));
		}

	}

}
