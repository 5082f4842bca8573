package dev.migrator.core.lint;

import dev.migrator.core.script.LintRule;
import dev.migrator.core.script.Revision;
import dev.migrator.core.script.Severity;

import java.util.List;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The plain-text and SARIF renderings of a report. */
class ReportTests {

	private static final String CHANGE = RevisionSet.location("0001_change");

	private static RevisionSet twoFindings() {
		return RevisionSet.withBase().revision("0001_change", "transactional false", """
				CREATE INDEX users_email_idx ON users (email);
				UPDATE "odd""name\\x" SET a = 1;
				""");
	}

	@Test
	void textHasOneLinePerFindingGroupedByRevisionAndASummary() {
		LintReport report = twoFindings().lint();
		String[] lines = report.toText().split("\n");
		assertThat(lines[0]).isEqualTo("Revision 0001_change:");
		assertThat(lines[1]).startsWith(CHANGE + ":5: index-not-concurrent: CREATE INDEX on the existing table users")
			.contains(". Safe alternative: CREATE INDEX CONCURRENTLY");
		assertThat(lines[2]).startsWith(CHANGE + ":6: whole-table-data-change: UPDATE of every row of odd\"name\\x");
		assertThat(lines[3]).isEmpty();
		assertThat(lines[4]).isEqualTo("Lint (postgresql): 2 findings (1 error, 1 warning) in 1 of 2 revisions. "
				+ "Judged for PostgreSQL 14 (assumed; set migrator.lint.postgres-version).");
		assertThat(lines).hasSize(5);
	}

	@Test
	void textWithoutFindingsIsOnlyTheSummaryAndNamesRevisionsNotLinted() {
		Revision java = Revision.builder("0001_java").revises("0000_base").build();
		StatementSource sqlOnly = (revision) -> revision.id().equals("0001_java") ? Optional.empty()
				: new SqlRevisionStatements().read(revision);
		List<Revision> revisions = new java.util.ArrayList<>(RevisionSet.withBase().graph().revisions());
		revisions.add(java);
		LintReport report = new Linter("postgresql", sqlOnly)
			.lint(dev.migrator.core.script.RevisionGraph.of(revisions));
		assertThat(report.toText())
			.isEqualTo("Lint (postgresql): no findings in 1 revision. Judged for PostgreSQL 14 (assumed; set "
					+ "migrator.lint.postgres-version). Not linted (Java migrations): 0001_java.\n");
		assertThat(report.notLintedRevisions()).containsExactly("0001_java");
		assertThat(report.lintedRevisions()).containsExactly("0000_base");
	}

	@Test
	void countsFindingsBySeverityAndRule() {
		LintReport report = twoFindings().lint();
		assertThat(report.count(Severity.ERROR)).isOne();
		assertThat(report.count(Severity.WARNING)).isOne();
		assertThat(report.countsByRule()).containsExactly(java.util.Map.entry("index-not-concurrent", 1),
				java.util.Map.entry("whole-table-data-change", 1));
	}

	@Test
	void sarifHasTheRequiredFieldsOfVersion210() {
		JsonNode log = JsonMapper.builder().build().readTree(twoFindings().lint().toSarif());
		assertThat(log.get("version").asString()).isEqualTo("2.1.0");
		JsonNode run = log.get("runs").get(0);
		JsonNode driver = run.get("tool").get("driver");
		assertThat(driver.get("name").asString()).isEqualTo("migrator");
		assertThat(driver.get("rules")).hasSize(LintRule.values().length);
		for (LintRule rule : LintRule.values()) {
			JsonNode described = driver.get("rules").get(rule.ordinal());
			assertThat(described.get("id").asString()).isEqualTo(rule.id());
			assertThat(described.get("shortDescription").get("text").asString()).isEqualTo(rule.title());
			assertThat(described.get("helpUri").asString()).isEqualTo("docs/reference/lint-rules.md#" + rule.id());
		}
		JsonNode results = run.get("results");
		assertThat(results).hasSize(2);
		JsonNode first = results.get(0);
		assertThat(first.get("ruleId").asString()).isEqualTo("index-not-concurrent");
		assertThat(first.get("ruleIndex").asInt()).isEqualTo(LintRule.INDEX_NOT_CONCURRENT.ordinal());
		assertThat(first.get("level").asString()).isEqualTo("error");
		assertThat(first.get("message").get("text").asString()).contains("Safe alternative: ");
		JsonNode physical = first.get("locations").get(0).get("physicalLocation");
		assertThat(physical.get("artifactLocation").get("uri").asString()).isEqualTo("db/revisions/0001_change.sql");
		assertThat(physical.get("artifactLocation").get("uriBaseId").asString()).isEqualTo("CLASSPATH");
		assertThat(physical.get("region").get("startLine").asInt()).isEqualTo(5);
		assertThat(results.get(1).get("level").asString()).isEqualTo("warning");
		assertThat(results.get(1).get("message").get("text").asString()).contains("odd\"name\\x");
		assertThat(first.get("properties").get("revision").asString()).isEqualTo("0001_change");
	}

	@Test
	void sarifCanPlaceClassPathFilesUnderASourceFolder() {
		JsonNode log = JsonMapper.builder().build().readTree(twoFindings().lint().toSarif("src/main/resources"));
		JsonNode artifact = log.get("runs")
			.get(0)
			.get("results")
			.get(0)
			.get("locations")
			.get(0)
			.get("physicalLocation")
			.get("artifactLocation");
		assertThat(artifact.get("uri").asString()).isEqualTo("src/main/resources/db/revisions/0001_change.sql");
		assertThat(artifact.has("uriBaseId")).isFalse();
	}

	@Test
	void sarifOfACleanRunHasNoResults() {
		JsonNode log = JsonMapper.builder().build().readTree(RevisionSet.withBase().lint().toSarif());
		assertThat(log.get("runs").get(0).get("results")).isEmpty();
	}

}
