package dev.migrator.benchmarks;

import java.util.ArrayList;
import java.util.List;

/**
 * A synthetic revision history shaped like a long-lived service's: a trunk, a feature
 * branch forked and merged every 50 revisions, a labelled side branch that the trunk
 * depends on now and then.
 */
final class GeneratedHistory {

	/** One revision's header, enough to write it as a file or build it in memory. */
	record Header(String id, List<String> revises, List<String> dependsOn, String branchLabel) {

		String upgradeSql() {
			return "CREATE TABLE t_" + this.id + " (id integer)";
		}

		String downgradeSql() {
			return "DROP TABLE t_" + this.id;
		}

		/** The revision as a migrator SQL file. */
		String migratorFile() {
			StringBuilder file = new StringBuilder("-- migrator:revision ").append(this.id).append('\n');
			if (!this.revises.isEmpty()) {
				file.append("-- migrator:revises ").append(String.join(", ", this.revises)).append('\n');
			}
			if (!this.dependsOn.isEmpty()) {
				file.append("-- migrator:depends-on ").append(String.join(", ", this.dependsOn)).append('\n');
			}
			if (this.branchLabel != null) {
				file.append("-- migrator:branch-labels ").append(this.branchLabel).append('\n');
			}
			file.append("-- migrator:upgrade\n").append(upgradeSql()).append(";\n");
			file.append("-- migrator:downgrade\n").append(downgradeSql()).append(";\n");
			return file.toString();
		}

	}

	private GeneratedHistory() {
	}

	static List<Header> of(int size) {
		List<Header> headers = new ArrayList<>(size);
		int sideCount = 0;
		String side = null;
		String trunk = null;
		int n = 0;
		while (n < size) {
			if (n % 50 == 10 && trunk != null && n + 12 < size) {
				String forkPoint = trunk;
				String branch = forkPoint;
				for (int i = 0; i < 5; i++) {
					String id = id(n++, "feature");
					headers.add(new Header(id, List.of(branch), List.of(), null));
					branch = id;
				}
				for (int i = 0; i < 5; i++) {
					String id = id(n++, "trunk");
					headers.add(new Header(id, List.of(trunk), List.of(), null));
					trunk = id;
				}
				String merge = id(n++, "merge");
				headers.add(new Header(merge, List.of(trunk, branch), List.of(), null));
				trunk = merge;
				continue;
			}
			if (n % 200 == 100) {
				String id = id(n++, "side");
				headers.add(new Header(id, (side == null) ? List.of() : List.of(side), List.of(),
						(side == null) ? "side" : null));
				side = id;
				sideCount++;
				continue;
			}
			String id = id(n++, "trunk");
			List<String> dependsOn = (side != null && n % 200 == 150) ? List.of(side) : List.of();
			headers.add(new Header(id, (trunk == null) ? List.of() : List.of(trunk), dependsOn, null));
			trunk = id;
		}
		return headers;
	}

	private static String id(int n, String kind) {
		return String.format("%06d_%s", n, kind);
	}

}
