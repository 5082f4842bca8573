package dev.migrator.core.runtime;

import dev.migrator.core.error.ErrorCode;

import dev.migrator.core.error.MigratorException;
import dev.migrator.core.dialect.Dialect;
import dev.migrator.core.op.NamingConvention;
import dev.migrator.core.runtime.HistoryEntry.Action;
import dev.migrator.core.script.Backfill;
import dev.migrator.core.script.Direction;
import dev.migrator.core.script.MigrationBody;
import dev.migrator.core.script.Plan;
import dev.migrator.core.script.PlanStep;
import dev.migrator.core.script.Revision;
import dev.migrator.core.script.SqlStatement;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Renders a plan as the SQL script a run would execute, without a connection, for a
 * reviewer to read.
 */
public final class OfflineScript {

	private final Dialect dialect;

	private final StateTables tables;

	private final TimeoutPolicy timeouts;

	private final VersionTable versionTable;

	private final HistoryTable historyTable;

	private final NamingConvention naming;

	public OfflineScript(Dialect dialect, StateTables tables, RunSettings settings) {
		this(dialect, tables, settings, NamingConvention.defaults());
	}

	/**
	 * A script whose Java migrations name constraints and indexes by the given
	 * convention.
	 */
	public OfflineScript(Dialect dialect, StateTables tables, RunSettings settings, NamingConvention naming) {
		this.naming = naming;
		this.dialect = dialect;
		this.tables = tables;
		this.timeouts = TimeoutPolicy.offline(settings, dialect);
		this.versionTable = new VersionTable(dialect, tables);
		this.historyTable = new HistoryTable(dialect, tables);
	}

	public String render(Plan plan, String from, String to) {
		TransactionControlRefusal.check(plan);
		StringBuilder script = new StringBuilder();
		script.append("-- migrator offline script (")
			.append(this.dialect.name())
			.append("): ")
			.append(plan.direction().label())
			.append(" from ")
			.append(from)
			.append(" to ")
			.append(to)
			.append('\n');
		script.append("-- ").append(plan.steps().size()).append(" revision(s)\n\n");
		for (String statement : this.dialect.createStateTables(this.tables.schema(), this.tables.versionTable(),
				this.tables.historyTable())) {
			line(script, statement);
		}
		for (PlanStep step : plan.steps()) {
			renderStep(script, step);
			if (step.direction() == Direction.UPGRADE) {
				markBackfills(script, step.revision());
			}
		}
		return script.toString();
	}

	/**
	 * A backfill belongs to its revision and the revisions after it rely on its data, but
	 * a script cannot run a resumable batched backfill: it says where the backfill must
	 * run.
	 */
	private static void markBackfills(StringBuilder script, Revision revision) {
		for (Backfill backfill : revision.backfills()) {
			script.append("\n-- BACKFILL ")
				.append(comment(backfill.name()))
				.append(" (declared by ")
				.append(comment(revision.id()))
				.append(") must run to completion here, before anything below:\n")
				.append("-- this script does not run it. Stop here, run the migration job with ")
				.append("migrator.job.command=backfill, then go on.\n");
		}
	}

	/**
	 * Text that stays inside one {@code --} comment line, whatever line breaks it holds.
	 */
	private static String comment(String text) {
		return text.replaceAll("[\\r\\n\\u0085\\u2028\\u2029]+", " ");
	}

	private void renderStep(StringBuilder script, PlanStep step) {
		Revision revision = step.revision();
		script.append("\n-- ").append(step.direction().label()).append(' ').append(comment(revision.id()));
		if (!revision.message().isEmpty()) {
			script.append(": ").append(comment(revision.message()));
		}
		script.append(" (").append(comment(revision.origin().toString())).append(")\n");
		EffectiveTimeouts timeouts = timeouts(revision);
		if (revision.body(step.direction()) instanceof MigrationBody.Java java) {
			renderJava(script, step, recorded(revision, java), timeouts);
			return;
		}
		List<SqlStatement> statements = ((MigrationBody.Sql) revision.body(step.direction())).statements();
		List<SqlPart> parts = SqlPart.of(statements, revision.transactional(), this.dialect, OptionalInt.empty());
		if (revision.transactional() && parts.size() == 1 && parts.get(0) instanceof SqlPart.InTransaction) {
			renderTransaction(script, statements, timeouts, Optional.of(step));
			return;
		}
		if (revision.transactional()) {
			script.append("-- runs in parts: ")
				.append(outside(parts))
				.append(" cannot run inside a transaction block, so it runs in autocommit between the transactions\n");
		}
		else {
			script.append("-- not transactional: these statements run in autocommit\n");
		}
		boolean recorded = false;
		for (int i = 0; i < parts.size(); i++) {
			if (parts.get(i) instanceof SqlPart.InTransaction transaction) {
				boolean last = i == parts.size() - 1;
				renderTransaction(script, transaction.statements(), timeouts,
						last ? Optional.of(step) : Optional.empty());
				recorded = last;
			}
			else {
				SqlPart.Autocommit autocommit = (SqlPart.Autocommit) parts.get(i);
				Optional<java.time.Duration> lock = timeouts.lockFor(autocommit.traits());
				this.dialect.offlineTimeouts(lock, timeouts.statement(), false).forEach((s) -> line(script, s));
				line(script, autocommit.statement().sql());
				this.dialect.offlineTimeoutReset(lock, timeouts.statement()).forEach((s) -> line(script, s));
			}
		}
		if (!recorded) {
			line(script, this.dialect.beginTransaction());
			recordStep(script, step);
			line(script, "COMMIT");
		}
	}

