package dev.migrator.sample;

/**
 * The web app on its default SQLite file, started before anything was migrated: the file
 * does not even exist.
 */
class SqliteWebAppIT extends WebAppMigrationScenario {

	private SqliteDatabase database;

	@Override
	void prepareDatabase() {
		this.database = new SqliteDatabase(this.workingDirectory);
	}

	@Override
	Database database() {
		return this.database;
	}

	@Override
	String[] webAppArguments() {
		return new String[0];
	}

	@Override
	String[] jobArguments() {
		return new String[] { "--spring.profiles.active=migrate" };
	}

	@Override
	String dialect() {
		return "sqlite";
	}

	@Override
	String revisionAtStart() {
		return null;
	}

}
