package dev.migrator.core.command;

import dev.migrator.core.script.StatementTraits;
import dev.migrator.core.sql.SqlLexer;
import dev.migrator.core.sql.SqlToken;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a statement that PostgreSQL runs only outside a transaction block acts on, read
 * from its text before it runs: drift's copy cannot roll such a statement back, so it
 * checks the names first. The kinds are {@link StatementTraits}'s; the names are read
 * here, after the words that say the kind.
 *
 * @param kind what the names are
 * @param names the names as written (a schema-qualified one as one name), folded as
 * PostgreSQL folds them
 */
record AutocommitTarget(Kind kind, List<QualifiedName> names) {

	/** What the names name, which says how to resolve them. */
	enum Kind {

		/** Tables or indexes: {@code to_regclass}. */
		RELATIONS,

		/** A type: {@code to_regtype}. */
		TYPE,

		/** A schema. */
		SCHEMA,

		/** Changes no schema and has no place in the copy ({@code VACUUM}). */
		NOTHING

	}

	/** A name, with its schema when written with one. */
	record QualifiedName(Optional<String> schema, String name) {

		String describe() {
			return this.schema.map((s) -> s + ".").orElse("") + this.name;
		}

	}

	/**
	 * The target of a statement PostgreSQL runs only outside a transaction; empty when
	 * the statement is of another kind, or of one of these but written in a way not read
	 * here.
	 */
	static Optional<AutocommitTarget> of(String sql) {
		StatementTraits.Kind kind = StatementTraits.of(sql).kind();
		List<SqlToken> tokens = SqlLexer.POSTGRESQL.significantTokens(sql);
		return switch (kind) {
			case CREATE_INDEX_CONCURRENTLY -> after(tokens, "ON").map((at) -> skip(tokens, at, "ONLY"))
				.flatMap((at) -> names(tokens, at, false))
				.map((names) -> new AutocommitTarget(Kind.RELATIONS, names));
			case DROP_INDEX_CONCURRENTLY -> after(tokens, "CONCURRENTLY").map((at) -> skipIfExists(tokens, at))
				.flatMap((at) -> names(tokens, at, true))
				.map((names) -> new AutocommitTarget(Kind.RELATIONS, names));
			case REINDEX_CONCURRENTLY -> reindex(tokens);
			case ADD_ENUM_VALUE -> names(tokens, 2, false).map((names) -> new AutocommitTarget(Kind.TYPE, names));
			case VACUUM -> Optional.of(new AutocommitTarget(Kind.NOTHING, List.of()));
			default -> Optional.empty();
		};
	}

	/** Whether PostgreSQL runs the statement only outside a transaction block. */
	static boolean runsOnlyOutsideTransaction(String sql) {
		StatementTraits traits = StatementTraits.of(sql);
		return traits.isConcurrent() || traits.kind() == StatementTraits.Kind.VACUUM
				|| traits.kind() == StatementTraits.Kind.ADD_ENUM_VALUE;
	}

	/**
	 * {@code REINDEX [(options)] INDEX|TABLE|SCHEMA [CONCURRENTLY] name}; a database or
	 * the system catalogs are not read.
	 */
	private static Optional<AutocommitTarget> reindex(List<SqlToken> tokens) {
		for (int i = 1; i < tokens.size(); i++) {
			SqlToken word = tokens.get(i);
			if (word.is("INDEX") || word.is("TABLE") || word.is("SCHEMA")) {
				Kind kind = word.is("SCHEMA") ? Kind.SCHEMA : Kind.RELATIONS;
				return names(tokens, skip(tokens, i + 1, "CONCURRENTLY"), false)
					.map((names) -> new AutocommitTarget(kind, names));
			}
			if (word.is("DATABASE") || word.is("SYSTEM")) {
				return Optional.empty();
			}
		}
		return Optional.empty();
	}

	/** The index just after the first word, if any. */
	private static Optional<Integer> after(List<SqlToken> tokens, String word) {
		for (int i = 0; i < tokens.size(); i++) {
			if (tokens.get(i).is(word)) {
				return Optional.of(i + 1);
			}
		}
		return Optional.empty();
	}

	private static int skip(List<SqlToken> tokens, int at, String word) {
		return (at < tokens.size() && tokens.get(at).is(word)) ? at + 1 : at;
	}

	private static int skipIfExists(List<SqlToken> tokens, int at) {
		return (at + 1 < tokens.size() && tokens.get(at).is("IF") && tokens.get(at + 1).is("EXISTS")) ? at + 2 : at;
	}

	/** {@code [schema.]name}, or a comma-separated list of them when {@code list}. */
	private static Optional<List<QualifiedName>> names(List<SqlToken> tokens, int at, boolean list) {
		List<QualifiedName> names = new ArrayList<>();
		int i = at;
		while (true) {
			if (i >= tokens.size() || !tokens.get(i).isName()) {
				return Optional.empty();
			}
			if (i + 2 < tokens.size() && tokens.get(i + 1).isSymbol(".") && tokens.get(i + 2).isName()) {
				names.add(new QualifiedName(Optional.of(tokens.get(i).identifier()), tokens.get(i + 2).identifier()));
				i += 3;
			}
			else {
				names.add(new QualifiedName(Optional.empty(), tokens.get(i).identifier()));
				i += 1;
			}
			if (!list || i >= tokens.size() || !tokens.get(i).isSymbol(",")) {
				return Optional.of(names);
			}
			i += 1;
		}
	}

}
