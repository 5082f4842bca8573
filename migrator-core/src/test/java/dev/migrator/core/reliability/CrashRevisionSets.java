package dev.migrator.core.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The revisions the crash-injection job runs, per database, written as SQL files: a big
 * transactional load, a slow transactional revision, a non-transactional revision in
 * three committed steps, an index build on the big table (concurrent on PostgreSQL), a
 * column with an additive backfill ({@code counter = counter + 1}) and a last small
 * revision.
 */
final class CrashRevisionSets {

	static final int ITEMS = 1000;

	static final String BACKFILL = "bump";

	private CrashRevisionSets() {
	}

	static List<CrashRevision> postgres() {
		return List.of(new CrashRevision("0001_big", true, List.of("big", "items"), """
				CREATE TABLE big (id bigint PRIMARY KEY, payload text NOT NULL);
				INSERT INTO big SELECT g, md5(g::text) FROM generate_series(1, 300000) g;
				CREATE TABLE items (id bigint PRIMARY KEY);
				INSERT INTO items SELECT g FROM generate_series(1, %d) g;
				""".formatted(ITEMS)), new CrashRevision("0002_slow_tx", true, List.of("slow_tx", "big.note"), """
				CREATE TABLE slow_tx (id int);
				SELECT pg_sleep(0.3);
				INSERT INTO slow_tx SELECT g FROM generate_series(1, 200000) g;
				SELECT pg_sleep(0.3);
				ALTER TABLE big ADD COLUMN note text;
				"""), new CrashRevision("0003_steps", false, List.of("step_a", "step_b", "step_c"), """
				CREATE TABLE IF NOT EXISTS step_a (id int);
				SELECT pg_sleep(0.3);
				CREATE TABLE IF NOT EXISTS step_b (id int);
				SELECT pg_sleep(0.3);
				CREATE TABLE IF NOT EXISTS step_c (id int);
				"""), new CrashRevision("0004_big_index", false, List.of("big_payload_idx"), """
				CREATE INDEX CONCURRENTLY IF NOT EXISTS big_payload_idx ON big (payload);
				"""), counter("ALTER TABLE items ADD COLUMN counter integer NOT NULL DEFAULT 0;"), done());
	}

	static List<CrashRevision> sqlite() {
		String rows = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %d) ";
		return List.of(new CrashRevision("0001_big", true, List.of("big", "items"), """
				CREATE TABLE big (id INTEGER PRIMARY KEY, payload TEXT NOT NULL);
				INSERT INTO big (id, payload) %s SELECT i, hex(randomblob(16)) FROM n;
				CREATE TABLE items (id INTEGER PRIMARY KEY);
				INSERT INTO items (id) %s SELECT i FROM n;
				""".formatted(rows.formatted(300000), rows.formatted(ITEMS))),
				new CrashRevision("0002_slow_tx", true, List.of("slow_tx", "big.note"), """
						CREATE TABLE slow_tx (id int);
						INSERT INTO slow_tx (id) %s SELECT i FROM n;
						ALTER TABLE big ADD COLUMN note text;
						""".formatted(rows.formatted(400000))),
				new CrashRevision("0003_steps", false, List.of("step_a", "step_b", "step_c"), """
						CREATE TABLE IF NOT EXISTS step_a (id int);
						INSERT INTO step_a (id) %1$s SELECT i FROM n;
						CREATE TABLE IF NOT EXISTS step_b (id int);
						INSERT INTO step_b (id) %1$s SELECT i FROM n;
						CREATE TABLE IF NOT EXISTS step_c (id int);
						""".formatted(rows.formatted(200000))),
				new CrashRevision("0004_big_index", true, List.of("big_payload_idx"), """
						CREATE INDEX big_payload_idx ON big (payload);
						"""), counter("ALTER TABLE items ADD COLUMN counter integer NOT NULL DEFAULT 0;"), done());
	}

	private static CrashRevision counter(String sql) {
		return new CrashRevision("0005_counter", true, List.of("items.counter"), sql);
	}

	private static CrashRevision done() {
		return new CrashRevision("0006_done", true, List.of("done_marker"), "CREATE TABLE done_marker (id int);\n");
	}

	/**
	 * Writes one file per revision, each revising the one before; returns the location.
	 */
	static String write(Path folder, List<CrashRevision> revisions) throws IOException {
		Files.createDirectories(folder);
		String parent = null;
		for (CrashRevision revision : revisions) {
			StringBuilder file = new StringBuilder("-- migrator:revision ").append(revision.id()).append('\n');
			if (parent != null) {
				file.append("-- migrator:revises ").append(parent).append('\n');
			}
			if (revision.id().equals("0003_steps")) {
				file.append("-- migrator:transactional false\n");
			}
			if (revision.id().equals("0005_counter")) {
				file.append("-- migrator:backfill ")
					.append(BACKFILL)
					.append('\n')
					.append("-- migrator:backfill-table items\n")
					.append("-- migrator:backfill-key id\n")
					.append("-- migrator:backfill-set counter = counter + 1\n")
					.append("-- migrator:backfill-batch-size 25\n")
					.append("-- migrator:backfill-pause 10ms\n");
			}
			file.append("-- migrator:upgrade\n").append(revision.sql());
			Files.writeString(folder.resolve(revision.id() + ".sql"), file.toString());
			parent = revision.id();
		}
		return "filesystem:" + folder.toAbsolutePath();
	}

}
