package dev.migrator.core.script;

import java.time.Duration;
import java.util.List;

import org.assertj.core.api.ThrowableAssertAlternative;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

class SqlRevisionParserTests {

	private static final String LOCATION = "classpath:db/revisions/0003_add_display_name.sql";

	private static final String FULL = """
			-- migrator:revision 0003_add_display_name
			-- migrator:revises 0002_initial_users
			-- migrator:message add display name
			-- migrator:phase expand
			-- migrator:transactional false
			-- migrator:branch-labels users
			-- migrator:depends-on 0001_billing
			-- migrator:lock-timeout 2s
			-- migrator:statement-timeout 5min
			-- migrator:upgrade
			ALTER TABLE users ADD COLUMN display_name varchar(100);
			-- migrator:downgrade
			ALTER TABLE users DROP COLUMN display_name;
			""";

	private final SqlRevisionParser parser = new SqlRevisionParser();

	@Test
	void readsEveryHeaderKeyAndBothSections() {
		Revision revision = this.parser.parse(LOCATION, FULL);
		assertThat(revision.id()).isEqualTo("0003_add_display_name");
		assertThat(revision.revises()).containsExactly("0002_initial_users");
		assertThat(revision.message()).isEqualTo("add display name");
		assertThat(revision.phase()).isEqualTo(Phase.EXPAND);
		assertThat(revision.transactional()).isFalse();
		assertThat(revision.branchLabels()).containsExactly("users");
		assertThat(revision.dependsOn()).containsExactly("0001_billing");
		assertThat(revision.lockTimeout()).contains(Duration.ofSeconds(2));
		assertThat(revision.statementTimeout()).contains(Duration.ofMinutes(5));
		assertThat(revision.checksum()).isEqualTo(Checksums.of(FULL));
		assertThat(revision.origin()).isEqualTo(new Origin(LOCATION, 1));
		assertThat(statements(revision.upgrade())).extracting(SqlStatement::sql, SqlStatement::line)
			.containsExactly(tuple("ALTER TABLE users ADD COLUMN display_name varchar(100)", 11));
		assertThat(statements(revision.downgrade().orElseThrow())).extracting(SqlStatement::sql, SqlStatement::line)
			.containsExactly(tuple("ALTER TABLE users DROP COLUMN display_name", 13));
	}

	@Test
	void appliesDefaultsToAFileWithOnlyARevisionHeader() {
		Revision revision = this.parser.parse(LOCATION,
				"-- migrator:revision 0001_init\n-- migrator:upgrade\nSELECT 1;\n");
		assertThat(revision.id()).isEqualTo("0001_init");
		assertThat(revision.isRoot()).isTrue();
		assertThat(revision.branchLabels()).isEmpty();
		assertThat(revision.dependsOn()).isEmpty();
		assertThat(revision.message()).isEmpty();
		assertThat(revision.phase()).isEqualTo(Phase.EXPAND);
		assertThat(revision.transactional()).isTrue();
		assertThat(revision.lockTimeout()).isEmpty();
		assertThat(revision.statementTimeout()).isEmpty();
		assertThat(revision.isReversible()).isFalse();
	}

	@Test
	void readsHeaderLinesInAnyOrderWithTolerantSpacingAndCase() {
		Revision revision = this.parser.parse(LOCATION, """
				--migrator:phase   contract
				--   MIGRATOR:Revises a ,  b,c
				-- migrator:  revision   0005_merge\t
				-- Migrator:Upgrade
				SELECT 1;
				""");
		assertThat(revision.id()).isEqualTo("0005_merge");
		assertThat(revision.revises()).containsExactly("a", "b", "c");
		assertThat(revision.isMerge()).isTrue();
		assertThat(revision.phase()).isEqualTo(Phase.CONTRACT);
		assertThat(revision.origin().line()).isEqualTo(3);
	}

	@Test
	void treatsAFileWithoutDowngradeSectionAsForwardOnly() {
		Revision revision = this.parser.parse(LOCATION, "-- migrator:revision r1\n-- migrator:upgrade\nSELECT 1;");
		assertThat(revision.downgrade()).isEmpty();
		assertThat(revision.isReversible()).isFalse();
	}

	@Test
	void treatsAnEmptyDowngradeSectionAsADowngradeThatDoesNothing() {
		Revision revision = this.parser.parse(LOCATION, """
				-- migrator:revision r1
				-- migrator:upgrade
				INSERT INTO settings VALUES ('a');
				-- migrator:downgrade
				-- nothing to undo: the row is harmless
				""");
		assertThat(revision.isReversible()).isTrue();
		assertThat(statements(revision.downgrade().orElseThrow())).isEmpty();
	}

