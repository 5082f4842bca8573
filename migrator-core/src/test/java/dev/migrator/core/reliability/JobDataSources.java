package dev.migrator.core.reliability;

import javax.sql.DataSource;

import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteDataSource;

/** Data sources for a JDBC URL of either test database. */
final class JobDataSources {

	private JobDataSources() {
	}

	static DataSource forUrl(String url, String user, String password) {
		if (url.startsWith("jdbc:sqlite:")) {
			SQLiteDataSource dataSource = new SQLiteDataSource();
			dataSource.setUrl(url);
			return dataSource;
		}
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setUrl(url);
		dataSource.setUser(user);
		dataSource.setPassword(password);
		return dataSource;
	}

}
