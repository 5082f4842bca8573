package dev.migrator.core;

import dev.migrator.testsupport.TestDataSources;

import javax.sql.DataSource;

class PostgresRepairTests extends RepairContract {

	@Override
	DataSource newDatabase() {
		return TestDataSources.freshPostgres();
	}

}
