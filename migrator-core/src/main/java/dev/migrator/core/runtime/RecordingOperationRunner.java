package dev.migrator.core.runtime;

import dev.migrator.core.dialect.Dialect;
import dev.migrator.core.dialect.RenderContext;
import dev.migrator.core.dialect.RenderedStatement;
import dev.migrator.core.dialect.RenderedStatement.Kind;
import dev.migrator.core.op.AutocommitWork;
import dev.migrator.core.op.Operation;
import dev.migrator.core.op.OperationRunner;
import dev.migrator.core.script.SqlStatement;

import java.util.ArrayList;
import java.util.List;

/**
 * Records operations as the statements of an offline script, values written as literals. An autocommit block in a
 * transactional revision ends the script's transaction and begins a new one after it, as a run would.
 */
final class RecordingOperationRunner implements OperationRunner {

	private final Dialect dialect;

	private final boolean transactional;

	private final List<String> afterBegin;

	private final List<SqlStatement> statements = new ArrayList<>();

	private boolean inAutocommitBlock;

	/**
	 * @param afterBegin statements that follow each {@code BEGIN} (the revision's local timeouts)
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
	public void run(Operation operation) {
		boolean inTransaction = this.transactional && !this.inAutocommitBlock;
		AutocommitNeeded.check(operation, inTransaction);
		List<RenderedStatement> rendered = this.dialect.render(operation, RenderContext.offline(inTransaction));
		AutocommitNeeded.check(operation, rendered, inTransaction);
		for (RenderedStatement statement : rendered) {
			if (statement.kind() == Kind.CLEANUP) {
				continue;
			}
			String sql = OfflineValues.inline(statement.sql(), statement.parameters(), this.dialect);
			if (statement.kind() == Kind.CHECK) {
				sql = "-- must return no rows, else " + statement.note() + "\n" + sql;
			}
			this.statements.add(new SqlStatement(sql, 0));
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
