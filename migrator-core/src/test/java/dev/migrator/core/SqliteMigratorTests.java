package dev.migrator.core;

import javax.sql.DataSource;

class SqliteMigratorTests extends MigratorContract {

	@Override
	DataSource newDatabase() {
		return Databases.sqliteFile(this.temp.resolve("app.db"));
	}

	@Override
	String dialectName() {
		return "sqlite";
	}

}
