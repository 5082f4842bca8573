package dev.migrator.core.backfill;

import dev.migrator.core.Migrator;
import dev.migrator.core.config.MigratorConfig;
import dev.migrator.core.error.MigratorException;
import dev.migrator.testsupport.TestDataSources;

import java.nio.file.Files;
import java.nio.file.Path;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A comment after a backfill's SET or WHERE expression is a note to the reader, as after
 * any SQL: it is not part of the statement the backfill builds.
 */
class BackfillHeaderCommentTests {

	@TempDir
	Path temp;

	@Test
	void aTrailingCommentAfterSetAndWhereIsLeftOutOfTheBatchStatementOnSqlite() throws Exception {
		assertBackfillRuns(TestDataSources.sqliteFile(this.temp.resolve("app.db")));
	}

	@Test
	void aTrailingCommentAfterSetAndWhereIsLeftOutOfTheBatchStatementOnPostgresql() throws Exception {
		assertBackfillRuns(TestDataSources.freshPostgres());
	}

	@Test
	void anUnterminatedBlockCommentInSetIsRefusedWhenTheRevisionIsLoaded() throws Exception {
		String location = revisions("status = 'active' /* note");
		Migrator migrator = Migrator.create(MigratorConfig.builder()
			.dataSource(TestDataSources.sqliteFile(this.temp.resolve("app.db")))
			.locations(location)
			.build());
		assertThatThrownBy(() -> migrator.upgrade("heads"))
			.isInstanceOfSatisfying(MigratorException.class,
					(ex) -> assertThat(ex.code()).isEqualTo("invalid-backfill-set"))
			.hasMessageContaining("0002_status.sql:7")
			.hasMessageContaining("comment");
	}

	private void assertBackfillRuns(DataSource dataSource) throws Exception {
		Migrator migrator = Migrator.create(MigratorConfig.builder()
			.dataSource(dataSource)
			.locations(revisions("status = 'active';  -- every row without one"))
			.runBackfillsOnUpgrade(false)
			.build());
		migrator.upgrade("heads");

		assertThat(migrator.backfills().run("items_status").state()).isEqualTo(BackfillState.DONE);

		assertThat(BackfillDatabases.count(dataSource, "SELECT count(*) FROM items WHERE status = 'active'"))
			.isEqualTo(27);
		assertThat(BackfillDatabases.count(dataSource, "SELECT count(*) FROM items WHERE status = 'closed'"))
			.isEqualTo(3);
	}

	private String revisions(String set) throws Exception {
		Path folder = Files.createDirectories(this.temp.resolve("revisions"));
		Files.writeString(folder.resolve("0001_items.sql"), """
				-- migrator:revision 0001_items
				-- migrator:upgrade
				CREATE TABLE items (id integer PRIMARY KEY, status varchar(20));
				INSERT INTO items (id, status) VALUES (1, NULL), (2, NULL), (3, NULL), (4, NULL), (5, NULL),
				  (6, NULL), (7, NULL), (8, NULL), (9, NULL), (10, 'closed'), (11, NULL), (12, NULL), (13, NULL),
				  (14, NULL), (15, NULL), (16, NULL), (17, NULL), (18, NULL), (19, NULL), (20, 'closed'),
				  (21, NULL), (22, NULL), (23, NULL), (24, NULL), (25, NULL), (26, NULL), (27, NULL), (28, NULL),
				  (29, NULL), (30, 'closed');
				""");
		Files.writeString(folder.resolve("0002_status.sql"), """
				-- migrator:revision 0002_status
				-- migrator:revises 0001_items
				-- migrator:phase migrate
				-- migrator:backfill items_status
				-- migrator:backfill-table items
				-- migrator:backfill-key id
				-- migrator:backfill-set %s
				-- migrator:backfill-where status IS NULL -- the closed ones keep theirs
				-- migrator:backfill-batch-size 7
				-- migrator:backfill-pause 0ms
				-- migrator:upgrade
				SELECT 1;
				""".formatted(set));
		return "filesystem:" + folder.toAbsolutePath();
	}

}
