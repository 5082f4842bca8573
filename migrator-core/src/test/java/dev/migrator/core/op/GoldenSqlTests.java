package dev.migrator.core.op;

import dev.migrator.core.op.GoldenExamples.Example;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;

/** Each operation renders exactly the documented SQL on each dialect. */
class GoldenSqlTests {

	@TestFactory
	Stream<DynamicTest> everyOperationRendersItsGoldenSqlOnPostgresql() {
		return GoldenExamples.all()
			.stream()
			.map((e) -> DynamicTest.dynamicTest(e.title(), () -> assertRenders("postgresql", e, e.postgresql())));
	}

	@TestFactory
	Stream<DynamicTest> everyOperationRendersItsGoldenSqlOnSqlite() {
		return GoldenExamples.all()
			.stream()
			.map((e) -> DynamicTest.dynamicTest(e.title(), () -> assertRenders("sqlite", e, e.sqlite())));
	}

	private static void assertRenders(String dialect, Example example, List<String> expected) {
		List<String> rendered = GoldenExamples.render(dialect, example);
		if (expected.size() == 1 && expected.get(0).startsWith("error: ")) {
			assertThat(rendered).hasSize(1);
			assertThat(rendered.get(0)).startsWith("error: ").contains(expected.get(0).substring("error: ".length()));
			return;
		}
		assertThat(rendered).containsExactlyElementsOf(expected);
	}

}
