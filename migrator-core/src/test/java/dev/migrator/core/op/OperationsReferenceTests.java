package dev.migrator.core.op;

import dev.migrator.core.op.GoldenExamples.Example;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operations reference shows exactly the golden SQL. After changing an example,
 * rewrite the reference's examples with {@code -Dmigrator.reference.write=true} and
 * review the diff.
 */
class OperationsReferenceTests {

	private static final Path REFERENCE = Path.of("..", "docs", "reference", "operations.md");

	private static final String START = "<!-- examples: generated from GoldenExamples by OperationsReferenceTests -->\n";

	private static final String END = "<!-- end of examples -->\n";

	@Test
	void theReferenceShowsTheSqlEveryOperationRenders() throws IOException {
		String reference = Files.readString(REFERENCE);
		int start = reference.indexOf(START);
		int end = reference.indexOf(END);
		assertThat(start).as("the reference has the examples markers").isNotNegative();
		assertThat(end).isGreaterThan(start);
		String generated = markdown(GoldenExamples.all());
		if (Boolean.getBoolean("migrator.reference.write")) {
			Files.writeString(REFERENCE,
					reference.substring(0, start + START.length()) + generated + reference.substring(end));
			return;
		}
		assertThat(reference.substring(start + START.length(), end))
			.as("docs/reference/operations.md is out of date: run the test with -Dmigrator.reference.write=true")
			.isEqualTo(generated);
	}

	static String markdown(List<Example> examples) {
		StringBuilder out = new StringBuilder();
		String section = "";
		for (Example example : examples) {
			if (!example.section().equals(section)) {
				section = example.section();
				out.append("\n### ").append(section).append("\n");
			}
			out.append("\n#### ")
				.append(example.title())
				.append("\n\n```java\n")
				.append(example.java())
				.append("\n```\n");
			dialect(out, "PostgreSQL", example.postgresql(), () -> GoldenExamples.render("postgresql", example));
			dialect(out, "SQLite", example.sqlite(), () -> GoldenExamples.render("sqlite", example));
		}
		return out.append('\n').toString();
	}

	/**
	 * The expected lines; for a refusal, the whole message as rendered (the golden test
	 * checks its start).
	 */
	private static void dialect(StringBuilder out, String name, List<String> lines, Supplier<List<String>> rendered) {
		if (lines.isEmpty()) {
			out.append('\n').append(name).append(": no statement.\n");
			return;
		}
		if (lines.size() == 1 && lines.get(0).startsWith("error: ")) {
			out.append('\n')
				.append(name)
				.append(": refused before anything runs with *")
				.append(rendered.get().get(0).substring("error: ".length()))
				.append("*\n");
			return;
		}
		out.append('\n').append(name).append(":\n\n```sql\n");
		for (String line : lines) {
			out.append(sql(line)).append('\n');
		}
		out.append("```\n");
	}

	private static String sql(String line) {
		if (line.startsWith("check: ")) {
			return "-- check, must return no rows:\n" + sql(line.substring("check: ".length()));
		}
		if (line.startsWith("repeat: ")) {
			return "-- repeat until it updates no rows, each run committed on its own:\n"
					+ sql(line.substring("repeat: ".length()));
		}
		if (line.startsWith("on failure: ")) {
			return "-- only if a statement above failed:\n" + sql(line.substring("on failure: ".length()));
		}
		String comment = "";
		for (String marker : List.of(" -- parameters: ", " -- outside a transaction")) {
			int at = line.indexOf(marker);
			if (at >= 0) {
				comment = line.substring(at) + comment;
				line = line.substring(0, at);
			}
		}
		return line + ";" + comment;
	}

}
