package dev.migrator.core.command;

import dev.migrator.core.error.ErrorCode;
import dev.migrator.core.error.MigratorException;
import dev.migrator.core.script.PhaseFilter;
import dev.migrator.core.script.Revision;
import dev.migrator.core.script.RevisionGraph;
import dev.migrator.core.sql.DatabaseMessageRedaction;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code drift}: builds the schema the database's applied revisions produce in a scratch
 * place (a scratch schema on PostgreSQL, a scratch database file on SQLite), upgraded to
 * exactly the database's version rows, has the comparison read both schemas, and always
 * removes the scratch place. Only reads the live database: its rows are read before and
 * after, and a database migrated meanwhile fails the command rather than report a
 * difference that is a migration in flight; a replayed statement that reaches past the
 * scratch place to the live database is rolled back or refused, and fails the command.
 */
public final class DriftCommand {

	private static final Logger logger = LoggerFactory.getLogger(DriftCommand.class);

	private final CommandContext context;

	public DriftCommand(CommandContext context) {
		this.context = context;
	}

	public DriftResult run(SchemaComparison comparison) {
		RevisionGraph graph = this.context.graph();
		Set<String> rows = this.context.sessions().read(Session::versionRows);
		requireKnown(graph, rows);
		DataSource main = this.context.sessions().dataSource();
		List<String> differences;
		try {
			ScratchPlace created;
			try (Connection live = DatabaseConnector.open(main)) {
				created = ScratchPlace.create(this.context.config(), live);
			}
			// The live connection is not held while the copy is built: a pool of two
			// connections is enough.
			try (ScratchPlace scratch = created) {
				build(scratch, graph.inOrder(rows));
				try (Connection live = DatabaseConnector.open(main); Connection copy = scratch.open()) {
					live.setAutoCommit(true);
					differences = comparison.differences(live, copy);
				}
			}
		}
		catch (SQLException ex) {
			throw new MigratorException(ErrorCode.DATABASE_ERROR,
					"drift could not read a schema: " + DatabaseMessageRedaction.redact(ex.getMessage())
							+ ". Check the connection and that the user may read the catalog.",
					ex);
		}
		Set<String> after = this.context.sessions().read(Session::versionRows);
		if (!after.equals(rows)) {
			throw new MigratorException(ErrorCode.DRIFT_DATABASE_CHANGED,
					"The database was migrated while drift ran (from " + describe(rows) + " to " + describe(after)
							+ "), so what it found may be that migration. Run drift again once no migration runs.");
		}
		return new DriftResult(rows, differences);
	}

	private void build(ScratchPlace scratch, List<Revision> rows) {
		logger.info("Drift: building the schema of {} in {} (removed afterwards); the steps below run there, not on "
				+ "the live schema", describe(ids(rows)), scratch.describe());
		CommandContext copy = this.context.forScratch(scratch.config());
		for (Revision row : rows) {
			try {
				new UpgradeCommand(copy).run(row.id(), PhaseFilter.ALL);
			}
			catch (RuntimeException ex) {
				throw scratch.escaped(ex, row.id()).map(RuntimeException.class::cast).orElse(ex);
			}
		}
	}

	private static void requireKnown(RevisionGraph graph, Set<String> rows) {
		Set<String> unknown = new TreeSet<>(rows);
		unknown.removeIf((id) -> graph.find(id).isPresent());
		if (!unknown.isEmpty()) {
			throw new MigratorException(ErrorCode.UNKNOWN_DATABASE_REVISION,
					"The database is at " + String.join(", ", unknown)
							+ ", which this code does not know. drift compares the database "
							+ "with what its revisions produce: run it with the code that migrated the database.");
		}
	}

	private static Set<String> ids(List<Revision> revisions) {
		Set<String> ids = new TreeSet<>();
		revisions.forEach((revision) -> ids.add(revision.id()));
		return ids;
	}

	private static String describe(Set<String> rows) {
		return rows.isEmpty() ? "base" : String.join(", ", new TreeSet<>(rows));
	}

}
