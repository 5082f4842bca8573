package dev.migrator.core.authoring;

import dev.migrator.core.script.Revision;
import dev.migrator.core.script.RevisionGraph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Draws revisions newest first on vertical lanes. Each lane waits for the revision it
 * leads to; a revision takes the lane that waits for it (or a new one when it is a head).
 * Where several lanes wait for the same revision (a fork, seen from above) a connector
 * row joins them; where a merge revision has several parents a connector row opens a lane
 * per further parent. Connectors are horizontal, so a lane may cross others ({@code ┼}).
 */
final class LaneDrawing {

	private final RevisionGraph graph;

	/** The revision each lane waits for; null for a free lane. */
	private final List<String> lanes = new ArrayList<>();

	/** Rows drawn so far: the lane part, and the revision's text for a revision row. */
	private final List<String[]> rows = new ArrayList<>();

	/** The lane the last revision ended, being a base; -1 when it went on. */
	private int endedLane = -1;

	LaneDrawing(RevisionGraph graph) {
		this.graph = graph;
	}

	String draw(List<Revision> newestFirst) {
		for (Revision revision : newestFirst) {
			int column = joinLanesOf(revision.id());
			this.rows.add(new String[] { laneRow(column), revision.id() + describe(revision) });
			openLanesFor(revision, column);
			trimFreeLanes();
		}
		int width = this.rows.stream().mapToInt((r) -> r[0].length()).max().orElse(0);
		StringBuilder text = new StringBuilder();
		for (String[] row : this.rows) {
			String line = (row[1] == null) ? row[0] : pad(row[0], width) + "  " + row[1];
			text.append(line.stripTrailing()).append('\n');
		}
		return text.toString();
	}

	private String describe(Revision revision) {
		return (revision.message().isEmpty() ? "" : "  " + revision.message())
				+ GraphDrawing.tags(this.graph, revision);
	}

	/**
	 * The lane the revision is drawn on; lanes that also wait for it are joined into it
	 * first.
	 */
	private int joinLanesOf(String id) {
		List<Integer> waiting = new ArrayList<>();
		for (int i = 0; i < this.lanes.size(); i++) {
			if (id.equals(this.lanes.get(i))) {
				waiting.add(i);
			}
		}
		if (waiting.isEmpty()) {
			int free = this.lanes.indexOf(null);
			int column = (free >= 0) ? free : this.lanes.size();
			if (column == this.endedLane) {
				// A new head right under a base would read as its child: leave a row
				// between them.
				this.rows.add(new String[] { laneRow(-1), null });
			}
			if (free < 0) {
				this.lanes.add(id);
			}
			else {
				this.lanes.set(free, id);
			}
			return column;
		}
		int column = waiting.get(0);
		List<Integer> others = waiting.subList(1, waiting.size());
		if (!others.isEmpty()) {
			this.rows.add(new String[] { connector(column, others, List.of(), true), null });
			others.forEach((i) -> this.lanes.set(i, null));
		}
		return column;
	}

	/**
	 * After the revision: its lane waits for its first parent, a further parent gets a
	 * lane or joins one.
	 */
	private void openLanesFor(Revision revision, int column) {
		List<Revision> parents = this.graph.parentsOf(revision.id());
		this.endedLane = parents.isEmpty() ? column : -1;
		if (parents.isEmpty()) {
			this.lanes.set(column, null);
			return;
		}
		this.lanes.set(column, parents.get(0).id());
		List<Integer> targets = new ArrayList<>();
		List<Integer> opened = new ArrayList<>();
		for (Revision parent : parents.subList(1, parents.size())) {
			int existing = indexOfOther(parent.id(), column);
			if (existing >= 0) {
				targets.add(existing);
				continue;
			}
			int lane = freeLaneRightOf(column);
			this.lanes.set(lane, parent.id());
			targets.add(lane);
			opened.add(lane);
		}
		if (!targets.isEmpty()) {
			this.rows.add(new String[] { connector(column, targets, opened, false), null });
		}
	}

	private int indexOfOther(String id, int column) {
		for (int i = 0; i < this.lanes.size(); i++) {
			if (i != column && id.equals(this.lanes.get(i))) {
				return i;
			}
		}
		return -1;
	}

	private int freeLaneRightOf(int column) {
		for (int i = column + 1; i < this.lanes.size(); i++) {
			if (this.lanes.get(i) == null) {
				return i;
			}
		}
		this.lanes.add(null);
		return this.lanes.size() - 1;
	}

	private void trimFreeLanes() {
		while (!this.lanes.isEmpty() && this.lanes.get(this.lanes.size() - 1) == null) {
			this.lanes.remove(this.lanes.size() - 1);
		}
	}

	/**
	 * The lanes as they run through a row, with the revision's mark on {@code column}
	 * (none for -1).
	 */
	private String laneRow(int column) {
		char[] row = blank();
		for (int i = 0; i < this.lanes.size(); i++) {
			row[2 * i] = (i == column) ? '*' : (this.lanes.get(i) != null ? '│' : ' ');
		}
		return new String(row);
	}

	/**
	 * A connector row between the anchor lane, which goes on down, and the target lanes.
	 * @param join whether the targets come from above and end here (a fork, seen newest
	 * first); else they go on down from here (the further parents of a merge)
	 * @param opened the targets that start here; the others were already waiting for
	 * their parent
	 */
	private String connector(int anchor, List<Integer> targets, List<Integer> opened, boolean join) {
		int low = Math.min(anchor, targets.stream().min(Integer::compare).orElseThrow());
		int high = Math.max(anchor, targets.stream().max(Integer::compare).orElseThrow());
		char[] row = blank();
		for (int i = 0; i < this.lanes.size(); i++) {
			boolean inside = i > low && i < high;
			boolean active = this.lanes.get(i) != null;
			char c;
			if (i == anchor) {
				c = (low < anchor && high > anchor) ? '┼' : (high > anchor ? '├' : '┤');
			}
			else if (targets.contains(i)) {
				c = targetEnd(i, anchor, inside, join, opened.contains(i));
			}
			else if (inside) {
				c = active ? '┼' : '─';
			}
			else {
				c = active ? '│' : ' ';
			}
			row[2 * i] = c;
		}
		for (int p = 2 * low + 1; p < 2 * high; p += 2) {
			row[p] = '─';
		}
		return new String(row);
	}

	private static char targetEnd(int lane, int anchor, boolean inside, boolean join, boolean opened) {
		if (join) {
			// The lane comes from above and turns towards the anchor.
			return inside ? '┴' : (lane > anchor ? '╯' : '╰');
		}
		if (opened) {
			// The lane starts here and goes down.
			return inside ? '┬' : (lane > anchor ? '╮' : '╭');
		}
		// The lane already runs from above and goes on down; the connector meets it from
		// the side.
		return inside ? '┼' : (lane > anchor ? '┤' : '├');
	}

	private char[] blank() {
		char[] row = new char[Math.max(1, 2 * this.lanes.size() - 1)];
		Arrays.fill(row, ' ');
		return row;
	}

	private static String pad(String text, int width) {
		return text + " ".repeat(Math.max(0, width - text.length()));
	}

}
