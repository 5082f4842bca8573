package dev.migrator.core.script;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * How a repeatable revision is read and where it stands: outside the graph, ordered by
 * depends-on among its kind.
 */
class RepeatableRevisionTests {

	private final SqlRevisionParser parser = new SqlRevisionParser();

	private Revision parse(String id, String headers, String body) {
		return this.parser.parse("db/" + id + ".sql", "-- migrator:revision " + id + "\n-- migrator:repeatable true\n"
				+ headers + "-- migrator:upgrade\n" + body);
	}

	@Test
	void aRepeatableIsNeitherAHeadNorARootOfTheGraph() {
		Revision base = this.parser.parse("db/0001.sql", "-- migrator:revision 0001\n-- migrator:upgrade\nSELECT 1;\n");
		Revision views = parse("R__views", "", "SELECT 2;\n");
		RevisionGraph graph = RevisionGraph.of(List.of(views, base));
		assertThat(views.repeatable()).isTrue();
		assertThat(graph.heads()).extracting(Revision::id).containsExactly("0001");
		assertThat(graph.revisions()).extracting(Revision::id).containsExactly("0001");
		assertThat(graph.find("R__views")).isEmpty();
		assertThat(graph.repeatables()).containsExactly(views);
	}

	@Test
	void theRepeatableHeaderIsPartOfTheChecksum() {
		String text = "-- migrator:revision R__v\n-- migrator:upgrade\nSELECT 1;\n";
		assertThat(parse("R__v", "", "SELECT 1;\n").checksum())
			.isNotEqualTo(this.parser.parse("db/R__v.sql", text).checksum());
	}

	@Test
	void revisesBranchLabelsADowngradeOrABackfillAreRefused() {
		assertThatExceptionOfType(RevisionSourceException.class)
			.isThrownBy(() -> parse("R__v", "-- migrator:revises 0001\n", "SELECT 1;\n"))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("invalid-repeatable"))
			.withMessageStartingWith("db/R__v.sql:3: repeatable revision R__v has a -- migrator:revises header");
		assertThatExceptionOfType(RevisionSourceException.class)
			.isThrownBy(() -> parse("R__v", "", "SELECT 1;\n-- migrator:downgrade\nSELECT 2;\n"))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("invalid-repeatable"))
			.withMessageContaining("is never downgraded");
		assertThatExceptionOfType(RevisionSourceException.class)
			.isThrownBy(() -> parse("R__v", "-- migrator:branch-labels views\n", "SELECT 1;\n"))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("invalid-repeatable"));
	}

	@Test
	void aRepeatableDependsOnRepeatablesOnlyWithoutACycle() {
		Revision base = this.parser.parse("db/0001.sql", "-- migrator:revision 0001\n-- migrator:upgrade\nSELECT 1;\n");
		assertThatExceptionOfType(RevisionGraphException.class).isThrownBy(
				() -> RevisionGraph.of(List.of(base, parse("R__v", "-- migrator:depends-on 0001\n", "SELECT 1;\n"))))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("unknown-dependency"))
			.withMessageContaining("may depend only on repeatable ones");
		assertThatExceptionOfType(RevisionGraphException.class)
			.isThrownBy(() -> RevisionGraph.of(List.of(parse("R__a", "-- migrator:depends-on R__b\n", "SELECT 1;\n"),
					parse("R__b", "-- migrator:depends-on R__a\n", "SELECT 1;\n"))))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("revision-cycle"));
		assertThatExceptionOfType(RevisionGraphException.class)
			.isThrownBy(() -> RevisionGraph.of(List.of(base, parse("0001", "", "SELECT 1;\n"))))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("duplicate-revision"));
	}

}
