package dev.migrator.core.command;

import dev.migrator.core.dialect.PostgresDialect;
import dev.migrator.core.error.ErrorCode;
import dev.migrator.core.error.MigratorException;
import dev.migrator.core.runtime.MigrationFailedException;
import dev.migrator.core.sql.SecretRedaction;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.slf4j.LoggerFactory;

/**
 * The connections of drift's PostgreSQL copy, fenced so that nothing they run changes the
 * live database. The copy's revisions run with the scratch schema first on the search
 * path, but a schema-qualified name, or a name no revision created in the copy, still
 * reaches the live schema; so each statement is checked on its own connection before
 * anything commits:
 * <ul>
 * <li>in a transaction (a transactional revision, each statement of a non-transactional
 * one that PostgreSQL lets run in one, the engine's own bookkeeping): right after it
 * runs, {@link LiveReach} reads what the transaction touched outside the scratch schema;
 * if anything, the transaction is rolled back there and then;</li>
 * <li>in autocommit, a statement PostgreSQL lets run in a transaction runs in one of its
 * own, checked the same way; one it runs only outside ({@code CREATE INDEX CONCURRENTLY}
 * and its kin) runs only once the names it acts on resolve into the scratch schema (or to
 * nothing, when it fails by itself), and one whose names cannot be read is refused.</li>
 * </ul>
 * A statement in a transaction also runs under a short lock timeout, whatever the
 * revision says: nothing else uses the scratch schema, so a lock wait is a wait on a live
 * object, which must not make the application's queries queue behind it (and the copy's
 * configuration retries no lock timeout). The first escape is kept for {@link #failure}:
 * the runner wraps the statement's failure in its own.
 */
final class ScratchFence implements DataSource {

	private static final org.slf4j.Logger logger = LoggerFactory.getLogger(ScratchFence.class);

	/** PostgreSQL: the statement cannot run inside a transaction block. */
	private static final String ACTIVE_SQL_TRANSACTION = "25001";

	/** PostgreSQL: lock_timeout expired. */
	private static final String LOCK_NOT_AVAILABLE = "55P03";

	private final DataSource scratch;

	private final String schema;

	private final LiveReach reach;

	private final AtomicReference<CopyEscape> escape = new AtomicReference<>();

	ScratchFence(DataSource scratch, String schema) {
		this.scratch = scratch;
		this.schema = schema;
		this.reach = new LiveReach(schema);
	}

	/** What escaped the scratch schema, if anything did. */
	Optional<CopyEscape> escape() {
		return Optional.ofNullable(this.escape.get());
	}

	/**
	 * The drift failure for what escaped, naming the revision the copy was building.
	 * @param failure what the build failed with
	 * @param building the revision the copy was upgraded to
	 */
	Optional<MigratorException> failure(RuntimeException failure, String building) {
		String revision = (failure instanceof MigrationFailedException failed) ? failed.revision() : building;
		return escape()
			.map((escaped) -> new MigratorException(ErrorCode.DRIFT_COPY_ESCAPED, escaped.message(revision), failure));
	}

	@Override
	public Connection getConnection() throws SQLException {
		return FencedJdbc.connection(this.scratch.getConnection(), this);
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return FencedJdbc.connection(this.scratch.getConnection(username, password), this);
	}

	/**
	 * Runs one statement (or batch) of a copy connection as the class comment says.
	 * @param raw the connection underneath
	 * @param sql the statement's text, or the batch's
	 * @param execution runs it on the statement underneath
	 */
	Object run(Connection raw, List<String> sql, FencedJdbc.Execution execution) throws Throwable {
		if (!raw.getAutoCommit()) {
			return checked(raw, sql, execution);
		}
		if (sql.size() == 1 && AutocommitTarget.runsOnlyOutsideTransaction(sql.get(0))) {
			return outsideTransaction(raw, sql.get(0), execution);
		}
		raw.setAutoCommit(false);
		try {
			Object result = checked(raw, sql, execution);
			raw.commit();
			return result;
		}
		catch (SQLException ex) {
			rollbackQuietly(raw, ex);
			if (ACTIVE_SQL_TRANSACTION.equals(ex.getSQLState())) {
				throw escaped(CopyEscape.unchecked("runs a statement that PostgreSQL runs only outside a transaction, "
						+ "where drift cannot tell what it changes before it commits", abbreviate(sql)), ex);
			}
			throw ex;
		}
		catch (Throwable ex) {
			rollbackQuietly(raw, ex);
			throw ex;
		}
		finally {
			raw.setAutoCommit(true);
		}
	}

