package dev.migrator.core.op;

import dev.migrator.core.Migrator;
import dev.migrator.core.config.MigratorConfig;
import dev.migrator.core.error.MigratorException;
import dev.migrator.core.runtime.MigrationFailedException;
import dev.migrator.testsupport.TestDataSources;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.migrator.core.op.ColumnType.bigint;
import static dev.migrator.core.op.ColumnType.enumType;
import static dev.migrator.core.op.ColumnType.integer;
import static dev.migrator.core.op.ColumnType.jsonb;
import static dev.migrator.core.op.ColumnType.text;
import static dev.migrator.core.op.Columns.col;
import static dev.migrator.core.op.Columns.foreignKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * SQLite's table rebuild ("move and copy") on real database files: nothing of the table,
 * its indexes, triggers or foreign keys in either direction is lost, with foreign key
 * enforcement off and on.
 */
class SqliteTableRebuildTests {

	private static final int PLAYERS = 100_000;

	private static final int AWARDS = 10_000;

	@TempDir
	Path temp;

	@Test
	void aHundredThousandRowTableIsRebuiltKeepingRowsIndexesTriggersAndForeignKeys() throws Exception {
		DataSource dataSource = TestDataSources.sqliteFile(this.temp.resolve("app.db"));
		createPlayers(dataSource);
		Snapshot before = Snapshot.of(dataSource);
		JavaRevisions revisions = new JavaRevisions().add("0001_players",
				(c) -> c.op().batchAlterTable("players", (batch) -> changePlayers(batch)), (c) -> {
				});

		Duration took = timed(() -> migrator(dataSource, revisions).upgrade("heads"));
		System.out.println("Rebuilt " + PLAYERS
				+ " rows of players (foreign keys off, in the revision's transaction) in " + took.toMillis() + " ms");

		assertSameContentAndStructure(dataSource, before);
	}

