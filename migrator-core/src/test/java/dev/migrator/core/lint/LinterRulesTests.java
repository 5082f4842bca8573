package dev.migrator.core.lint;

import dev.migrator.core.script.LintRule;
import dev.migrator.core.script.Severity;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A positive and a negative example for every rule. The revision under test follows
 * {@code 0000_base}, which creates {@code users} and {@code orders}; without extra
 * headers its SQL starts on line 4.
 */
class LinterRulesTests {

	private static RevisionSet revision(String headers, String sql) {
		return RevisionSet.withBase().revision("0001_change", headers, sql);
	}

	private static RevisionSet revision(String sql) {
		return revision("", sql);
	}

	private static List<Integer> lines(RevisionSet set, LintRule rule) {
		return set.findings(rule.id()).stream().map((finding) -> finding.location().line()).toList();
	}

	// index-not-concurrent

	@Test
	void indexWithoutConcurrentlyOnAnExistingTableIsReported() {
		RevisionSet set = revision("CREATE INDEX users_email_idx ON users (email);\n");
		assertThat(set.findings(LintRule.INDEX_NOT_CONCURRENT.id())).singleElement().satisfies((finding) -> {
			assertThat(finding.revisionId()).isEqualTo("0001_change");
			assertThat(finding.location()).isEqualTo(new Location(RevisionSet.location("0001_change"), 4));
			assertThat(finding.message()).contains("SHARE lock").contains("users");
			assertThat(finding.safeAlternative()).contains("CONCURRENTLY").contains("transactional false");
			assertThat(finding.severity()).isEqualTo(Severity.ERROR);
		});
	}

	@Test
	void indexOnATableCreatedEarlierInTheSameRevisionIsFine() {
		RevisionSet set = revision(
				"CREATE TABLE tags (id bigint, name text);\nCREATE UNIQUE INDEX tags_name ON tags (name);\n");
		assertThat(set.lint().findings()).isEmpty();
	}

	@Test
	void indexOnATableCreatedInAnEarlierRevisionIsReported() {
		RevisionSet set = RevisionSet.withBase()
			.revision("0001_tags", "CREATE TABLE tags (id bigint, name text);\n")
			.revision("0002_index", "CREATE INDEX tags_name ON tags (name);\n");
		assertThat(set.findings(LintRule.INDEX_NOT_CONCURRENT.id())).extracting(Finding::revisionId)
			.containsExactly("0002_index");
	}

	@Test
	void concurrentIndexIsFine() {
		RevisionSet set = revision("transactional false",
				"CREATE INDEX CONCURRENTLY users_email_idx ON users (email);\n");
		assertThat(set.lint().findings()).isEmpty();
	}

	@Test
	void reindexWithoutConcurrentlyIsReported() {
		assertThat(lines(revision("REINDEX INDEX users_pkey;\n"), LintRule.INDEX_NOT_CONCURRENT)).containsExactly(4);
		assertThat(revision("transactional false", "REINDEX INDEX CONCURRENTLY users_pkey;\n").lint().findings())
			.isEmpty();
	}

	@Test
	void reindexOfTheSystemCatalogsIsNotReported() {
		// No concurrent form exists, so there is no safer statement to advise.
		for (String sql : List.of("REINDEX SYSTEM;\n", "REINDEX SYSTEM app;\n")) {
			assertThat(revision(sql).findings(LintRule.INDEX_NOT_CONCURRENT.id())).isEmpty();
		}
	}

	@Test
	void reindexOfTheDatabaseAdvisesNoConcurrentlyThatDoesNotExist() {
		for (String sql : List.of("REINDEX DATABASE app;\n")) {
			assertThat(revision(sql).findings(LintRule.INDEX_NOT_CONCURRENT.id())).singleElement()
				.satisfies((finding) -> {
					assertThat(finding.message()).contains("system catalogs");
					assertThat(finding.safeAlternative()).startsWith("Keep database-wide maintenance out of revisions")
						.doesNotStartWith("REINDEX ... CONCURRENTLY");
				});
		}
	}

	// concurrent-in-transaction

