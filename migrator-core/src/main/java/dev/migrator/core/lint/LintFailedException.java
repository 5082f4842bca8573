package dev.migrator.core.lint;

import dev.migrator.core.error.ErrorCode;

import dev.migrator.core.error.MigratorException;
import dev.migrator.core.script.LintRule;

import java.util.stream.Collectors;

/** {@code lint} found unsafe statements; the report carries every finding. */
public class LintFailedException extends MigratorException {

	private static final int LISTED = 20;

	private final LintReport report;

	public LintFailedException(LintReport report) {
		super(ErrorCode.LINT_FAILED, message(report));
		this.report = report;
	}

	public LintReport report() {
		return this.report;
	}

	private static String message(LintReport report) {
		String listed = report.findings()
			.stream()
			.limit(LISTED)
			.map(Finding::toLine)
			.collect(Collectors.joining("\n  ", "\n  ", ""));
		String more = (report.findings().size() > LISTED) ? "\n  … and " + (report.findings().size() - LISTED) + " more"
				: "";
		return "Lint failed: " + report.findings().size() + " unsafe statement(s) in the revisions." + listed + more
				+ "\nRewrite each statement the safe way, or, when it is safe for a reason the linter cannot see, put "
				+ "-- migrator:allow RULE-ID reason on the line before it. Rules: " + LintRule.REFERENCE + ".";
	}

}