	@Test
	void allowsCommentsAndBlankLinesAmongTheHeaderLines() {
		Revision revision = this.parser.parse(LOCATION, """
				-- Adds the display name. See ticket 42.

				/* reviewed by
				   the data team */
				-- migrator:revision r1
				-- migrator:upgrade
				SELECT 1;
				""");
		assertThat(revision.id()).isEqualTo("r1");
	}

	@Test
	void givesStatementsTheirLinesInTheFile() {
		Revision revision = this.parser.parse(LOCATION, """
				-- migrator:revision r1
				-- migrator:upgrade

				CREATE TABLE a (id int);
				-- a comment
				CREATE TABLE b (
				  id int);
				-- migrator:downgrade
				DROP TABLE b;

				DROP TABLE a;
				""");
		assertThat(statements(revision.upgrade())).extracting(SqlStatement::line).containsExactly(4, 6);
		assertThat(statements(revision.downgrade().orElseThrow())).extracting(SqlStatement::line)
			.containsExactly(9, 11);
	}

	@Test
	void checksumsTheContentWithoutAByteOrderMark() {
		String content = "-- migrator:revision r1\r\n-- migrator:upgrade\r\nSELECT 1;\r\n";
		Revision withMark = this.parser.parse(LOCATION, "\uFEFF" + content);
		assertThat(withMark.id()).isEqualTo("r1");
		assertThat(withMark.checksum()).isEqualTo(this.parser.parse(LOCATION, content).checksum())
			.isEqualTo(Checksums.of(content.replace("\r\n", "\n")));
	}

	@Test
	void rejectsAFileWithoutRevisionHeaderSuggestingTheFileName() {
		assertError("-- migrator:revises r0\n-- migrator:upgrade\nSELECT 1;", "missing-revision-header", 1)
			.withMessageContaining("-- migrator:revision 0003_add_display_name");
	}

	@Test
	void rejectsAHeaderWithoutValue() {
		assertError("-- migrator:revision r1\n-- migrator:message   \n-- migrator:upgrade\nSELECT 1;",
				"malformed-header", 2)
			.withMessageContaining("-- migrator:message has no value")
			.withMessageContaining("-- migrator:message add display name");
	}

	@Test
	void rejectsARevisionHeaderWithoutValue() {
		assertError("-- migrator:revision\n-- migrator:upgrade\nSELECT 1;", "malformed-header", 1)
			.withMessageContaining("-- migrator:revision has no value");
	}

	@Test
	void rejectsAKeyNotSeparatedFromItsValueBySpace() {
		assertError("-- migrator:revision=r1\n-- migrator:upgrade\nSELECT 1;", "malformed-header", 1)
			.withMessageContaining("Separate the key from its value with a space");
	}

	@Test
	void rejectsAMigratorPrefixWithoutKey() {
		assertError("-- migrator: \n-- migrator:revision r1\n-- migrator:upgrade\nSELECT 1;", "malformed-header", 1)
			.withMessageContaining("has no key after 'migrator:'");
	}

	@Test
	void rejectsAHeaderWithoutColonNamingFileAndLine() {
		assertError("-- migrator:revision r1\n-- migrator revises r0\n-- migrator:upgrade\nSELECT 1;",
				"malformed-header", 2)
			.withMessageContaining("'-- migrator revises r0' looks like a directive")
			.withMessageContaining("Write -- migrator:revises VALUE");
	}

	@Test
	void rejectsASpaceBeforeTheColon() {
		assertError("-- migrator :revision r1\n-- migrator:upgrade\nSELECT 1;", "malformed-header", 1)
			.withMessageContaining("not followed directly by ':'");
	}

	@Test
	void rejectsASectionLineWithoutColonWhateverTheCase() {
		assertError("-- migrator:revision r1\n-- MIGRATOR upgrade\nSELECT 1;", "malformed-header", 2)
			.withMessageContaining("Write -- migrator:upgrade VALUE");
	}

	@Test
	void rejectsAHeaderWithoutColonInsideASection() {
		assertError("-- migrator:revision r1\n-- migrator:upgrade\nSELECT 1;\n-- migrator downgrade\nSELECT 2;",
				"malformed-header", 4);
	}