	@Test
	void concurrentlyInATransactionalRevisionIsReported() {
		RevisionSet set = revision("CREATE INDEX CONCURRENTLY a ON users (email);\nDROP INDEX CONCURRENTLY b;\n"
				+ "REINDEX TABLE CONCURRENTLY users;\n");
		assertThat(lines(set, LintRule.CONCURRENT_IN_TRANSACTION)).containsExactly(4, 5, 6);
	}

	@Test
	void aLoneConcurrentStatementInATransactionalRevisionIsFine() {
		// The runtime runs it in autocommit; nothing else commits with it or apart from
		// it.
		assertThat(revision("CREATE INDEX CONCURRENTLY a ON users (email);\n").lint().findings()).isEmpty();
		assertThat(revision("DROP INDEX CONCURRENTLY IF EXISTS b;\n").lint().findings()).isEmpty();
	}

	@Test
	void aConcurrentStatementNextToOthersInATransactionalRevisionIsReported() {
		RevisionSet set = revision(
				"ALTER TABLE users ADD COLUMN nickname text;\nCREATE INDEX CONCURRENTLY a ON users (nickname);\n");
		assertThat(lines(set, LintRule.CONCURRENT_IN_TRANSACTION)).containsExactly(5);
	}

	@Test
	void concurrentlyInANonTransactionalRevisionIsFine() {
		RevisionSet set = revision("transactional false", "DROP INDEX CONCURRENTLY IF EXISTS b;\n");
		assertThat(set.lint().findings()).isEmpty();
	}

	// add-column-not-null-without-default

	@Test
	void notNullColumnWithoutDefaultIsReported() {
		RevisionSet set = revision("ALTER TABLE users ADD COLUMN nickname text NOT NULL;\n"
				+ "ALTER TABLE users ADD COLUMN level int NOT NULL DEFAULT NULL;\n");
		assertThat(lines(set, LintRule.ADD_COLUMN_NOT_NULL_WITHOUT_DEFAULT)).containsExactly(4, 5);
	}

	@Test
	void notNullColumnWithAConstantDefaultOrOnANewTableIsFine() {
		RevisionSet set = revision("""
				ALTER TABLE users ADD COLUMN nickname text NOT NULL DEFAULT '';
				ALTER TABLE users ADD COLUMN level int DEFAULT 0 NOT NULL;
				CREATE TABLE tags (id bigint);
				ALTER TABLE tags ADD COLUMN name text NOT NULL;
				""");
		assertThat(set.lint().findings()).isEmpty();
	}

	// add-column-volatile-default

	@Test
	void volatileDefaultsAreReported() {
		RevisionSet set = revision("""
				ALTER TABLE users ADD COLUMN token uuid DEFAULT gen_random_uuid();
				ALTER TABLE users ADD COLUMN r float8 DEFAULT random();
				ALTER TABLE users ADD COLUMN seen timestamptz DEFAULT clock_timestamp();
				ALTER TABLE users ADD COLUMN n bigint DEFAULT nextval('users_n_seq'::regclass);
				ALTER TABLE users ADD COLUMN serial_no bigserial;
				ALTER TABLE users ADD COLUMN ident bigint GENERATED ALWAYS AS IDENTITY;
				ALTER TABLE users ADD COLUMN upper_name text GENERATED ALWAYS AS (upper(name)) STORED;
				""");
		assertThat(lines(set, LintRule.ADD_COLUMN_VOLATILE_DEFAULT)).containsExactly(4, 5, 6, 7, 8, 9, 10);
		assertThat(set.findings(LintRule.ADD_COLUMN_VOLATILE_DEFAULT.id()).get(0).message())
			.contains("gen_random_uuid()")
			.contains("ACCESS EXCLUSIVE");
	}

	@Test
	void aDefaultCallingAnUnknownFunctionIsReportedAsPossiblyVolatile() {
		RevisionSet set = revision("ALTER TABLE users ADD COLUMN code text DEFAULT make_code();\n");
		assertThat(set.findings(LintRule.ADD_COLUMN_VOLATILE_DEFAULT.id())).singleElement()
			.satisfies((finding) -> assertThat(finding.message()).contains("make_code()").contains("may be volatile"));
	}

