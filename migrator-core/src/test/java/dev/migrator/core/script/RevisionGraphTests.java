package dev.migrator.core.script;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static dev.migrator.core.script.Revisions.builder;
import static dev.migrator.core.script.Revisions.ids;
import static dev.migrator.core.script.Revisions.rev;
import static dev.migrator.core.script.Revisions.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RevisionGraphTests {

	@Test
	void headsAreRevisionsNobodyRevises() {
		assertThat(ids(sample().heads())).containsExactly("y", "z");
	}

	@Test
	void basesAreRevisionsWithoutParents() {
		assertThat(ids(sample().bases())).containsExactly("a", "x");
	}

	@Test
	void branchPointsAreRevisionsWithSeveralChildren() {
		assertThat(ids(sample().branchPoints())).containsExactly("b");
	}

	@Test
	void revisionsComeParentsAndDependenciesFirstInAStableOrder() {
		List<String> order = ids(sample().revisions());
		assertThat(order).containsExactly("a", "b", "c", "d", "e", "m", "x", "y", "z");
		List<Revision> shuffled = new ArrayList<>(sample().revisions());
		java.util.Collections.reverse(shuffled);
		assertThat(ids(RevisionGraph.of(shuffled).revisions())).isEqualTo(order);
	}

	@Test
	void ancestorsFollowParentsAndDependencies() {
		assertThat(sample().ancestorsOf(List.of("z"))).containsExactlyInAnyOrder("a", "b", "c", "d", "e", "m", "x", "y",
				"z");
		assertThat(sample().ancestorsOf(List.of("c"))).containsExactlyInAnyOrder("a", "b", "c");
	}

	@Test
	void descendantsFollowChildrenAndDependents() {
		assertThat(sample().descendantsOf(List.of("y"))).containsExactlyInAnyOrder("y", "z");
		assertThat(sample().descendantsOf(List.of("d"))).containsExactlyInAnyOrder("d", "e", "m", "z");
	}

	@Test
	void headsOfAnAppliedSetIgnoreDependencyEdges() {
		assertThat(sample().headsOf(sample().ancestorsOf(List.of("z")))).containsExactlyInAnyOrder("y", "z");
		assertThat(sample().headsOf(Set.of("a", "b", "c", "d"))).containsExactlyInAnyOrder("c", "d");
	}

	@Test
	void duplicateIdNamesBothOrigins() {
		Revision first = builder("a").origin(Origin.file("classpath:db/one.sql").atLine(1)).build();
		Revision second = builder("a").origin(Origin.file("classpath:db/two.sql").atLine(1)).build();
		assertThatThrownBy(() -> RevisionGraph.of(List.of(first, second))).isInstanceOf(RevisionGraphException.class)
			.hasMessageContaining("'a' is defined twice")
			.hasMessageContaining("classpath:db/one.sql:1")
			.hasMessageContaining("classpath:db/two.sql:1")
			.extracting((ex) -> ((RevisionGraphException) ex).code())
			.isEqualTo("duplicate-revision");
	}

	@Test
	void unknownParentIsNamedWithASuggestion() {
		assertThatThrownBy(() -> RevisionGraph.of(List.of(rev("0001_init"), rev("0002_users", "0001_inti"))))
			.isInstanceOf(RevisionGraphException.class)
			.hasMessageContaining("0002_users")
			.hasMessageContaining("'0001_inti' in revises")
			.hasMessageContaining("Did you mean 0001_init");
	}

	@Test
	void unknownDependencyIsNamed() {
		assertThatThrownBy(() -> RevisionGraph.of(List.of(rev("a"), builder("b", "a").dependsOn("nope").build())))
			.isInstanceOf(RevisionGraphException.class)
			.hasMessageContaining("'nope' in depends-on")
			.extracting((ex) -> ((RevisionGraphException) ex).code())
			.isEqualTo("unknown-dependency");
	}

	@Test
	void cycleIsReportedAsAPath() {
		assertThatThrownBy(() -> RevisionGraph.of(List.of(rev("root"), rev("a", "c"), rev("b", "a"), rev("c", "b"))))
			.isInstanceOf(RevisionGraphException.class)
			.hasMessageMatching("(?s).*cycle: (a -> b -> c -> a|b -> c -> a -> b|c -> a -> b -> c).*")
			.extracting((ex) -> ((RevisionGraphException) ex).code())
			.isEqualTo("revision-cycle");
	}

	@Test
	void cycleThroughADependencyIsReported() {
		assertThatThrownBy(() -> RevisionGraph.of(List.of(builder("a").dependsOn("b").build(), rev("b", "a"))))
			.isInstanceOf(RevisionGraphException.class)
			.hasMessageMatching("(?s).*cycle: (a -> b -> a|b -> a -> b).*")
			.extracting((ex) -> ((RevisionGraphException) ex).code())
			.isEqualTo("revision-cycle");
	}

	@Test
	void aBranchLabelMayBeDeclaredOnce() {
		assertThatThrownBy(() -> RevisionGraph
			.of(List.of(builder("a").branchLabels("core").build(), builder("b", "a").branchLabels("core").build())))
			.isInstanceOf(RevisionGraphException.class)
			.hasMessageContaining("Branch label 'core' is declared by both a")
			.extracting((ex) -> ((RevisionGraphException) ex).code())
			.isEqualTo("duplicate-branch-label");
	}

	@Test
	void aBranchLabelMayNotShadowAnId() {
		assertThatThrownBy(() -> RevisionGraph.of(List.of(rev("a"), builder("b", "a").branchLabels("a").build())))
			.isInstanceOf(RevisionGraphException.class)
			.hasMessageContaining("is also a revision id");
	}

	@Test
	void anEmptyGraphHasNoHeads() {
		RevisionGraph graph = RevisionGraph.of(List.of());
		assertThat(graph.heads()).isEmpty();
		assertThat(graph.revisions()).isEmpty();
	}

	@Test
	void aRevisionBuiltInCodeWithAJavaBodyHasAStableChecksum() {
		JavaMigration migration = (context) -> {
		};
		String first = Revision.builder("a")
			.upgrade(new MigrationBody.Java(migration, Direction.UPGRADE))
			.build()
			.checksum();
		JavaMigration again = (context) -> {
		};
		String second = Revision.builder("a")
			.upgrade(new MigrationBody.Java(again, Direction.UPGRADE))
			.build()
			.checksum();
		assertThat(first).isEqualTo(second);
		assertThat(Revision.builder("a").upgradeSql("select 1").build().checksum()).isNotEqualTo(first);
	}

	@Test
	void headsOnOneUnlabelledLineAreUnmerged() {
		RevisionGraph graph = RevisionGraph.of(List.of(rev("a"), rev("b", "a"), rev("c", "a"), rev("d")));
		assertThat(ids(graph.unmergedHeads())).containsExactly("b", "c", "d");
	}

	@Test
	void headsKeptApartByABranchLabelOrADependencyAreNotUnmerged() {
		RevisionGraph labelled = RevisionGraph.of(List.of(rev("a"), rev("b", "a"),
				builder("c", "a").branchLabels("feature").build(), builder("x").branchLabels("shared").build()));
		assertThat(labelled.unmergedHeads()).isEmpty();
		RevisionGraph dependent = RevisionGraph
			.of(List.of(rev("a"), rev("b", "a"), builder("c", "a").dependsOn("b").build()));
		assertThat(dependent.unmergedHeads()).isEmpty();
		assertThat(RevisionGraph.of(List.of(rev("a"), rev("b", "a"))).unmergedHeads()).isEmpty();
	}

	@Test
	void twoUnlabelledForksOfALabelledBranchAreUnmerged() {
		RevisionGraph graph = RevisionGraph
			.of(List.of(rev("a"), builder("f", "a").branchLabels("feature").build(), rev("g", "f"), rev("h", "f")));
		assertThat(ids(graph.unmergedHeads())).containsExactly("g", "h");
	}

}
