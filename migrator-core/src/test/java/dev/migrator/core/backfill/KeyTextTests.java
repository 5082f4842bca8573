package dev.migrator.core.backfill;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Stored keys round-trip whatever their text holds. */
class KeyTextTests {

	@Test
	void encodesAndDecodesAnyTextExactly() {
		List<String> key = List.of("42", "a \"quoted\" \\ value", "line\nbreak\ttab", "\u0001", "");
		String stored = KeyText.encode(key);
		assertThat(stored).startsWith("[\"42\",\"a \\\"quoted\\\" \\\\ value\"");
		assertThat(KeyText.decode(stored)).isEqualTo(key);
		assertThat(KeyText.encode(List.of("7"))).isEqualTo("[\"7\"]");
		assertThat(KeyText.display(List.of("eu", "7"))).isEqualTo("(eu, 7)");
	}

}