	@Test
	void constantAndStableDefaultsAreFine() {
		RevisionSet set = revision("""
				ALTER TABLE users ADD COLUMN active boolean DEFAULT true;
				ALTER TABLE users ADD COLUMN label varchar(20) DEFAULT 'x'::character varying(20);
				ALTER TABLE users ADD COLUMN settings jsonb DEFAULT '{}'::jsonb;
				ALTER TABLE users ADD COLUMN joined timestamptz DEFAULT now();
				ALTER TABLE users ADD COLUMN day date DEFAULT CURRENT_DATE;
				ALTER TABLE users ADD COLUMN virtual_name text GENERATED ALWAYS AS (lower(name)) VIRTUAL;
				CREATE TABLE tags (id bigint);
				ALTER TABLE tags ADD COLUMN token uuid DEFAULT gen_random_uuid();
				""");
		assertThat(set.lint().findings()).isEmpty();
	}

	// set-not-null-without-check

	@Test
	void setNotNullWithoutACheckIsReported() {
		RevisionSet set = revision("ALTER TABLE users ALTER COLUMN name SET NOT NULL;\n");
		assertThat(set.findings(LintRule.SET_NOT_NULL_WITHOUT_CHECK.id())).singleElement().satisfies((finding) -> {
			assertThat(finding.location().line()).isEqualTo(4);
			assertThat(finding.safeAlternative()).contains("CHECK (name IS NOT NULL) NOT VALID");
		});
	}

	@Test
	void setNotNullAfterACheckValidatedInEarlierRevisionsIsFine() {
		RevisionSet set = RevisionSet.withBase()
			.revision("0001_check",
					"ALTER TABLE users ADD CONSTRAINT users_name_nn CHECK (name IS NOT NULL) NOT VALID;\n")
			.revision("0002_validate", "ALTER TABLE users VALIDATE CONSTRAINT users_name_nn;\n")
			.revision("0003_not_null", "ALTER TABLE users ALTER COLUMN name SET NOT NULL;\n");
		assertThat(set.lint().findings()).isEmpty();
	}

	@Test
	void setNotNullAfterACheckValidatedEarlierInTheSameRevisionIsFine() {
		RevisionSet set = revision("transactional false", """
				ALTER TABLE users ADD CHECK ((users.name IS NOT NULL) AND email IS NOT NULL) NOT VALID;
				ALTER TABLE users ADD CHECK (name IS NOT NULL) NOT VALID;
				ALTER TABLE users VALIDATE CONSTRAINT users_name_check;
				ALTER TABLE users ALTER COLUMN name SET NOT NULL;
				""");
		assertThat(set.lint().findings()).isEmpty();
	}

	@Test
	void setNotNullWithACheckThatIsNotValidatedOrOnAnotherColumnIsReported() {
		RevisionSet set = revision("transactional false", """
				ALTER TABLE users ADD CONSTRAINT name_nn CHECK (name IS NOT NULL) NOT VALID;
				ALTER TABLE users ADD CONSTRAINT email_nn CHECK (email IS NOT NULL);
				ALTER TABLE users ALTER COLUMN name SET NOT NULL;
				ALTER TABLE users ADD CONSTRAINT age_positive CHECK (age IS NOT NULL OR age > 0) NOT VALID;
				ALTER TABLE users VALIDATE CONSTRAINT age_positive;
				ALTER TABLE users ALTER COLUMN age SET NOT NULL;
				""");
		assertThat(lines(set, LintRule.SET_NOT_NULL_WITHOUT_CHECK)).containsExactly(7, 10);
	}

	// column-type-rewrite

	@Test
	void typeChangesThatRewriteAreReported() {
		RevisionSet set = revision("""
				ALTER TABLE users ALTER COLUMN age TYPE bigint;
				ALTER TABLE users ALTER COLUMN email TYPE varchar(50);
				ALTER TABLE users ALTER COLUMN score TYPE numeric(12,4);
				ALTER TABLE users ALTER COLUMN name SET DATA TYPE integer USING name::integer;
				""");
		assertThat(lines(set, LintRule.COLUMN_TYPE_REWRITE)).containsExactly(4, 5, 6, 7);
		assertThat(set.findings(LintRule.COLUMN_TYPE_REWRITE.id()).get(0).message()).contains("from integer to bigint");
	}

