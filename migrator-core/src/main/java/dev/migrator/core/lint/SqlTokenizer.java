package dev.migrator.core.lint;

import dev.migrator.core.lint.SqlToken.Kind;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts one SQL statement into tokens, dropping whitespace and comments. Forgiving by
 * design: the statement has already been split and will be checked by the database; an
 * unterminated string simply runs to the end.
 */
final class SqlTokenizer {

	private SqlTokenizer() {
	}

	static List<SqlToken> tokenize(String sql) {
		List<SqlToken> tokens = new ArrayList<>();
		int pos = 0;
		int length = sql.length();
		while (pos < length) {
			char c = sql.charAt(pos);
			char next = (pos + 1 < length) ? sql.charAt(pos + 1) : '\0';
			int end;
			Kind kind;
			if (Character.isWhitespace(c)) {
				pos++;
				continue;
			}
			if (c == '-' && next == '-') {
				pos = lineEnd(sql, pos);
				continue;
			}
			if (c == '/' && next == '*') {
				pos = blockCommentEnd(sql, pos);
				continue;
			}
			if (c == '\'') {
				end = quotedEnd(sql, pos, '\'', false);
				kind = Kind.STRING;
			}
			else if ((c == 'E' || c == 'e') && next == '\'') {
				end = quotedEnd(sql, pos + 1, '\'', true);
				kind = Kind.STRING;
			}
			else if (c == '"') {
				end = quotedEnd(sql, pos, '"', false);
				kind = Kind.QUOTED_IDENTIFIER;
			}
			else if (c == '$' && Character.isDigit(next)) {
				end = wordEnd(sql, pos + 1);
				kind = Kind.PARAMETER;
			}
			else if (c == '$') {
				end = dollarQuoteEnd(sql, pos);
				kind = (end > pos + 1) ? Kind.STRING : Kind.SYMBOL;
			}
			else if (Character.isLetter(c) || c == '_') {
				end = wordEnd(sql, pos);
				kind = Kind.WORD;
			}
			else if (Character.isDigit(c) || (c == '.' && Character.isDigit(next))) {
				end = numberEnd(sql, pos);
				kind = Kind.NUMBER;
			}
			else if (c == ':' && next == ':') {
				end = pos + 2;
				kind = Kind.SYMBOL;
			}
			else {
				end = pos + 1;
				kind = Kind.SYMBOL;
			}
			tokens.add(new SqlToken(kind, sql.substring(pos, end)));
			pos = end;
		}
		return List.copyOf(tokens);
	}

	private static int lineEnd(String sql, int pos) {
		int end = pos;
		while (end < sql.length() && sql.charAt(end) != '\n' && sql.charAt(end) != '\r') {
			end++;
		}
		return end;
	}

	private static int blockCommentEnd(String sql, int pos) {
		int depth = 0;
		int at = pos;
		while (at < sql.length()) {
			if (sql.startsWith("/*", at)) {
				depth++;
				at += 2;
			}
			else if (sql.startsWith("*/", at)) {
				depth--;
				at += 2;
				if (depth == 0) {
					return at;
				}
			}
			else {
				at++;
			}
		}
		return at;
	}

	private static int quotedEnd(String sql, int open, char quote, boolean backslashEscapes) {
		int at = open + 1;
		while (at < sql.length()) {
			char c = sql.charAt(at);
			if (backslashEscapes && c == '\\') {
				at += 2;
			}
			else if (c == quote) {
				if (at + 1 < sql.length() && sql.charAt(at + 1) == quote) {
					at += 2;
				}
				else {
					return at + 1;
				}
			}
			else {
				at++;
			}
		}
		return sql.length();
	}

	/**
	 * The end of a {@code $tag$...$tag$} string, or {@code pos + 1} when the {@code $}
	 * opens none.
	 */
	private static int dollarQuoteEnd(String sql, int pos) {
		int tagEnd = pos + 1;
		while (tagEnd < sql.length() && (Character.isLetterOrDigit(sql.charAt(tagEnd)) || sql.charAt(tagEnd) == '_')) {
			tagEnd++;
		}
		if (tagEnd >= sql.length() || sql.charAt(tagEnd) != '$') {
			return pos + 1;
		}
		String delimiter = sql.substring(pos, tagEnd + 1);
		int close = sql.indexOf(delimiter, tagEnd + 1);
		return (close < 0) ? sql.length() : close + delimiter.length();
	}

	private static int wordEnd(String sql, int pos) {
		int end = pos;
		while (end < sql.length()
				&& (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_' || sql.charAt(end) == '$')) {
			end++;
		}
		return end;
	}

	private static int numberEnd(String sql, int pos) {
		int end = pos;
		while (end < sql.length() && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '.')) {
			end++;
		}
		return end;
	}

}
