package dev.migrator.core.lint;

/**
 * Writes JSON text with correct escaping and commas, so that the core needs no JSON
 * library. Callers nest {@code beginObject}/{@code endObject} and
 * {@code beginArray}/{@code endArray} properly; the writer keeps no structure of its own
 * beyond whether a comma is due.
 */
final class JsonWriter {

	private final StringBuilder json = new StringBuilder();

	/** Whether the next value in the current object or array needs a comma before it. */
	private boolean commaDue;

	JsonWriter beginObject() {
		separate();
		this.json.append('{');
		this.commaDue = false;
		return this;
	}

	JsonWriter endObject() {
		this.json.append('}');
		this.commaDue = true;
		return this;
	}

	JsonWriter beginArray() {
		separate();
		this.json.append('[');
		this.commaDue = false;
		return this;
	}

	JsonWriter endArray() {
		this.json.append(']');
		this.commaDue = true;
		return this;
	}

	/** Writes a member name; the next call writes its value. */
	JsonWriter name(String name) {
		separate();
		string(name);
		this.json.append(':');
		this.commaDue = false;
		return this;
	}

	JsonWriter value(String value) {
		separate();
		string(value);
		this.commaDue = true;
		return this;
	}

	JsonWriter value(long value) {
		separate();
		this.json.append(value);
		this.commaDue = true;
		return this;
	}

	/** A member with a string value. */
	JsonWriter member(String name, String value) {
		return name(name).value(value);
	}

	/** A member with a number value. */
	JsonWriter member(String name, long value) {
		return name(name).value(value);
	}

	String text() {
		return this.json.toString();
	}

	private void separate() {
		if (this.commaDue) {
			this.json.append(',');
			this.commaDue = false;
		}
	}

	/**
	 * A JSON string literal: quote, backslash and control characters escaped (RFC 8259,
	 * section 7).
	 */
	static String quote(String value) {
		StringBuilder out = new StringBuilder(value.length() + 2);
		out.append('"');
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				case '\b' -> out.append("\\b");
				case '\f' -> out.append("\\f");
				default -> {
					// U+2028 and U+2029 are valid JSON but end lines in JavaScript;
					// escaping them costs nothing.
					if (c < 0x20 || c == '\u2028' || c == '\u2029') {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		return out.append('"').toString();
	}

	private void string(String value) {
		this.json.append(quote(value));
	}

}
