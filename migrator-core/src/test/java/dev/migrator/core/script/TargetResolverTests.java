package dev.migrator.core.script;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static dev.migrator.core.script.Revisions.builder;
import static dev.migrator.core.script.Revisions.rev;
import static dev.migrator.core.script.Revisions.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TargetResolverTests {

	private final TargetResolver resolver = new TargetResolver(sample());

	private final TargetResolver linear = new TargetResolver(
			RevisionGraph.of(List.of(rev("0001_init"), rev("0002_users", "0001_init"), rev("0003_orders", "0002_users"),
					rev("0003_ordinal", "0003_orders"), builder("0005-2", "0003_ordinal").build())));

	@Test
	void headIsTheSingleHead() {
		assertThat(this.linear.resolve("head", Set.of())).containsExactly("0005-2");
	}

	@Test
	void headWithSeveralHeadsListsThem() {
		assertThatThrownBy(() -> this.resolver.resolve("head", Set.of())).isInstanceOf(RevisionGraphException.class)
			.hasMessageContaining("there are 2 heads: y (")
			.hasMessageContaining("z (")
			.hasMessageContaining("use 'heads'")
			.extracting((ex) -> ((RevisionGraphException) ex).code())
			.isEqualTo("multiple-heads");
	}

	@Test
	void headsIsEveryHead() {
		assertThat(this.resolver.resolve("heads", Set.of())).containsExactly("y", "z");
	}

	@Test
	void baseIsNothing() {
		assertThat(this.resolver.resolve("base", Set.of("z"))).isEmpty();
	}

	@Test
	void aFullIdResolvesToItself() {
		assertThat(this.linear.resolve("0002_users", Set.of())).containsExactly("0002_users");
	}

	@Test
	void aUniquePrefixResolves() {
		assertThat(this.linear.resolve("0002", Set.of())).containsExactly("0002_users");
	}

	@Test
	void anAmbiguousPrefixListsTheMatches() {
		assertThatThrownBy(() -> this.linear.resolve("0003_ord", Set.of())).isInstanceOf(RevisionGraphException.class)
			.hasMessageContaining("matches 2 revisions: 0003_orders, 0003_ordinal")
			.extracting((ex) -> ((RevisionGraphException) ex).code())
			.isEqualTo("ambiguous-target");
	}

	@Test
	void anUnknownTargetSuggestsCloseIds() {
		assertThatThrownBy(() -> this.linear.resolve("0002_usrs", Set.of())).isInstanceOf(RevisionGraphException.class)
			.hasMessageContaining("Did you mean 0002_users")
			.extracting((ex) -> ((RevisionGraphException) ex).code())
			.isEqualTo("unknown-target");
	}

	@Test
	void anIdContainingADashWinsOverARelativeStep() {
		assertThat(this.linear.resolve("0005-2", Set.of())).containsExactly("0005-2");
	}

	@Test
	void labelAtHeadIsTheHeadOfThatBranch() {
		assertThat(this.resolver.resolve("billing@head", Set.of())).containsExactly("y");
	}

	@Test
	void labelAtHeadWithAnUnknownLabelListsTheKnownOnes() {
		assertThatThrownBy(() -> this.resolver.resolve("nope@head", Set.of()))
			.isInstanceOf(RevisionGraphException.class)
			.hasMessageContaining("Known labels: feature, billing");
	}

	@Test
	void aBareLabelIsTheRevisionThatCarriesIt() {
		assertThat(this.resolver.resolve("feature", Set.of())).containsExactly("d");
	}

	@Test
	void plusNFromBaseStartsAtTheSingleRoot() {
		assertThat(this.linear.resolve("+1", Set.of())).containsExactly("0001_init");
		assertThat(this.linear.resolve("+3", Set.of())).containsExactly("0003_orders");
	}

	@Test
	void plusNMovesUpFromTheCurrentRevision() {
		assertThat(this.linear.resolve("+2", Set.of("0002_users"))).containsExactly("0003_ordinal");
	}

	@Test
	void minusNMovesDownAndPastTheRootIsBase() {
		assertThat(this.linear.resolve("-1", Set.of("0003_orders"))).containsExactly("0002_users");
		assertThat(this.linear.resolve("-3", Set.of("0003_orders"))).isEmpty();
	}

	@Test
	void minusNBeyondBaseIsAnError() {
		assertThatThrownBy(() -> this.linear.resolve("-4", Set.of("0003_orders")))
			.isInstanceOf(RevisionGraphException.class)
			.hasMessageContaining("Use base");
	}

	@Test
	void idPlusNAndIdMinusNMoveFromThatRevision() {
		assertThat(this.linear.resolve("0001_init+2", Set.of())).containsExactly("0003_orders");
		assertThat(this.linear.resolve("0003_ordinal-2", Set.of())).containsExactly("0002_users");
		assertThat(this.linear.resolve("0002+1", Set.of())).containsExactly("0003_orders");
	}

	@Test
	void plusNBeyondTheHeadIsAnError() {
		assertThatThrownBy(() -> this.linear.resolve("+9", Set.of("0003_orders")))
			.isInstanceOf(RevisionGraphException.class)
			.hasMessageContaining("Use head or heads");
	}

	@Test
	void relativeStepsRefuseToChooseAtABranchPoint() {
		assertThatThrownBy(() -> this.resolver.resolve("b+1", Set.of())).isInstanceOf(RevisionGraphException.class)
			.hasMessageContaining("cannot choose at b")
			.hasMessageContaining("branches into c (");
		assertThatThrownBy(() -> this.resolver.resolve("m-1", Set.of())).isInstanceOf(RevisionGraphException.class)
			.hasMessageContaining("merges c (");
	}

	@Test
	void relativeStepsRefuseSeveralCurrentHeads() {
		assertThatThrownBy(() -> this.resolver.resolve("-1", Set.of("y", "z")))
			.isInstanceOf(RevisionGraphException.class)
			.hasMessageContaining("the database is at several heads: y, z")
			.extracting((ex) -> ((RevisionGraphException) ex).code())
			.isEqualTo("ambiguous-relative-target");
	}

	@Test
	void plusNFromBaseRefusesSeveralRoots() {
		assertThatThrownBy(() -> this.resolver.resolve("+1", Set.of())).isInstanceOf(RevisionGraphException.class)
			.hasMessageContaining("there are 2 bases");
	}

	@Test
	void malformedTargetsAreRejected() {
		assertThatThrownBy(() -> Target.parse("  ")).isInstanceOf(RevisionGraphException.class)
			.hasMessageContaining("empty");
		assertThatThrownBy(() -> Target.parse("@head")).isInstanceOf(RevisionGraphException.class)
			.hasMessageContaining("no branch label");
		assertThatThrownBy(() -> Target.parse("billing@base")).isInstanceOf(RevisionGraphException.class)
			.hasMessageContaining("only label@head");
	}

	@Test
	void aUniquePrefixOfTheWholeTextWinsOverARelativeStep() {
		TargetResolver dashed = new TargetResolver(
				RevisionGraph.of(List.of(rev("0001_init"), rev("v2-10", "0001_init"), rev("v3", "v2-10"))));
		assertThat(dashed.resolve("v2-1", Set.of())).containsExactly("v2-10");
		assertThat(dashed.resolve("v3-1", Set.of())).containsExactly("v2-10");
	}

	@Test
	void keywordsAreReadInAnyCase() {
		assertThat(this.linear.resolve("HEAD", Set.of())).containsExactly("0005-2");
		assertThat(this.resolver.resolve("Heads", Set.of())).containsExactly("y", "z");
		assertThat(this.resolver.resolve("BASE", Set.of("z"))).isEmpty();
	}

}