	@Test
	void withForeignKeysEnforcedTheRebuildRunsInATransactionOfItsOwnInsideAnAutocommitBlock() throws Exception {
		DataSource dataSource = TestDataSources.sqliteFile(this.temp.resolve("app.db"), true);
		createPlayers(dataSource);
		Snapshot before = Snapshot.of(dataSource);
		AtomicLong enforcedAfter = new AtomicLong(-1);
		JavaRevisions revisions = new JavaRevisions().add("0001_players", (c) -> {
			c.op().autocommitBlock(() -> c.op().batchAlterTable("players", (batch) -> changePlayers(batch)));
			try (Statement statement = c.connection().createStatement();
					ResultSet rs = statement.executeQuery("PRAGMA foreign_keys")) {
				rs.next();
				enforcedAfter.set(rs.getLong(1));
			}
		}, (c) -> {
		});

		Duration took = timed(() -> migrator(dataSource, revisions).upgrade("heads"));
		System.out.println("Rebuilt " + PLAYERS + " rows of players (foreign keys enforced, own transaction) in "
				+ took.toMillis() + " ms");

		assertSameContentAndStructure(dataSource, before);
		assertThat(enforcedAfter.get()).as("foreign keys are enforced again after the rebuild").isEqualTo(1);
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("DELETE FROM awards WHERE player_id = 7");
			statement.execute("DELETE FROM players WHERE id = 7");
		}
		assertThat(count(dataSource, "SELECT count(*) FROM player_log WHERE player_id = 7"))
			.as("ON DELETE CASCADE from player_log still works")
			.isZero();
	}

	@Test
	void withForeignKeysEnforcedARebuildOfAReferencedTableInsideATransactionIsRefusedAndNothingIsLost()
			throws Exception {
		DataSource dataSource = TestDataSources.sqliteFile(this.temp.resolve("app.db"), true);
		execute(dataSource, "CREATE TABLE parents (id INTEGER PRIMARY KEY, name TEXT)",
				"CREATE TABLE children (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parents (id) ON DELETE CASCADE)",
				"INSERT INTO parents VALUES (1, 'a'), (2, 'b')", "INSERT INTO children VALUES (1, 1), (2, 2)");
		JavaRevisions revisions = new JavaRevisions().add("0001_alter",
				(c) -> c.op().alterColumn(AlterColumn.of("parents", "name").notNull()), (c) -> {
				});

		assertThatThrownBy(() -> migrator(dataSource, revisions).upgrade("heads"))
			.isInstanceOf(MigrationFailedException.class)
			.hasMessageContaining("alterColumn parents.name: SQLite cannot make this change with ALTER TABLE")
			.hasMessageContaining("would cascade into or be refused by children")
			.hasMessageContaining("op.autocommitBlock(...) or mark the revision transactional=false");
		assertThat(count(dataSource, "SELECT count(*) FROM children")).isEqualTo(2);
		assertThat(strings(dataSource, "SELECT sql FROM sqlite_master WHERE name = 'parents'"))
			.containsExactly("CREATE TABLE parents (id INTEGER PRIMARY KEY, name TEXT)");
	}

	@Test
	void withForeignKeysEnforcedATableNoOtherRefersToIsRebuiltInsideTheTransaction() throws Exception {
		DataSource dataSource = TestDataSources.sqliteFile(this.temp.resolve("app.db"), true);
		execute(dataSource, "CREATE TABLE teams (id INTEGER PRIMARY KEY)", "INSERT INTO teams VALUES (1)",
				"CREATE TABLE members (id INTEGER PRIMARY KEY, team_id INTEGER REFERENCES teams (id), nick TEXT)",
				"INSERT INTO members VALUES (1, 1, 'a')");
		JavaRevisions revisions = new JavaRevisions().add("0001_alter", (c) -> {
			c.op().alterColumn(AlterColumn.of("members", "nick").notNull());
			c.op().execute("INSERT INTO members VALUES (2, 1, 'b')");
		}, (c) -> {
		});
		migrator(dataSource, revisions).upgrade("heads");

		assertThat(strings(dataSource, "SELECT \"notnull\" FROM pragma_table_info('members') WHERE name = 'nick'"))
			.containsExactly("1");
		assertThat(count(dataSource, "SELECT count(*) FROM members")).isEqualTo(2);
		assertThatThrownBy(() -> execute(dataSource, "INSERT INTO members VALUES (3, 99, 'c')")).as("still enforced")
			.isInstanceOf(SQLException.class);
	}

	@Test
	void aRebuildThatWouldBreakAForeignKeyRollsBackAndNamesTheRows() throws Exception {
		DataSource dataSource = TestDataSources.sqliteFile(this.temp.resolve("app.db"));
		execute(dataSource, "CREATE TABLE teams (id INTEGER PRIMARY KEY)", "INSERT INTO teams VALUES (1)",
				"CREATE TABLE members (id INTEGER PRIMARY KEY, team_id INTEGER)",
				"INSERT INTO members VALUES (1, 1), (2, 99)");
		JavaRevisions revisions = new JavaRevisions().add("0001_fk",
				(c) -> c.op().addForeignKey("members", foreignKey("team_id", "teams", "id")), (c) -> {
				});

		assertThatThrownBy(() -> migrator(dataSource, revisions).upgrade("heads"))
			.isInstanceOf(MigrationFailedException.class)
			.hasMessageContaining(
					"addForeignKey fk_members_team_id_teams on members: rows of members refer to rows that do not exist")
			.hasMessageContaining("rowid=2")
			.hasMessageContaining("parent=teams");
		assertThat(strings(dataSource, "SELECT sql FROM sqlite_master WHERE name = 'members'"))
			.containsExactly("CREATE TABLE members (id INTEGER PRIMARY KEY, team_id INTEGER)");
		assertThat(strings(dataSource, "SELECT name FROM sqlite_master WHERE name LIKE '_migrator_new_%'")).isEmpty();
		assertThat(count(dataSource, "SELECT count(*) FROM members")).isEqualTo(2);
	}

	@Test
	void aRenameInsideABatchFollowsIntoIndexesAndChecks() throws Exception {
		DataSource dataSource = TestDataSources.sqliteFile(this.temp.resolve("app.db"));
		execute(dataSource,
				"CREATE TABLE accounts (id INTEGER PRIMARY KEY, mail TEXT CHECK (length(mail) > 3), note TEXT, "
						+ "CONSTRAINT uq_accounts_mail UNIQUE (mail))",
				"CREATE INDEX ix_accounts_mail ON accounts (lower(mail)) WHERE mail IS NOT NULL",
				"INSERT INTO accounts VALUES (1, 'ada@x', 'n')");
		JavaRevisions revisions = new JavaRevisions().add("0001_rename",
				(c) -> c.op()
					.batchAlterTable("accounts", (batch) -> batch.renameColumn("mail", "email").dropColumn("note")),
				(c) -> {
				});
		migrator(dataSource, revisions).upgrade("heads");

		assertThat(strings(dataSource, "SELECT sql FROM sqlite_master WHERE name = 'accounts'")).containsExactly(
				"CREATE TABLE \"accounts\" (id INTEGER PRIMARY KEY, \"email\" TEXT CHECK (length(\"email\") > 3), "
						+ "CONSTRAINT uq_accounts_mail UNIQUE (\"email\"))");
		assertThat(strings(dataSource, "SELECT sql FROM sqlite_master WHERE name = 'ix_accounts_mail'"))
			.containsExactly(
					"CREATE INDEX ix_accounts_mail ON accounts (lower(\"email\")) WHERE \"email\" IS NOT NULL");
		assertThat(strings(dataSource, "SELECT id || ':' || email FROM accounts")).containsExactly("1:ada@x");
	}

	@Test
	void viewsAndTriggersOfOtherTablesThatNameTheTableSurvive() throws Exception {
		DataSource dataSource = TestDataSources.sqliteFile(this.temp.resolve("app.db"));
		execute(dataSource, "CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT, price INTEGER)",
				"CREATE TABLE log (what TEXT)", "CREATE VIEW cheap AS SELECT id, name FROM items WHERE price < 10",
				"CREATE TRIGGER log_insert AFTER INSERT ON log BEGIN UPDATE items SET price = price WHERE id = 0; END",
				"INSERT INTO items VALUES (1, 'pen', 2)");
		JavaRevisions revisions = new JavaRevisions().add("0001_alter",
				(c) -> c.op().alterColumn(AlterColumn.of("items", "price").type(bigint()).notNull()), (c) -> {
				});
		migrator(dataSource, revisions).upgrade("heads");

		assertThat(strings(dataSource, "SELECT name FROM cheap")).containsExactly("pen");
		execute(dataSource, "INSERT INTO log VALUES ('x')");
		assertThat(
				strings(dataSource, "SELECT name FROM sqlite_master WHERE type IN ('view', 'trigger') ORDER BY name"))
			.containsExactly("cheap", "log_insert");
	}

	@Test
	void theAutoincrementCounterAndRowidsSurviveARebuild() throws Exception {
		DataSource dataSource = TestDataSources.sqliteFile(this.temp.resolve("app.db"));
		execute(dataSource, "CREATE TABLE tickets (id INTEGER PRIMARY KEY AUTOINCREMENT, title TEXT)",
				"INSERT INTO tickets (title) VALUES ('a'), ('b'), ('c')", "DELETE FROM tickets WHERE id = 3",
				"CREATE TABLE tags (name TEXT PRIMARY KEY, label TEXT)",
				"INSERT INTO tags VALUES ('x', '1'), ('y', '2'), ('z', '3')", "DELETE FROM tags WHERE name = 'x'");
		List<String> rowids = strings(dataSource, "SELECT rowid || ':' || name FROM tags ORDER BY name");
		JavaRevisions revisions = new JavaRevisions().add("0001_alter", (c) -> {
			c.op().alterColumn(AlterColumn.of("tickets", "title").notNull());
			c.op().alterColumn(AlterColumn.of("tags", "label").notNull());
		}, (c) -> {
		});
		migrator(dataSource, revisions).upgrade("heads");

		execute(dataSource, "INSERT INTO tickets (title) VALUES ('d')");
		assertThat(strings(dataSource, "SELECT id FROM tickets WHERE title = 'd'")).as("id 3 is not reused")
			.containsExactly("4");
		assertThat(strings(dataSource, "SELECT rowid || ':' || name FROM tags ORDER BY name")).isEqualTo(rowids);
	}

	@Test
	void aDroppedColumnTakesItsIndexesAndConstraintsAlongAndTheDataStays() throws Exception {
		DataSource dataSource = TestDataSources.sqliteFile(this.temp.resolve("app.db"));
		execute(dataSource,
				"CREATE TABLE docs (id INTEGER PRIMARY KEY, slug TEXT, body TEXT, CONSTRAINT uq_docs_slug UNIQUE (slug))",
				"CREATE INDEX ix_docs_slug_body ON docs (slug, body)", "CREATE INDEX ix_docs_body ON docs (body)",
				"INSERT INTO docs VALUES (1, 'a', 'x'), (2, 'b', 'y')");
		JavaRevisions revisions = new JavaRevisions().add("0001_drop", (c) -> c.op().dropColumn("docs", "slug"),
				(c) -> {
				});
		migrator(dataSource, revisions).upgrade("heads");

		assertThat(strings(dataSource, "SELECT name FROM pragma_index_list('docs') ORDER BY name"))
			.containsExactly("ix_docs_body");
		assertThat(strings(dataSource, "SELECT id || body FROM docs ORDER BY id")).containsExactly("1x", "2y");
	}

	@Test
	void typesSqliteCannotExpressFailBeforeAnythingRuns() throws Exception {
		DataSource dataSource = TestDataSources.sqliteFile(this.temp.resolve("app.db"));
		JavaRevisions revisions = new JavaRevisions().add("0001_types", (c) -> {
			c.op().createTable("t", col("id", integer()));
			c.op().addColumn("t", col("mood", enumType("mood")));
		}, (c) -> {
		});
		assertThatThrownBy(() -> migrator(dataSource, revisions).upgrade("heads"))
			.isInstanceOf(MigrationFailedException.class)
			.hasMessageContaining("addColumn t.mood, column mood: the type enum mood cannot be expressed on sqlite");
		assertThat(strings(dataSource, "SELECT name FROM sqlite_master WHERE name = 't'")).isEmpty();
		JavaRevisions json = new JavaRevisions().add("0001_json", (c) -> c.op().createTable("t", col("doc", jsonb())),
				(c) -> {
				});
		assertThatThrownBy(() -> migrator(dataSource, json).upgrade("heads"))
			.hasMessageContaining("createTable t, column doc: the type jsonb cannot be expressed on sqlite");
		JavaRevisions enums = new JavaRevisions().add("0001_enum", (c) -> c.op().createEnumType("mood", "ok"), (c) -> {
		});
		assertThatThrownBy(() -> migrator(dataSource, enums).upgrade("heads"))
			.hasMessageContaining("createEnumType mood: sqlite has no enum types");
	}

	@Test
	void anOfflineScriptSaysARebuildNeedsTheLiveSchema() {
		JavaRevisions revisions = new JavaRevisions().add("0001_alter",
				(c) -> c.op().alterColumn(AlterColumn.of("users", "email").notNull()), (c) -> {
				});
		Migrator offline = Migrator
			.create(MigratorConfig.builder().locations(List.of()).source(revisions).dialect("sqlite").build());
		assertThatThrownBy(() -> offline.sql("base", "heads")).isInstanceOf(MigratorException.class)
			.hasMessageContaining(
					"alterColumn users.email: SQLite cannot make this change with ALTER TABLE, so the table is "
							+ "rebuilt from its live definition, which an offline script cannot read")
			.extracting((e) -> ((MigratorException) e).code())
			.isEqualTo("offline-unsupported");
	}

	private static void changePlayers(BatchOperations batch) {
		batch.dropColumn("legacy")
			.alterColumn("score", (c) -> c.type(bigint()).notNull().serverDefault(ServerDefault.value(0)))
			.addColumn(col("nickname", text()))
			.addCheckConstraint("email_has_at", "email LIKE '%@%'");
	}

	/**
	 * Teams ← players (AUTOINCREMENT, indexes, a check, a trigger, a view) ← player_log
	 * (CASCADE) and awards.
	 */
	private static void createPlayers(DataSource dataSource) throws SQLException {
		execute(dataSource, "CREATE TABLE teams (id INTEGER PRIMARY KEY, name TEXT NOT NULL)",
				"CREATE TABLE players (id INTEGER PRIMARY KEY AUTOINCREMENT, "
						+ "team_id INTEGER NOT NULL REFERENCES teams (id) ON DELETE CASCADE, email TEXT NOT NULL, "
						+ "score INTEGER DEFAULT 0, legacy TEXT, CONSTRAINT uq_players_email UNIQUE (email), "
						+ "CONSTRAINT ck_players_score CHECK (score >= 0))",
				"CREATE INDEX ix_players_team ON players (team_id)",
				"CREATE INDEX ix_players_lower_email ON players (lower(email))",
				"CREATE INDEX ix_players_scoring ON players (score) WHERE score > 0",
				"CREATE INDEX ix_players_legacy ON players (legacy)",
				"CREATE TABLE player_log (id INTEGER PRIMARY KEY, player_id INTEGER REFERENCES players (id) ON DELETE CASCADE, note TEXT)",
				"CREATE TABLE awards (id INTEGER PRIMARY KEY, player_id INTEGER NOT NULL REFERENCES players (id))",
				"CREATE TRIGGER trg_players_score AFTER UPDATE OF score ON players BEGIN "
						+ "INSERT INTO player_log (player_id, note) VALUES (NEW.id, 'score'); END",
				"CREATE VIEW v_players AS SELECT id, email FROM players");
		try (Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(false);
			batch(connection, "INSERT INTO teams (id, name) VALUES (?, ?)", 100, (s, i) -> {
				s.setInt(1, i + 1);
				s.setString(2, "team " + i);
			});
			batch(connection, "INSERT INTO players (team_id, email, score, legacy) VALUES (?, ?, ?, ?)", PLAYERS,
					(s, i) -> {
						s.setInt(1, i % 100 + 1);
						s.setString(2, "player" + i + "@example.com");
						s.setInt(3, i % 7);
						s.setString(4, "old " + i);
					});
			batch(connection, "INSERT INTO player_log (player_id, note) VALUES (?, ?)", PLAYERS, (s, i) -> {
				s.setInt(1, i + 1);
				s.setString(2, "joined");
			});
			batch(connection, "INSERT INTO awards (player_id) VALUES (?)", AWARDS, (s, i) -> s.setInt(1, i * 10 + 1));
			connection.commit();
		}
	}

	private static void assertSameContentAndStructure(DataSource dataSource, Snapshot before) throws SQLException {
		Snapshot after = Snapshot.of(dataSource);
		assertThat(after.counts).isEqualTo(before.counts);
		assertThat(after.content).isEqualTo(before.content);
		List<String> indexesWithoutDropped = new ArrayList<>(before.indexes);
		indexesWithoutDropped.removeIf((i) -> i.startsWith("ix_players_legacy|"));
		assertThat(after.indexes).isEqualTo(indexesWithoutDropped);
		assertThat(after.triggers).isEqualTo(before.triggers);
		assertThat(after.foreignKeysOut).isEqualTo(before.foreignKeysOut);
		assertThat(after.foreignKeysIn).isEqualTo(before.foreignKeysIn);
		assertThat(after.sequence).isEqualTo(before.sequence);
		assertThat(strings(dataSource, "SELECT * FROM pragma_foreign_key_check")).isEmpty();
		assertThat(strings(dataSource,
				"SELECT name || ':' || type || ':' || \"notnull\" || ':' || coalesce(dflt_value, '') FROM pragma_table_info('players')"))
			.containsExactly("id:INTEGER:0:", "team_id:INTEGER:1:", "email:TEXT:1:", "score:BIGINT:1:0",
					"nickname:TEXT:0:");
		assertThat(count(dataSource, "SELECT count(*) FROM v_players")).isEqualTo(PLAYERS);
		execute(dataSource, "UPDATE players SET score = score + 1 WHERE id = 1");
		assertThat(count(dataSource, "SELECT count(*) FROM player_log")).as("the trigger still fires")
			.isEqualTo(PLAYERS + 1);
		assertThatThrownBy(() -> execute(dataSource, "INSERT INTO players (team_id, email) VALUES (1, 'no-at-sign')"))
			.as("the new check holds")
			.isInstanceOf(SQLException.class);
		assertThatThrownBy(
				() -> execute(dataSource, "INSERT INTO players (team_id, email, score) VALUES (1, 'x@y', -1)"))
			.as("the old check holds")
			.isInstanceOf(SQLException.class);
	}

	/**
	 * What the rebuild must keep: counts, content, indexes, triggers, foreign keys both
	 * ways, the sequence.
	 */
	private record Snapshot(List<String> counts, List<String> content, List<String> indexes, List<String> triggers,
			List<String> foreignKeysOut, List<String> foreignKeysIn, List<String> sequence) {

		static Snapshot of(DataSource dataSource) throws SQLException {
			return new Snapshot(strings(dataSource,
					"SELECT (SELECT count(*) FROM players) || ',' || (SELECT count(*) FROM player_log) || ',' || "
							+ "(SELECT count(*) FROM awards) || ',' || (SELECT count(*) FROM teams)"),
					strings(dataSource,
							"SELECT sum(id) || ',' || sum(team_id) || ',' || sum(score) || ',' || count(DISTINCT email) "
									+ "|| ',' || max(id) FROM players"),
					strings(dataSource,
							"SELECT l.name || '|' || l.\"unique\" || '|' || l.origin || '|' || l.partial || '|' || "
									+ "coalesce(m.sql, '') FROM pragma_index_list('players') l LEFT JOIN sqlite_master m ON m.name = l.name ORDER BY l.name"),
					strings(dataSource,
							"SELECT name || '|' || sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name"),
					strings(dataSource,
							"SELECT \"table\" || '|' || \"from\" || '|' || \"to\" || '|' || on_delete FROM pragma_foreign_key_list('players')"),
					strings(dataSource,
							"SELECT m.name || '|' || f.\"table\" || '|' || f.\"from\" || '|' || f.\"to\" || '|' || f.on_delete "
									+ "FROM sqlite_master m JOIN pragma_foreign_key_list(m.name) f WHERE m.type = 'table' AND f.\"table\" = 'players' ORDER BY m.name"),
					strings(dataSource, "SELECT name || ':' || seq FROM sqlite_sequence WHERE name = 'players'"));
		}

	}

	private static Migrator migrator(DataSource dataSource, JavaRevisions revisions) {
		return Migrator
			.create(MigratorConfig.builder().dataSource(dataSource).locations(List.of()).source(revisions).build());
	}

	private static Duration timed(Runnable work) {
		long started = System.nanoTime();
		work.run();
		return Duration.ofNanos(System.nanoTime() - started);
	}

	private static void execute(DataSource dataSource, String... statements) throws SQLException {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
	}

	private static long count(DataSource dataSource, String sql) throws SQLException {
		return Long.parseLong(strings(dataSource, sql).get(0));
	}

	private static List<String> strings(DataSource dataSource, String sql) throws SQLException {
		List<String> values = new ArrayList<>();
		try (Connection connection = dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(sql)) {
			int width = rs.getMetaData().getColumnCount();
			while (rs.next()) {
				List<String> cells = new ArrayList<>();
				for (int i = 1; i <= width; i++) {
					cells.add(rs.getString(i));
				}
				values.add(String.join("|", cells));
			}
		}
		return values;
	}

	private static void batch(Connection connection, String sql, int rows, RowBinder binder) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < rows; i++) {
				binder.bind(statement, i);
				statement.addBatch();
				if (i % 5000 == 4999) {
					statement.executeBatch();
				}
			}
			statement.executeBatch();
		}
	}

	@FunctionalInterface
	private interface RowBinder {

		void bind(PreparedStatement statement, int row) throws SQLException;

	}

}
