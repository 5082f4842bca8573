package dev.migrator.core.command;

import dev.migrator.core.baseline.LiveSchema;
import dev.migrator.core.baseline.SchemaObject;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The text of a baseline revision: a root revision whose upgrade recreates the live
 * schema, statement by statement, and no downgrade (undoing it would drop everything).
 * Placeholders are off: the SQL is the database's, not a template, and a function body
 * may well hold {@code ${...}}.
 */
final class BaselineRevisionText {

	private BaselineRevisionText() {
	}

	static String of(String revision, LiveSchema schema, Instant takenAt) {
		StringBuilder text = new StringBuilder();
		text.append("-- migrator:revision ").append(revision).append('\n');
		text.append("-- migrator:message Baseline of ")
			.append(schema.description())
			.append(", taken ")
			.append(takenAt.truncatedTo(ChronoUnit.SECONDS))
			.append('\n');
		text.append("-- migrator:placeholders false\n");
		text.append("-- migrator:upgrade\n");
		text.append("-- Written by migrator's baseline command from the catalog of the database it read, which is\n")
			.append("-- recorded at this revision without running it. On an empty database it creates: ")
			.append(BaselineResult.inWords(counts(schema)))
			.append(".\n");
		for (SchemaObject object : schema.objects()) {
			text.append('\n').append(object.sql()).append(";\n");
		}
		return text.toString();
	}

	/** How many objects of each kind the schema holds, in the order they are created. */
	static Map<String, Integer> counts(LiveSchema schema) {
		Map<String, Integer> counts = new LinkedHashMap<>();
		for (SchemaObject object : schema.objects()) {
			if (object.kind().createsObject()) {
				counts.merge(object.kind().label(), 1, Integer::sum);
			}
		}
		return counts;
	}

}
