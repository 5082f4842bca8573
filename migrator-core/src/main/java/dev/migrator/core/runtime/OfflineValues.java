package dev.migrator.core.runtime;

import dev.migrator.core.error.ErrorCode;

import dev.migrator.core.dialect.Dialect;
import dev.migrator.core.op.InvalidOperationException;

import java.util.List;

/**
 * Writes bound values into a statement as literals, for an offline script only: each
 * {@code ?} outside strings, quoted names, comments and PostgreSQL dollar quotes takes
 * the next value, escaped by the dialect.
 */
final class OfflineValues {

	private OfflineValues() {
	}

	static String inline(String sql, List<Object> values, Dialect dialect) {
		if (values.isEmpty()) {
			return sql;
		}
		StringBuilder out = new StringBuilder(sql.length() + 16 * values.size());
		int next = 0;
		int i = 0;
		while (i < sql.length()) {
			char c = sql.charAt(i);
			int skip = skippable(sql, i);
			if (skip > i) {
				out.append(sql, i, skip);
				i = skip;
			}
			else if (c == '?') {
				if (next == values.size()) {
					throw mismatch(sql, values.size());
				}
				out.append(dialect.literalValue(values.get(next++)));
				i++;
			}
			else {
				out.append(c);
				i++;
			}
		}
		if (next != values.size()) {
			throw mismatch(sql, values.size());
		}
		return out.toString();
	}

	/**
	 * The end of a quoted run or comment starting at {@code i}, or {@code i} when none
	 * starts there.
	 */
	private static int skippable(String sql, int i) {
		char c = sql.charAt(i);
		if (c == '\'' || c == '"' || c == '`') {
			int j = i + 1;
			while (j < sql.length()) {
				if (sql.charAt(j) == c) {
					if (j + 1 < sql.length() && sql.charAt(j + 1) == c) {
						j += 2;
						continue;
					}
					return j + 1;
				}
				j++;
			}
			return sql.length();
		}
		if (c == '-' && sql.startsWith("--", i)) {
			int end = sql.indexOf('\n', i);
			return (end < 0) ? sql.length() : end;
		}
		if (c == '/' && sql.startsWith("/*", i)) {
			int end = sql.indexOf("*/", i + 2);
			return (end < 0) ? sql.length() : end + 2;
		}
		if (c == '$') {
			int close = sql.indexOf('$', i + 1);
			if (close > i && sql.substring(i + 1, close).matches("[A-Za-z_]?[A-Za-z_0-9]*")) {
				String tag = sql.substring(i, close + 1);
				int end = sql.indexOf(tag, close + 1);
				return (end < 0) ? sql.length() : end + tag.length();
			}
		}
		return i;
	}

	private static InvalidOperationException mismatch(String sql, int given) {
		return new InvalidOperationException(ErrorCode.INVALID_OPERATION,
				"The statement has a different number of ? placeholders than the " + given + " values given: " + sql);
	}

}
