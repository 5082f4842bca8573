package dev.migrator.core.authoring;

import javax.sql.DataSource;

class SqliteAuthoringCommandsTests extends AuthoringCommandsContract {

	@Override
	DataSource newDatabase() {
		return TestDatabases.sqliteFile(this.temp.resolve("app.db"));
	}

}
