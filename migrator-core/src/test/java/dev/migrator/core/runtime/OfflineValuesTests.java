package dev.migrator.core.runtime;

import dev.migrator.core.dialect.Dialects;
import dev.migrator.core.op.InvalidOperationException;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Offline scripts write bound values as escaped literals, and only where a placeholder
 * stands.
 */
class OfflineValuesTests {

	@Test
	void placeholdersTakeEscapedLiteralsInOrder() {
		assertThat(OfflineValues.inline("INSERT INTO t VALUES (?, ?, ?, ?, ?, ?)",
				Arrays.asList("o'brien", 5, null, true, LocalDate.of(2024, 2, 29),
						UUID.fromString("00000000-0000-0000-0000-000000000001")),
				Dialects.byName("postgresql")))
			.isEqualTo(
					"INSERT INTO t VALUES ('o''brien', 5, NULL, TRUE, '2024-02-29', '00000000-0000-0000-0000-000000000001')");
		assertThat(OfflineValues.inline("SELECT ?", List.of(true), Dialects.byName("sqlite"))).isEqualTo("SELECT 1");
		assertThat(
				OfflineValues.inline("SELECT ?", List.of(new byte[] { 1, (byte) 0xff }), Dialects.byName("postgresql")))
			.isEqualTo("SELECT '\\x01ff'::bytea");
	}

	@Test
	void questionMarksInStringsNamesCommentsAndDollarQuotesAreLeftAlone() {
		String sql = "SELECT '?', \"a?\", $tag$ ? $tag$, ? -- ?\n/* ? */";
		assertThat(OfflineValues.inline(sql, List.of(1), Dialects.byName("postgresql")))
			.isEqualTo("SELECT '?', \"a?\", $tag$ ? $tag$, 1 -- ?\n/* ? */");
	}

	@Test
	void aMismatchOfPlaceholdersAndValuesIsRefused() {
		assertThatThrownBy(() -> OfflineValues.inline("SELECT ?, ?", List.of(1), Dialects.byName("sqlite")))
			.isInstanceOf(InvalidOperationException.class)
			.hasMessageContaining("different number of ? placeholders");
	}

}
