package dev.migrator.core.lint;

import dev.migrator.core.error.MigratorException;
import dev.migrator.core.script.LintRule;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The linter judges statements for one PostgreSQL version: the configured one, else the
 * server's, else {@link PostgresVersion#OLDEST_ASSUMED}; rules and their advice follow
 * it.
 */
class PostgresVersionLintTests {

	@Test
	void versionsAreReadAsMajorOrMajorDotMinor() {
		assertThat(PostgresVersion.parse("14")).isEqualTo(new PostgresVersion(14, 0));
		assertThat(PostgresVersion.parse(" 16.2 ")).isEqualTo(new PostgresVersion(16, 2));
		assertThat(PostgresVersion.parse("16.2")).isGreaterThan(PostgresVersion.parse("16"));
		assertThat(PostgresVersion.parse("10").atLeast(11)).isFalse();
		for (String wrong : List.of("9.6", "sixteen", "16.x", "", "16.2.1")) {
			assertThatExceptionOfType(MigratorException.class).as(wrong)
				.isThrownBy(() -> PostgresVersion.parse(wrong))
				.satisfies((ex) -> assertThat(ex.code()).isEqualTo("invalid-configuration"));
		}
	}

	@Test
	void theConfiguredVersionWinsOverTheServersAndTheServersOverTheAssumedOne() {
		RevisionSet set = RevisionSet.withBase()
			.revision("0001_change", "ALTER TABLE users ADD COLUMN status text DEFAULT 'active';\n");
		Linter unconfigured = new Linter("postgresql", new SqlRevisionStatements(), LintSettings.DEFAULTS);
		assertThat(findings(unconfigured.lint(set.graph()))).isEmpty();
		assertThat(findings(unconfigured.lint(set.graph(), Optional.of(new PostgresVersion(10, 23)))))
			.containsExactly("add-column-volatile-default");
		Linter configured = new Linter("postgresql", new SqlRevisionStatements(),
				LintSettings.DEFAULTS.withPostgresVersion(PostgresVersion.parse("11")));
		assertThat(findings(configured.lint(set.graph(), Optional.of(new PostgresVersion(10, 0))))).isEmpty();
	}

	@Test
	void setNotNullAdvisesTheTwoStepWayOfTheVersion() {
		RevisionSet set = RevisionSet.withBase()
			.revision("0001_change", "ALTER TABLE users ALTER COLUMN email SET NOT NULL;\n");
		assertThat(only(set, "17").safeAlternative()).contains("CHECK (email IS NOT NULL) NOT VALID")
			.doesNotContain("NOT NULL email NOT VALID");
		assertThat(only(set, "18").safeAlternative())
			.contains("ADD CONSTRAINT users_email_not_null NOT NULL email NOT VALID")
			.contains("VALIDATE CONSTRAINT users_email_not_null");
		Finding eleven = only(set, "11");
		assertThat(eleven.safeAlternative()).contains("PostgreSQL 12 or later").doesNotContain("SET NOT NULL (");
	}

	@Test
	void reindexBeforeTwelveAdvisesNoConcurrentReindex() {
		RevisionSet set = RevisionSet.withBase()
			.revision("0000_index", "transactional false",
					"CREATE INDEX CONCURRENTLY users_email_idx ON users (email);\n")
			.revision("0001_change", "REINDEX INDEX users_email_idx;\n");
		assertThat(only(set, "11").safeAlternative()).contains("CREATE INDEX CONCURRENTLY").doesNotContain("REINDEX");
		assertThat(only(set, "12").safeAlternative()).contains("REINDEX ... CONCURRENTLY");
	}

	@Test
	void detachPartitionIsJudgedOnlyWhereItsConcurrentFormExists() {
		RevisionSet set = RevisionSet.withBase()
			.revision("0001_change", "ALTER TABLE measurements DETACH PARTITION measurements_2020;\n");
		assertThat(findings(lint(set, "13"))).isEmpty();
		assertThat(findings(lint(set, "14"))).containsExactly("detach-partition-not-concurrent");
		assertThat(LintRule.DETACH_PARTITION_NOT_CONCURRENT.postgresSince()).isEqualTo(14);
	}

	@Test
	void anIndexOnAPartitionedTableIsAdvisedTheWayPerPartition() {
		RevisionSet set = RevisionSet.withBase()
			.revision("0000_events", "CREATE TABLE events (id bigint, at timestamptz) PARTITION BY RANGE (at);\n")
			.revision("0001_change", "CREATE INDEX events_at_idx ON events (at);\n");
		Finding finding = only(set, "18");
		assertThat(finding.message()).contains("cannot build it CONCURRENTLY");
		assertThat(finding.safeAlternative()).contains("ON ONLY events").contains("ATTACH PARTITION");
	}

	/**
	 * The rule reference's table gives each rule's versions as the catalogue declares
	 * them: "all" for a rule of every version, "N+" for one that starts at N.
	 */
	@Test
	void theReferenceTableGivesTheVersionsEachRuleDeclares() throws IOException {
		Map<String, String> versions = Files.readAllLines(Path.of("..", "docs", "reference", "lint-rules.md"))
			.stream()
			.filter((line) -> line.startsWith("| `"))
			.collect(Collectors.toMap((line) -> line.substring(3, line.indexOf('`', 3)), (line) -> {
				String[] cells = line.split("\\|");
				return cells[cells.length - 1].strip();
			}, (first, second) -> first));
		assertThat(versions.keySet()).containsAll(LintRule.ids());
		Arrays.stream(LintRule.values()).forEach((rule) -> {
			String expected = (rule.postgresSince() == 0) ? "all" : rule.postgresSince() + "+";
			assertThat(versions.get(rule.id())).as(rule.id()).startsWith(expected);
		});
	}

	private static LintReport lint(RevisionSet set, String version) {
		return new Linter("postgresql", new SqlRevisionStatements(),
				LintSettings.DEFAULTS.withPostgresVersion(PostgresVersion.parse(version)))
			.lint(set.graph());
	}

	private static Finding only(RevisionSet set, String version) {
		List<Finding> findings = lint(set, version).findings()
			.stream()
			.filter((finding) -> finding.revisionId().equals("0001_change"))
			.toList();
		assertThat(findings).as("findings on " + version).hasSize(1);
		return findings.get(0);
	}

	private static List<String> findings(LintReport report) {
		return report.findings()
			.stream()
			.filter((finding) -> finding.revisionId().equals("0001_change"))
			.map(Finding::ruleId)
			.toList();
	}

}
