package dev.migrator.core.compat;

import dev.migrator.core.script.Phase;
import dev.migrator.core.script.Revision;
import dev.migrator.core.script.RevisionGraph;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ContractGuardTests {

	/** a ─ b ─ c(contract) ─ d, and e depending on c from another root. */
	private final RevisionGraph graph = RevisionGraph.of(List.of(rev("a"), rev("b", "a"),
			Revision.builder("c").revises("b").phase(Phase.CONTRACT).upgradeSql("select 1").build(), rev("d", "c"),
			Revision.builder("e").dependsOn("c").upgradeSql("select 1").build()));

	private final ContractGuard guard = new ContractGuard(this.graph);

	@Test
	void anInstanceWhoseHeadsComeBeforeTheContractBlocksIt() {
		List<BlockedContract> blocked = this.guard.blocked(List.of(this.graph.get("c"), this.graph.get("d")),
				List.of(client("old", "b"), client("older", "a")));
		assertThat(blocked).singleElement().satisfies((b) -> {
			assertThat(b.revision().id()).isEqualTo("c");
			assertThat(b.clients()).extracting(RegisteredClient::instanceId).containsExactly("old", "older");
		});
	}

	@Test
	void anInstanceWhoseCodeKnowsTheContractDoesNotBlockIt() {
		assertThat(this.guard.blocked(List.of(this.graph.get("c")),
				List.of(client("same", "c"), client("newer", "d"), client("dependent", "e"), client("future", "z9"))))
			.isEmpty();
	}

	@Test
	void anInstanceOnAnotherBranchOnlyBlocksWhenNoneOfItsHeadsKnowsTheContract() {
		assertThat(this.guard.blocked(List.of(this.graph.get("c")), List.of(client("both", "b", "d")))).isEmpty();
		assertThat(this.guard.blocked(List.of(this.graph.get("c")), List.of(client("none")))).hasSize(1);
	}

	private static Revision rev(String id, String... parents) {
		return Revision.builder(id).revises(parents).upgradeSql("select 1").build();
	}

	private static RegisteredClient client(String id, String... heads) {
		Instant now = Instant.now();
		return new RegisteredClient(id, "shop", "1.0", Set.of(heads), now, now);
	}

}
