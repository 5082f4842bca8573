package dev.migrator.benchmarks;

import dev.migrator.testsupport.TestPostgres;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * A fresh empty database on the test server, addressed both ways: by JDBC for migrator
 * and by SQLAlchemy URL for Alembic. Neither URL holds the password: both children read
 * it from {@code PGPASSWORD}.
 *
 * @param jdbcUrl the database's JDBC URL
 * @param user who connects
 * @param sqlAlchemyUrl {@code postgresql+psycopg2://user@host:port/database}
 */
record BenchDatabase(String jdbcUrl, String user, String sqlAlchemyUrl) {

	private static final String PREFIX = "jdbc:postgresql://";

	static BenchDatabase create(TestPostgres server) {
		String jdbcUrl = server.createDatabase();
		if (!jdbcUrl.startsWith(PREFIX)) {
			throw new IllegalStateException("Expected a jdbc:postgresql://host:port/database URL, not " + jdbcUrl);
		}
		String rest = jdbcUrl.substring(PREFIX.length());
		int query = rest.indexOf('?');
		String path = (query >= 0) ? rest.substring(0, query) : rest;
		int slash = path.indexOf('/');
		String hosts = path.substring(0, slash);
		if (hosts.contains(",")) {
			throw new IllegalStateException("Alembic's URL takes one host, not " + hosts);
		}
		String url = "postgresql+psycopg2://" + URLEncoder.encode(server.user(), StandardCharsets.UTF_8) + "@" + hosts
				+ "/" + path.substring(slash + 1);
		return new BenchDatabase(jdbcUrl, server.user(), url);
	}

}
