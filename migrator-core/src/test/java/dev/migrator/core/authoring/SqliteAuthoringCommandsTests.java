package dev.migrator.core.authoring;

import dev.migrator.testsupport.TestDataSources;

import javax.sql.DataSource;

class SqliteAuthoringCommandsTests extends AuthoringCommandsContract {

	@Override
	DataSource newDatabase() {
		return TestDataSources.sqliteFile(this.temp.resolve("app.db"));
	}

}
