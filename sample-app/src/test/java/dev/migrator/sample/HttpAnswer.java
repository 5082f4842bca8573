package dev.migrator.sample;

import java.util.List;

import com.jayway.jsonpath.JsonPath;

/**
 * An HTTP status and body, with JSON paths read from the body.
 */
record HttpAnswer(int status, String body) {

	/** The value at a JSON path; fails when the path does not exist. */
	<T> T json(String path) {
		return JsonPath.read(this.body, path);
	}

	/** The values at a JSON path, as strings. */
	List<String> strings(String path) {
		List<Object> values = JsonPath.read(this.body, path);
		return values.stream().map(String::valueOf).toList();
	}

	@Override
	public String toString() {
		return this.status + " " + this.body;
	}

}
