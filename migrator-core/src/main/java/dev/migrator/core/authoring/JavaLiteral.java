package dev.migrator.core.authoring;

/**
 * Text for generated Java source: string literals and comments that stay what they are
 * whatever the text holds.
 */
final class JavaLiteral {

	private JavaLiteral() {
	}

	/**
	 * A string literal of the value: quotes, backslashes and control characters escaped.
	 */
	static String of(String value) {
		StringBuilder literal = new StringBuilder("\"");
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '"' -> literal.append("\\\"");
				case '\\' -> literal.append("\\\\");
				case '\n' -> literal.append("\\n");
				case '\r' -> literal.append("\\r");
				case '\t' -> literal.append("\\t");
				default -> {
					if (c < 0x20 || c == 0x7f) {
						// An octal escape, not a Unicode one: the compiler translates
						// Unicode escapes before it reads
						// the literal, so an escaped line break would end it.
						literal.append(String.format("\\%03o", (int) c));
					}
					else {
						literal.append(c);
					}
				}
			}
		}
		return literal.append('"').toString();
	}

	/**
	 * Text for a one-line comment: line breaks joined, backslashes doubled (the compiler
	 * translates Unicode escapes even in comments, so a lone backslash before a {@code u}
	 * would not compile) and the end of a block comment broken up.
	 */
	static String comment(String text) {
		return text.replaceAll("[\\r\\n]+", " ").replace("\\", "\\\\").replace("*/", "* /");
	}

}
