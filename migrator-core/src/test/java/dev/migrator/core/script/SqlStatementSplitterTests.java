package dev.migrator.core.script;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

class SqlStatementSplitterTests {

	private final SqlStatementSplitter splitter = new SqlStatementSplitter();

	@Test
	void splitsOnSemicolonsAndGivesEachStatementItsStartingLine() {
		List<SqlStatement> statements = this.splitter.split("""
				CREATE TABLE a (id int);

				CREATE TABLE b (
				  id int
				);
				INSERT INTO a VALUES (1); INSERT INTO a VALUES (2);
				""", 10);
		assertThat(statements).extracting(SqlStatement::sql, SqlStatement::line)
			.containsExactly(tuple("CREATE TABLE a (id int)", 10), tuple("CREATE TABLE b (\n  id int\n)", 12),
					tuple("INSERT INTO a VALUES (1)", 15), tuple("INSERT INTO a VALUES (2)", 15));
	}

	@Test
	void keepsALastStatementThatHasNoSemicolon() {
		assertThat(this.splitter.split("SELECT 1;\n  SELECT 2  \n", 1)).extracting(SqlStatement::sql)
			.containsExactly("SELECT 1", "SELECT 2");
	}

	@Test
	void dropsStatementsThatAreOnlyCommentsOrWhitespace() {
		List<SqlStatement> statements = this.splitter.split("""
				;;
				-- nothing here;
				/* nor here; */ ;
				SELECT 1;
				-- trailing comment
				""", 1);
		assertThat(statements).extracting(SqlStatement::sql, SqlStatement::line).containsExactly(tuple("SELECT 1", 4));
	}

	@Test
	void startsAStatementAtItsFirstSqlCharacterAfterLeadingComments() {
		List<SqlStatement> statements = this.splitter.split("""
				-- adds the column
				/* reviewed
				   by ops */
				ALTER TABLE t ADD COLUMN c int -- why: reporting
				;
				""", 5);
		assertThat(statements).extracting(SqlStatement::sql, SqlStatement::line)
			.containsExactly(tuple("ALTER TABLE t ADD COLUMN c int", 8));
	}

	@Test
	void keepsCommentsInsideAStatement() {
		assertThat(this.splitter.split("SELECT 1, -- one; two\n 2;", 1)).extracting(SqlStatement::sql)
			.containsExactly("SELECT 1, -- one; two\n 2");
	}

	@Test
	void doesNotSplitInsideSingleQuotedStringsWithDoubledQuotes() {
		assertThat(this.splitter.split("INSERT INTO t VALUES ('it''s; fine', ';');SELECT 2;", 1))
			.extracting(SqlStatement::sql)
			.containsExactly("INSERT INTO t VALUES ('it''s; fine', ';')", "SELECT 2");
	}

	@Test
	void doesNotSplitInsideEscapeStringsWithBackslashEscapes() {
		assertThat(this.splitter.split("SELECT E'\\';', e'a\\\\';SELECT 'b\\';", 1)).extracting(SqlStatement::sql)
			.containsExactly("SELECT E'\\';', e'a\\\\'", "SELECT 'b\\'");
	}

	@Test
	void treatsAWordEndingInEBeforeAQuoteAsAnOrdinaryString() {
		// "type'..." is a word followed by a standard string, in which a backslash
		// escapes nothing.
		assertThat(this.splitter.split("SELECT type'\\';SELECT 2;", 1)).extracting(SqlStatement::sql)
			.containsExactly("SELECT type'\\'", "SELECT 2");
	}

	@Test
	void doesNotSplitInsideQuotedIdentifiersWithDoubledQuotes() {
		assertThat(this.splitter.split("CREATE TABLE \"a;\"\"b\" (id int);SELECT 2", 1)).extracting(SqlStatement::sql)
			.containsExactly("CREATE TABLE \"a;\"\"b\" (id int)", "SELECT 2");
	}