	@Test
	void keepsACommentThatMerelyMentionsMigrator() {
		Revision revision = this.parser.parse(LOCATION, "-- migrator handles this table\n-- migrators, beware\n"
				+ "-- migrator:revision r1\n-- migrator:upgrade\nSELECT 1;");
		assertThat(revision.id()).isEqualTo("r1");
	}

	@Test
	void readsAHeaderWithoutSpaceAfterTheDashesAndInAnyCase() {
		Revision revision = this.parser.parse(LOCATION,
				"--migrator:revision r1\n-- Migrator:Revises r0\n-- migrator:upgrade\nSELECT 1;");
		assertThat(revision.revises()).containsExactly("r0");
	}

	@Test
	void rejectsASectionLineWithAValue() {
		assertError("-- migrator:revision r1\n-- migrator:upgrade now\nSELECT 1;", "malformed-header", 2)
			.withMessageContaining("takes no value");
	}

	@Test
	void rejectsAnUnknownHeaderKeySuggestingTheClosestAndListingTheValidOnes() {
		assertError("-- migrator:revision r1\n-- migrator:lock_timeout 2s\n-- migrator:upgrade\nSELECT 1;",
				"unknown-header-key", 2)
			.withMessageContaining("unknown header key 'lock_timeout'")
			.withMessageContaining("Did you mean -- migrator:lock-timeout?")
			.withMessageContaining("revision, revises, message, phase, transactional, branch-labels, depends-on, "
					+ "lock-timeout, statement-timeout, backfill, backfill-table, ")
			.withMessageContaining(", upgrade, downgrade;");
	}

	@Test
	void suggestsKebabCaseForACamelCaseKey() {
		assertError("-- migrator:revision r1\n-- migrator:dependsOn r0\n-- migrator:upgrade\nSELECT 1;",
				"unknown-header-key", 2)
			.withMessageContaining("Did you mean -- migrator:depends-on?");
	}

	@Test
	void rejectsAKeyGivenTwice() {
		assertError(
				"-- migrator:revision r1\n-- migrator:revises a\n-- migrator:revises b\n-- migrator:upgrade\nSELECT 1;",
				"duplicate-header-key", 3)
			.withMessageContaining("first on line 2")
			.withMessageContaining("separated by commas");
	}

	@Test
	void rejectsAnInvalidRevisionId() {
		assertError("-- migrator:revision add display name\n-- migrator:upgrade\nSELECT 1;", "invalid-revision-id", 1)
			.withMessageContaining("'add display name' is not a valid revision id");
	}

	@Test
	void rejectsARevisionIdLongerThan255Characters() {
		assertError("-- migrator:revision " + "a".repeat(256) + "\n-- migrator:upgrade\nSELECT 1;",
				"invalid-revision-id", 1)
			.withMessageContaining("at most 255 characters");
	}

	@Test
	void rejectsAnInvalidIdInRevises() {
		assertError("-- migrator:revision r1\n-- migrator:revises r0, r@2\n-- migrator:upgrade\nSELECT 1;",
				"invalid-revision-id", 2)
			.withMessageContaining("revises 'r@2'");
	}

	@Test
	void rejectsAnInvalidIdInDependsOn() {
		assertError("-- migrator:revision r1\n-- migrator:depends-on billing/1\n-- migrator:upgrade\nSELECT 1;",
				"invalid-revision-id", 2)
			.withMessageContaining("depends-on 'billing/1'");
	}

	@Test
	void rejectsAnEmptyListEntry() {
		assertError("-- migrator:revision r1\n-- migrator:revises a,,b\n-- migrator:upgrade\nSELECT 1;",
				"empty-list-entry", 2)
			.withMessageContaining("revises has an empty entry");
	}

	@Test
	void rejectsARevisionThatRevisesItself() {
		assertError("-- migrator:revises r0, r1\n-- migrator:revision r1\n-- migrator:upgrade\nSELECT 1;",
				"self-reference", 1)
			.withMessageContaining("revision r1 lists itself in revises");
	}

	@Test
	void rejectsAnInvalidPhase() {
		assertError("-- migrator:revision r1\n-- migrator:phase shrink\n-- migrator:upgrade\nSELECT 1;",
				"invalid-phase", 2)
			.withMessageContaining("expand, migrate or contract");
	}

	@Test
	void rejectsAnInvalidBoolean() {
		assertError("-- migrator:revision r1\n-- migrator:transactional no\n-- migrator:upgrade\nSELECT 1;",
				"invalid-boolean", 2)
			.withMessageContaining("Write true or false");
	}

