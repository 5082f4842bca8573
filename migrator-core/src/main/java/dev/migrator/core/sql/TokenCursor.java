package dev.migrator.core.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A position in a statement's tokens (without whitespace and comments), with the few
 * moves a reader of statements makes, such as the linter's classifier.
 */
public final class TokenCursor {

	private final List<SqlToken> tokens;

	private int pos;

	public TokenCursor(List<SqlToken> tokens) {
		this.tokens = List.copyOf(tokens);
	}

	public boolean atEnd() {
		return this.pos >= this.tokens.size();
	}

	/** The token {@code offset} places ahead, or an empty symbol past the end. */
	public SqlToken peek(int offset) {
		int at = this.pos + offset;
		return (at < this.tokens.size()) ? this.tokens.get(at) : new SqlToken(SqlToken.Kind.SYMBOL, "", 0, 0, true);
	}

	public SqlToken peek() {
		return peek(0);
	}

	public SqlToken next() {
		SqlToken token = peek();
		this.pos = Math.min(this.pos + 1, this.tokens.size());
		return token;
	}

	/** Moves past the keywords if they come next, in this order; otherwise stays. */
	public boolean accept(String... keywords) {
		for (int i = 0; i < keywords.length; i++) {
			if (!peek(i).is(keywords[i])) {
				return false;
			}
		}
		this.pos += keywords.length;
		return true;
	}

	public boolean acceptSymbol(String symbol) {
		if (peek().isSymbol(symbol)) {
			this.pos++;
			return true;
		}
		return false;
	}

	/**
	 * A possibly qualified name ({@code schema.table}); its last part is returned, since
	 * revisions name tables mostly unqualified and the linter tracks them by name. Empty
	 * when no name comes next.
	 */
	public Optional<String> name() {
		if (!peek().isName()) {
			return Optional.empty();
		}
		String last = next().identifier();
		while (peek().isSymbol(".") && peek(1).isName()) {
			this.pos++;
			last = next().identifier();
		}
		return Optional.of(last);
	}

	/**
	 * At a {@code (}: moves past the parenthesised tokens and returns them without the
	 * outer parentheses.
	 */
	public List<SqlToken> parenthesised() {
		List<SqlToken> inside = new ArrayList<>();
		if (!acceptSymbol("(")) {
			return inside;
		}
		int depth = 1;
		while (!atEnd()) {
			SqlToken token = next();
			if (token.isSymbol("(")) {
				depth++;
			}
			else if (token.isSymbol(")") && --depth == 0) {
				return inside;
			}
			inside.add(token);
		}
		return inside;
	}

	/** The rest of the tokens, cut at commas outside parentheses. */
	public List<List<SqlToken>> restSplitAtCommas() {
		List<List<SqlToken>> parts = new ArrayList<>();
		List<SqlToken> current = new ArrayList<>();
		int depth = 0;
		while (!atEnd()) {
			SqlToken token = next();
			if (token.isSymbol("(") || token.isSymbol("[")) {
				depth++;
			}
			else if (token.isSymbol(")") || token.isSymbol("]")) {
				depth--;
			}
			else if (token.isSymbol(",") && depth == 0) {
				parts.add(current);
				current = new ArrayList<>();
				continue;
			}
			current.add(token);
		}
		parts.add(current);
		return parts;
	}

	/** Whether the keyword occurs in the rest of the tokens outside parentheses. */
	public boolean restHasTopLevel(String keyword) {
		int depth = 0;
		for (int at = this.pos; at < this.tokens.size(); at++) {
			SqlToken token = this.tokens.get(at);
			if (token.isSymbol("(")) {
				depth++;
			}
			else if (token.isSymbol(")")) {
				depth--;
			}
			else if (depth == 0 && token.is(keyword)) {
				return true;
			}
		}
		return false;
	}

}
