package dev.migrator.core.lint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lint corpus in {@code src/test/resources/lint-corpus}: statements written from what
 * squawk's rules and strong_migrations' checks describe, each case naming the rule it
 * stands for. Every unsafe case must be reported by the rule it expects; no safe case may
 * be reported by any rule.
 *
 * <p>
 * A case is a revision's upgrade section after a base revision that creates {@code users}
 * and {@code orders} and indexes {@code orders.note}. Its header lines:
 * {@code -- case: title}, {@code -- expect: rule} (unsafe only), {@code -- headers: ...}
 * (revision headers such as {@code transactional false}) and {@code -- setup: sql} (a
 * statement of an earlier revision); {@code -- enable: rule} applies an opt-in rule, and
 * {@code -- postgres-version: 10} judges the case for that PostgreSQL version instead of
 * the one assumed by default.
 */
class LintCorpusTests {

	private static final String INDEX_SQL = "CREATE INDEX CONCURRENTLY orders_note_idx ON orders (note);\n";

	record CorpusCase(String file, String title, String expect, String headers, List<String> setup, String sql,
			List<String> enable, String postgresVersion) {

		@Override
		public String toString() {
			return this.file + ": " + this.title
					+ (this.postgresVersion.isEmpty() ? "" : " (" + this.postgresVersion + ")");
		}

		LintSettings settings() {
			LintSettings settings = LintSettings.enabling(this.enable);
			return this.postgresVersion.isEmpty() ? settings
					: settings.withPostgresVersion(PostgresVersion.parse(this.postgresVersion));
		}

	}

	static Stream<CorpusCase> unsafe() {
		return read("unsafe").stream();
	}

	static Stream<CorpusCase> safe() {
		return read("safe").stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("unsafe")
	void everyUnsafeCaseIsReportedByItsRule(CorpusCase corpusCase) {
		assertThat(caseFindings(corpusCase)).extracting(Finding::ruleId).contains(corpusCase.expect());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("safe")
	void noSafeCaseIsReported(CorpusCase corpusCase) {
		assertThat(caseFindings(corpusCase)).isEmpty();
	}

	@Test
	void theCorpusCoversEveryRuleWithEnoughCases() {
		List<CorpusCase> unsafe = read("unsafe");
		assertThat(unsafe).hasSizeGreaterThan(100);
		assertThat(read("safe")).hasSizeGreaterThan(90);
		assertThat(unsafe.stream().map(CorpusCase::expect).distinct())
			.containsExactlyInAnyOrderElementsOf(dev.migrator.core.script.LintRule.ids());
	}

	/** The findings in the case's own revision, not in the base it builds on. */
	private static List<Finding> caseFindings(CorpusCase corpusCase) {
		return lint(corpusCase).findings()
			.stream()
			.filter((finding) -> finding.revisionId().equals("0001_case"))
			.toList();
	}

	private static LintReport lint(CorpusCase corpusCase) {
		RevisionSet set = RevisionSet.withBase().revision("0000_index", "transactional false", INDEX_SQL);
		for (int i = 0; i < corpusCase.setup().size(); i++) {
			set.revision("0000_setup_" + i, corpusCase.setup().get(i) + "\n");
		}
		set.revision("0001_case", corpusCase.headers(), corpusCase.sql());
		return new Linter("postgresql", new SqlRevisionStatements(), corpusCase.settings()).lint(set.graph());
	}

	private static List<CorpusCase> read(String folder) {
		try {
			Path root = Path.of(LintCorpusTests.class.getResource("/lint-corpus/" + folder).toURI());
			List<CorpusCase> cases = new ArrayList<>();
			try (Stream<Path> files = Files.list(root)) {
				for (Path file : files.sorted().toList()) {
					cases.addAll(parse(file.getFileName().toString(), Files.readAllLines(file)));
				}
			}
			return cases;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static List<CorpusCase> parse(String file, List<String> lines) {
		List<CorpusCase> cases = new ArrayList<>();
		Builder current = null;
		for (String line : lines) {
			if (line.startsWith("-- case: ")) {
				if (current != null) {
					cases.add(current.build(file));
				}
				current = new Builder(line.substring("-- case: ".length()));
			}
			else if (current == null || line.isBlank()) {
				continue;
			}
			else if (line.startsWith("-- expect: ")) {
				current.expect = line.substring("-- expect: ".length()).strip();
			}
			else if (line.startsWith("-- headers: ")) {
				current.headers = line.substring("-- headers: ".length()).strip();
			}
			else if (line.startsWith("-- enable: ")) {
				current.enable.add(line.substring("-- enable: ".length()).strip());
			}
			else if (line.startsWith("-- postgres-version: ")) {
				current.postgresVersion = line.substring("-- postgres-version: ".length()).strip();
			}
			else if (line.startsWith("-- setup: ")) {
				current.setup.add(line.substring("-- setup: ".length()).strip());
			}
			else if (!line.startsWith("-- ")) {
				current.sql.append(line).append('\n');
			}
		}
		if (current != null) {
			cases.add(current.build(file));
		}
		return cases;
	}

	private static final class Builder {

		private final String title;

		private String expect = "";

		private String headers = "";

		private final List<String> setup = new ArrayList<>();

		private final List<String> enable = new ArrayList<>();

		private final StringBuilder sql = new StringBuilder();

		private String postgresVersion = "";

		Builder(String title) {
			this.title = title;
		}

		CorpusCase build(String file) {
			return new CorpusCase(file, this.title, this.expect, this.headers, this.setup, this.sql.toString(),
					this.enable, this.postgresVersion);
		}

	}

}
