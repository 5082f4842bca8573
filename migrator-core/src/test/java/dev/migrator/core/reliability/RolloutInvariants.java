package dev.migrator.core.reliability;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static dev.migrator.core.reliability.RolloutRevisions.BACKFILL;
import static dev.migrator.core.reliability.RolloutRevisions.BASE;
import static dev.migrator.core.reliability.RolloutRevisions.CONTRACT;
import static dev.migrator.core.reliability.RolloutRevisions.EXPAND;
import static dev.migrator.core.reliability.RolloutRevisions.LEDGER;

/**
 * What must hold after every step of a rollout over {@link RolloutRevisions}, read from
 * the database: no contract removed data its backfill had not copied, no committed
 * statement ran twice, and the version and progress tables agree with the schema and the
 * data. Returns what it found wrong, so that the caller can print it with the steps that
 * led there.
 */
final class RolloutInvariants {

	private final RolloutDatabase database;

	RolloutInvariants(RolloutDatabase database) {
		this.database = database;
	}

	/** The revisions the version table says are applied, in upgrade order. */
	List<String> applied() throws SQLException {
		if (!this.database.exists("migrator_version")) {
			return List.of();
		}
		List<List<String>> rows = this.database.rows("SELECT version_num FROM migrator_version");
		int highest = rows.stream().mapToInt((row) -> RolloutRevisions.ALL.indexOf(row.get(0))).max().orElse(-1);
		return RolloutRevisions.ALL.subList(0, highest + 1);
	}

	/** The backfill's stored state; empty without a row. */
	Optional<String> backfillState() throws SQLException {
		if (!this.database.exists("migrator_backfill")) {
			return Optional.empty();
		}
		return this.database
			.rows("SELECT state FROM migrator_backfill WHERE name = '" + RolloutRevisions.BACKFILL_NAME + "'")
			.stream()
			.map((row) -> row.get(0))
			.findFirst();
	}

	/** The ledger revision's progress rows in one direction: state by statement index. */
	Map<Integer, String> progress(String direction) throws SQLException {
		Map<Integer, String> marks = new TreeMap<>();
		if (this.database.exists("migrator_version_progress")) {
			for (List<String> row : this.database.rows("SELECT statement_index, state FROM migrator_version_progress "
					+ "WHERE revision = '" + LEDGER + "' AND direction = '" + direction + "'")) {
				marks.put(Integer.parseInt(row.get(0)), row.get(1));
			}
		}
		return marks;
	}

	/** Every violation found; empty when the database is as it must be. */
	List<String> violations() throws SQLException {
		List<String> violations = new ArrayList<>();
		List<String> applied = applied();
		schema(applied, violations);
		if (applied.contains(BASE)) {
			people(applied, violations);
		}
		ledger(applied, violations);
		progressTable(violations);
		return violations;
	}

	private void schema(List<String> applied, List<String> violations) throws SQLException {
		expect(violations, applied.contains(BASE) == this.database.exists("people"),
				"table people exists exactly when " + BASE + " is applied");
		expect(violations, applied.contains(BASE) == this.database.exists("ledger"),
				"table ledger exists exactly when " + BASE + " is applied");
		if (applied.contains(BASE)) {
			expect(violations, applied.contains(EXPAND) == this.database.hasColumn("people", "first_name"),
					"people.first_name exists exactly when " + EXPAND + " is applied");
			expect(violations, applied.contains(CONTRACT) != this.database.hasColumn("people", "full_name"),
					"people.full_name is gone exactly when " + CONTRACT + " is applied");
		}
		Optional<String> state = backfillState();
		expect(violations, !state.equals(Optional.of("done")) || applied.contains(BACKFILL),
				"a done backfill belongs to an applied revision (a downgrade discards its progress), but it is "
						+ state.orElse("absent") + " at " + applied);
	}

