package dev.migrator.core.reliability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The revision graph {@link RolloutInvariantTests} walks, and what its data must look
 * like: {@code people} with names whose split is known, a {@code ledger} that a
 * non-transactional revision writes one row per statement into, a backfill that splits
 * the names and a contract that drops the column it copied from. How long the ledger
 * revision sleeps between its statements is read from {@value #SLEEP_TABLE}, a table the
 * test creates outside the migrator, so that a kill can land inside it.
 */
final class RolloutRevisions {

	static final String BASE = "0001_base";

	static final String EXPAND = "0002_expand";

	static final String LEDGER = "0003_ledger";

	static final String BACKFILL = "0004_split_backfill";

	static final String CONTRACT = "0005_drop_full_name";

	/** In upgrade order; the graph is a chain. */
	static final List<String> ALL = List.of(BASE, EXPAND, LEDGER, BACKFILL, CONTRACT);

	static final String BACKFILL_NAME = "split_name";

	static final String SLEEP_TABLE = "inv_sleep";

	static final int PEOPLE = 400;

	/** The ledger rows each upgrade statement of {@link #LEDGER} inserts, by index. */
	static final List<String> UPGRADE_ROWS = List.of("u1", "", "u3", "", "u5");

	/** The index of the VACUUM in the upgrade of {@link #LEDGER}. */
	static final int VACUUM_INDEX = 3;

	/** The index of the pg_sleep in the upgrade of {@link #LEDGER}. */
	static final int UPGRADE_SLEEP_INDEX = 1;

	/** The index of the pg_sleep in the downgrade of {@link #LEDGER}. */
	static final int DOWNGRADE_SLEEP_INDEX = 2;

	private RolloutRevisions() {
	}

	/**
	 * The original full name of a person: a first name, and a last name of zero to two
	 * words, single spaces only, so that the downgrade of the contract can put it back.
	 */
	static String fullName(int id) {
		return switch (id % 4) {
			case 0 -> "Mono" + id;
			case 1 -> "Ada" + id + " Lovelace";
			case 2 -> "Grace" + id + " Brewster Hopper";
			default -> "Alan" + id + " Turing" + (id % 7);
		};
	}

	static String firstName(int id) {
		String full = fullName(id);
		int space = full.indexOf(' ');
		return (space < 0) ? full : full.substring(0, space);
	}

	static String lastName(int id) {
		String full = fullName(id);
		int space = full.indexOf(' ');
		return (space < 0) ? "" : full.substring(space + 1);
	}

	/** Writes the revision files into the folder; returns its location. */
	static String write(Path folder) throws Exception {
		Files.createDirectories(folder);
		String people = IntStream.rangeClosed(1, PEOPLE)
			.mapToObj((id) -> "(" + id + ", '" + fullName(id) + "')")
			.collect(Collectors.joining(",\n"));
		file(folder, BASE, null, "",
				"CREATE TABLE people (id integer PRIMARY KEY, full_name text NOT NULL);\n"
						+ "CREATE TABLE ledger (stmt text NOT NULL);\n" + "INSERT INTO people (id, full_name) VALUES\n"
						+ people + ";\n",
				"DROP TABLE ledger;\nDROP TABLE people;\n");
		file(folder, EXPAND, BASE, "-- migrator:phase expand\n",
				"ALTER TABLE people ADD COLUMN first_name text;\nALTER TABLE people ADD COLUMN last_name text;\n",
				"ALTER TABLE people DROP COLUMN last_name;\nALTER TABLE people DROP COLUMN first_name;\n");
		// Each statement leaves a trace in the ledger; the VACUUM needs autocommit and
		// leaves none, so a kill during it leaves an outcome nobody can check.
		file(folder, LEDGER, EXPAND,
				"-- migrator:phase expand\n-- migrator:transactional false\n" + "-- migrator:lock-timeout 60s\n",
				"INSERT INTO ledger VALUES ('u1');\n" + "SELECT pg_sleep(seconds) FROM " + SLEEP_TABLE
						+ " WHERE what = 'up';\n" + "INSERT INTO ledger VALUES ('u3');\n" + "VACUUM ledger;\n"
						+ "INSERT INTO ledger VALUES ('u5');\n",
				"INSERT INTO ledger VALUES ('d1');\n" + "DELETE FROM ledger WHERE stmt = 'u5';\n"
						+ "SELECT pg_sleep(seconds) FROM " + SLEEP_TABLE + " WHERE what = 'down';\n"
						+ "DELETE FROM ledger WHERE stmt IN ('u1', 'u3', 'd1');\n");
		file(folder, BACKFILL, LEDGER,
				"-- migrator:phase migrate\n-- migrator:backfill " + BACKFILL_NAME + "\n"
						+ "-- migrator:backfill-table people\n-- migrator:backfill-key id\n"
						+ "-- migrator:backfill-set first_name = split_part(full_name, ' ', 1), "
						+ "last_name = substr(full_name, length(split_part(full_name, ' ', 1)) + 2)\n"
						+ "-- migrator:backfill-where first_name IS NULL\n"
						+ "-- migrator:backfill-batch-size 20\n-- migrator:backfill-pause 20ms\n",
				"", "UPDATE people SET first_name = NULL, last_name = NULL;\n");
		file(folder, CONTRACT, BACKFILL, "-- migrator:phase contract\n",
				"ALTER TABLE people ALTER COLUMN first_name SET NOT NULL;\n"
						+ "ALTER TABLE people ALTER COLUMN last_name SET NOT NULL;\n"
						+ "ALTER TABLE people DROP COLUMN full_name;\n",
				"ALTER TABLE people ADD COLUMN full_name text;\n"
						+ "UPDATE people SET full_name = trim(first_name || ' ' || last_name);\n"
						+ "ALTER TABLE people ALTER COLUMN full_name SET NOT NULL;\n"
						+ "ALTER TABLE people ALTER COLUMN last_name DROP NOT NULL;\n"
						+ "ALTER TABLE people ALTER COLUMN first_name DROP NOT NULL;\n");
		return "filesystem:" + folder.toAbsolutePath();
	}

	private static void file(Path folder, String id, String parent, String headers, String upgrade, String downgrade)
			throws Exception {
		String text = "-- migrator:revision " + id + "\n"
				+ ((parent != null) ? "-- migrator:revises " + parent + "\n" : "") + headers + "-- migrator:upgrade\n"
				+ upgrade + "-- migrator:downgrade\n" + downgrade;
		Files.writeString(folder.resolve(id + ".sql"), text);
	}

}
