package dev.migrator.core.authoring;

import dev.migrator.core.script.Origin;
import dev.migrator.core.script.Revision;
import dev.migrator.core.script.RevisionGraph;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

class HeadsCheckTests {

	private static Revision rev(String id, String... parents) {
		return Revision.builder(id)
			.revises(parents)
			.origin(Origin.file("classpath:db/revisions/" + id + ".sql"))
			.upgradeSql("SELECT 1")
			.build();
	}

	@Test
	void reportsEachHeadWithTheFileThatIntroducedItAndTheLabelsOfItsBranch() {
		RevisionGraph graph = RevisionGraph.of(List.of(rev("0001_base"),
				Revision.builder("0002_users")
					.revises("0001_base")
					.branchLabels("users")
					.origin(Origin.file("classpath:db/revisions/0002_users.sql"))
					.upgradeSql("SELECT 1")
					.build(),
				rev("0003_users_email", "0002_users"), rev("0002_orders", "0001_base")));
		HeadsReport report = new HeadsCheck(graph).report();
		assertThat(report.hasSeveralHeads()).isTrue();
		assertThat(report.heads())
			.extracting(HeadsReport.Head::id, HeadsReport.Head::branchLabels, HeadsReport.Head::location)
			.containsExactly(tuple("0002_orders", List.of(), "classpath:db/revisions/0002_orders.sql"),
					tuple("0003_users_email", List.of("users"), "classpath:db/revisions/0003_users_email.sql"));
		assertThat(report.describe()).isEqualTo("""
				2 heads:
				  0002_orders  classpath:db/revisions/0002_orders.sql
				  0003_users_email [users]  classpath:db/revisions/0003_users_email.sql
				Merge them with a merge revision (merge heads), so that 'head' names one revision again and no branch \
				is left out of a release.""");
	}

	@Test
	void failsTheCheckOnSeveralHeadsAndPassesOnOne() {
		RevisionGraph two = RevisionGraph.of(List.of(rev("a"), rev("b", "a"), rev("c", "a")));
		assertThatExceptionOfType(AuthoringException.class).isThrownBy(() -> new HeadsCheck(two).requireSingleHead())
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("multiple-heads"))
			.withMessageContaining("2 heads:\n  b  classpath:db/revisions/b.sql\n  c  classpath:db/revisions/c.sql");
		RevisionGraph merged = RevisionGraph.of(List.of(rev("a"), rev("b", "a"), rev("c", "a"), rev("m", "b", "c")));
		assertThat(new HeadsCheck(merged).requireSingleHead().describe())
			.isEqualTo("One head:\n  m  classpath:db/revisions/m.sql");
	}

}
