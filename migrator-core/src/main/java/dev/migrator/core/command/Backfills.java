package dev.migrator.core.command;

import dev.migrator.core.error.ErrorCode;

import dev.migrator.core.script.Backfill;
import dev.migrator.core.backfill.BackfillListener;
import dev.migrator.core.backfill.BackfillRunner;
import dev.migrator.core.backfill.BackfillState;
import dev.migrator.core.backfill.BackfillStatus;
import dev.migrator.core.backfill.BackfillStore;
import dev.migrator.core.backfill.BackfillTables;
import dev.migrator.core.backfill.ProgressRow;
import dev.migrator.core.config.MigratorConfig;
import dev.migrator.core.dialect.Dialects;
import dev.migrator.core.error.MigratorException;
import dev.migrator.core.runtime.Listeners;
import dev.migrator.core.script.Revision;
import dev.migrator.core.script.RevisionGraph;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

// Over 300 lines: one method per backfill verb (run, pause, resume, cancel, status, discard) over one progress store.
/**
 * The backfill commands of a {@link Migrator}: run the pending ones (or one), pause,
 * resume, cancel, and report. A backfill may run once the revision declaring it is
 * applied. Commands change the stored state; a running worker, in this process or
 * another, sees the change between two batches.
 */
public final class Backfills {

	private static final Logger logger = LoggerFactory.getLogger(Backfills.class);

	private final CommandContext context;

	private final MigratorConfig config;

	public Backfills(CommandContext context) {
		this.context = context;
		this.config = context.config();
	}

	/**
	 * Every declared backfill, in the order of the revisions declaring them. No database
	 * needed.
	 */
	public List<Backfill> declared() {
		return declarations().values().stream().map(Declaration::backfill).toList();
	}

	/**
	 * Runs, one after the other, every backfill whose revision is applied and that is
	 * pending (or was left running by a worker that stopped); returns every backfill's
	 * status afterwards. Paused, failed and cancelled ones are skipped with a log line.
	 * @throws dev.migrator.core.backfill.BackfillFailedException when one fails; those
	 * after it do not run
	 */
	public List<BackfillStatus> runPending() {
		Map<String, Declaration> declarations = declarations();
		Set<String> applied = appliedRevisions();
		Map<String, ProgressRow> rows = read((connection, store) -> store.readAll(connection));
		for (Declaration declaration : declarations.values()) {
			String name = declaration.backfill().name();
			if (!applied.contains(declaration.revision().id())) {
				continue;
			}
			BackfillState state = Optional.ofNullable(rows.get(name))
				.map(ProgressRow::state)
				.orElse(BackfillState.PENDING);
			if (state.isRunnable()) {
				runner().run(declaration.backfill(), declaration.revision().id());
			}
			else if (state != BackfillState.DONE) {
				logger.warn("Backfill {} is {}: skipped. Resume it (backfill-resume) to run it again.", name,
						state.label());
			}
		}
		return status();
	}

	/**
	 * Runs one backfill until it is done, paused or cancelled; returns its status
	 * afterwards.
	 * @throws MigratorException when the name is unknown or its revision is not applied
	 * @throws dev.migrator.core.backfill.BackfillFailedException when it fails
	 */
	public BackfillStatus run(String name) {
		Declaration declaration = declaration(name);
		if (!appliedRevisions().contains(declaration.revision().id())) {
			throw new MigratorException(ErrorCode.BACKFILL_REVISION_NOT_APPLIED,
					"Backfill " + name + " is declared by revision " + declaration.revision().id() + " ("
							+ declaration.revision().origin()
							+ "), which this database does not have yet. Run upgrade first.");
		}
		runner().run(declaration.backfill(), declaration.revision().id());
		return status(name);
	}

	/**
	 * Runs the backfills a revision declares, right after it was applied: for
	 * {@code upgrade}.
	 */
	void runDeclaredBy(Revision revision) {
		for (Backfill backfill : revision.backfills()) {
			runner().run(backfill, revision.id());
		}
	}

