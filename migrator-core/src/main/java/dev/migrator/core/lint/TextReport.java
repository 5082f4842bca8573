package dev.migrator.core.lint;

import dev.migrator.core.script.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders a report for people and for editors: one {@code file:line: RULE-ID: message}
 * line per finding, so that tools which jump to {@code file:line} work, under a heading
 * per revision, then a summary line.
 */
final class TextReport {

	private final LintReport report;

	TextReport(LintReport report) {
		this.report = report;
	}

	String render() {
		StringBuilder text = new StringBuilder();
		Map<String, List<Finding>> byRevision = new LinkedHashMap<>();
		for (Finding finding : this.report.findings()) {
			byRevision.computeIfAbsent(finding.revisionId(), (id) -> new ArrayList<>()).add(finding);
		}
		byRevision.forEach((revision, findings) -> {
			text.append("Revision ").append(revision).append(":\n");
			findings.forEach((finding) -> text.append(finding.toLine()).append('\n'));
			text.append('\n');
		});
		text.append(summary()).append('\n');
		return text.toString();
	}

	private String summary() {
		int revisions = this.report.lintedRevisions().size();
		StringBuilder summary = new StringBuilder("Lint (").append(this.report.dialect()).append("): ");
		if (this.report.hasFindings()) {
			int findings = this.report.findings().size();
			long withFindings = this.report.findings().stream().map(Finding::revisionId).distinct().count();
			summary.append(plural(findings, "finding"))
				.append(" (")
				.append(plural(this.report.count(Severity.ERROR), "error"))
				.append(", ")
				.append(plural(this.report.count(Severity.WARNING), "warning"))
				.append((this.report.count(Severity.NOTE) > 0) ? ", " + plural(this.report.count(Severity.NOTE), "note")
						: "")
				.append(") in ")
				.append(withFindings)
				.append(" of ")
				.append(plural(revisions, "revision"))
				.append('.');
		}
		else {
			summary.append("no findings in ").append(plural(revisions, "revision")).append('.');
		}
		this.report.judgedFor().ifPresent((version) -> summary.append(" Judged for ").append(version).append('.'));
		if (!this.report.notLintedRevisions().isEmpty()) {
			summary.append(" Not linted (Java migrations): ")
				.append(String.join(", ", this.report.notLintedRevisions()))
				.append('.');
		}
		return summary.toString();
	}

	private static String plural(long count, String noun) {
		return count + " " + noun + ((count == 1) ? "" : "s");
	}

}
