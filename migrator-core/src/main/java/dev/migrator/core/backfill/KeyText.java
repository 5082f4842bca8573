package dev.migrator.core.backfill;

import java.util.ArrayList;
import java.util.List;

/**
 * A key's column values as one text column: a JSON array of strings such as
 * {@code ["42"]} or {@code ["eu","7"]}. Values travel as the database's own text form and
 * are cast back to the column's type when bound, so any key type with a text form
 * (integers, text, uuid, timestamps) round-trips exactly.
 */
final class KeyText {

	private KeyText() {
	}

	static String encode(List<String> values) {
		StringBuilder text = new StringBuilder("[");
		for (int i = 0; i < values.size(); i++) {
			if (i > 0) {
				text.append(',');
			}
			text.append('"');
			for (char c : values.get(i).toCharArray()) {
				switch (c) {
					case '"' -> text.append("\\\"");
					case '\\' -> text.append("\\\\");
					case '\n' -> text.append("\\n");
					case '\r' -> text.append("\\r");
					case '\t' -> text.append("\\t");
					default -> {
						if (c < 0x20) {
							text.append(String.format("\\u%04x", (int) c));
						}
						else {
							text.append(c);
						}
					}
				}
			}
			text.append('"');
		}
		return text.append(']').toString();
	}

	static List<String> decode(String text) {
		List<String> values = new ArrayList<>();
		int i = expect(text, 0, '[');
		if (i < text.length() && text.charAt(i) == ']') {
			return values;
		}
		while (true) {
			i = expect(text, i, '"');
			StringBuilder value = new StringBuilder();
			while (text.charAt(i) != '"') {
				char c = text.charAt(i++);
				if (c == '\\') {
					char escaped = text.charAt(i++);
					switch (escaped) {
						case 'n' -> value.append('\n');
						case 'r' -> value.append('\r');
						case 't' -> value.append('\t');
						case 'u' -> {
							value.append((char) Integer.parseInt(text.substring(i, i + 4), 16));
							i += 4;
						}
						default -> value.append(escaped);
					}
				}
				else {
					value.append(c);
				}
			}
			values.add(value.toString());
			i++;
			if (text.charAt(i) == ']') {
				return values;
			}
			i = expect(text, i, ',');
		}
	}

	/**
	 * A key for people: the value alone for one column, else the values in parentheses.
	 */
	static String display(List<String> values) {
		return (values.size() == 1) ? values.get(0) : "(" + String.join(", ", values) + ")";
	}

	private static int expect(String text, int index, char c) {
		if (index >= text.length() || text.charAt(index) != c) {
			throw new IllegalArgumentException("Not a stored backfill key: " + text);
		}
		return index + 1;
	}

}