	/**
	 * The backfills of applied revisions that are not done, by the id of the revision
	 * declaring them: no revision descending from one of those may be applied yet. Reads
	 * only.
	 */
	Map<String, List<BackfillStatus>> unfinishedByRevision() {
		Map<String, List<BackfillStatus>> unfinished = new LinkedHashMap<>();
		for (BackfillStatus status : status()) {
			if (status.revisionApplied() && status.state() != BackfillState.DONE) {
				unfinished.computeIfAbsent(status.revision(), (id) -> new ArrayList<>()).add(status);
			}
		}
		return unfinished;
	}

	/** The current status of the backfills a revision declares. */
	List<BackfillStatus> statusOf(Revision revision) {
		return revision.backfills().stream().map((backfill) -> status(backfill.name())).toList();
	}

	/**
	 * Forgets the state of the backfills a revision declares, on the session that is
	 * about to downgrade it: applied again later, the revision's backfills run again.
	 */
	void discard(Session session, Revision revision) throws SQLException {
		BackfillStore store = new BackfillStore(session.dialect(), tables());
		for (Backfill backfill : revision.backfills()) {
			store.discard(session.connection(), backfill.name());
			logger.info("Backfill {}: progress discarded with a downgrade of revision {}", backfill.name(),
					revision.id());
		}
	}

	/**
	 * Stops a pending or running backfill at its next batch; {@link #resume} lets it run
	 * again.
	 */
	public BackfillStatus pause(String name) {
		return change(name, EnumSet.of(BackfillState.PENDING, BackfillState.RUNNING), BackfillState.PAUSED,
				"only a pending or running backfill can be paused");
	}

	/**
	 * Makes a paused, failed or cancelled backfill pending again; it continues from its
	 * last committed batch.
	 */
	public BackfillStatus resume(String name) {
		return change(name, EnumSet.of(BackfillState.PAUSED, BackfillState.FAILED, BackfillState.CANCELLED),
				BackfillState.PENDING, "only a paused, failed or cancelled backfill can be resumed");
	}

	/**
	 * Stops a backfill for good (unless resumed); a running worker stops at its next
	 * batch.
	 */
	public BackfillStatus cancel(String name) {
		return change(name,
				EnumSet.of(BackfillState.PENDING, BackfillState.RUNNING, BackfillState.PAUSED, BackfillState.FAILED),
				BackfillState.CANCELLED, "a done backfill cannot be cancelled");
	}

	/** Every declared backfill's status, in revision order. Reads only. */
	public List<BackfillStatus> status() {
		Map<String, Declaration> declarations = declarations();
		Set<String> applied = appliedRevisions();
		Map<String, ProgressRow> rows = read((connection, store) -> store.readAll(connection));
		List<BackfillStatus> statuses = new ArrayList<>();
		for (Declaration declaration : declarations.values()) {
			statuses.add(status(declaration, rows.get(declaration.backfill().name()), applied));
		}
		return List.copyOf(statuses);
	}

	/** One backfill's status. Reads only. */
	public BackfillStatus status(String name) {
		Declaration declaration = declaration(name);
		Map<String, ProgressRow> rows = read((connection, store) -> store.readAll(connection));
		return status(declaration, rows.get(name), appliedRevisions());
	}

	private BackfillStatus change(String name, Set<BackfillState> from, BackfillState to, String rule) {
		Declaration declaration = declaration(name);
		BackfillState before = write((connection, store) -> {
			store.createTables(connection);
			store.register(connection, name, declaration.revision().id(), declaration.backfill().table());
			Optional<BackfillState> left = store.transition(connection, name, from, to);
			return left.orElseGet(() -> uncheckedState(store, connection, name));
		});
		if (before == to) {
			logger.info("Backfill {} is already {}", name, to.label());
		}
		else if (!from.contains(before)) {
			throw new MigratorException(ErrorCode.BACKFILL_STATE,
					"Backfill " + name + " is " + before.label() + ": " + rule + ".");
		}
		else {
			logger.info("Backfill {}: {} -> {}", name, before.label(), to.label());
			new Listeners<BackfillListener>("Backfill listener", this.config.backfillSettings().listeners())
				.tell((listener) -> listener.stateChanged(name, before, to));
		}
		return status(name);
	}

	private BackfillState uncheckedState(BackfillStore store, Connection connection, String name) {
		try {
			return store.state(connection, name);
		}
		catch (SQLException ex) {
			throw new MigratorException(ErrorCode.DATABASE_ERROR,
					"Could not read the state of backfill " + name + ": " + ex.getMessage(), ex);
		}
	}

