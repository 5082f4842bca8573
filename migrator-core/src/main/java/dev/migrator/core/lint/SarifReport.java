package dev.migrator.core.lint;

import dev.migrator.core.script.LintRule;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Renders a report as a SARIF 2.1.0 log (the OASIS static analysis results format that
 * code review tools read): one run whose driver lists every rule with its help link, and
 * one result per finding.
 */
final class SarifReport {

	static final String VERSION = "2.1.0";

	/**
	 * The base id of locations on the class path, whose folder in the source tree the
	 * engine cannot know.
	 */
	static final String CLASSPATH_BASE = "CLASSPATH";

	private static final String CLASSPATH = "classpath:";

	private static final String FILESYSTEM = "filesystem:";

	private final LintReport report;

	private final String classpathRoot;

	/**
	 * @param classpathRoot the source folder that class path locations live in, such as
	 * {@code src/main/resources/}; empty to leave them relative to the
	 * {@value #CLASSPATH_BASE} base id
	 */
	SarifReport(LintReport report, String classpathRoot) {
		this.report = report;
		this.classpathRoot = classpathRoot.isEmpty() || classpathRoot.endsWith("/") ? classpathRoot
				: classpathRoot + "/";
	}

	SarifReport(LintReport report) {
		this(report, "");
	}

	String render() {
		JsonWriter json = new JsonWriter();
		json.beginObject().member("version", VERSION).name("runs").beginArray().beginObject();
		json.name("tool").beginObject().name("driver").beginObject().member("name", "migrator");
		json.name("rules").beginArray();
		for (LintRule rule : LintRule.values()) {
			json.beginObject().member("id", rule.id()).member("name", pascalCase(rule.id()));
			json.name("shortDescription").beginObject().member("text", rule.title()).endObject();
			json.member("helpUri", rule.helpUri());
			json.name("defaultConfiguration").beginObject().member("level", rule.severity().label()).endObject();
			json.endObject();
		}
		json.endArray().endObject().endObject();
		json.name("results").beginArray();
		for (Finding finding : this.report.findings()) {
			result(json, finding);
		}
		json.endArray();
		json.name("properties").beginObject().member("dialect", this.report.dialect());
		json.name("notLintedRevisions").beginArray();
		this.report.notLintedRevisions().forEach(json::value);
		json.endArray().endObject();
		json.endObject().endArray().endObject();
		return json.text();
	}

	private void result(JsonWriter json, Finding finding) {
		json.beginObject().member("ruleId", finding.ruleId());
		LintRule.byId(finding.ruleId()).ifPresent((rule) -> json.member("ruleIndex", rule.ordinal()));
		json.member("level", finding.severity().label());
		json.name("message")
			.beginObject()
			.member("text", finding.message() + ". Safe alternative: " + finding.safeAlternative())
			.endObject();
		json.name("locations").beginArray().beginObject().name("physicalLocation").beginObject();
		json.name("artifactLocation").beginObject();
		String file = finding.location().file();
		if (file.startsWith(CLASSPATH) && this.classpathRoot.isEmpty()) {
			json.member("uri", relativeUri(file.substring(CLASSPATH.length()))).member("uriBaseId", CLASSPATH_BASE);
		}
		else {
			json.member("uri", uri(file));
		}
		json.endObject();
		if (finding.location().line() > 0) {
			json.name("region").beginObject().member("startLine", finding.location().line()).endObject();
		}
		json.endObject().endObject().endArray();
		json.name("properties").beginObject().member("revision", finding.revisionId()).endObject();
		json.endObject();
	}

	private String uri(String file) {
		if (file.startsWith(CLASSPATH)) {
			return relativeUri(this.classpathRoot + file.substring(CLASSPATH.length()));
		}
		if (file.startsWith(FILESYSTEM)) {
			return Path.of(file.substring(FILESYSTEM.length())).toUri().toString();
		}
		return relativeUri(file);
	}

	/** A relative URI reference for a path, with spaces and the like percent-encoded. */
	private static String relativeUri(String path) {
		try {
			// A colon in the first segment would read as a scheme; "./" keeps it a path.
			String safe = path.contains(":") && !path.startsWith("/") ? "./" + path : path;
			return new URI(null, null, safe, null).toASCIIString();
		}
		catch (URISyntaxException ex) {
			return path;
		}
	}

	private static String pascalCase(String id) {
		return String.join("",
				Arrays.stream(id.split("-"))
					.map((word) -> Character.toUpperCase(word.charAt(0)) + word.substring(1))
					.toList());
	}

}