	@Test
	void ignoresQuotesAndSemicolonsInLineComments() {
		assertThat(this.splitter.split("SELECT 1 -- it's; \"odd\n;SELECT 2;", 1)).extracting(SqlStatement::sql)
			.containsExactly("SELECT 1", "SELECT 2");
	}

	@Test
	void handlesNestedBlockComments() {
		List<SqlStatement> statements = this.splitter.split("""
				/* outer /* inner; */ still a comment; ' */
				SELECT 1;
				SELECT /* a; /* b; */ c; */ 2;
				""", 1);
		assertThat(statements).extracting(SqlStatement::sql, SqlStatement::line)
			.containsExactly(tuple("SELECT 1", 2), tuple("SELECT /* a; /* b; */ c; */ 2", 3));
	}

	@Test
	void doesNotSplitInsideDollarQuotedBodies() {
		List<SqlStatement> statements = this.splitter.split("""
				CREATE FUNCTION f() RETURNS int AS $$
				BEGIN
				  RETURN 1;
				END;
				$$ LANGUAGE plpgsql;
				SELECT f();
				""", 1);
		assertThat(statements).extracting(SqlStatement::line).containsExactly(1, 6);
		assertThat(statements.get(0).sql()).startsWith("CREATE FUNCTION").endsWith("$$ LANGUAGE plpgsql");
	}

	@Test
	void closesATaggedDollarQuoteOnlyAtTheSameTag() {
		List<SqlStatement> statements = this.splitter.split("""
				DO $body$
				BEGIN
				  EXECUTE $$SELECT 1; SELECT 2$$;
				  PERFORM 'it''s';
				END
				$body$;
				SELECT 3;
				""", 1);
		assertThat(statements).extracting(SqlStatement::line).containsExactly(1, 7);
		assertThat(statements.get(0).sql()).endsWith("END\n$body$");
	}

	@Test
	void treatsDollarDigitsAsParametersNotQuotes() {
		assertThat(this.splitter.split("PREPARE p AS SELECT $1, $2;EXECUTE p(1, 2);", 1)).extracting(SqlStatement::sql)
			.containsExactly("PREPARE p AS SELECT $1, $2", "EXECUTE p(1, 2)");
	}

	@Test
	void treatsDollarSignsInsideIdentifiersAsPartOfTheIdentifier() {
		assertThat(this.splitter.split("SELECT a$b$ FROM t;SELECT 2;", 1)).extracting(SqlStatement::sql)
			.containsExactly("SELECT a$b$ FROM t", "SELECT 2");
	}

	@Test
	void keepsASqliteTriggerBodyWithCaseExpressionsInOneStatement() {
		List<SqlStatement> statements = this.splitter.split("""
				CREATE TRIGGER audit AFTER UPDATE ON users
				BEGIN
				  INSERT INTO log VALUES (CASE WHEN new.name IS NULL THEN 'none' ELSE new.name END);
				  UPDATE users SET touched = case when old.touched then 0 else 1 end WHERE id = new.id;
				END;
				SELECT 1;
				""", 1);
		assertThat(statements).extracting(SqlStatement::line).containsExactly(1, 6);
		assertThat(statements.get(0).sql()).startsWith("CREATE TRIGGER audit").endsWith("WHERE id = new.id;\nEND");
	}

	@Test
	void keepsTemporaryTriggerBodiesInOneStatement() {
		assertThat(this.splitter.split("create temp trigger t after insert on a begin delete from b; end;"
				+ "CREATE TEMPORARY TRIGGER IF NOT EXISTS u AFTER INSERT ON a BEGIN DELETE FROM b; END;SELECT 1", 1))
			.extracting(SqlStatement::sql)
			.containsExactly("create temp trigger t after insert on a begin delete from b; end",
					"CREATE TEMPORARY TRIGGER IF NOT EXISTS u AFTER INSERT ON a BEGIN DELETE FROM b; END", "SELECT 1");
	}