	@Test
	void typeChangesThatOnlyTouchTheCatalogAreFine() {
		RevisionSet set = revision("""
				ALTER TABLE users ALTER COLUMN email TYPE varchar(200);
				ALTER TABLE users ALTER COLUMN email TYPE text;
				ALTER TABLE users ALTER COLUMN name TYPE character varying;
				ALTER TABLE orders ALTER COLUMN total TYPE numeric(16,2), ALTER COLUMN note TYPE varchar(300);
				ALTER TABLE users ALTER COLUMN created TYPE timestamp(6) without time zone;
				""");
		assertThat(set.lint().findings()).isEmpty();
	}

	@Test
	void typeChangeOfAColumnNoRevisionDescribedIsReported() {
		RevisionSet set = revision("ALTER TABLE legacy ALTER COLUMN code TYPE text;\n");
		assertThat(set.findings(LintRule.COLUMN_TYPE_REWRITE.id())).singleElement()
			.satisfies((finding) -> assertThat(finding.message()).contains("may rewrite"));
	}

	@Test
	void aChangeBetweenTextTypesOnAColumnWithoutAnIndexIsFine() {
		RevisionSet set = revision("ALTER TABLE users ALTER COLUMN name TYPE citext;\n"
				+ "ALTER TABLE users ALTER COLUMN email TYPE text;\nALTER TABLE users ALTER COLUMN name TYPE text;\n");
		assertThat(set.lint().findings()).isEmpty();
	}

	@Test
	void aChangeToCitextOnAnIndexedColumnIsReportedForItsIndexRebuild() {
		RevisionSet set = RevisionSet.withBase()
			.revision("0001_index", "transactional false", "CREATE INDEX CONCURRENTLY users_name ON users (name);\n")
			.revision("0002_citext", "ALTER TABLE users ALTER COLUMN name TYPE citext;\n");
		assertThat(set.findings(LintRule.COLUMN_TYPE_REWRITE.id())).singleElement()
			.satisfies((finding) -> assertThat(finding.message()).contains("rebuilt"));
	}

	// constraint-not-valid-missing

	@Test
	void foreignKeyOrCheckWithoutNotValidIsReported() {
		RevisionSet set = revision("""
				ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id);
				ALTER TABLE orders ADD CHECK (total >= 0);
				""");
		assertThat(lines(set, LintRule.CONSTRAINT_NOT_VALID_MISSING)).containsExactly(4, 5);
		assertThat(set.findings(LintRule.CONSTRAINT_NOT_VALID_MISSING.id()).get(0).message())
			.contains("SHARE ROW EXCLUSIVE");
	}

	@Test
	void constraintsAddedNotValidAndValidatedLaterAreFine() {
		RevisionSet set = RevisionSet.withBase()
			.revision("0001_fk", "ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) "
					+ "REFERENCES users (id) NOT VALID;\nALTER TABLE orders ADD CHECK (total >= 0) NOT VALID;\n")
			.revision("0002_validate", "ALTER TABLE orders VALIDATE CONSTRAINT orders_user_fk;\n");
		assertThat(set.lint().findings()).isEmpty();
	}

	@Test
	void validatingInTheTransactionThatAddedTheConstraintIsReported() {
		String sql = "ALTER TABLE orders ADD CONSTRAINT fk FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID;\n"
				+ "ALTER TABLE orders VALIDATE CONSTRAINT fk;\n";
		assertThat(lines(revision(sql), LintRule.CONSTRAINT_NOT_VALID_MISSING)).containsExactly(5);
		assertThat(revision("transactional false", sql).lint().findings()).isEmpty();
	}

	// unique-without-index

	@Test
	void uniqueOrPrimaryKeyWithoutUsingIndexIsReported() {
		RevisionSet set = revision("""
				ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);
				ALTER TABLE orders DROP CONSTRAINT orders_pkey, ADD PRIMARY KEY (id);
				ALTER TABLE users ADD COLUMN code text UNIQUE;
				""");
		assertThat(lines(set, LintRule.UNIQUE_WITHOUT_INDEX)).containsExactly(4, 5, 6);
	}

