package dev.migrator.autoconfigure;

import dev.migrator.core.error.ErrorCode;

import dev.migrator.core.error.MigratorException;
import dev.migrator.core.lint.LintReport;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.util.StringUtils;

/**
 * Where the job puts a lint report: the text on standard output, and the SARIF log in the
 * file of {@code migrator.job.lint-report} when it is set, for code review tools.
 */
final class LintReportOutput {

	private static final Log logger = LogFactory.getLog(LintReportOutput.class);

	private final PrintStream out;

	private final MigratorProperties.Job job;

	LintReportOutput(PrintStream out, MigratorProperties.Job job) {
		this.out = out;
		this.job = job;
	}

	void write(LintReport report) {
		this.out.print(report.toText());
		if (StringUtils.hasText(this.job.getLintReport())) {
			writeSarif(report, Path.of(this.job.getLintReport()));
		}
	}

	private void writeSarif(LintReport report, Path file) {
		String classpathRoot = this.job.getLintClasspathRoot();
		String sarif = StringUtils.hasText(classpathRoot) ? report.toSarif(classpathRoot) : report.toSarif();
		try {
			Path parent = file.toAbsolutePath().getParent();
			if (parent != null) {
				Files.createDirectories(parent);
			}
			Files.writeString(file, sarif, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new MigratorException(
					ErrorCode.LINT_REPORT_NOT_WRITTEN, "Could not write the lint report to " + file + ": "
							+ ex.getMessage() + ". Check migrator.job.lint-report and that the folder is writable.",
					ex);
		}
		logger.info("Migration job: lint report (SARIF) written to " + file);
	}

}