	@Test
	void keepsABeginAtomicFunctionBodyInOneStatement() {
		List<SqlStatement> statements = this.splitter.split("""
				CREATE FUNCTION grade(score int) RETURNS text LANGUAGE sql
				BEGIN ATOMIC
				  SELECT CASE WHEN score > 50 THEN 'pass' ELSE 'fail' END;
				  SELECT 'done';
				END;
				SELECT grade(1);
				""", 1);
		assertThat(statements).extracting(SqlStatement::line).containsExactly(1, 6);
		assertThat(statements.get(0).sql()).endsWith("SELECT 'done';\nEND");
	}

	@Test
	void treatsBeginOutsideATriggerAsAnOrdinaryStatement() {
		assertThat(this.splitter.split("BEGIN;\nCREATE TABLE a (id int);\nCOMMIT;", 1)).extracting(SqlStatement::sql)
			.containsExactly("BEGIN", "CREATE TABLE a (id int)", "COMMIT");
	}

	@Test
	void countsWindowsAndOldMacLineBreaks() {
		assertThat(this.splitter.split("SELECT 1;\r\n\r\nSELECT 'a\r\nb';\rSELECT 3;", 1))
			.extracting(SqlStatement::line)
			.containsExactly(1, 3, 5);
	}

	@Test
	void reportsAnUnterminatedStringWithTheLineItStartsOn() {
		assertThatExceptionOfType(RevisionSourceException.class)
			.isThrownBy(() -> this.splitter.split("SELECT 1;\nSELECT 'abc;\nSELECT 2;", 4))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("unterminated-string"))
			.withMessageStartingWith("line 5: the string that starts here is never closed. Add the closing '");
	}

	@Test
	void reportsAnUnterminatedEscapeString() {
		assertThatExceptionOfType(RevisionSourceException.class)
			.isThrownBy(() -> this.splitter.split("SELECT E'abc\\';", 1))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("unterminated-string"))
			.withMessageContaining("line 1: the E'...' string");
	}

	@Test
	void reportsAnUnterminatedQuotedIdentifier() {
		assertThatExceptionOfType(RevisionSourceException.class)
			.isThrownBy(() -> this.splitter.split("\n\nSELECT \"abc FROM t;", 1))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("unterminated-quoted-identifier"))
			.withMessageStartingWith("line 3: the quoted identifier");
	}

	@Test
	void reportsAnUnterminatedNestedBlockComment() {
		assertThatExceptionOfType(RevisionSourceException.class)
			.isThrownBy(() -> this.splitter.split("SELECT 1;\n/* outer /* inner */\nSELECT 2;", 1))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("unterminated-block-comment"))
			.withMessageStartingWith("line 2: the /* comment")
			.withMessageContaining("Add */");
	}

	@Test
	void reportsAnUnterminatedDollarQuoteNamingItsTag() {
		assertThatExceptionOfType(RevisionSourceException.class)
			.isThrownBy(() -> this.splitter.split("DO $fn$ BEGIN PERFORM 1; END $$;", 7))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("unterminated-dollar-quote"))
			.withMessageStartingWith("line 7: the dollar-quoted string opened with $fn$")
			.withMessageContaining("Add the closing $fn$");
	}

	@Test
	void reportsATriggerBodyWithoutEnd() {
		assertThatExceptionOfType(RevisionSourceException.class)
			.isThrownBy(() -> this.splitter.split("CREATE TRIGGER t AFTER INSERT ON a\nBEGIN\n DELETE FROM b;\n", 1))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("unterminated-block"))
			.withMessageStartingWith("line 2: the trigger body");
	}

	@Test
	void namesTheLocationInErrorsWhenGivenOne() {
		assertThatExceptionOfType(RevisionSourceException.class)
			.isThrownBy(() -> this.splitter.split("classpath:db/revisions/0001_init.sql", "SELECT 'x", 12))
			.withMessageStartingWith("classpath:db/revisions/0001_init.sql:12: the string");
	}

}
