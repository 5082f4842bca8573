package dev.migrator.core.script;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CompositeRevisionSourceTests {

	@Test
	void concatenatesTheRevisionsOfItsSourcesInOrder() {
		RevisionSource first = () -> List.of(Revision.builder("a").upgradeSql("SELECT 1").build());
		RevisionSource second = () -> List.of(Revision.builder("b").upgradeSql("SELECT 2").build(),
				Revision.builder("c").upgradeSql("SELECT 3").build());
		assertThat(new CompositeRevisionSource(List.of(first, second)).load()).extracting(Revision::id)
			.containsExactly("a", "b", "c");
	}

	@Test
	void loadsNothingFromNoSources() {
		assertThat(new CompositeRevisionSource(List.of()).load()).isEmpty();
	}

}
