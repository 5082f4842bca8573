package dev.migrator.core;

import dev.migrator.testsupport.TestDataSources;

import javax.sql.DataSource;

class SqliteRepairTests extends RepairContract {

	@Override
	DataSource newDatabase() {
		return TestDataSources.sqliteFile(this.temp.resolve("app.db"));
	}

}
