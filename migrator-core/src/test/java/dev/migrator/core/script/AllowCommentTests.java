package dev.migrator.core.script;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * {@code -- migrator:allow RULE-ID reason} comments, read with the statements they belong
 * to.
 */
class AllowCommentTests {

	private static final String LOCATION = "classpath:db/revisions/0002_index.sql";

	private final SqlRevisionParser parser = new SqlRevisionParser();

	private final SqlStatementSplitter splitter = new SqlStatementSplitter();

	private List<SqlStatement> upgrade(String sections) {
		Revision revision = this.parser.parse(LOCATION, "-- migrator:revision r1\n-- migrator:upgrade\n" + sections);
		return ((MigrationBody.Sql) revision.upgrade()).statements();
	}

	@Test
	void belongsToTheStatementOnTheNextLines() {
		List<SqlStatement> statements = upgrade("""
				SELECT 1;
				-- migrator:allow index-not-concurrent the table has 40 rows
				-- an ordinary comment between
				  --   MIGRATOR:Allow   lock-table   reviewed by ops
				CREATE INDEX i ON t (a);
				""");
		assertThat(statements.get(0).allowances()).isEmpty();
		assertThat(statements.get(1).allowances()).extracting(Allowance::ruleId, Allowance::reason, Allowance::line)
			.containsExactly(tuple("index-not-concurrent", "the table has 40 rows", 4),
					tuple("lock-table", "reviewed by ops", 6));
		assertThat(statements.get(1).allows("lock-table")).isTrue();
		assertThat(statements.get(1).allows("drop-outside-contract")).isFalse();
	}

	@Test
	void belongsToTheStatementThatEndsEarlierOnItsLineOrThatItIsInside() {
		List<SqlStatement> statements = this.splitter.split("""
				CREATE INDEX i ON t (a); -- migrator:allow index-not-concurrent tiny table
				ALTER TABLE t -- migrator:allow drop-outside-contract column unused since 2.0
				  DROP COLUMN b;
				SELECT 1;
				""", 1);
		assertThat(statements)
			.extracting(SqlStatement::line, (s) -> s.allowances().stream().map(Allowance::ruleId).toList())
			.containsExactly(tuple(1, List.of("index-not-concurrent")), tuple(2, List.of("drop-outside-contract")),
					tuple(4, List.of()));
	}

	@Test
	void isReadInTheDowngradeSectionToo() {
		Revision revision = this.parser.parse(LOCATION, """
				-- migrator:revision r1
				-- migrator:upgrade
				SELECT 1;
				-- migrator:downgrade
				-- migrator:allow drop-outside-contract undoing this revision's own column
				ALTER TABLE t DROP COLUMN c;
				""");
		assertThat(((MigrationBody.Sql) revision.downgrade().orElseThrow()).statements().get(0).allowances())
			.extracting(Allowance::ruleId)
			.containsExactly("drop-outside-contract");
	}

	@Test
	void needsAReason() {
		assertThatExceptionOfType(RevisionSourceException.class)
			.isThrownBy(() -> upgrade("-- migrator:allow lock-table\nLOCK TABLE t;\n"))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("allow-without-reason"))
			.withMessageStartingWith(LOCATION + ":3: ")
			.withMessageContaining("gives no reason");
	}

	@Test
	void needsAKnownRuleAndListsTheRules() {
		assertThatExceptionOfType(RevisionSourceException.class)
			.isThrownBy(() -> upgrade("LOCK TABLE t; -- migrator:allow lock-tables reviewed\n"))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("unknown-lint-rule"))
			.withMessageStartingWith(LOCATION + ":3: ")
			.withMessageContaining("Did you mean lock-table?")
			.withMessageContaining("index-not-concurrent, concurrent-in-transaction");
		assertThatExceptionOfType(RevisionSourceException.class)
			.isThrownBy(() -> upgrade("-- migrator:allow\nLOCK TABLE t;\n"))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("unknown-lint-rule"))
			.withMessageContaining("names no lint rule");
	}

	@Test
	void needsAStatementToBelongTo() {
		assertThatExceptionOfType(RevisionSourceException.class)
			.isThrownBy(() -> upgrade("SELECT 1;\n-- migrator:allow lock-table reviewed\n"))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("allow-without-statement"))
			.withMessageStartingWith(LOCATION + ":4: ");
	}

	@Test
	void isRefusedInTheHeader() {
		assertThatExceptionOfType(RevisionSourceException.class)
			.isThrownBy(() -> this.parser.parse(LOCATION,
					"-- migrator:revision r1\n-- migrator:allow lock-table why\n-- migrator:upgrade\nSELECT 1;\n"))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("allow-outside-section"))
			.withMessageStartingWith(LOCATION + ":2: ");
	}

	@Test
	void isOnlyAnOrdinaryCommentInsideAStringOrWhenSpelledOtherwise() {
		List<SqlStatement> statements = upgrade("""
				SELECT '-- migrator:allow lock-table';
				SELECT 2; -- migrator:allowed lock-table no such directive
				SELECT 3; -- see migrator:allow lock-table
				""");
		assertThat(statements).allSatisfy((statement) -> assertThat(statement.allowances()).isEmpty());
	}

	@Test
	void aMisspeltDirectiveInASectionSuggestsAllow() {
		assertThatExceptionOfType(RevisionSourceException.class)
			.isThrownBy(() -> upgrade("-- migrator:alow lock-table why\nLOCK TABLE t;\n"))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("unknown-directive"))
			.withMessageContaining("Did you mean -- migrator:allow?");
	}

	@Test
	void leavesAStatementWithoutAllowancesPrintingAsBefore() {
		// Revisions built in code take their checksum from this text.
		assertThat(new SqlStatement("SELECT 1", 3)).hasToString("SqlStatement[sql=SELECT 1, line=3]");
		assertThat(new SqlStatement("SELECT 1", 3)).isEqualTo(new SqlStatement("SELECT 1", 3, List.of()));
	}

}
