package dev.migrator.core.lint;

import dev.migrator.core.lint.ClassifiedStatement.AlterTable;
import dev.migrator.core.lint.ClassifiedStatement.CreateIndex;
import dev.migrator.core.lint.ClassifiedStatement.DataChange;
import dev.migrator.core.lint.ClassifiedStatement.RewriteCommand;
import dev.migrator.core.script.Severity;

import java.text.NumberFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * How many rows the database estimates in the table a statement scans, rewrites or
 * indexes, against {@code migrator.lint.large-table-rows}: above it the finding keeps its
 * rule's severity, at or below it the lock is short and the finding is a note.
 */
record TableSize(String table, long rows, long largeTableRows) {

	/** The table whose size decides how long the statement's lock lasts. */
	static Optional<String> tableOf(ClassifiedStatement statement) {
		if (statement instanceof AlterTable alter) {
			return Optional.of(alter.table());
		}
		if (statement instanceof CreateIndex create) {
			return Optional.of(create.table());
		}
		if (statement instanceof RewriteCommand rewrite && !rewrite.table().isEmpty()) {
			return Optional.of(rewrite.table());
		}
		if (statement instanceof DataChange change) {
			return Optional.of(change.table());
		}
		return Optional.empty();
	}

	boolean large() {
		return this.rows > this.largeTableRows;
	}

	Judged judge(Violation violation, Severity severity) {
		String estimate = "PostgreSQL estimates " + count(this.rows) + " rows in " + this.table;
		if (large()) {
			return new Judged(new Violation(violation.message() + " (" + estimate + ")", violation.safeAlternative()),
					severity);
		}
		return new Judged(new Violation(violation.message() + "; a note only: " + estimate + ", not above "
				+ "migrator.lint.large-table-rows (" + count(this.largeTableRows) + "), so the lock is short",
				violation.safeAlternative()), Severity.NOTE);
	}

	private static String count(long value) {
		return NumberFormat.getIntegerInstance(Locale.ROOT).format(value);
	}

}
