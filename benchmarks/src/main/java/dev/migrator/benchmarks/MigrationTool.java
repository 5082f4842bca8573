package dev.migrator.benchmarks;

import dev.migrator.core.Migrator;
import dev.migrator.core.config.MigratorConfig;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import liquibase.Scope;
import liquibase.UpdateSummaryOutputEnum;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.ValidateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.command.core.helpers.ShowSummaryArgument;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.DirectoryResourceAccessor;
import liquibase.ui.LoggerUIService;
import org.flywaydb.core.Flyway;

/**
 * One migration tool as the benchmark drives it. Every call builds the tool afresh from
 * its files, as a deploy does, so that reading and checking the history is part of what
 * is measured, for every tool alike.
 */
interface MigrationTool {

	String name();

	/**
	 * Applies every pending revision (all of them on an empty database; none on an
	 * up-to-date one).
	 */
	void upgrade(DataSource dataSource) throws Exception;

	/** Checks the history against the database without changing it. */
	void validate(DataSource dataSource) throws Exception;

	static MigrationTool migrator(Path folder) {
		return new MigrationTool() {

			@Override
			public String name() {
				return "migrator";
			}

			@Override
			public void upgrade(DataSource dataSource) {
				create(dataSource).upgrade("heads");
			}

			@Override
			public void validate(DataSource dataSource) {
				create(dataSource).check();
			}

			private Migrator create(DataSource dataSource) {
				return Migrator.create(MigratorConfig.builder()
					.dataSource(dataSource)
					.locations(List.of("filesystem:" + folder))
					.build());
			}
		};
	}

	static MigrationTool flyway(Path folder) {
		return new MigrationTool() {

			@Override
			public String name() {
				return "Flyway";
			}

			@Override
			public void upgrade(DataSource dataSource) {
				create(dataSource).migrate();
			}

			@Override
			public void validate(DataSource dataSource) {
				create(dataSource).validate();
			}

			private Flyway create(DataSource dataSource) {
				return Flyway.configure().dataSource(dataSource).locations("filesystem:" + folder).load();
			}
		};
	}

	static MigrationTool liquibase(Path changelog) {
		return new MigrationTool() {

			@Override
			public String name() {
				return "Liquibase";
			}

			@Override
			public void upgrade(DataSource dataSource) throws Exception {
				run(dataSource, UpdateCommandStep.COMMAND_NAME);
			}

			@Override
			public void validate(DataSource dataSource) throws Exception {
				run(dataSource, ValidateCommandStep.COMMAND_NAME);
			}

			private void run(DataSource dataSource, String[] command) throws Exception {
				try (Connection connection = dataSource.getConnection()) {
					Database database = DatabaseFactory.getInstance()
						.findCorrectDatabaseImplementation(new JdbcConnection(connection));
					// The UI service sends Liquibase's update summary to the (silent) log
					// instead of the console.
					Map<String, Object> scope = Map.of(Scope.Attr.resourceAccessor.name(),
							new DirectoryResourceAccessor(changelog.getParent()), Scope.Attr.ui.name(),
							new LoggerUIService());
					Scope.child(scope, () -> new CommandScope(command)
						.addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
						.addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, changelog.getFileName().toString())
						.addArgumentValue(ShowSummaryArgument.SHOW_SUMMARY_OUTPUT, UpdateSummaryOutputEnum.LOG)
						.execute());
				}
			}
		};
	}

}
