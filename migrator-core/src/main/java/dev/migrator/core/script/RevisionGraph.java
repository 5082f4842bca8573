package dev.migrator.core.script;

import dev.migrator.core.error.ErrorCode;

import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.stream.Collectors;

// Over 300 lines: the graph's queries over one set of index arrays, which splitting would expose.
/**
 * The revisions as a validated directed acyclic graph. Pure: no I/O, built from a list,
 * immutable.
 *
 * <p>
 * Edges run from a revision to its parents ({@code revises}) and to the revisions it
 * depends on ({@code depends-on}). Both order an upgrade; only parent edges decide which
 * revisions are heads of the version table, so a dependency never merges two branches.
 */
public final class RevisionGraph {

	private final Revision[] revisions;

	private final List<Revision> repeatables;

	private final Map<String, Integer> indexById;

	private final Map<String, Integer> indexByLabel;

	private final int[][] parents;

	private final int[][] dependencies;

	private final int[][] children;

	private final int[][] dependents;

	private final int[][] noEdges;

	private final int[] topologicalOrder;

	private final int[] topologicalRank;

	private RevisionGraph(List<Revision> input, List<Revision> repeatables) {
		this.revisions = input.toArray(new Revision[0]);
		int n = this.revisions.length;
		this.indexById = new HashMap<>(n * 2);
		for (int i = 0; i < n; i++) {
			Integer previous = this.indexById.putIfAbsent(this.revisions[i].id(), i);
			if (previous != null) {
				Revision first = this.revisions[previous];
				throw new RevisionGraphException(ErrorCode.DUPLICATE_REVISION,
						"Revision id '" + first.id() + "' is defined twice: in " + first.origin() + " and in "
								+ this.revisions[i].origin()
								+ ". Ids must be unique across all locations: give the newer one a new id.");
			}
		}
		this.indexByLabel = indexLabels();
		this.parents = new int[n][];
		this.dependencies = new int[n][];
		for (int i = 0; i < n; i++) {
			this.parents[i] = resolveReferences(this.revisions[i], this.revisions[i].revises(), "revises");
			this.dependencies[i] = resolveReferences(this.revisions[i], this.revisions[i].dependsOn(), "depends-on");
		}
		this.children = invert(this.parents);
		this.dependents = invert(this.dependencies);
		this.noEdges = invert(new int[n][0]);
		this.topologicalOrder = sortTopologically();
		this.topologicalRank = new int[n];
		for (int rank = 0; rank < n; rank++) {
			this.topologicalRank[this.topologicalOrder[rank]] = rank;
		}
		this.repeatables = RepeatableOrder.of(repeatables, this.indexById.keySet());
	}

	/**
	 * Validates the revisions and builds the graph; the exception names the revision and
	 * file at fault.
	 */
	public static RevisionGraph of(List<Revision> revisions) {
		return new RevisionGraph(revisions.stream().filter((r) -> !r.repeatable()).toList(),
				revisions.stream().filter(Revision::repeatable).toList());
	}

	/**
	 * The repeatable revisions, outside the graph, in the order they run: each after
	 * those it depends on, ties broken by id.
	 */
	public List<Revision> repeatables() {
		return this.repeatables;
	}

	public int size() {
		return this.revisions.length;
	}

	public Optional<Revision> find(String id) {
		Integer index = this.indexById.get(id);
		return (index != null) ? Optional.of(this.revisions[index]) : Optional.empty();
	}

	/** The revision with exactly this id; the error suggests close ids. */
	public Revision get(String id) {
		return find(id).orElseThrow(() -> new RevisionGraphException(ErrorCode.UNKNOWN_REVISION,
				"Unknown revision '" + id + "'." + suggestionsFor(id)));
	}

	/** The revision carrying this branch label. */
	public Optional<Revision> findByLabel(String label) {
		Integer index = this.indexByLabel.get(label);
		return (index != null) ? Optional.of(this.revisions[index]) : Optional.empty();
	}

	/**
	 * Every revision, parents before children, ties broken by id so the order is the same
	 * on every run.
	 */
	public List<Revision> revisions() {
		return toRevisions(this.topologicalOrder);
	}

