package dev.migrator.core.command;

import dev.migrator.core.sql.SqlLexer;
import dev.migrator.core.sql.SqlToken;

import java.util.List;

/**
 * A text whose last statement is {@code COMMIT}, which the runner sends after a step's
 * last statement and its bookkeeping so that the step takes one round trip. Drift's fence
 * sends such a text without its {@code COMMIT}: it checks what a statement did before the
 * transaction commits, and the caller's own {@code commit()} commits it after the check.
 */
final class TrailingCommit {

	private TrailingCommit() {
	}

	/** The text without its trailing {@code COMMIT}; the text itself if it has none. */
	static String strip(String sql) {
		List<SqlToken> tokens = SqlLexer.POSTGRESQL.significantTokens(sql);
		int last = tokens.size() - 1;
		if (last >= 0 && tokens.get(last).isSymbol(";")) {
			last--;
		}
		if (last < 1 || !tokens.get(last).is("COMMIT") || !tokens.get(last - 1).isSymbol(";")) {
			return sql;
		}
		return sql.substring(0, tokens.get(last - 1).start());
	}

}
