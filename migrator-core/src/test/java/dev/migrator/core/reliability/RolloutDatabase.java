package dev.migrator.core.reliability;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One fresh PostgreSQL database of {@link RolloutInvariantTests}, with two URLs: the
 * child jobs connect under an application name of their own, so that the sessions a
 * killed job left behind can be found and waited out without touching the test's own. The
 * test's reads share one connection in autocommit, opened on first use: the invariants
 * read the database many times a step.
 */
final class RolloutDatabase implements AutoCloseable {

	static final String JOB_NAME = "rollout-job";

	private final String url;

	private final String jobUrl;

	private final String user;

	private final String password;

	private Connection reader;

	private RolloutDatabase(String url, String jobUrl, String user, String password) {
		this.url = url;
		this.jobUrl = jobUrl;
		this.user = user;
		this.password = password;
	}

	static RolloutDatabase create(String url, String user, String password) {
		String separator = url.contains("?") ? "&" : "?";
		return new RolloutDatabase(url + separator + "ApplicationName=rollout-test",
				url + separator + "ApplicationName=" + JOB_NAME, user, password);
	}

	String url() {
		return this.url;
	}

	String jobUrl() {
		return this.jobUrl;
	}

	String user() {
		return this.user;
	}

	String password() {
		return this.password;
	}

	@Override
	public void close() throws SQLException {
		if (this.reader != null) {
			this.reader.close();
		}
	}

	private Connection reader() throws SQLException {
		if (this.reader == null || this.reader.isClosed()) {
			this.reader = connect();
		}
		return this.reader;
	}

	Connection connect() throws SQLException {
		return DriverManager.getConnection(this.url, this.user, this.password);
	}

	long count(String sql) throws SQLException {
		try (Statement statement = reader().createStatement(); ResultSet rs = statement.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	/** Each row's columns as text. */
	List<List<String>> rows(String sql) throws SQLException {
		List<List<String>> rows = new ArrayList<>();
		try (Statement statement = reader().createStatement(); ResultSet rs = statement.executeQuery(sql)) {
			int columns = rs.getMetaData().getColumnCount();
			while (rs.next()) {
				List<String> row = new ArrayList<>(columns);
				for (int i = 1; i <= columns; i++) {
					row.add(rs.getString(i));
				}
				rows.add(row);
			}
		}
		return rows;
	}

	boolean exists(String table) throws SQLException {
		return count("SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema() "
				+ "AND table_name = '" + table + "'") > 0;
	}

	boolean hasColumn(String table, String column) throws SQLException {
		return count("SELECT count(*) FROM information_schema.columns WHERE table_schema = current_schema() "
				+ "AND table_name = '" + table + "' AND column_name = '" + column + "'") > 0;
	}

	void execute(String sql) throws SQLException {
		try (Statement statement = reader().createStatement()) {
			statement.execute(sql);
		}
	}

	/**
	 * Ends the backends of killed jobs and waits until they are gone: a backend sleeping
	 * in pg_sleep notices its client is gone only at the end.
	 */
	void awaitJobSessionsGone() throws Exception {
		String jobs = "FROM pg_stat_activity WHERE application_name = '" + JOB_NAME + "' AND pid <> pg_backend_pid()";
		execute("SELECT pg_terminate_backend(pid) " + jobs);
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (count("SELECT count(*) " + jobs) > 0) {
			assertThat(System.nanoTime()).as("the killed job's sessions end").isLessThan(deadline);
			Thread.sleep(20);
		}
	}

}
