package dev.migrator.core.runtime;

import dev.migrator.core.error.ErrorCode;
import dev.migrator.core.error.MigratorException;
import dev.migrator.core.script.MigrationBody;
import dev.migrator.core.script.Plan;
import dev.migrator.core.script.PlanStep;
import dev.migrator.core.script.Revision;
import dev.migrator.core.script.SqlStatement;
import dev.migrator.core.script.StatementTraits;

/**
 * Refuses a plan with a SQL revision that opens, ends or marks a transaction itself,
 * before any step runs. The engine owns the transactions (a revision commits with its
 * version row, a non-transactional one statement by statement with its progress), so a
 * {@code COMMIT} of the revision's own would record a half-applied revision as whole, or
 * leave an applied one unrecorded.
 */
final class TransactionControlRefusal {

	private TransactionControlRefusal() {
	}

	static void check(Plan plan) {
		for (PlanStep step : plan.steps()) {
			Revision revision = step.revision();
			if (!(revision.body(step.direction()) instanceof MigrationBody.Sql sql)) {
				continue;
			}
			for (SqlStatement statement : sql.statements()) {
				if (statement.traits().kind() == StatementTraits.Kind.TRANSACTION_CONTROL) {
					throw new MigratorException(ErrorCode.TRANSACTION_CONTROL_IN_REVISION,
							"Revision " + revision.id() + " (" + revision.origin().location() + ", line "
									+ statement.line() + ") runs " + StatementText.abbreviate(statement.sql())
									+ ", but the engine owns the "
									+ "transactions: it commits each revision with its version row. Nothing was run. "
									+ "Remove the statement; for statements that must not share a transaction, use "
									+ "-- migrator:transactional false.");
				}
			}
		}
	}

}
