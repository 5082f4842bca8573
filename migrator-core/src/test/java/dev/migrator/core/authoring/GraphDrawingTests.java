package dev.migrator.core.authoring;

import dev.migrator.core.script.Revision;
import dev.migrator.core.script.RevisionGraph;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GraphDrawingTests {

	private static Revision.Builder rev(String id, String message, String... parents) {
		return Revision.builder(id).message(message).revises(parents).upgradeSql("SELECT 1");
	}

	/**
	 * Two branches merged, a third still open, a labelled second root, a dependency
	 * between them.
	 */
	private static RevisionGraph sample() {
		return RevisionGraph.of(List.of(rev("0001", "create users").build(), rev("0002", "users email", "0001").build(),
				rev("0003a", "orders", "0002").build(),
				rev("0003b", "user status", "0002").branchLabels("status").build(),
				rev("0004", "merge", "0003a", "0003b").build(), rev("0005", "orders index", "0004").build(),
				rev("0005x", "experiment", "0004").build(),
				rev("b001", "billing", new String[0]).branchLabels("billing").build(),
				rev("b002", "invoices", "b001").dependsOn("0002").build()));
	}

	@Test
	void drawsTheGraphNewestFirstWithForksMergesAndTags() {
		assertThat(new GraphDrawing(sample()).text()).isEqualTo("""
				*    b002  invoices (head) depends on 0002
				*    b001  billing [billing] (base)

				*    0005x  experiment (head)
				│ *  0005  orders index (head)
				├─╯
				*    0004  merge (merge)
				├─╮
				│ *  0003b  user status [status]
				* │  0003a  orders
				├─╯
				*    0002  users email
				*    0001  create users (base)
				""");
	}

	@Test
	void drawsNestedMergesAndThreeBranchesJoiningAtTheirCommonParent() {
		RevisionGraph graph = RevisionGraph
			.of(List.of(rev("a", "").build(), rev("b", "", "a").build(), rev("c", "", "a").build(),
					rev("d", "", "a").build(), rev("m", "", "b", "d").build(), rev("n", "", "c", "m").build()));
		assertThat(new GraphDrawing(graph).text()).isEqualTo("""
				*      n (head, merge)
				├─╮
				│ *    m (merge)
				│ ├─╮
				│ │ *  d
				* │ │  c
				│ * │  b
				├─┴─╯
				*      a (base)
				""");
	}

	@Test
	void drawsTheGraphAsAMermaidFlowchart() {
		assertThat(new GraphDrawing(sample()).mermaid()).isEqualTo("""
				flowchart TD
				    r0["b002<br/>invoices<br/>(head) depends on 0002"]
				    r1["b001<br/>billing<br/>[billing] (base)"]
				    r2["0005x<br/>experiment<br/>(head)"]
				    r3["0005<br/>orders index<br/>(head)"]
				    r4["0004<br/>merge<br/>(merge)"]
				    r5["0003b<br/>user status<br/>[status]"]
				    r6["0003a<br/>orders"]
				    r7["0002<br/>users email"]
				    r8["0001<br/>create users<br/>(base)"]
				    r0 --> r1
				    r0 -. depends on .-> r7
				    r2 --> r4
				    r3 --> r4
				    r4 --> r6
				    r4 --> r5
				    r5 --> r7
				    r6 --> r7
				    r7 --> r8
				    classDef head stroke-width:3px
				    class r3 head
				    class r2 head
				    class r0 head
				""");
	}

	@Test
	void drawsTheSameTextEveryTime() {
		RevisionGraph graph = sample();
		assertThat(new GraphDrawing(graph).text()).isEqualTo(new GraphDrawing(sample()).text());
		assertThat(new GraphDrawing(graph).mermaid()).isEqualTo(new GraphDrawing(sample()).mermaid());
	}

	@Test
	void escapesWhatMermaidWouldReadAsSyntax() {
		RevisionGraph graph = RevisionGraph.of(List.of(rev("0001", "say \"<hi>\" #1").build()));
		assertThat(new GraphDrawing(graph).mermaid())
			.contains("r0[\"0001<br/>say #quot;#lt;hi#gt;#quot; #35;1<br/>(head, base)\"]");
	}

}