	/** Revisions that no other revision revises, sorted by id. */
	public List<Revision> heads() {
		return select((i) -> this.children[i].length == 0);
	}

	/**
	 * Heads that no branch label or {@code depends-on} keeps apart, sorted by id: empty
	 * when the history has one head, or when each head is on its own labelled branch. Two
	 * heads are kept apart when the branch labels along their parent chains differ (one
	 * of them is on a labelled branch, or a labelled root, the other is not), or when one
	 * depends on the other. Otherwise they are one line of history that forked by
	 * accident (two people added a revision on the same parent) and should be merged.
	 */
	public List<Revision> unmergedHeads() {
		List<Revision> heads = heads();
		List<Set<String>> labels = new ArrayList<>(heads.size());
		List<Set<String>> needs = new ArrayList<>(heads.size());
		for (Revision head : heads) {
			Set<String> line = toIds(closure(indexesOf(List.of(head.id())), this.parents, this.noEdges));
			labels.add(line.stream()
				.flatMap((id) -> this.revisions[indexOf(id)].branchLabels().stream())
				.collect(Collectors.toSet()));
			needs.add(ancestorsOf(List.of(head.id())));
		}
		Set<String> unmerged = new java.util.TreeSet<>();
		for (int a = 0; a < heads.size(); a++) {
			for (int b = a + 1; b < heads.size(); b++) {
				boolean dependent = needs.get(a).contains(heads.get(b).id())
						|| needs.get(b).contains(heads.get(a).id());
				if (labels.get(a).equals(labels.get(b)) && !dependent) {
					unmerged.add(heads.get(a).id());
					unmerged.add(heads.get(b).id());
				}
			}
		}
		return unmerged.stream().map((id) -> this.revisions[indexOf(id)]).toList();
	}

	/** Revisions with no parent, sorted by id. */
	public List<Revision> bases() {
		return select((i) -> this.parents[i].length == 0);
	}

	/** Revisions revised by more than one child: where the history forks. */
	public List<Revision> branchPoints() {
		return select((i) -> this.children[i].length > 1);
	}

	/** The revisions whose {@code revises} names the given one, sorted by id. */
	public List<Revision> childrenOf(String id) {
		return sortedById(this.children[indexOf(id)]);
	}

	/** The revisions the given one revises, in the order written. */
	public List<Revision> parentsOf(String id) {
		int[] own = this.parents[indexOf(id)];
		List<Revision> result = new ArrayList<>(own.length);
		for (int p : own) {
			result.add(this.revisions[p]);
		}
		return result;
	}

	/**
	 * The given revisions and everything they need (parents and dependencies,
	 * transitively).
	 */
	public Set<String> ancestorsOf(Collection<String> ids) {
		return toIds(closure(indexesOf(ids), this.parents, this.dependencies));
	}

	/**
	 * The given revisions and everything that needs them (children and dependents,
	 * transitively).
	 */
	public Set<String> descendantsOf(Collection<String> ids) {
		return toIds(closure(indexesOf(ids), this.children, this.dependents));
	}

	/**
	 * The given revisions and their children, transitively: the branch they start,
	 * without dependents.
	 */
	public Set<String> branchOf(Collection<String> ids) {
		return toIds(closure(indexesOf(ids), this.children, this.noEdges));
	}

	/** The given ids in topological order (parents first). */
	public List<Revision> inOrder(Collection<String> ids) {
		int[] selected = new int[ids.size()];
		int k = 0;
		for (String id : ids) {
			selected[k++] = indexOf(id);
		}
		Integer[] boxed = new Integer[selected.length];
		for (int i = 0; i < selected.length; i++) {
			boxed[i] = selected[i];
		}
		java.util.Arrays.sort(boxed, Comparator.comparingInt((Integer i) -> this.topologicalRank[i]));
		List<Revision> result = new ArrayList<>(boxed.length);
		for (Integer i : boxed) {
			result.add(this.revisions[i]);
		}
		return result;
	}

	/**
	 * The version-table rows that represent a set of applied revisions: the applied
	 * revisions none of whose children is applied.
	 */
	public Set<String> headsOf(Set<String> applied) {
		Set<String> rows = new LinkedHashSet<>();
		for (Revision revision : inOrder(applied)) {
			boolean childApplied = false;
			for (int child : this.children[indexOf(revision.id())]) {
				if (applied.contains(this.revisions[child].id())) {
					childApplied = true;
					break;
				}
			}
			if (!childApplied) {
				rows.add(revision.id());
			}
		}
		return rows;
	}

