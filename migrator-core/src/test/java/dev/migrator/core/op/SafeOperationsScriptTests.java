package dev.migrator.core.op;

import dev.migrator.core.Migrator;
import dev.migrator.core.config.MigratorConfig;
import dev.migrator.testsupport.TestDataSources;

import java.nio.file.Path;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.migrator.core.op.ColumnType.integer;
import static dev.migrator.core.op.ColumnType.text;
import static dev.migrator.core.op.Columns.col;
import static dev.migrator.core.op.Columns.foreignKey;
import static org.assertj.core.api.Assertions.assertThat;

/** Safe operations in offline scripts, and their plain fallbacks on SQLite. */
class SafeOperationsScriptTests {

	@TempDir
	Path temp;

	private final JavaRevisions revisions = new JavaRevisions().add("0001_safe", (c) -> {
		c.op().createTable("teams", col("id", integer()).primaryKey());
		c.op()
			.createTable("members", col("id", integer()).primaryKey(), col("team_id", integer()), col("email", text()));
		c.op().execute("INSERT INTO teams VALUES (1)");
		c.op().execute("INSERT INTO members VALUES (1, 1, 'a@example.com')");
		c.op().addNotNull("members", "email");
		c.op().safe().addForeignKey("members", foreignKey("team_id", "teams", "id"));
		c.op().safe().addUniqueConstraint("members", "email");
		c.op().safe().addColumn("members", col("score", integer()).notNull().defaultValue(0));
		c.op().execute("INSERT INTO members (id, team_id, email) VALUES (2, 1, 'b@example.com')");
	}, (c) -> c.op().dropTable("members"));

	@Test
	void anOfflineScriptCommitsBeforeEachSafeOperationThatLeavesTheTransaction() {
		String script = Migrator
			.create(MigratorConfig.builder().locations(List.of()).source(this.revisions).dialect("postgresql").build())
			.sql("base", "heads");
		assertThat(script).containsSubsequence("BEGIN;", "CREATE TABLE \"teams\"", "COMMIT;",
				"ADD CONSTRAINT \"ck_members_email_not_null\" CHECK (\"email\" IS NOT NULL) NOT VALID;",
				"VALIDATE CONSTRAINT \"ck_members_email_not_null\";", "SET NOT NULL;", "BEGIN;", "COMMIT;",
				"NOT VALID;", "VALIDATE CONSTRAINT \"fk_members_team_id_teams\";", "BEGIN;", "COMMIT;",
				"CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS \"uq_members_email\"", "UNIQUE USING INDEX", "BEGIN;",
				"SET LOCAL lock_timeout = '2000ms';",
				"ALTER TABLE \"members\" ADD COLUMN \"score\" integer DEFAULT 0 NOT NULL;",
				"INSERT INTO members (id, team_id, email) VALUES (2, 1, 'b@example.com');", "COMMIT;");
	}

	@Test
	void onSqliteTheyRunAsTheirPlainForms() throws Exception {
		DataSource dataSource = TestDataSources.sqliteFile(this.temp.resolve("safe.db"));
		Migrator
			.create(MigratorConfig.builder().dataSource(dataSource).locations(List.of()).source(this.revisions).build())
			.upgrade("heads");
		SchemaInspection schema = new SchemaInspection(dataSource);
		assertThat(schema.strings("SELECT \"notnull\" FROM pragma_table_info('members') WHERE name = 'email'"))
			.containsExactly("1");
		assertThat(schema.count("SELECT count(*) FROM pragma_foreign_key_list('members')")).isEqualTo(1);
		assertThat(schema.strings("SELECT score FROM members ORDER BY id")).containsExactly("0", "0");
	}

}
