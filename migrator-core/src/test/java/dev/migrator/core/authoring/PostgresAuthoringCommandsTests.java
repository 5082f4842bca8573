package dev.migrator.core.authoring;

import dev.migrator.testsupport.TestDataSources;

import javax.sql.DataSource;

class PostgresAuthoringCommandsTests extends AuthoringCommandsContract {

	@Override
	DataSource newDatabase() {
		return TestDataSources.freshPostgres();
	}

}
