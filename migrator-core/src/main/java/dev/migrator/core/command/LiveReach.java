package dev.migrator.core.command;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the open transaction of one of drift's copy connections touched outside the
 * scratch schema, read from the server before the transaction commits.
 * <p>
 * PostgreSQL holds, until the transaction ends, a relation lock on every table, index,
 * view and sequence a statement writes, alters or drops (row-exclusive and stronger; a
 * row-share lock for {@code SELECT ... FOR UPDATE}), and an object lock on a function,
 * type or schema it drops or alters, or a schema it creates in. It takes no lock to
 * create or replace a function or type, or to grant: those show as catalog rows the
 * transaction wrote ({@code xmin}). A dropped object is gone from the transaction's own
 * view of the catalog, so its lock is judged by {@link #known}: every object that ever
 * belonged to the scratch schema (or the session's temporary schema), as {@code DROP
 * SCHEMA ... CASCADE} would find it through {@code pg_depend}.
 */
final class LiveReach {

	private static final String OWNED = """
			WITH RECURSIVE roots AS (
			    SELECT oid FROM pg_namespace WHERE nspname = ? OR oid = pg_my_temp_schema()
			), owned(classid, objid) AS (
			    SELECT 'pg_namespace'::regclass::oid, oid FROM roots
			    UNION
			    SELECT d.classid, d.objid FROM pg_depend d JOIN owned o ON d.refclassid = o.classid AND d.refobjid = o.objid
			)
			SELECT classid, objid FROM owned
			UNION
			SELECT 'pg_class'::regclass::oid, c.reltoastrelid FROM pg_class c
			    WHERE c.relnamespace IN (SELECT oid FROM roots) AND c.reltoastrelid <> 0
			UNION
			SELECT 'pg_class'::regclass::oid, i.indexrelid FROM pg_class c JOIN pg_index i ON i.indrelid = c.reltoastrelid
			    WHERE c.relnamespace IN (SELECT oid FROM roots)
			""";

	private static final String TOUCHED = """
			WITH me AS (
			    SELECT (txid_current_if_assigned() % 4294967296)::text::xid AS xid
			), ours AS (
			    SELECT oid FROM pg_namespace WHERE nspname IN (?, 'pg_catalog', 'pg_toast')
			        OR nspname LIKE 'pg\\_temp\\_%' OR nspname LIKE 'pg\\_toast\\_temp\\_%'
			), touched(classid, objid) AS (
			    SELECT CASE l.locktype WHEN 'relation' THEN 'pg_class'::regclass::oid ELSE l.classid END,
			           CASE l.locktype WHEN 'relation' THEN l.relation ELSE l.objid END
			    FROM pg_locks l
			    WHERE l.pid = pg_backend_pid() AND l.locktype IN ('relation', 'object')
			        AND NOT (l.locktype = 'relation' AND l.mode = 'AccessShareLock')
			    UNION
			    SELECT 'pg_class'::regclass::oid, c.oid FROM pg_class c, me
			        WHERE c.xmin = me.xid AND c.relnamespace NOT IN (SELECT oid FROM ours)
			    UNION
			    SELECT 'pg_type'::regclass::oid, t.oid FROM pg_type t, me
			        WHERE t.xmin = me.xid AND t.typnamespace NOT IN (SELECT oid FROM ours)
			    UNION
			    SELECT 'pg_proc'::regclass::oid, p.oid FROM pg_proc p, me
			        WHERE p.xmin = me.xid AND p.pronamespace NOT IN (SELECT oid FROM ours)
			    UNION
			    SELECT 'pg_constraint'::regclass::oid, k.oid FROM pg_constraint k, me
			        WHERE k.xmin = me.xid AND k.connamespace NOT IN (SELECT oid FROM ours)
			    UNION
			    SELECT 'pg_namespace'::regclass::oid, n.oid FROM pg_namespace n, me
			        WHERE n.xmin = me.xid AND n.oid NOT IN (SELECT oid FROM ours)
			)
			SELECT t.classid, t.objid, t.classid::regclass::text, o.type, o.identity,
			       CASE WHEN t.classid = 'pg_namespace'::regclass::oid
			            THEN (SELECT nspname FROM pg_namespace WHERE oid = t.objid) ELSE o.schema END
			FROM touched t LEFT JOIN LATERAL pg_identify_object(t.classid, t.objid, 0) o ON true
			ORDER BY t.classid <> 'pg_class'::regclass::oid, t.classid <> 'pg_proc'::regclass::oid,
			    t.classid <> 'pg_namespace'::regclass::oid, t.classid, t.objid
			""";

	private static final String IDENTIFY = "SELECT type, identity FROM pg_identify_object(?::regclass::oid, ?, 0)";

	private final String schema;

	private final Set<Long> known = ConcurrentHashMap.newKeySet();

	LiveReach(String schema) {
		this.schema = schema;
	}

	/**
	 * What the connection's open transaction (or the statement it ran, in autocommit)
	 * touched outside the scratch schema; empty when nothing.
	 */
	List<Touched> outside(Connection raw) throws SQLException {
		learnOwned(raw);
		List<Touched> outside = new ArrayList<>();
		try (PreparedStatement statement = raw.prepareStatement(TOUCHED)) {
			statement.setString(1, this.schema);
			try (ResultSet row = statement.executeQuery()) {
				while (row.next()) {
					if (this.known.contains(key(row.getLong(1), row.getLong(2)))) {
						continue;
					}
					Touched touched = new Touched(row.getString(3), row.getString(4), row.getString(5),
							row.getString(6), row.getLong(2), row.getString(5) == null);
					if (!touched.inside(this.schema)) {
						outside.add(touched);
					}
				}
			}
		}
		return outside;
	}

	/**
	 * The touched objects named again after the rollback, which brings back what the
	 * transaction dropped.
	 */
	List<Touched> namedAfterRollback(Connection raw, List<Touched> touched) throws SQLException {
		List<Touched> named = new ArrayList<>();
		try (PreparedStatement statement = raw.prepareStatement(IDENTIFY)) {
			for (Touched each : touched) {
				if (each.identity() != null) {
					named.add(each);
					continue;
				}
				statement.setString(1, each.catalog());
				statement.setLong(2, each.oid());
				try (ResultSet row = statement.executeQuery()) {
					named.add((row.next() && row.getString(2) != null) ? new Touched(each.catalog(), row.getString(1),
							row.getString(2), each.schema(), each.oid(), true) : each);
				}
			}
		}
		return named;
	}

	private void learnOwned(Connection raw) throws SQLException {
		try (PreparedStatement statement = raw.prepareStatement(OWNED)) {
			statement.setString(1, this.schema);
			try (ResultSet row = statement.executeQuery()) {
				while (row.next()) {
					this.known.add(key(row.getLong(1), row.getLong(2)));
				}
			}
		}
	}

	private static long key(long classid, long objid) {
		return (classid << 32) | objid;
	}

	/**
	 * An object the transaction touched.
	 *
	 * @param catalog the catalog it is a row of ({@code pg_class}, {@code pg_proc}, ...)
	 * @param type its kind as PostgreSQL names it, null when the transaction dropped it
	 * @param identity its qualified name, null when the transaction dropped it
	 * @param schema its schema (a schema's own name), null for an object of no schema
	 * @param oid its object id
	 * @param dropped whether the transaction dropped it
	 */
	record Touched(String catalog, String type, String identity, String schema, long oid, boolean dropped) {

		boolean inside(String scratch) {
			if (this.identity == null || this.schema == null) {
				return false;
			}
			return this.schema.equals(scratch) || this.schema.equals("pg_catalog") || this.schema.equals("pg_toast")
					|| this.schema.startsWith("pg_temp_") || this.schema.startsWith("pg_toast_temp_");
		}

		boolean isSequence() {
			return "sequence".equals(this.type);
		}

		/** How a message names it. */
		String describe() {
			if (this.identity == null) {
				return switch (this.catalog) {
					case "pg_class" -> "a table, view, index or sequence";
					case "pg_proc" -> "a function";
					case "pg_type" -> "a type";
					case "pg_namespace" -> "a schema";
					default -> "an object of " + this.catalog;
				} + " (oid " + this.oid + ", dropped)";
			}
			String kind = this.dropped || "schema".equals(this.type) ? this.type + " " : "";
			return kind + this.identity + (this.dropped ? " (dropped)" : "");
		}

	}

}
