package dev.migrator.core.sql;

import dev.migrator.core.sql.SqlToken.Kind;

import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class SqlLexerTests {

	@Test
	void cutsEachKindOfToken() {
		List<SqlToken> tokens = SqlLexer.POSTGRESQL
			.tokens("SELECT \"Col\", 'x', 1.5, $1 -- note\n/* block */ FROM t::text;");
		assertThat(tokens).extracting(SqlToken::kind, SqlToken::text)
			.containsExactly(tuple(Kind.WORD, "SELECT"), tuple(Kind.WHITESPACE, " "),
					tuple(Kind.QUOTED_IDENTIFIER, "\"Col\""), tuple(Kind.SYMBOL, ","), tuple(Kind.WHITESPACE, " "),
					tuple(Kind.STRING, "'x'"), tuple(Kind.SYMBOL, ","), tuple(Kind.WHITESPACE, " "),
					tuple(Kind.NUMBER, "1.5"), tuple(Kind.SYMBOL, ","), tuple(Kind.WHITESPACE, " "),
					tuple(Kind.PARAMETER, "$1"), tuple(Kind.WHITESPACE, " "), tuple(Kind.LINE_COMMENT, "-- note"),
					tuple(Kind.WHITESPACE, "\n"), tuple(Kind.BLOCK_COMMENT, "/* block */"), tuple(Kind.WHITESPACE, " "),
					tuple(Kind.WORD, "FROM"), tuple(Kind.WHITESPACE, " "), tuple(Kind.WORD, "t"),
					tuple(Kind.SYMBOL, "::"), tuple(Kind.WORD, "text"), tuple(Kind.SYMBOL, ";"));
	}

	@Test
	void givesEachTokenItsOffsetAndLine() {
		List<SqlToken> tokens = SqlLexer.POSTGRESQL.significantTokens("a\r\nb\rc\n'x\ny' d");
		assertThat(tokens).extracting(SqlToken::text, SqlToken::start, SqlToken::end, SqlToken::line)
			.containsExactly(tuple("a", 0, 1, 1), tuple("b", 3, 4, 2), tuple("c", 5, 6, 3), tuple("'x\ny'", 7, 12, 4),
					tuple("d", 13, 14, 5));
		assertThat(SqlLexer.POSTGRESQL.tokens("x\ny", 10)).extracting(SqlToken::line).containsExactly(10, 10, 11);
	}

	@Test
	void nestsPostgresqlBlockComments() {
		assertThat(texts(SqlLexer.POSTGRESQL, "/* a /* b; */ c */ d")).containsExactly("/* a /* b; */ c */", " ", "d");
		assertThat(texts(SqlLexer.POSTGRESQL, "/*/ x */ y")).containsExactly("/*/ x */", " ", "y");
	}

	@Test
	void endsSqliteBlockCommentsAtTheFirstClose() {
		assertThat(texts(SqlLexer.SQLITE, "/* a /* b */ c */")).containsExactly("/* a /* b */", " ", "c", " ", "*",
				"/");
	}

	@Test
	void readsDollarQuotesWithAndWithoutTags() {
		assertThat(SqlLexer.POSTGRESQL.significantTokens("$$ it's; $x$ $$ $fn$ a $$ b $fn$ $a1_$;$a1_$"))
			.extracting(SqlToken::kind, SqlToken::text)
			.containsExactly(tuple(Kind.STRING, "$$ it's; $x$ $$"), tuple(Kind.STRING, "$fn$ a $$ b $fn$"),
					tuple(Kind.STRING, "$a1_$;$a1_$"));
	}

	@Test
	void readsADollarThatOpensNoQuoteAsAParameterOrSign() {
		assertThat(SqlLexer.POSTGRESQL.significantTokens("$1 $name a$$b $ 1"))
			.extracting(SqlToken::kind, SqlToken::text)
			.containsExactly(tuple(Kind.PARAMETER, "$1"), tuple(Kind.PARAMETER, "$name"), tuple(Kind.WORD, "a$$b"),
					tuple(Kind.SYMBOL, "$"), tuple(Kind.NUMBER, "1"));
		assertThat(SqlLexer.SQLITE.significantTokens("$$ x $$")).extracting(SqlToken::kind)
			.containsExactly(Kind.SYMBOL, Kind.SYMBOL, Kind.WORD, Kind.SYMBOL, Kind.SYMBOL);
	}

	@Test
	void readsEStringsWithBackslashEscapes() {
		assertThat(SqlLexer.POSTGRESQL.significantTokens("E'it\\'s; \\\\' e'x''y' after"))
			.extracting(SqlToken::kind, SqlToken::text)
			.containsExactly(tuple(Kind.STRING, "E'it\\'s; \\\\'"), tuple(Kind.STRING, "e'x''y'"),
					tuple(Kind.WORD, "after"));
		assertThat(texts(SqlLexer.SQLITE, "E'x'")).containsExactly("E", "'x'");
	}

	@Test
	void readsStandardStringsWithDoubledQuotes() {
		assertThat(SqlLexer.POSTGRESQL.significantTokens("'it''s; \\' x")).extracting(SqlToken::kind, SqlToken::text)
			.containsExactly(tuple(Kind.STRING, "'it''s; \\'"), tuple(Kind.WORD, "x"));
	}

	@Test
	void readsQuotedIdentifiersWithDoubledQuotes() {
		SqlToken token = SqlLexer.POSTGRESQL.significantTokens("\"My \"\"Table\"\"\"").get(0);
		assertThat(token.kind()).isEqualTo(Kind.QUOTED_IDENTIFIER);
		assertThat(token.name()).isEqualTo("My \"Table\"");
		assertThat(token.identifier()).isEqualTo("My \"Table\"");
		assertThat(SqlLexer.POSTGRESQL.significantTokens("Users").get(0).identifier()).isEqualTo("users");
	}

	@Test
	void readsSqliteBacktickAndBracketIdentifiersAndBlobs() {
		List<SqlToken> tokens = SqlLexer.SQLITE.significantTokens("`a``b` [c d] X'00ff' x'' [e]]");
		assertThat(tokens).extracting(SqlToken::kind, SqlToken::text)
			.containsExactly(tuple(Kind.QUOTED_IDENTIFIER, "`a``b`"), tuple(Kind.QUOTED_IDENTIFIER, "[c d]"),
					tuple(Kind.STRING, "X'00ff'"), tuple(Kind.STRING, "x''"), tuple(Kind.QUOTED_IDENTIFIER, "[e]"),
					tuple(Kind.SYMBOL, "]"));
		assertThat(tokens).extracting(SqlToken::name).startsWith("a`b", "c d");
		assertThat(texts(SqlLexer.POSTGRESQL, "a[1]")).containsExactly("a", "[", "1", "]");
		assertThat(texts(SqlLexer.POSTGRESQL, "`a`")).containsExactly("`", "a", "`");
	}

	@Test
	void readsNumbersWithExponentsAndDecimalPoints() {
		assertThat(SqlLexer.POSTGRESQL.significantTokens("1e-5 .5 1.5E+3 0x1F 1_000 2-1"))
			.extracting(SqlToken::kind, SqlToken::text)
			.containsExactly(tuple(Kind.NUMBER, "1e-5"), tuple(Kind.NUMBER, ".5"), tuple(Kind.NUMBER, "1.5E+3"),
					tuple(Kind.NUMBER, "0x1F"), tuple(Kind.NUMBER, "1_000"), tuple(Kind.NUMBER, "2"),
					tuple(Kind.SYMBOL, "-"), tuple(Kind.NUMBER, "1"));
	}

	@Test
	void readsWordsWithDollarsDigitsAndLettersBeyondAscii() {
		assertThat(texts(SqlLexer.POSTGRESQL, "_a1$ größe;")).containsExactly("_a1$", " ", "größe", ";");
	}

	@Test
	void endsLineCommentsBeforeTheLineBreak() {
		assertThat(texts(SqlLexer.POSTGRESQL, "-- a; 'b\r\nc")).containsExactly("-- a; 'b", "\r\n", "c");
	}

	@Test
	void runsUnterminatedConstructsToTheEndUnmarkedTerminated() {
		for (String text : List.of("'abc; def", "E'abc\\'", "\"abc", "$tag$ abc $tag", "/* a /* b */")) {
			List<SqlToken> tokens = SqlLexer.POSTGRESQL.tokens("x " + text);
			SqlToken last = tokens.get(tokens.size() - 1);
			assertThat(last.text()).isEqualTo(text);
			assertThat(last.terminated()).isFalse();
		}
		for (String text : List.of("[abc", "`abc", "/* abc", "X'ab")) {
			List<SqlToken> tokens = SqlLexer.SQLITE.tokens("x " + text);
			assertThat(tokens.get(tokens.size() - 1).text()).isEqualTo(text);
			assertThat(tokens.get(tokens.size() - 1).terminated()).isFalse();
		}
		assertThat(SqlLexer.POSTGRESQL.tokens("'a' \"b\" $$c$$ /*d*/")).allMatch(SqlToken::terminated);
		assertThat(SqlLexer.POSTGRESQL.tokens("\"").get(0).name()).isEmpty();
	}

	@Test
	void comparesKeywordsAndSymbols() {
		SqlToken word = SqlLexer.POSTGRESQL.tokens("select").get(0);
		assertThat(word.is("SELECT")).isTrue();
		assertThat(word.keyword()).isEqualTo("SELECT");
		assertThat(word.isName()).isTrue();
		assertThat(word.isTrivia()).isFalse();
		SqlToken quoted = SqlLexer.POSTGRESQL.tokens("\"select\"").get(0);
		assertThat(quoted.is("SELECT")).isFalse();
		assertThat(quoted.keyword()).isEmpty();
		assertThat(SqlLexer.POSTGRESQL.tokens("(").get(0).isSymbol("(")).isTrue();
	}

	@Test
	void givesBackTheTextExactly() {
		String text = "CREATE FUNCTION f() RETURNS int AS $body$ SELECT 1; $body$ LANGUAGE sql;\r\n"
				+ "/* x /* y */ */ SELECT E'\\'', 'a''b', \"c\"\"d\" -- e\n";
		assertThat(texts(SqlLexer.POSTGRESQL, text).stream().collect(Collectors.joining())).isEqualTo(text);
		assertThat(texts(SqlLexer.SQLITE, text).stream().collect(Collectors.joining())).isEqualTo(text);
	}

	private static List<String> texts(SqlLexer lexer, String text) {
		return lexer.tokens(text).stream().map(SqlToken::text).toList();
	}

}
