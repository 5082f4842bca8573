package dev.migrator.core.authoring;

import dev.migrator.core.op.Operation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A draft as the bodies of a Java revision's {@code upgrade} and {@code downgrade},
 * warnings as comments.
 */
final class DraftJava {

	private static final int COMMENT_WIDTH = 100;

	private DraftJava() {
	}

	static List<String> upgrade(Draft draft) {
		List<String> lines = new ArrayList<>();
		for (DraftStep step : draft.steps()) {
			step.warnings().forEach((w) -> lines.addAll(comment(w)));
			for (Operation operation : step.upgrade()) {
				lines.addAll(OperationJava.statement(operation));
			}
		}
		return lines;
	}

	static List<String> downgrade(Draft draft) {
		List<DraftStep> reversed = new ArrayList<>(draft.steps());
		Collections.reverse(reversed);
		List<String> lines = new ArrayList<>();
		for (DraftStep step : reversed) {
			if (step.downgrade().isEmpty() && !step.upgrade().isEmpty()) {
				lines.addAll(comment(
						"Not undone: " + String.join(", ", step.upgrade().stream().map(Operation::describe).toList())
								+ " (see the upgrade)."));
			}
			for (Operation operation : step.downgrade()) {
				lines.addAll(OperationJava.statement(operation));
			}
		}
		return lines;
	}

	/**
	 * The text as {@code //} lines of at most about {@value #COMMENT_WIDTH} characters.
	 */
	static List<String> comment(String text) {
		List<String> lines = new ArrayList<>();
		StringBuilder line = new StringBuilder("//");
		for (String word : JavaLiteral.comment(text).split(" ")) {
			if (line.length() + 1 + word.length() > COMMENT_WIDTH && line.length() > 2) {
				lines.add(line.toString());
				line = new StringBuilder("//");
			}
			line.append(' ').append(word);
		}
		lines.add(line.toString());
		return lines;
	}

}