	private void people(List<String> applied, List<String> violations) throws SQLException {
		boolean fullName = this.database.hasColumn("people", "full_name");
		boolean split = this.database.hasColumn("people", "first_name");
		String columns = "id, " + (fullName ? "full_name" : "NULL") + ", "
				+ (split ? "first_name, last_name" : "NULL, NULL");
		List<List<String>> rows = this.database.rows("SELECT " + columns + " FROM people ORDER BY id");
		expect(violations, rows.size() == RolloutRevisions.PEOPLE,
				"people keeps its " + RolloutRevisions.PEOPLE + " rows, has " + rows.size());
		boolean backfillDone = applied.contains(BACKFILL) && backfillState().equals(Optional.of("done"));
		int unfilled = 0;
		List<String> wrong = new ArrayList<>();
		for (List<String> row : rows) {
			int id = Integer.parseInt(row.get(0));
			if (fullName && !RolloutRevisions.fullName(id).equals(row.get(1))) {
				wrong.add("id " + id + " full_name " + row.get(1));
			}
			if (split) {
				if (row.get(2) == null && row.get(3) == null) {
					unfilled++;
				}
				else if (!RolloutRevisions.firstName(id).equals(row.get(2))
						|| !RolloutRevisions.lastName(id).equals(row.get(3))) {
					wrong.add("id " + id + " split into '" + row.get(2) + "' / '" + row.get(3) + "'");
				}
			}
		}
		expect(violations, wrong.isEmpty(), "every name is its original or its exact split: " + limit(wrong));
		expect(violations, fullName || unfilled == 0,
				"the contract dropped full_name while " + unfilled + " rows had not been copied");
		expect(violations, !backfillDone || unfilled == 0,
				"the backfill says done while " + unfilled + " rows are not filled");
	}

	/**
	 * The ledger holds exactly the rows the ledger revision's committed statements left:
	 * all three upgrade rows while it is applied, less what the done statements of an
	 * interrupted downgrade removed, or the rows of the done statements of an interrupted
	 * upgrade while it is not applied. Nothing at all without the table.
	 */
	private void ledger(List<String> applied, List<String> violations) throws SQLException {
		Map<String, Integer> expected = new TreeMap<>();
		Map<Integer, String> up = progress("upgrade");
		Map<Integer, String> down = progress("downgrade");
		if (applied.contains(LEDGER)) {
			expect(violations, up.isEmpty(), "no upgrade progress of applied " + LEDGER + ": " + up);
			List.of("u1", "u3", "u5").forEach((row) -> expected.put(row, 1));
			if ("done".equals(down.get(0))) {
				expected.put("d1", 1);
			}
			if ("done".equals(down.get(1))) {
				expected.remove("u5");
			}
			if ("done".equals(down.get(3))) {
				expected.clear();
			}
		}
		else {
			expect(violations, down.isEmpty(), "no downgrade progress of " + LEDGER + " while not applied: " + down);
			up.forEach((index, state) -> {
				String row = RolloutRevisions.UPGRADE_ROWS.get(index);
				if ("done".equals(state) && !row.isEmpty()) {
					expected.put(row, 1);
				}
			});
		}
		// A revision left part-way is continued in the direction it was going, or not at
		// all: nothing may be applied on top of one partly undone, and the revision under
		// one partly applied may not be undone.
		expect(violations, down.isEmpty() || !applied.contains(BACKFILL),
				"nothing is applied on top of " + LEDGER + " while its downgrade is part-way " + down + ": " + applied);
		expect(violations, up.isEmpty() || applied.contains(EXPAND),
				EXPAND + " stays applied under " + LEDGER + " while its upgrade is part-way " + up + ": " + applied);
		Map<String, Integer> actual = new TreeMap<>();
		if (this.database.exists("ledger")) {
			for (List<String> row : this.database.rows("SELECT stmt, count(*) FROM ledger GROUP BY stmt")) {
				actual.put(row.get(0), Integer.parseInt(row.get(1)));
			}
		}
		actual.forEach(
				(row, count) -> expect(violations, count == 1, "ledger statement " + row + " ran " + count + " times"));
		expect(violations, actual.equals(expected), "the ledger " + actual + " is what the committed statements of "
				+ LEDGER + " left " + expected + " (upgrade progress " + up + ", downgrade progress " + down + ")");
	}

	/** Only a statement that needs autocommit may be left running: the VACUUM. */
	private void progressTable(List<String> violations) throws SQLException {
		Map<String, Map<Integer, String>> byDirection = new HashMap<>();
		byDirection.put("upgrade", progress("upgrade"));
		byDirection.put("downgrade", progress("downgrade"));
		byDirection.forEach((direction,
				marks) -> marks.forEach((index, state) -> expect(violations,
						"done".equals(state) || (direction.equals("upgrade") && index == RolloutRevisions.VACUUM_INDEX),
						"statement " + index + " of the " + direction + " of " + LEDGER + " is " + state)));
		if (this.database.exists("migrator_version_progress")) {
			long others = this.database
				.count("SELECT count(*) FROM migrator_version_progress WHERE revision <> '" + LEDGER + "'");
			expect(violations, others == 0, others + " progress rows of transactional revisions");
		}
	}

	private static String limit(List<String> wrong) {
		return wrong.size() <= 5 ? wrong.toString() : wrong.subList(0, 5) + " and " + (wrong.size() - 5) + " more";
	}

	private static void expect(List<String> violations, boolean holds, String what) {
		if (!holds) {
			violations.add(what);
		}
	}

}
