package dev.migrator.core.reliability;

import java.util.List;

/**
 * One revision of the crash-injection set and the objects that prove it ran.
 * {@code atomic}: its effects commit together with its version row (one transaction), so
 * after a kill either all of its markers exist or none does. A non-atomic revision
 * (autocommit parts) may leave some markers behind, but only with a {@code started}
 * history row that has no later row.
 *
 * @param markers tables and indexes by name, columns as {@code table.column}
 */
record CrashRevision(String id, boolean atomic, List<String> markers, String sql) {

}