	@Test
	void uniqueOrPrimaryKeyUsingAnIndexIsFine() {
		RevisionSet set = revision("""
				ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_idx;
				ALTER TABLE orders ADD CONSTRAINT orders_pk PRIMARY KEY USING INDEX orders_id_idx;
				CREATE TABLE tags (id bigint);
				ALTER TABLE tags ADD PRIMARY KEY (id);
				""");
		assertThat(set.lint().findings()).isEmpty();
	}

	// rename-outside-contract

	@Test
	void renamesOutsideAContractRevisionAreReported() {
		RevisionSet set = revision("phase migrate",
				"ALTER TABLE users RENAME COLUMN name TO full_name;\nALTER TABLE orders RENAME TO purchases;\n");
		assertThat(lines(set, LintRule.RENAME_OUTSIDE_CONTRACT)).containsExactly(5, 6);
		assertThat(set.findings(LintRule.RENAME_OUTSIDE_CONTRACT.id()).get(0).message()).contains("a migrate revision");
	}

	@Test
	void renamesInAContractRevisionAreFine() {
		RevisionSet set = revision("phase contract",
				"ALTER TABLE users RENAME COLUMN name TO full_name;\nALTER TABLE orders RENAME TO purchases;\n");
		assertThat(set.lint().findings()).isEmpty();
	}

	// drop-outside-contract

	@Test
	void dropsOutsideAContractRevisionAreReported() {
		RevisionSet set = revision("ALTER TABLE users DROP COLUMN age;\nDROP TABLE IF EXISTS orders;\n");
		assertThat(lines(set, LintRule.DROP_OUTSIDE_CONTRACT)).containsExactly(4, 5);
		assertThat(set.findings(LintRule.DROP_OUTSIDE_CONTRACT.id()).get(0).message()).contains("an expand revision");
	}

	@Test
	void dropsInAContractRevisionOrOfATableCreatedInTheRevisionAreFine() {
		assertThat(revision("phase contract", "ALTER TABLE users DROP age;\nDROP TABLE orders;\n").lint().findings())
			.isEmpty();
		assertThat(revision("CREATE TABLE scratch (id int);\nDROP TABLE scratch;\n").lint().findings()).isEmpty();
	}

	// several-long-locks

	@Test
	void aSecondLongLockInOneTransactionIsReported() {
		RevisionSet set = revision("""
				CREATE INDEX users_email_idx ON users (email); -- migrator:allow index-not-concurrent the table is small
				ALTER TABLE users ADD COLUMN note text;
				ALTER TABLE orders ALTER COLUMN user_id TYPE integer;
				""");
		assertThat(set.findings(LintRule.SEVERAL_LONG_LOCKS.id())).singleElement().satisfies((finding) -> {
			assertThat(finding.location().line()).isEqualTo(6);
			assertThat(finding.message()).contains("line 4").contains("column-type-rewrite");
			assertThat(finding.severity()).isEqualTo(Severity.WARNING);
		});
	}

	@Test
	void longLocksInAnAutocommitRevisionOrASingleOneAreFine() {
		String twoLocks = "UPDATE users SET name = 'x';\nLOCK TABLE orders;\n";
		assertThat(revision("transactional false", twoLocks).findings(LintRule.SEVERAL_LONG_LOCKS.id())).isEmpty();
		RevisionSet single = revision("ALTER TABLE users ADD COLUMN note text;\nCREATE INDEX i ON users (email);\n");
		assertThat(single.findings(LintRule.SEVERAL_LONG_LOCKS.id())).isEmpty();
	}

	// whole-table-data-change

	@Test
	void updateOrDeleteOfAWholeTableIsReported() {
		RevisionSet set = revision("""
				UPDATE users SET name = (SELECT max(note) FROM orders WHERE orders.user_id = users.id);
				DELETE FROM orders;
				""");
		assertThat(lines(set, LintRule.WHOLE_TABLE_DATA_CHANGE)).containsExactly(4, 5);
		assertThat(set.findings(LintRule.WHOLE_TABLE_DATA_CHANGE.id()).get(0).safeAlternative()).contains("backfill");
	}

