package dev.migrator.core.lint;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JsonWriterTests {

	@Test
	void escapesQuotesBackslashesAndControlCharacters() {
		assertThat(JsonWriter.quote("say \"hi\" C:\\dir")).isEqualTo("\"say \\\"hi\\\" C:\\\\dir\"");
		assertThat(JsonWriter.quote("a\nb\rc\td\be\ff")).isEqualTo("\"a\\nb\\rc\\td\\be\\ff\"");
		assertThat(JsonWriter.quote("\u0000\u001f\u007f")).isEqualTo("\"\\u0000\\u001f\u007f\"");
		assertThat(JsonWriter.quote("line\u2028sep\u2029")).isEqualTo("\"line\\u2028sep\\u2029\"");
	}

	@Test
	void keepsOtherUnicodeAsItIs() {
		assertThat(JsonWriter.quote("größe – 表 😀")).isEqualTo("\"größe – 表 😀\"");
	}

	@Test
	void placesCommasBetweenMembersAndElementsOnly() {
		JsonWriter json = new JsonWriter();
		json.beginObject()
			.member("a", "x")
			.member("b", 2)
			.name("c")
			.beginArray()
			.value("d")
			.value(3)
			.beginObject()
			.endObject()
			.beginArray()
			.endArray()
			.endArray()
			.name("e")
			.beginObject()
			.member("f", "g")
			.endObject()
			.endObject();
		assertThat(json.text()).isEqualTo("{\"a\":\"x\",\"b\":2,\"c\":[\"d\",3,{},[]],\"e\":{\"f\":\"g\"}}");
	}

}