	String suggestionsFor(String id) {
		String lower = id.toLowerCase(java.util.Locale.ROOT);
		List<String> close = this.indexById.keySet()
			.stream()
			.filter((candidate) -> candidate.toLowerCase(java.util.Locale.ROOT).startsWith(lower)
					|| lower.startsWith(candidate.toLowerCase(java.util.Locale.ROOT))
					|| editDistance(candidate, id) <= 2)
			.sorted()
			.limit(5)
			.toList();
		if (close.isEmpty()) {
			return (this.revisions.length == 0) ? " No revisions are loaded: check the configured locations."
					: " Run 'history' to list the known revisions.";
		}
		return " Did you mean " + String.join(", ", close) + "?";
	}

	private int indexOf(String id) {
		Integer index = this.indexById.get(id);
		if (index == null) {
			throw new RevisionGraphException(ErrorCode.UNKNOWN_REVISION,
					"Unknown revision '" + id + "'." + suggestionsFor(id));
		}
		return index;
	}

	private int[] indexesOf(Collection<String> ids) {
		int[] result = new int[ids.size()];
		int k = 0;
		for (String id : ids) {
			result[k++] = indexOf(id);
		}
		return result;
	}

	private Map<String, Integer> indexLabels() {
		Map<String, Integer> labels = new HashMap<>();
		for (int i = 0; i < this.revisions.length; i++) {
			for (String label : this.revisions[i].branchLabels()) {
				Integer previous = labels.putIfAbsent(label, i);
				if (previous != null) {
					throw new RevisionGraphException(ErrorCode.DUPLICATE_BRANCH_LABEL, "Branch label '" + label
							+ "' is declared by both " + this.revisions[previous].id() + " ("
							+ this.revisions[previous].origin() + ") and " + this.revisions[i].id() + " ("
							+ this.revisions[i].origin()
							+ "). A label names one branch: declare it on the revision that starts the branch only.");
				}
				Integer sameAsId = this.indexById.get(label);
				if (sameAsId != null) {
					throw new RevisionGraphException(ErrorCode.AMBIGUOUS_BRANCH_LABEL,
							"Branch label '" + label + "' of " + this.revisions[i].id() + " ("
									+ this.revisions[i].origin()
									+ ") is also a revision id. Rename the label so targets stay unambiguous.");
				}
			}
		}
		return labels;
	}

	private int[] resolveReferences(Revision revision, List<String> ids, String header) {
		int[] result = new int[ids.size()];
		for (int k = 0; k < ids.size(); k++) {
			String id = ids.get(k);
			Integer index = this.indexById.get(id);
			if (index == null) {
				throw new RevisionGraphException(
						"revises".equals(header) ? ErrorCode.UNKNOWN_PARENT : ErrorCode.UNKNOWN_DEPENDENCY,
						"Revision " + revision.id() + " (" + revision.origin() + ") names '" + id + "' in " + header
								+ ", but no revision has that id." + suggestionsFor(id)
								+ " Fix the header, or add the missing revision file to a configured location.");
			}
			result[k] = index;
		}
		return result;
	}

	private static int[][] invert(int[][] edges) {
		int n = edges.length;
		int[] counts = new int[n];
		for (int[] targets : edges) {
			for (int t : targets) {
				counts[t]++;
			}
		}
		int[][] inverted = new int[n][];
		for (int i = 0; i < n; i++) {
			inverted[i] = new int[counts[i]];
		}
		int[] fill = new int[n];
		for (int source = 0; source < n; source++) {
			for (int t : edges[source]) {
				inverted[t][fill[t]++] = source;
			}
		}
		return inverted;
	}

