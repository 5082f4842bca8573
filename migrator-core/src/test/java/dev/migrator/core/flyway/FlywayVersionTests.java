package dev.migrator.core.flyway;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Flyway's version order, which the import chains revisions in. */
class FlywayVersionTests {

	@Test
	void partsCompareAsNumbersAndMissingPartsCountAsZero() {
		List<String> sorted = Stream.of("10", "1.10", "1.9", "2_1", "1", "1.0.1", "2")
			.map((text) -> FlywayVersion.parse(text).orElseThrow())
			.sorted()
			.map(FlywayVersion::text)
			.toList();
		assertThat(sorted).containsExactly("1", "1.0.1", "1.9", "1.10", "2", "2_1", "10");
		assertThat(FlywayVersion.parse("1.0").orElseThrow().sameAs(FlywayVersion.parse("1").orElseThrow())).isTrue();
	}

	@Test
	void aNameThatIsNotAVersionIsNone() {
		assertThat(FlywayVersion.parse("1.a")).isEmpty();
		assertThat(FlywayVersion.parse("")).isEmpty();
		assertThat(FlywayMigrationFile.of("V1_2__add_email.sql", "x", "").version().map(FlywayVersion::text))
			.contains("1_2");
		assertThat(FlywayMigrationFile.of("V1_2__add_email.sql", "x", "").description()).isEqualTo("add email");
		assertThat(FlywayMigrationFile.of("R__views.sql", "x", "").kind())
			.isEqualTo(FlywayMigrationFile.Kind.REPEATABLE);
		assertThat(FlywayMigrationFile.of("Vx__nope.sql", "x", "").kind()).isEqualTo(FlywayMigrationFile.Kind.OTHER);
	}

	@Test
	void theChecksumIgnoresLineEndsAndAByteOrderMark() {
		assertThat(FlywayChecksum.of("a\r\nb\n")).isEqualTo(FlywayChecksum.of("a\nb"))
			.isEqualTo(FlywayChecksum.of("\uFEFFa\rb\n"))
			.isNotEqualTo(FlywayChecksum.of("a b"));
	}

}