	@Test
	void rejectsAnInvalidDuration() {
		assertError("-- migrator:revision r1\n-- migrator:statement-timeout soon\n-- migrator:upgrade\nSELECT 1;",
				"invalid-duration", 2)
			.withMessageContaining("statement-timeout 'soon' is not a duration");
	}

	@Test
	void rejectsAFileWithoutUpgradeSection() {
		assertError("-- migrator:revision r1\n-- nothing else\n", "missing-upgrade-section", 2)
			.withMessageContaining("Add a line -- migrator:upgrade");
	}

	@Test
	void rejectsAnUpgradeSectionWithoutStatements() {
		assertError("-- migrator:revision r1\n-- migrator:upgrade\n-- later\n;\n-- migrator:downgrade\nSELECT 1;",
				"empty-upgrade-section", 2);
	}

	@Test
	void acceptsAnEmptyUpgradeSectionInAMergeRevision() {
		Revision merge = this.parser.parse(LOCATION, "-- migrator:revision r3\n-- migrator:revises r1, r2\n"
				+ "-- migrator:upgrade\n-- joins the two branches\n-- migrator:downgrade\n");
		assertThat(merge.isMerge()).isTrue();
		assertThat(statements(merge.upgrade())).isEmpty();
		assertThat(statements(merge.downgrade().orElseThrow())).isEmpty();
	}

	@Test
	void stillRejectsAnEmptyUpgradeSectionOfARevisionWithOneParent() {
		assertError("-- migrator:revision r2\n-- migrator:revises r1\n-- migrator:upgrade\n", "empty-upgrade-section",
				3);
	}

	@Test
	void rejectsASecondUpgradeSection() {
		assertError("-- migrator:revision r1\n-- migrator:upgrade\nSELECT 1;\n-- migrator:upgrade\nSELECT 2;",
				"duplicate-section", 4)
			.withMessageContaining("the first is on line 2");
	}

	@Test
	void rejectsASecondDowngradeSection() {
		assertError("""
				-- migrator:revision r1
				-- migrator:upgrade
				SELECT 1;
				-- migrator:downgrade
				SELECT 2;
				-- migrator:downgrade
				SELECT 3;
				""", "duplicate-section", 6);
	}

	@Test
	void rejectsADowngradeBeforeTheUpgrade() {
		assertError("-- migrator:revision r1\n-- migrator:downgrade\nSELECT 2;\n-- migrator:upgrade\nSELECT 1;",
				"downgrade-before-upgrade", 2);
	}

	@Test
	void rejectsAnUnknownDirectiveInsideASection() {
		assertError("-- migrator:revision r1\n-- migrator:upgrade\nSELECT 1;\n-- migrator:downgrad\nSELECT 2;",
				"unknown-directive", 4)
			.withMessageContaining("inside the upgrade section")
			.withMessageContaining("Did you mean -- migrator:downgrade?");
	}

	@Test
	void rejectsAHeaderLineInsideASection() {
		assertError("-- migrator:revision r1\n-- migrator:upgrade\n-- migrator:phase contract\nSELECT 1;",
				"header-in-section", 3)
			.withMessageContaining("Move it above -- migrator:upgrade");
	}

	@Test
	void rejectsSqlBeforeTheUpgradeSection() {
		assertError("-- migrator:revision r1\n\nCREATE TABLE a (id int);\n-- migrator:upgrade\nSELECT 1;",
				"sql-before-upgrade", 3);
	}

	@Test
	void rejectsSqlInAFileWithoutSections() {
		assertError("-- migrator:revision r1\nCREATE TABLE a (id int);\n", "sql-before-upgrade", 2);
	}

	@Test
	void reportsUnterminatedConstructsWithTheFileAndLine() {
		assertError("-- migrator:revision r1\n-- migrator:upgrade\nSELECT 1;\nSELECT $$ oops;\n",
				"unterminated-dollar-quote", 4);
	}

	private ThrowableAssertAlternative<RevisionSourceException> assertError(String content, String code, int line) {
		return assertThatExceptionOfType(RevisionSourceException.class)
			.isThrownBy(() -> this.parser.parse(LOCATION, content))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(code))
			.withMessageStartingWith(LOCATION + ":" + line + ": ");
	}

	private static List<SqlStatement> statements(MigrationBody body) {
		assertThat(body).isInstanceOf(MigrationBody.Sql.class);
		return ((MigrationBody.Sql) body).statements();
	}

}