	/**
	 * A Java migration's recorded statements: its autocommit blocks already end and begin
	 * transactions.
	 */
	private void renderJava(StringBuilder script, PlanStep step, List<SqlStatement> statements,
			EffectiveTimeouts timeouts) {
		if (step.revision().transactional()) {
			renderTransaction(script, statements, timeouts, Optional.of(step));
			return;
		}
		script.append("-- not transactional: these statements run in autocommit\n");
		this.dialect.offlineTimeouts(timeouts.lock(), timeouts.statement(), false).forEach((s) -> line(script, s));
		statements.forEach((s) -> line(script, s.sql()));
		this.dialect.offlineTimeoutReset(timeouts.lock(), timeouts.statement()).forEach((s) -> line(script, s));
		line(script, this.dialect.beginTransaction());
		recordStep(script, step);
		line(script, "COMMIT");
	}

	private void renderTransaction(StringBuilder script, List<SqlStatement> statements, EffectiveTimeouts timeouts,
			Optional<PlanStep> recording) {
		line(script, this.dialect.beginTransaction());
		this.dialect.offlineTimeouts(timeouts.lock(), timeouts.statement(), true).forEach((s) -> line(script, s));
		statements.forEach((s) -> line(script, s.sql()));
		recording.ifPresent((step) -> recordStep(script, step));
		line(script, "COMMIT");
	}

	private static String outside(List<SqlPart> parts) {
		return parts.stream()
			.filter(SqlPart.Autocommit.class::isInstance)
			.map(SqlPart.Autocommit.class::cast)
			.map((p) -> p.traits().kind().label()
					+ (p.statement().line() > 0 ? " at line " + p.statement().line() : ""))
			.collect(java.util.stream.Collectors.joining(", "));
	}

	private EffectiveTimeouts timeouts(Revision revision) {
		return this.timeouts.forRevision(revision);
	}

	private void recordStep(StringBuilder script, PlanStep step) {
		this.versionTable.render(step).forEach((s) -> line(script, s));
		line(script,
				this.historyTable.render(step.revision().id(),
						(step.direction() == Direction.UPGRADE) ? Action.UPGRADE : Action.DOWNGRADE,
						step.revision().checksum()));
	}

	/**
	 * The statements a revision's upgrade or downgrade would run, as this script writes
	 * them: a SQL revision's own statements, or a Java migration's operations recorded
	 * without a database ({@code COMMIT} and {@code BEGIN} around its autocommit parts).
	 * Fails with {@code offline-unsupported} for a Java migration that uses JDBC.
	 */
	public List<SqlStatement> statementsOf(Revision revision, Direction direction) {
		MigrationBody body = revision.body(direction);
		if (body instanceof MigrationBody.Java java) {
			return recorded(revision, java);
		}
		return ((MigrationBody.Sql) body).statements();
	}

	/**
	 * A Java migration's statements, recorded by running it against a context that only
	 * records operations.
	 */
	private List<SqlStatement> recorded(Revision revision, MigrationBody.Java java) {
		EffectiveTimeouts timeouts = timeouts(revision);
		List<String> afterBegin = this.dialect.offlineTimeouts(timeouts.lock(), timeouts.statement(), true);
		RecordingOperationRunner recorder = new RecordingOperationRunner(this.dialect, revision.transactional(),
				afterBegin);
		OfflineMigrationContext context = new OfflineMigrationContext(recorder, this.naming);
		try {
			if (java.direction() == Direction.UPGRADE) {
				java.migration().upgrade(context);
			}
			else {
				java.migration().downgrade(context);
			}
		}
		catch (OfflineMigrationContext.OfflineJdbcException ex) {
			throw new MigratorException(ErrorCode.OFFLINE_UNSUPPORTED,
					"Revision " + revision.id() + " (" + revision.origin()
							+ ") is a Java migration that runs JDBC code, which cannot be rendered without a database ("
							+ ex.getMessage()
							+ "). Render a range that leaves it out, or review that class's code alongside the script.",
					ex);
		}
		catch (MigratorException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new MigratorException(ErrorCode.OFFLINE_UNSUPPORTED, "Revision " + revision.id() + " ("
					+ revision.origin() + ") failed while its operations were recorded for an offline script: " + ex,
					ex);
		}
		return recorder.statements();
	}

	private static void line(StringBuilder script, String statement) {
		script.append(statement.strip()).append(";\n");
	}

}
