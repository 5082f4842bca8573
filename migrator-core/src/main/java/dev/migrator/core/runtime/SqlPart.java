package dev.migrator.core.runtime;

import dev.migrator.core.dialect.Dialect;
import dev.migrator.core.script.SqlStatement;
import dev.migrator.core.script.StatementTraits;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * A piece of a SQL revision that runs one way: several statements in one transaction, or
 * one statement in autocommit. A transactional revision is one transaction unless it
 * holds statements the server refuses in a transaction block
 * ({@code CREATE INDEX CONCURRENTLY} and the like): those run in autocommit between the
 * transactional parts around them.
 */
sealed interface SqlPart permits SqlPart.InTransaction, SqlPart.Autocommit {

	/** Statements that run in one transaction. */
	record InTransaction(List<SqlStatement> statements) implements SqlPart {

		public InTransaction {
			statements = List.copyOf(statements);
		}

	}

	/** One statement that runs on its own in autocommit. */
	record Autocommit(SqlStatement statement) implements SqlPart {

		/** The statement's traits, read when its revision was parsed. */
		StatementTraits traits() {
			return this.statement.traits();
		}

	}

	/**
	 * The parts of a revision's statements, in order; the dialect says which statements
	 * its server refuses in a transaction block.
	 */
	static List<SqlPart> of(List<SqlStatement> statements, boolean transactional, Dialect dialect,
			OptionalInt serverMajorVersion) {
		List<SqlPart> parts = new ArrayList<>();
		List<SqlStatement> pending = new ArrayList<>();
		for (SqlStatement statement : statements) {
			if (transactional && !dialect.runsOutsideTransaction(statement.traits(), serverMajorVersion)) {
				pending.add(statement);
				continue;
			}
			if (!pending.isEmpty()) {
				parts.add(new InTransaction(pending));
				pending = new ArrayList<>();
			}
			parts.add(new Autocommit(statement));
		}
		if (transactional && (!pending.isEmpty() || parts.isEmpty())) {
			parts.add(new InTransaction(pending));
		}
		return parts;
	}

}
