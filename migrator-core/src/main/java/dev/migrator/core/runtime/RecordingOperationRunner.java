package dev.migrator.core.runtime;

import dev.migrator.core.dialect.Dialect;
import dev.migrator.core.dialect.RenderContext;
import dev.migrator.core.dialect.RenderedStatement;
import dev.migrator.core.dialect.RenderedStatement.Kind;
import dev.migrator.core.op.AutocommitWork;
import dev.migrator.core.op.LintAllowance;
import dev.migrator.core.op.Operation;
import dev.migrator.core.op.OperationRunner;
import dev.migrator.core.script.Allowance;
import dev.migrator.core.script.SqlStatement;

import java.util.ArrayList;
import java.util.List;

/**
 * Records operations as the statements of an offline script, values written as literals.
 * An autocommit block in a transactional revision ends the script's transaction and
 * begins a new one after it, as a run would.
 */
final class RecordingOperationRunner implements OperationRunner {

	private final Dialect dialect;

	private final boolean transactional;

	private final List<String> afterBegin;

	private final List<SqlStatement> statements = new ArrayList<>();

	private boolean inAutocommitBlock;

	/**
	 * The allowances of the operation being recorded, given to each of its statements.
	 */
	private List<Allowance> allowances = List.of();

	/**
	 * @param afterBegin statements that follow each {@code BEGIN} (the revision's local
	 * timeouts)
	 */
	RecordingOperationRunner(Dialect dialect, boolean transactional, List<String> afterBegin) {
		this.dialect = dialect;
		this.transactional = transactional;
		this.afterBegin = List.copyOf(afterBegin);
	}

	@Override
	public String dialect() {
		return this.dialect.name();
	}

	@Override
	public void run(Operation operation, List<LintAllowance> allowances) {
		this.allowances = OperationAllowances.of(allowances);
		try {
			run(operation);
		}
		finally {
			this.allowances = List.of();
		}
	}

	@Override
	public void run(Operation operation) {
		boolean inTransaction = this.transactional && !this.inAutocommitBlock;
		AutocommitNeeded.check(operation, inTransaction);
		List<RenderedStatement> rendered = this.dialect.render(operation, RenderContext.offline(inTransaction));
		AutocommitNeeded.check(operation, rendered, inTransaction);
		if (inTransaction && AutocommitNeeded.splits(operation, rendered)) {
			// As a run does: the script's transaction ends, the steps run each on its
			// own, a new one begins.
			try {
				autocommit(() -> record(rendered));
			}
			catch (RuntimeException ex) {
				throw ex;
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
			return;
		}
		record(rendered);
	}

	private void record(List<RenderedStatement> rendered) {
		for (RenderedStatement statement : rendered) {
			if (statement.kind() == Kind.CLEANUP) {
				continue;
			}
			String sql = OfflineValues.inline(statement.sql(), statement.parameters(), this.dialect);
			if (statement.kind() == Kind.CHECK) {
				sql = "-- must return no rows, else " + statement.note() + "\n" + sql;
			}
			else if (statement.kind() == Kind.REPEAT) {
				sql = "-- repeat until it updates no rows, each run committed on its own\n" + sql;
			}
			this.statements.add(new SqlStatement(sql, 0, this.allowances));
		}
	}

	@Override
	public void autocommit(AutocommitWork work) throws Exception {
		if (!this.transactional || this.inAutocommitBlock) {
			work.run();
			return;
		}
		this.statements.add(new SqlStatement("COMMIT", 0));
		this.inAutocommitBlock = true;
		try {
			work.run();
		}
		finally {
			this.inAutocommitBlock = false;
		}
		this.statements.add(new SqlStatement(this.dialect.beginTransaction(), 0));
		this.afterBegin.forEach((s) -> this.statements.add(new SqlStatement(s, 0)));
	}

	List<SqlStatement> statements() {
		return List.copyOf(this.statements);
	}

}
