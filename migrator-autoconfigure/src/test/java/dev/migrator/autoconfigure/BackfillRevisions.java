package dev.migrator.autoconfigure;

import java.nio.file.Path;

/**
 * Revision files for backfill tests: a table of {@value #ROWS} items, then a revision
 * that only declares the backfill {@value #BACKFILL}, which sets every item's status in
 * batches of 50.
 */
public final class BackfillRevisions {

	public static final String BACKFILL = "items_status";

	public static final int ROWS = 300;

	private BackfillRevisions() {
	}

	public static RevisionFiles in(Path folder) {
		return RevisionFiles.in(folder)
			.file("0001_items.sql",
					"-- migrator:revision 0001_items\n-- migrator:message items\n"
							+ "-- migrator:upgrade\nCREATE TABLE items (id INTEGER PRIMARY KEY, status varchar(20));\n"
							+ "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " + ROWS + ") "
							+ "INSERT INTO items (id) SELECT i FROM n;\n")
			.file("0002_items_status.sql",
					"-- migrator:revision 0002_items_status\n-- migrator:revises 0001_items\n"
							+ "-- migrator:message fill the items' status\n-- migrator:phase migrate\n"
							+ "-- migrator:backfill " + BACKFILL + "\n-- migrator:backfill-table items\n"
							+ "-- migrator:backfill-key id\n-- migrator:backfill-set status = 'active'\n"
							+ "-- migrator:backfill-where status IS NULL\n-- migrator:backfill-batch-size 50\n"
							+ "-- migrator:backfill-pause 1ms\n");
	}

}
