package dev.migrator.core;

import dev.migrator.testsupport.TestDataSources;

import javax.sql.DataSource;

class SqlitePlaceholdersTests extends PlaceholdersContract {

	@Override
	DataSource newDatabase() {
		return TestDataSources.sqliteFile(this.temp.resolve("app.db"));
	}

	@Override
	String dialectName() {
		return "sqlite";
	}

}
