package dev.migrator.core.lint;

import dev.migrator.core.script.LintRule;
import dev.migrator.core.script.Severity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of linting a revision graph.
 *
 * @param dialect the dialect whose semantics the rules applied
 * @param judgedFor for PostgreSQL, the version the statements were judged for and where
 * it came from, such as {@code PostgreSQL 16.2 (the server's)}
 * @param findings the findings, in revision order, then by line
 * @param lintedRevisions the ids of the revisions read, in topological order
 * @param notLintedRevisions the ids of revisions no statement source could read (Java
 * migrations that run JDBC code)
 */
public record LintReport(String dialect, Optional<String> judgedFor, List<Finding> findings,
		List<String> lintedRevisions, List<String> notLintedRevisions) {

	public LintReport {
		Objects.requireNonNull(dialect, "dialect");
		Objects.requireNonNull(judgedFor, "judgedFor");
		findings = List.copyOf(findings);
		lintedRevisions = List.copyOf(lintedRevisions);
		notLintedRevisions = List.copyOf(notLintedRevisions);
	}

	public boolean hasFindings() {
		return !this.findings.isEmpty();
	}

	/**
	 * Whether a finding fails the lint: any error or warning; notes (statements on tables
	 * the database says are small) do not.
	 */
	public boolean fails() {
		return this.findings.stream().anyMatch((finding) -> finding.severity() != Severity.NOTE);
	}

	public int count(Severity severity) {
		return (int) this.findings.stream().filter((finding) -> finding.severity() == severity).count();
	}

	/**
	 * How many findings each rule reported, in catalogue order; rules without findings
	 * are left out.
	 */
	public Map<String, Integer> countsByRule() {
		Map<String, Integer> counts = new LinkedHashMap<>();
		for (LintRule rule : LintRule.values()) {
			int count = (int) this.findings.stream().filter((finding) -> finding.ruleId().equals(rule.id())).count();
			if (count > 0) {
				counts.put(rule.id(), count);
			}
		}
		return counts;
	}

	/** One line per finding, grouped by revision, then a summary line. */
	public String toText() {
		return new TextReport(this).render();
	}

	/**
	 * The findings as a SARIF 2.1.0 log, for code review tools. Files on the class path
	 * are given relative to the base id {@code CLASSPATH}, since the engine cannot know
	 * which source folder they come from.
	 */
	public String toSarif() {
		return new SarifReport(this).render();
	}

	/**
	 * The findings as a SARIF 2.1.0 log whose class path files are placed under a source
	 * folder, so that a code review tool can match them to the repository.
	 * @param classpathRoot the folder relative to the repository root, such as
	 * {@code src/main/resources}
	 */
	public String toSarif(String classpathRoot) {
		return new SarifReport(this, classpathRoot).render();
	}

}
