package dev.migrator.core.lint;

import dev.migrator.core.script.LintRule;
import dev.migrator.core.script.RevisionSourceException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code -- migrator:allow RULE-ID reason} silences one rule on one statement, and only
 * with a reason.
 */
class AllowCommentLintTests {

	@Test
	void anAllowCommentBeforeTheStatementSilencesThatRuleOnly() {
		RevisionSet set = RevisionSet.withBase().revision("0001_change", "transactional false", """
				-- migrator:allow index-not-concurrent users has a few hundred rows
				CREATE INDEX users_email_idx ON users (email);
				CREATE INDEX users_name_idx ON users (name);
				""");
		assertThat(set.lint().findings()).extracting(Finding::ruleId, (finding) -> finding.location().line())
			.containsExactly(org.assertj.core.groups.Tuple.tuple("index-not-concurrent", 7));
	}

	@Test
	void anAllowCommentAfterTheStatementOnTheSameLineSilencesIt() {
		RevisionSet set = RevisionSet.withBase().revision("0001_change", "phase migrate", """
				ALTER TABLE users DROP COLUMN age; -- migrator:allow drop-outside-contract unused since 2.3, see ADR-12
				ALTER TABLE users DROP COLUMN score;
				""");
		assertThat(set.lint().findings()).extracting((finding) -> finding.location().line()).containsExactly(6);
	}

	@Test
	void anAllowCommentForAnotherRuleSilencesNothing() {
		RevisionSet set = RevisionSet.withBase().revision("0001_change", """
				-- migrator:allow lock-table reviewed with the DBA
				CREATE INDEX users_email_idx ON users (email);
				""");
		assertThat(set.lint().findings()).extracting(Finding::ruleId).containsExactly("index-not-concurrent");
	}

	@Test
	void anAllowCommentWithoutAReasonIsAnErrorWithFileAndLine() {
		assertThatExceptionOfType(RevisionSourceException.class)
			.isThrownBy(() -> RevisionSet.withBase().revision("0001_change", """
					-- migrator:allow index-not-concurrent
					CREATE INDEX users_email_idx ON users (email);
					"""))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("allow-without-reason"))
			.withMessageStartingWith(RevisionSet.location("0001_change") + ":4: ");
	}

	@Test
	void anAllowCommentForAnUnknownRuleIsAnErrorListingTheRules() {
		assertThatExceptionOfType(RevisionSourceException.class)
			.isThrownBy(() -> RevisionSet.withBase().revision("0001_change", """
					CREATE INDEX users_email_idx ON users (email); -- migrator:allow index-not-concurrently small table
					"""))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("unknown-lint-rule"))
			.withMessageStartingWith(RevisionSet.location("0001_change") + ":4: ")
			.withMessageContaining("Did you mean index-not-concurrent?")
			.withMessageContaining(String.join(", ", LintRule.ids()));
	}

}
