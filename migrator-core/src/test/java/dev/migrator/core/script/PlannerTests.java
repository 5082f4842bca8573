package dev.migrator.core.script;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static dev.migrator.core.script.Revisions.builder;
import static dev.migrator.core.script.Revisions.ids;
import static dev.migrator.core.script.Revisions.rev;
import static dev.migrator.core.script.Revisions.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlannerTests {

	private final Planner planner = new Planner(sample());

	@Test
	void upgradeToHeadsAppliesEverythingParentsFirst() {
		Plan plan = this.planner.upgrade(Set.of(), "heads");
		assertThat(ids(plan.revisions())).containsExactly("a", "b", "c", "d", "e", "m", "x", "y", "z");
		assertThat(plan.rowsAfter()).containsExactlyInAnyOrder("y", "z");
	}

	@Test
	void upgradeAppliesOnlyWhatTheTargetNeeds() {
		Plan plan = this.planner.upgrade(Set.of(), "c");
		assertThat(ids(plan.revisions())).containsExactly("a", "b", "c");
		assertThat(plan.rowsAfter()).containsExactly("c");
	}

	@Test
	void upgradeAppliesDependenciesBeforeTheRevisionThatNeedsThem() {
		Plan plan = this.planner.upgrade(Set.of("m"), "z");
		assertThat(ids(plan.revisions())).containsExactly("x", "y", "z");
		assertThat(plan.rowsAfter()).containsExactlyInAnyOrder("y", "z");
	}

	@Test
	void versionRowsFollowBranchesAndMerges() {
		Plan plan = this.planner.upgrade(Set.of("b"), "m");
		assertThat(plan.steps()).extracting(PlanStep::deleteRows)
			.containsExactly(Set.of("b"), Set.of(), Set.of("d"), Set.of("c", "e"));
		assertThat(plan.steps()).extracting(PlanStep::insertRows)
			.containsExactly(Set.of("c"), Set.of("d"), Set.of("e"), Set.of("m"));
	}

	@Test
	void upgradeFromTheCurrentStateSkipsWhatIsApplied() {
		assertThat(ids(this.planner.upgrade(Set.of("c", "e"), "heads").revisions())).containsExactly("m", "x", "y",
				"z");
		assertThat(this.planner.upgrade(Set.of("y", "z"), "heads").isEmpty()).isTrue();
	}

	@Test
	void upgradeRefusesADownwardTarget() {
		assertThatThrownBy(() -> this.planner.upgrade(Set.of("c"), "-1")).isInstanceOf(RevisionGraphException.class)
			.hasMessageContaining("Use downgrade -1");
	}

	@Test
	void downgradeUndoesOnlyTheTargetsDescendantsChildrenFirst() {
		Plan plan = this.planner.downgrade(Set.of("y", "z"), "b");
		assertThat(ids(plan.revisions())).containsExactly("z", "m", "e", "d", "c");
		assertThat(plan.rowsAfter()).containsExactlyInAnyOrder("b", "y");
	}

	@Test
	void downgradeOfADependencyUndoesWhatDependsOnIt() {
		Plan plan = this.planner.downgrade(Set.of("y", "z"), "x");
		assertThat(ids(plan.revisions())).containsExactly("z", "y");
		assertThat(plan.rowsAfter()).containsExactlyInAnyOrder("m", "x");
	}

	@Test
	void downgradeToBaseUndoesEverything() {
		Plan plan = this.planner.downgrade(Set.of("y", "z"), "base");
		assertThat(plan.revisions()).hasSize(9);
		assertThat(plan.revisions().get(0).id()).isEqualTo("z");
		assertThat(plan.rowsAfter()).isEmpty();
	}

	@Test
	void downgradeRecreatesParentRowsAtAMerge() {
		Plan plan = this.planner.downgrade(Set.of("m"), "e");
		assertThat(ids(plan.revisions())).containsExactly("m");
		assertThat(plan.steps().get(0).insertRows()).containsExactlyInAnyOrder("c", "e");
	}

	@Test
	void downgradeRefusesATargetThatIsNotApplied() {
		assertThatThrownBy(() -> this.planner.downgrade(Set.of("c"), "e")).isInstanceOf(RevisionGraphException.class)
			.hasMessageContaining("Cannot downgrade to e: it is not applied (the database is at c)")
			.extracting((ex) -> ((RevisionGraphException) ex).code())
			.isEqualTo("target-not-applied");
	}

	@Test
	void downgradeThroughAForwardOnlyRevisionIsRefusedBeforeAnythingRuns() {
		Revision forwardOnly = Revision.builder("b")
			.revises("a")
			.upgradeSql("create table t (id int)")
			.origin(Origin.file("classpath:db/revisions/b.sql").atLine(1))
			.build();
		Planner withForwardOnly = new Planner(RevisionGraph.of(List.of(rev("a"), forwardOnly, rev("c", "b"))));
		assertThatThrownBy(() -> withForwardOnly.downgrade(Set.of("c"), "base"))
			.isInstanceOf(RevisionGraphException.class)
			.hasMessageContaining("b (classpath:db/revisions/b.sql:1) is forward-only")
			.hasMessageContaining("Choose a target at or above b")
			.extracting((ex) -> ((RevisionGraphException) ex).code())
			.isEqualTo("forward-only");
		assertThat(ids(withForwardOnly.downgrade(Set.of("c"), "b").revisions())).containsExactly("c");
	}

	@Test
	void downgradeRefusesAnUpwardTarget() {
		assertThatThrownBy(() -> this.planner.downgrade(Set.of("c"), "heads"))
			.isInstanceOf(RevisionGraphException.class)
			.hasMessageContaining("Use upgrade heads");
	}

	@Test
	void stampGivesTheRowsOfTheTarget() {
		assertThat(this.planner.stamp(Set.of(), "heads")).containsExactlyInAnyOrder("y", "z");
		assertThat(this.planner.stamp(Set.of("z", "y"), "c")).containsExactly("c");
		assertThat(this.planner.stamp(Set.of("c"), "base")).isEmpty();
	}

	@Test
	void aDatabaseAtAnUnknownRevisionIsNamed() {
		assertThatThrownBy(() -> this.planner.upgrade(Set.of("f00"), "heads"))
			.isInstanceOf(RevisionGraphException.class)
			.hasMessageContaining("The database is at revision f00, which this application does not know")
			.extracting((ex) -> ((RevisionGraphException) ex).code())
			.isEqualTo("unknown-database-revision");
	}

	@Test
	void pendingListsWhatAnUpgradeToHeadsWouldRun() {
		assertThat(ids(this.planner.pending(Set.of("m", "y")))).containsExactly("z");
	}

	@Test
	void historyRangesIncludeBothEnds() {
		RevisionHistory history = new RevisionHistory(sample());
		assertThat(ids(history.range("b:m", Set.of()))).containsExactly("b", "c", "d", "e", "m");
		assertThat(ids(history.range(":c", Set.of()))).containsExactly("a", "b", "c");
		assertThat(ids(history.range("m:", Set.of()))).containsExactly("m", "z");
		assertThat(ids(history.range("base:current", Set.of("c")))).containsExactly("a", "b", "c");
		assertThat(history.range("", Set.of())).hasSize(9);
		assertThatThrownBy(() -> history.range("b", Set.of())).isInstanceOf(RevisionGraphException.class)
			.hasMessageContaining("has no ':'");
		assertThat(ids(new RevisionHistory(RevisionGraph.of(List.of(builder("q").build()))).range("q:q", Set.of())))
			.containsExactly("q");
	}

}
