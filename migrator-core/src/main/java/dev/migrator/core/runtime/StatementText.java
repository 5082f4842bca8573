package dev.migrator.core.runtime;

import dev.migrator.core.script.SqlStatement;
import dev.migrator.core.sql.SecretRedaction;

import java.util.List;
import java.util.stream.Collectors;

/** How a run's log lines and messages show statements. */
final class StatementText {

	private StatementText() {
	}

	/**
	 * The statement on one line, cut at 200 characters, its password literals masked
	 * (before the cut, so that a cut never leaves half a secret unmasked).
	 */
	static String abbreviate(String sql) {
		String flat = SecretRedaction.statement(sql).replaceAll("\\s+", " ").trim();
		return (flat.length() <= 200) ? flat : flat.substring(0, 199) + "…";
	}

	/** Where the statements are: "line 4" or "lines 4, 9". */
	static String lines(List<SqlStatement> statements) {
		return (statements.size() == 1 ? "line " : "lines ")
				+ statements.stream().map((s) -> String.valueOf(s.line())).collect(Collectors.joining(", "));
	}

}
