package dev.migrator.core.authoring;

import javax.sql.DataSource;

class PostgresAuthoringCommandsTests extends AuthoringCommandsContract {

	@Override
	DataSource newDatabase() {
		return TestDatabases.freshPostgres();
	}

}
