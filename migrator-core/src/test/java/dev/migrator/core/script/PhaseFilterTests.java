package dev.migrator.core.script;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static dev.migrator.core.script.Revisions.builder;
import static dev.migrator.core.script.Revisions.ids;
import static dev.migrator.core.script.Revisions.rev;
import static org.assertj.core.api.Assertions.assertThat;

class PhaseFilterTests {

	/**
	 * <pre>
	 * a ─ b ─┬─ c(contract) ─ d
	 *        └─ e ─ f(migrate, depends on c)
	 * x ─ y                     (y depends on b)
	 * </pre>
	 */
	private final Planner planner = new Planner(
			RevisionGraph.of(List.of(rev("a"), rev("b", "a"), builder("c", "b").phase(Phase.CONTRACT).build(),
					rev("d", "c"), rev("e", "b"), builder("f", "e").phase(Phase.MIGRATE).dependsOn("c").build(),
					rev("x"), builder("y", "x").dependsOn("b").build())));

	@Test
	void expandHoldsBackContractRevisionsTheirChildrenAndTheirDependents() {
		PhasedPlan phased = this.planner.upgrade(Set.of(), "heads", PhaseFilter.EXPAND);
		assertThat(ids(phased.plan().revisions())).containsExactly("a", "b", "e", "x", "y");
		assertThat(ids(phased.heldBack())).containsExactly("c", "d", "f");
		assertThat(phased.plan().rowsAfter()).containsExactlyInAnyOrder("e", "y");
	}

	@Test
	void allHoldsBackNothing() {
		PhasedPlan phased = this.planner.upgrade(Set.of(), "heads", PhaseFilter.ALL);
		assertThat(phased.heldBack()).isEmpty();
		assertThat(ids(phased.plan().revisions())).isEqualTo(ids(this.planner.upgrade(Set.of(), "heads").revisions()));
	}

	@Test
	void theContractPhaseLaterAppliesWhatWasHeldBack() {
		Set<String> afterExpand = this.planner.upgrade(Set.of(), "heads", PhaseFilter.EXPAND).plan().rowsAfter();
		Plan contract = this.planner.upgrade(afterExpand, "heads");
		assertThat(ids(contract.revisions())).containsExactly("c", "d", "f");
		assertThat(contract.rowsAfter()).containsExactlyInAnyOrder("d", "f", "y");
	}

	@Test
	void labelsAreReadInAnyCase() {
		assertThat(PhaseFilter.fromLabel(" Expand ")).contains(PhaseFilter.EXPAND);
		assertThat(PhaseFilter.fromLabel("contract")).isEmpty();
	}

}