	/** In the open transaction: run, then rolled back if it reached the live database. */
	private Object checked(Connection raw, List<String> sql, FencedJdbc.Execution execution) throws Throwable {
		try (Statement timeout = raw.createStatement()) {
			timeout.execute("SET LOCAL lock_timeout = '" + PostgresDialect.DEFAULT_LOCK_TIMEOUT.toMillis() + "ms'");
		}
		Object result;
		try {
			result = execution.run();
		}
		catch (SQLException ex) {
			if (LOCK_NOT_AVAILABLE.equals(ex.getSQLState())) {
				rollbackQuietly(raw, ex);
				throw escaped(CopyEscape.unchecked("waits for a lock that another session holds, so it reaches the "
						+ "live database (nothing else uses the scratch schema)", abbreviate(sql)), ex);
			}
			throw ex;
		}
		List<LiveReach.Touched> outside = this.reach.outside(raw);
		if (!outside.isEmpty()) {
			raw.rollback();
			outside = this.reach.namedAfterRollback(raw, outside);
			String note = outside.stream().anyMatch(LiveReach.Touched::isSequence)
					? "A sequence's value is not transactional in PostgreSQL: nextval or setval moved it in the live "
							+ "database and the rollback does not move it back; check it. "
					: "";
			throw escaped(CopyEscape.changes(describe(outside), abbreviate(sql), note), null);
		}
		return result;
	}

	/**
	 * A statement PostgreSQL runs only in autocommit: run once what it names resolves
	 * into the scratch schema.
	 */
	private Object outsideTransaction(Connection raw, String sql, FencedJdbc.Execution execution) throws Throwable {
		Optional<AutocommitTarget> target = AutocommitTarget.of(sql);
		if (target.isEmpty()) {
			throw escaped(CopyEscape.unchecked("runs a statement outside a transaction whose object drift cannot "
					+ "read from it, so it cannot check it before it commits", abbreviate(List.of(sql))), null);
		}
		if (target.get().kind() == AutocommitTarget.Kind.NOTHING) {
			logger.info("Drift: not running {} in the copy: it changes no schema", abbreviate(List.of(sql)));
			return execution.skipped();
		}
		for (AutocommitTarget.QualifiedName name : target.get().names()) {
			Optional<String> schema = schemaOf(raw, target.get().kind(), name);
			if (schema.isPresent() && !schema.get().equals(this.schema)) {
				String where = name.schema().isPresent() ? name.describe() : schema.get() + "." + name.name();
				throw escaped(CopyEscape.changes(where, abbreviate(List.of(sql)), ""), null);
			}
		}
		return execution.run();
	}

	/** The schema the name resolves into on the copy's search path; empty if nothing. */
	private static Optional<String> schemaOf(Connection raw, AutocommitTarget.Kind kind,
			AutocommitTarget.QualifiedName name) throws SQLException {
		if (kind == AutocommitTarget.Kind.SCHEMA) {
			return Optional.of(name.name());
		}
		String sql = (kind == AutocommitTarget.Kind.TYPE)
				? "SELECT n.nspname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace "
						+ "WHERE t.oid = to_regtype(?)"
				: "SELECT n.nspname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
						+ "WHERE c.oid = to_regclass(?)";
		String quoted = name.schema().map((s) -> quote(s) + ".").orElse("") + quote(name.name());
		try (PreparedStatement statement = raw.prepareStatement(sql)) {
			statement.setString(1, quoted);
			try (ResultSet row = statement.executeQuery()) {
				return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
			}
		}
	}

	private static String quote(String identifier) {
		return '"' + identifier.replace("\"", "\"\"") + '"';
	}

	private MigratorException escaped(CopyEscape escaped, Throwable cause) {
		this.escape.compareAndSet(null, escaped);
		return new MigratorException(ErrorCode.DRIFT_COPY_ESCAPED, escaped.statementMessage(), cause);
	}

	private static String describe(List<LiveReach.Touched> outside) {
		List<String> names = outside.stream().map(LiveReach.Touched::describe).distinct().toList();
		String shown = names.stream().limit(3).collect(Collectors.joining(", "));
		return (names.size() > 3) ? shown + " and " + (names.size() - 3) + " more" : shown;
	}

	private static String abbreviate(List<String> sql) {
		String text = sql.stream()
			.map(SecretRedaction::statement)
			.collect(Collectors.joining("; "))
			.strip()
			.replaceAll("\\s+", " ");
		return (text.length() > 120) ? text.substring(0, 117) + "..." : text;
	}

	private static void rollbackQuietly(Connection raw, Throwable cause) {
		try {
			raw.rollback();
		}
		catch (SQLException ex) {
			cause.addSuppressed(ex);
		}
	}

	@Override
	public PrintWriter getLogWriter() throws SQLException {
		return this.scratch.getLogWriter();
	}

	@Override
	public void setLogWriter(PrintWriter out) throws SQLException {
		this.scratch.setLogWriter(out);
	}

	@Override
	public void setLoginTimeout(int seconds) throws SQLException {
		this.scratch.setLoginTimeout(seconds);
	}

	@Override
	public int getLoginTimeout() throws SQLException {
		return this.scratch.getLoginTimeout();
	}

	@Override
	public Logger getParentLogger() throws SQLFeatureNotSupportedException {
		return this.scratch.getParentLogger();
	}

	@Override
	public <T> T unwrap(Class<T> iface) throws SQLException {
		if (iface.isInstance(this)) {
			return iface.cast(this);
		}
		throw new SQLException("drift's copy hands out no other DataSource than " + ScratchFence.class.getName());
	}

	@Override
	public boolean isWrapperFor(Class<?> iface) {
		return iface.isInstance(this);
	}

}
