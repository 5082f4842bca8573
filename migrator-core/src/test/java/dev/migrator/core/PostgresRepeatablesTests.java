package dev.migrator.core;

import dev.migrator.testsupport.TestDataSources;

import dev.migrator.core.config.MigratorConfig;
import dev.migrator.core.lint.Finding;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PostgresRepeatablesTests extends RepeatablesContract {

	@Override
	DataSource newDatabase() {
		return TestDataSources.freshPostgres();
	}

	@Override
	String dialectName() {
		return "postgresql";
	}

	@Test
	void theLinterReadsThemAfterTheOthers() {
		this.folder.table("0001_people", null, "people");
		this.folder.file("R__people_index.sql", "-- migrator:revision R__people_index\n-- migrator:repeatable true\n"
				+ "-- migrator:upgrade\nCREATE INDEX IF NOT EXISTS people_name_idx ON people (name);\n");
		var report = Migrator
			.create(MigratorConfig.builder().locations(this.folder.location()).dialect("postgresql").build())
			.lint();
		assertThat(report.lintedRevisions()).containsExactly("0001_people", "R__people_index");
		assertThat(report.findings()).extracting(Finding::revisionId).contains("R__people_index");
	}

}