	@Test
	void dataChangesWithAWhereOrOnANewTableAreFine() {
		RevisionSet set = revision("""
				UPDATE users SET name = 'x' WHERE id = 1;
				WITH old AS (SELECT id FROM orders WHERE total = 0) DELETE FROM orders WHERE id IN (SELECT id FROM old);
				CREATE TABLE tags (id bigint, name text);
				INSERT INTO tags VALUES (1, 'a');
				UPDATE tags SET name = upper(name);
				""");
		assertThat(set.lint().findings()).isEmpty();
	}

	// table-rewrite-command

	@Test
	void vacuumFullAndClusterAreReported() {
		RevisionSet set = revision("transactional false",
				"VACUUM FULL users;\nVACUUM (FULL, ANALYZE) orders;\nCLUSTER users USING users_pkey;\n");
		assertThat(lines(set, LintRule.TABLE_REWRITE_COMMAND)).containsExactly(5, 6, 7);
	}

	@Test
	void plainVacuumIsFine() {
		RevisionSet set = revision("transactional false",
				"VACUUM users;\nVACUUM (ANALYZE) orders;\nVACUUM (FULL false) users;\n");
		assertThat(set.lint().findings()).isEmpty();
	}

	// lock-table

	@Test
	void lockTableIsReported() {
		RevisionSet set = revision("LOCK TABLE users IN ACCESS EXCLUSIVE MODE;\nLOCK orders;\n");
		assertThat(lines(set, LintRule.LOCK_TABLE)).containsExactly(4, 5);
	}

	@Test
	void rowLocksAreFine() {
		RevisionSet set = revision("SELECT id FROM users WHERE id = 1 FOR UPDATE;\n");
		assertThat(set.lint().findings()).isEmpty();
	}

	// dialects and sources

	@Test
	void sqliteSkipsThePostgresqlOnlyRules() {
		RevisionSet set = revision("""
				CREATE INDEX users_email_idx ON users (email);
				ALTER TABLE users ADD COLUMN token text DEFAULT (random());
				ALTER TABLE users DROP COLUMN age;
				CREATE TABLE tags (id integer);
				ALTER TABLE tags ADD COLUMN name text NOT NULL;
				""");
		LintReport report = set.lint("sqlite");
		assertThat(report.dialect()).isEqualTo("sqlite");
		assertThat(report.findings()).extracting(Finding::ruleId, (finding) -> finding.location().line())
			.containsExactly(org.assertj.core.groups.Tuple.tuple("drop-outside-contract", 6),
					org.assertj.core.groups.Tuple.tuple("add-column-not-null-without-default", 8));
	}

	@Test
	void everyRuleHasAnIdThatTheCatalogueFindsAgain() {
		for (LintRule rule : LintRule.values()) {
			assertThat(LintRule.byId(rule.id())).contains(rule);
			assertThat(rule.helpUri()).isEqualTo("docs/reference/lint-rules.md#" + rule.id());
		}
		assertThat(LintRule.ids()).hasSize(27).doesNotHaveDuplicates();
	}

	@Test
	void hygieneRulesAreOffUnlessEnabled() {
		RevisionSet set = revision("CREATE TABLE visits (id serial PRIMARY KEY, at timestamp, code char(3));\n");
		assertThat(set.lint().findings()).isEmpty();
		LintReport report = new Linter("postgresql", new SqlRevisionStatements(),
				LintSettings.enabling(List.of("prefer-bigint", "prefer-identity", "prefer-timestamptz", "prefer-text")))
			.lint(set.graph());
		List<Finding> findings = report.findings()
			.stream()
			.filter((finding) -> finding.revisionId().equals("0001_change"))
			.toList();
		assertThat(findings).extracting(Finding::ruleId)
			.containsExactlyInAnyOrder("prefer-bigint", "prefer-identity", "prefer-timestamptz", "prefer-text");
		assertThat(findings).allSatisfy((finding) -> assertThat(finding.severity()).isEqualTo(Severity.WARNING));
	}

	@Test
	void onlyOptInRulesCanBeEnabled() {
		org.assertj.core.api.Assertions.assertThatExceptionOfType(dev.migrator.core.error.MigratorException.class)
			.isThrownBy(() -> LintSettings.enabling(List.of("index-not-concurrent")))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("unknown-lint-rule"))
			.withMessageContaining("prefer-bigint");
	}

}
