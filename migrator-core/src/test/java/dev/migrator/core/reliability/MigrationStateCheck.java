package dev.migrator.core.reliability;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a database must look like whenever the job is not running, even right after it was
 * killed: the version table matches the schema, every applied revision has one
 * {@code success} row, a revision that left part of its work behind says so with a
 * {@code started} history row that has no later row, and no backfilled row is changed
 * twice.
 */
final class MigrationStateCheck {

	private final Connection connection;

	private final boolean sqlite;

	private final List<CrashRevision> revisions;

	MigrationStateCheck(Connection connection, List<CrashRevision> revisions) throws SQLException {
		this.connection = connection;
		this.sqlite = connection.getMetaData().getURL().startsWith("jdbc:sqlite:");
		this.revisions = revisions;
	}

	/** Checks the invariants and returns the ids of the applied revisions, in order. */
	List<String> assertConsistent(String when) throws SQLException {
		List<String> applied = appliedRevisions();
		for (CrashRevision revision : this.revisions) {
			List<String> present = presentMarkers(revision);
			if (applied.contains(revision.id())) {
				assertThat(present).as(when + ": applied revision %s has all its objects", revision.id())
					.containsExactlyElementsOf(revision.markers());
				assertThat(successRows(revision.id())).as(when + ": one success row for %s", revision.id()).isOne();
			}
			else {
				assertThat(successRows(revision.id())).as(when + ": no success row for %s", revision.id()).isZero();
				if (revision.atomic() || !hasUnfinishedStart(revision.id())) {
					assertThat(present)
						.as(when + ": revision %s is not applied and says nothing about leftovers, "
								+ "so none of its objects exists", revision.id())
						.isEmpty();
				}
			}
		}
		if (applied.contains("0005_counter")) {
			assertThat(count("SELECT count(*) FROM items WHERE counter NOT IN (0, 1)"))
				.as(when + ": no row backfilled twice")
				.isZero();
		}
		return applied;
	}

	/**
	 * Revisions are a straight line: the one version row names the newest applied
	 * revision.
	 */
	List<String> appliedRevisions() throws SQLException {
		List<String> applied = new ArrayList<>();
		if (!tableExists("migrator_version")) {
			return applied;
		}
		List<String> rows = strings("SELECT version_num FROM migrator_version");
		assertThat(rows).as("a straight line has at most one version row").hasSizeLessThanOrEqualTo(1);
		if (rows.isEmpty()) {
			return applied;
		}
		for (CrashRevision revision : this.revisions) {
			applied.add(revision.id());
			if (revision.id().equals(rows.get(0))) {
				return applied;
			}
		}
		throw new AssertionError("the version table names an unknown revision " + rows.get(0));
	}

	/**
	 * A {@code started} row for the revision with no later history row for it: an attempt
	 * that was cut short.
	 */
	boolean hasUnfinishedStart(String revision) throws SQLException {
		if (!tableExists("migrator_history")) {
			return false;
		}
		List<String> outcomes = strings("SELECT outcome FROM migrator_history WHERE revision = '" + revision
				+ "' AND direction = 'upgrade' ORDER BY id");
		return !outcomes.isEmpty() && outcomes.get(outcomes.size() - 1).equals("started");
	}

	long startedRowsWithoutFinish() throws SQLException {
		long unfinished = 0;
		for (CrashRevision revision : this.revisions) {
			unfinished += hasUnfinishedStart(revision.id()) ? 1 : 0;
		}
		return unfinished;
	}

	long invalidIndexes() throws SQLException {
		return this.sqlite ? 0 : count("SELECT count(*) FROM pg_index WHERE NOT indisvalid");
	}

	long count(String sql) throws SQLException {
		try (Statement statement = this.connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
			rows.next();
			return rows.getLong(1);
		}
	}

	boolean tableExists(String table) throws SQLException {
		return exists(table);
	}

	private long successRows(String revision) throws SQLException {
		if (!tableExists("migrator_history")) {
			return 0;
		}
		return count("SELECT count(*) FROM migrator_history WHERE revision = '" + revision
				+ "' AND direction = 'upgrade' AND outcome = 'success'");
	}

	private List<String> presentMarkers(CrashRevision revision) throws SQLException {
		List<String> present = new ArrayList<>();
		for (String marker : revision.markers()) {
			if (exists(marker)) {
				present.add(marker);
			}
		}
		return present;
	}

	private boolean exists(String marker) throws SQLException {
		int dot = marker.indexOf('.');
		String sql;
		if (dot < 0) {
			sql = this.sqlite ? "SELECT count(*) FROM sqlite_master WHERE name = ?"
					: "SELECT count(*) FROM pg_class WHERE relname = ? AND relnamespace = 'public'::regnamespace";
		}
		else {
			sql = this.sqlite ? "SELECT count(*) FROM pragma_table_info(?) WHERE name = ?"
					: "SELECT count(*) FROM information_schema.columns WHERE table_schema = 'public' "
							+ "AND table_name = ? AND column_name = ?";
		}
		try (PreparedStatement statement = this.connection.prepareStatement(sql)) {
			if (dot < 0) {
				statement.setString(1, marker);
			}
			else {
				statement.setString(1, marker.substring(0, dot));
				statement.setString(2, marker.substring(dot + 1));
			}
			try (ResultSet rows = statement.executeQuery()) {
				rows.next();
				return rows.getLong(1) > 0;
			}
		}
	}

	private List<String> strings(String sql) throws SQLException {
		List<String> values = new ArrayList<>();
		try (Statement statement = this.connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
			while (rows.next()) {
				values.add(rows.getString(1));
			}
		}
		return values;
	}

}
