package dev.migrator.core.command;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What the baseline did.
 *
 * @param revision the baseline revision's id
 * @param file its file
 * @param written whether this run wrote the file and recorded the database at it (false
 * when an earlier baseline had: then nothing was done)
 * @param schema which schema of which database the baseline read; empty when nothing was
 * done
 * @param objects how many objects of each kind it recreates (such as {@code table} 3), in
 * the order it creates them; empty when nothing was done
 */
public record BaselineResult(String revision, Path file, boolean written, String schema, Map<String, Integer> objects) {

	public BaselineResult {
		Objects.requireNonNull(revision, "revision");
		Objects.requireNonNull(file, "file");
		Objects.requireNonNull(schema, "schema");
		objects = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(objects));
	}

	/** The objects in words, such as {@code 3 tables, 1 index, 2 views}. */
	public String objectsInWords() {
		return inWords(this.objects);
	}

	static String inWords(Map<String, Integer> objects) {
		return String.join(", ",
				objects.entrySet().stream().map((e) -> e.getValue() + " " + plural(e.getKey(), e.getValue())).toList());
	}

	private static String plural(String kind, int count) {
		if (count == 1 || kind.endsWith("s")) {
			return kind;
		}
		return kind.endsWith("x") ? kind + "es" : kind + "s";
	}

}