	private int[] sortTopologically() {
		int n = this.revisions.length;
		int[] pending = new int[n];
		for (int i = 0; i < n; i++) {
			pending[i] = this.parents[i].length + this.dependencies[i].length;
		}
		PriorityQueue<Integer> ready = new PriorityQueue<>(Comparator.comparing((Integer i) -> this.revisions[i].id()));
		for (int i = 0; i < n; i++) {
			if (pending[i] == 0) {
				ready.add(i);
			}
		}
		int[] order = new int[n];
		int k = 0;
		while (!ready.isEmpty()) {
			int next = ready.poll();
			order[k++] = next;
			for (int[] successors : new int[][] { this.children[next], this.dependents[next] }) {
				for (int s : successors) {
					if (--pending[s] == 0) {
						ready.add(s);
					}
				}
			}
		}
		if (k < n) {
			throw cycleError(pending);
		}
		return order;
	}

	private RevisionGraphException cycleError(int[] pending) {
		// Every node left with pending > 0 lies on or behind a cycle; walking unresolved
		// edges must revisit a node.
		int start = 0;
		while (pending[start] == 0) {
			start++;
		}
		Map<Integer, Integer> seenAt = new HashMap<>();
		List<Integer> walk = new ArrayList<>();
		int current = start;
		while (!seenAt.containsKey(current)) {
			seenAt.put(current, walk.size());
			walk.add(current);
			current = nextUnresolved(current, pending);
		}
		List<Integer> cycle = new ArrayList<>(walk.subList(seenAt.get(current), walk.size()));
		Collections.reverse(cycle);
		cycle.add(cycle.get(0));
		String path = cycle.stream().map((i) -> this.revisions[i].id()).collect(Collectors.joining(" -> "));
		String files = cycle.stream()
			.distinct()
			.map((i) -> this.revisions[i].id() + " in " + this.revisions[i].origin())
			.collect(Collectors.joining(", "));
		return new RevisionGraphException(ErrorCode.REVISION_CYCLE, "The revisions form a cycle: " + path + " (" + files
				+ "). A revision cannot come before itself: fix the revises or depends-on header of one of them.");
	}

	private int nextUnresolved(int node, int[] pending) {
		for (int p : this.parents[node]) {
			if (pending[p] > 0) {
				return p;
			}
		}
		for (int d : this.dependencies[node]) {
			if (pending[d] > 0) {
				return d;
			}
		}
		throw new IllegalStateException("revision " + this.revisions[node].id() + " is unresolved without a cause");
	}

	private BitSet closure(int[] start, int[][] first, int[][] second) {
		BitSet seen = new BitSet(this.revisions.length);
		ArrayDeque<Integer> queue = new ArrayDeque<>();
		for (int s : start) {
			if (!seen.get(s)) {
				seen.set(s);
				queue.add(s);
			}
		}
		while (!queue.isEmpty()) {
			int node = queue.poll();
			for (int next : first[node]) {
				if (!seen.get(next)) {
					seen.set(next);
					queue.add(next);
				}
			}
			for (int next : second[node]) {
				if (!seen.get(next)) {
					seen.set(next);
					queue.add(next);
				}
			}
		}
		return seen;
	}

	private Set<String> toIds(BitSet set) {
		Set<String> ids = new LinkedHashSet<>();
		for (int rank = 0; rank < this.topologicalOrder.length; rank++) {
			int i = this.topologicalOrder[rank];
			if (set.get(i)) {
				ids.add(this.revisions[i].id());
			}
		}
		return ids;
	}

	private List<Revision> toRevisions(int[] indexes) {
		List<Revision> result = new ArrayList<>(indexes.length);
		for (int i : indexes) {
			result.add(this.revisions[i]);
		}
		return Collections.unmodifiableList(result);
	}

	private List<Revision> select(java.util.function.IntPredicate predicate) {
		List<Revision> result = new ArrayList<>();
		for (int i = 0; i < this.revisions.length; i++) {
			if (predicate.test(i)) {
				result.add(this.revisions[i]);
			}
		}
		result.sort(Comparator.comparing(Revision::id));
		return result;
	}

	private List<Revision> sortedById(int[] indexes) {
		List<Revision> result = new ArrayList<>(toRevisions(indexes));
		result.sort(Comparator.comparing(Revision::id));
		return result;
	}

	private static int editDistance(String a, String b) {
		if (Math.abs(a.length() - b.length()) > 2) {
			return 3;
		}
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int cost = (a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1;
				current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}

}
