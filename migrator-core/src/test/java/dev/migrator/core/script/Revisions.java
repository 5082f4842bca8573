package dev.migrator.core.script;

import java.util.List;

/** Builds small graphs for tests: {@code rev("c", "a", "b")} is a merge of a and b. */
final class Revisions {

	private Revisions() {
	}

	static Revision rev(String id, String... parents) {
		return Revision.builder(id).revises(parents).upgradeSql("select 1").downgradeSql("select 2").build();
	}

	static Revision.Builder builder(String id, String... parents) {
		return Revision.builder(id).revises(parents).upgradeSql("select 1").downgradeSql("select 2");
	}

	/**
	 * <pre>
	 * a ─ b ─┬─ c ─────────┬─ m ─ z   (z depends on y)
	 *        └─ d ─ e ─────┘
	 * x ─ y                          (x labelled billing, d labelled feature)
	 * </pre>
	 */
	static RevisionGraph sample() {
		return RevisionGraph.of(List.of(rev("a"), rev("b", "a"), rev("c", "b"),
				builder("d", "b").branchLabels("feature").build(), rev("e", "d"), rev("m", "c", "e"),
				builder("x").branchLabels("billing").build(), rev("y", "x"), builder("z", "m").dependsOn("y").build()));
	}

	static List<String> ids(List<Revision> revisions) {
		return revisions.stream().map(Revision::id).toList();
	}

}
