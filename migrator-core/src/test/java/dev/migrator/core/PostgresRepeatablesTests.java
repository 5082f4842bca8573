package dev.migrator.core;

import dev.migrator.testsupport.TestDataSources;

import javax.sql.DataSource;

class PostgresRepeatablesTests extends RepeatablesContract {

	@Override
	DataSource newDatabase() {
		return TestDataSources.freshPostgres();
	}

	@Override
	String dialectName() {
		return "postgresql";
	}

}