	private static BackfillStatus status(Declaration declaration, ProgressRow row, Set<String> applied) {
		boolean revisionApplied = applied.contains(declaration.revision().id());
		if (row != null) {
			return row.status(revisionApplied);
		}
		return new BackfillStatus(declaration.backfill().name(), declaration.revision().id(),
				declaration.backfill().table(), revisionApplied, BackfillState.PENDING, Optional.empty(), 0, 0,
				OptionalLong.empty(), OptionalInt.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
				Optional.empty(), Optional.empty());
	}

	private Declaration declaration(String name) {
		Map<String, Declaration> declarations = declarations();
		Declaration declaration = declarations.get(name);
		if (declaration == null) {
			throw new MigratorException(ErrorCode.UNKNOWN_BACKFILL,
					"No revision declares a backfill named '" + name + "'. "
							+ (declarations.isEmpty() ? "No revision declares any backfill."
									: "Known backfills: " + String.join(", ", declarations.keySet()) + "."));
		}
		return declaration;
	}

	private Map<String, Declaration> declarations() {
		Map<String, Declaration> declarations = new LinkedHashMap<>();
		for (Revision revision : this.context.graph().revisions()) {
			for (Backfill backfill : revision.backfills()) {
				Declaration earlier = declarations.putIfAbsent(backfill.name(), new Declaration(backfill, revision));
				if (earlier != null) {
					throw new MigratorException(ErrorCode.DUPLICATE_BACKFILL,
							"Backfill " + backfill.name() + " is declared by both revision " + earlier.revision().id()
									+ " (" + earlier.revision().origin() + ") and revision " + revision.id() + " ("
									+ revision.origin() + "). Its progress is stored by name: rename one of them.");
				}
			}
		}
		return declarations;
	}

	/** The revisions applied to the database, those the code does not know aside. */
	private Set<String> appliedRevisions() {
		RevisionGraph graph = this.context.graph();
		List<String> known = new StatusCommand(this.context).current()
			.stream()
			.filter((id) -> graph.find(id).isPresent())
			.toList();
		return graph.ancestorsOf(known);
	}

	private BackfillRunner runner() {
		return new BackfillRunner(dataSource(), tables(), this.config.settings(), this.config.backfillSettings(),
				this.config.replicaSettings());
	}

	private BackfillTables tables() {
		return new BackfillTables(this.config.tables().schema(), this.config.backfillSettings().table(),
				this.config.backfillSettings().chunkTable());
	}

	private DataSource dataSource() {
		return this.config.dataSource()
			.orElseThrow(() -> new MigratorException(ErrorCode.NO_DATA_SOURCE,
					"Backfills need a database, but no DataSource is configured. Configure one."));
	}

	private <T> T read(StoreWork<T> work) {
		try (Connection connection = DatabaseConnector.open(dataSource())) {
			return work.run(connection, new BackfillStore(Dialects.forConnection(connection), tables()));
		}
		catch (SQLException ex) {
			throw new MigratorException(ErrorCode.DATABASE_ERROR,
					"Could not read backfill progress: " + ex.getMessage()
							+ ". Check the connection and that the user may read "
							+ this.config.backfillSettings().table() + ".",
					ex);
		}
	}

	private <T> T write(StoreWork<T> work) {
		try (Connection connection = DatabaseConnector.open(dataSource())) {
			connection.setAutoCommit(true);
			return work.run(connection, new BackfillStore(Dialects.forConnection(connection), tables()));
		}
		catch (SQLException ex) {
			throw new MigratorException(ErrorCode.DATABASE_ERROR,
					"Could not change backfill state: " + ex.getMessage()
							+ ". Check the connection and that the user may create and write "
							+ this.config.backfillSettings().table() + ".",
					ex);
		}
	}

	/** A backfill and the revision declaring it. */
	private record Declaration(Backfill backfill, Revision revision) {
	}

	/** Work on the progress table over one connection. */
	@FunctionalInterface
	private interface StoreWork<T> {

		T run(Connection connection, BackfillStore store) throws SQLException;

	}

}
