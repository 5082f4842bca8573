package dev.migrator.testsupport;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A PostgreSQL JDBC URL taken apart, so that the same server and parameters can point at
 * another database.
 */
record JdbcLocation(String hosts, String database, Map<String, String> parameters) {

	private static final String PREFIX = "jdbc:postgresql:";

	JdbcLocation {
		parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
	}

	static JdbcLocation local(int port, String user) {
		return new JdbcLocation("127.0.0.1:" + port, "postgres", Map.of("user", user));
	}

	static JdbcLocation parse(String url) {
		if (url == null || !url.startsWith(PREFIX)) {
			throw new IllegalArgumentException(
					"Not a PostgreSQL JDBC URL (jdbc:postgresql://host:port/database): " + url);
		}
		String rest = url.substring(PREFIX.length());
		int query = rest.indexOf('?');
		String path = (query >= 0) ? rest.substring(0, query) : rest;
		Map<String, String> parameters = (query >= 0) ? parseQuery(rest.substring(query + 1)) : Map.of();
		if (!path.startsWith("//")) {
			// jdbc:postgresql:database means the default host and port.
			return new JdbcLocation("localhost", decode(path), parameters);
		}
		String authority = path.substring(2);
		int slash = authority.indexOf('/');
		String hosts = (slash >= 0) ? authority.substring(0, slash) : authority;
		String database = (slash >= 0) ? decode(authority.substring(slash + 1)) : "";
		return new JdbcLocation(hosts, database, parameters);
	}

	String url() {
		return url(this.database);
	}

	String url(String otherDatabase) {
		String query = this.parameters.entrySet()
			.stream()
			.map((entry) -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
			.collect(Collectors.joining("&"));
		return "jdbc:postgresql://" + this.hosts + "/" + encode(otherDatabase) + (query.isEmpty() ? "" : "?" + query);
	}

	JdbcLocation withParameter(String name, String value) {
		Map<String, String> changed = new LinkedHashMap<>(this.parameters);
		changed.put(name, value);
		return new JdbcLocation(this.hosts, this.database, changed);
	}

	/** For error messages, which end up in build logs. */
	String redactedUrl() {
		return this.parameters.containsKey("password") ? withParameter("password", "***").url() : url();
	}

	private static Map<String, String> parseQuery(String query) {
		Map<String, String> parameters = new LinkedHashMap<>();
		for (String pair : query.split("&")) {
			if (!pair.isEmpty()) {
				int equals = pair.indexOf('=');
				String name = decode((equals >= 0) ? pair.substring(0, equals) : pair);
				parameters.put(name, (equals >= 0) ? decode(pair.substring(equals + 1)) : "");
			}
		}
		return parameters;
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	private static String decode(String text) {
		return URLDecoder.decode(text, StandardCharsets.UTF_8);
	}

}
