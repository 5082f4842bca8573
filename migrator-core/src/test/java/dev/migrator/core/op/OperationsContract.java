package dev.migrator.core.op;

import dev.migrator.core.Migrator;
import dev.migrator.core.config.MigratorConfig;
import dev.migrator.core.error.MigratorException;
import dev.migrator.core.op.SchemaInspection.ColumnInfo;
import dev.migrator.core.op.SchemaInspection.ForeignKeyInfo;
import dev.migrator.core.runtime.MigrationFailedException;

import java.nio.file.Path;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.migrator.core.op.ColumnType.bigint;
import static dev.migrator.core.op.ColumnType.bool;
import static dev.migrator.core.op.ColumnType.integer;
import static dev.migrator.core.op.ColumnType.numeric;
import static dev.migrator.core.op.ColumnType.text;
import static dev.migrator.core.op.ColumnType.timestamp;
import static dev.migrator.core.op.ColumnType.varchar;
import static dev.migrator.core.op.Columns.check;
import static dev.migrator.core.op.Columns.col;
import static dev.migrator.core.op.Columns.foreignKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the operations API does the same on every dialect, run through the engine on a
 * real database and checked through JDBC metadata; each dialect's test class runs these.
 */
abstract class OperationsContract {

	@TempDir
	Path temp;

	DataSource dataSource;

	SchemaInspection schema;

	JavaRevisions revisions;

	abstract DataSource newDatabase();

	abstract String dialectName();

	/**
	 * The type names the database reports for bigint, varchar, text, boolean, timestamp
	 * and integer columns.
	 */
	abstract Map<String, String> reportedTypes();

	/** The names of the table's constraints, as the database stores them. */
	abstract List<String> constraintNames(String table) throws SQLException;

	@BeforeEach
	void prepare() {
		this.dataSource = newDatabase();
		this.schema = new SchemaInspection(this.dataSource);
		this.revisions = new JavaRevisions();
	}

	Migrator migrator() {
		return Migrator.create(MigratorConfig.builder()
			.dataSource(this.dataSource)
			.locations(List.of())
			.source(this.revisions)
			.build());
	}

	@Test
	void createTableMakesTheColumnsKeysAndDefaultsTheDatabaseReports() throws Exception {
		this.revisions
			.reversible("0001_users", new CreateTable("users",
					List.of(col("id", bigint()).primaryKey().identity(), col("email", varchar(255)).notNull().unique(),
							col("display_name", text()), col("active", bool()).notNull().defaultValue(true),
							col("created_at", timestamp()).notNull().defaultExpression("CURRENT_TIMESTAMP")),
					List.of()))
			.reversible("0002_orders",
					new CreateTable("orders", List.of(col("id", bigint()).primaryKey().identity(),
							col("user_id", bigint()).notNull().references("users", "id", ReferentialAction.CASCADE),
							col("amount", numeric(10, 2)).notNull()), List.of(check("positive_amount", "amount > 0"))));
		migrator().upgrade("heads");

		assertThat(this.schema.tables()).containsExactly("orders", "users");
		Map<String, ColumnInfo> users = this.schema.columns("users");
		Map<String, String> types = reportedTypes();
		assertThat(users.values()).extracting(ColumnInfo::name, ColumnInfo::type, ColumnInfo::nullable)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("id", types.get("identity"), false),
					org.assertj.core.groups.Tuple.tuple("email", types.get("varchar"), false),
					org.assertj.core.groups.Tuple.tuple("display_name", types.get("text"), true),
					org.assertj.core.groups.Tuple.tuple("active", types.get("boolean"), false),
					org.assertj.core.groups.Tuple.tuple("created_at", types.get("timestamp"), false));
		assertThat(users.get("created_at").defaultValue()).containsIgnoringCase("CURRENT_TIMESTAMP");
		assertThat(this.schema.primaryKey("users")).containsExactly("id");
		assertThat(this.schema.indexes("users").values())
			.anySatisfy((index) -> assertThat(index).extracting((i) -> i.unique(), (i) -> i.columns())
				.containsExactly(true, List.of("email")));
		assertThat(this.schema.importedKeys("orders"))
			.extracting(ForeignKeyInfo::column, ForeignKeyInfo::referredTable, ForeignKeyInfo::referredColumn,
					ForeignKeyInfo::deleteRule)
			.containsExactly(
					org.assertj.core.groups.Tuple.tuple("user_id", "users", "id", DatabaseMetaData.importedKeyCascade));
		assertThat(constraintNames("orders")).contains("pk_orders", "fk_orders_user_id_users",
				"ck_orders_positive_amount");
		assertThat(constraintNames("users")).contains("pk_users", "uq_users_email");

		this.schema.execute("INSERT INTO users (email) VALUES ('ada@example.com')");
		assertThat(this.schema.count("SELECT count(*) FROM users WHERE id = 1 AND active")).isEqualTo(1);
		assertThatThrownBy(() -> this.schema.execute("INSERT INTO orders (user_id, amount) VALUES (1, -5)"))
			.isInstanceOf(SQLException.class);
		this.schema.execute("INSERT INTO orders (user_id, amount) VALUES (1, 5)");

		migrator().downgrade("base");
		assertThat(this.schema.tables()).isEmpty();
	}

	@Test
	void columnsAreAddedAlteredRenamedAndDroppedAndEachStepReverses() throws Exception {
		this.revisions
			.reversible("0001_items",
					new CreateTable("items", List.of(col("id", integer()).primaryKey(), col("name", varchar(50))),
							List.of()))
			.add("0002_rows",
					(c) -> c.op()
						.bulkInsert("items", List.of("id", "name"), List.of(List.of(1, "one"), List.of(2, "two"))),
					(c) -> c.op().execute("DELETE FROM items"))
			.reversible("0003_qty", new AddColumn("items", col("qty", integer()).notNull().defaultValue(0)))
			.reversible("0004_name",
					AlterColumn.of("items", "name")
						.type(text())
						.notNull()
						.serverDefault(ServerDefault.value("unnamed"))
						.existingType(varchar(50))
						.existingNullable(true)
						.existingNoServerDefault())
			.reversible("0005_rename", new RenameColumn("items", "qty", "quantity"))
			.reversible("0006_drop", new DropColumn("items", "quantity",
					Optional.of(col("quantity", integer()).notNull().defaultValue(0))));
		migrator().upgrade("heads");

		Map<String, ColumnInfo> columns = this.schema.columns("items");
		assertThat(columns.keySet()).containsExactly("id", "name");
		assertThat(columns.get("name").type()).isEqualTo(reportedTypes().get("text"));
		assertThat(columns.get("name").nullable()).isFalse();
		assertThat(columns.get("name").defaultValue()).contains("unnamed");
		assertThat(this.schema.strings("SELECT id, name FROM items ORDER BY id")).containsExactly("1|one", "2|two");

		migrator().downgrade("0005_rename");
		assertThat(this.schema.columns("items").keySet()).containsExactly("id", "name", "quantity");
		migrator().downgrade("0003_qty");
		columns = this.schema.columns("items");
		assertThat(columns.keySet()).containsExactly("id", "name", "qty");
		assertThat(columns.get("name").type()).isEqualTo(reportedTypes().get("varchar"));
		assertThat(columns.get("name").nullable()).isTrue();
		assertThat(columns.get("name").defaultValue()).isNull();
		assertThat(columns.get("qty").nullable()).isFalse();
		assertThat(this.schema.strings("SELECT id, name, qty FROM items ORDER BY id")).containsExactly("1|one|0",
				"2|two|0");

		migrator().downgrade("0001_items");
		assertThat(this.schema.columns("items").keySet()).containsExactly("id", "name");
		assertThat(this.schema.count("SELECT count(*) FROM items")).isZero();
		migrator().upgrade("heads");
		assertThat(this.schema.columns("items").keySet()).containsExactly("id", "name");
	}

	@Test
	void indexesAreCreatedByConventionOrNameAndDroppedByTheReverse() throws Exception {
		this.revisions
			.reversible("0001_people",
					new CreateTable("people",
							List.of(col("id", integer()).primaryKey(), col("email", varchar(100)),
									col("active", bool()).notNull().defaultValue(true)),
							List.of()))
			.reversible("0002_indexes", CreateIndex.on("people", "email").unique().where("active"),
					CreateIndex.onExpression("people", "lower(email)").named("ix_people_lower_email"),
					CreateIndex.on("people", "active", "email").ifNotExists());
		migrator().upgrade("heads");

		assertThat(this.schema.indexes("people")).containsKeys("ix_people_email", "ix_people_lower_email",
				"ix_people_active_email");
		assertThat(this.schema.indexes("people").get("ix_people_email").unique()).isTrue();
		assertThat(this.schema.indexes("people").get("ix_people_active_email").columns()).containsExactly("active",
				"email");
		this.schema.execute("INSERT INTO people (id, email, active) VALUES (1, 'a@x', " + sqlBoolean(false)
				+ "), (2, 'a@x', " + sqlBoolean(false) + "), (3, 'a@x', " + sqlBoolean(true) + ")");
		assertThatThrownBy(() -> this.schema.execute("INSERT INTO people (id, email) VALUES (4, 'a@x')"))
			.as("the partial unique index covers active rows")
			.isInstanceOf(SQLException.class);

		migrator().downgrade("0001_people");
		assertThat(this.schema.indexes("people")).doesNotContainKeys("ix_people_email", "ix_people_lower_email",
				"ix_people_active_email");
	}

	@Test
	void constraintsAreAddedUnderConventionalNamesAndDroppedByName() throws Exception {
		this.revisions
			.reversible("0001_tables",
					new CreateTable("teams", List.of(col("id", integer()).primaryKey(), col("name", text()).notNull()),
							List.of()),
					new CreateTable("members",
							List.of(col("id", integer()).primaryKey(), col("team_id", integer()),
									col("nickname", text()), col("score", integer())),
							List.of()))
			.add("0002_rows", (c) -> {
				c.op().bulkInsert("teams", List.of("id", "name"), List.of(List.of(1, "red")));
				c.op()
					.bulkInsert("members", List.of("id", "team_id", "nickname", "score"),
							List.of(List.of(1, 1, "x", 5)));
			}, (c) -> {
				c.op().execute("DELETE FROM members");
				c.op().execute("DELETE FROM teams");
			})
			.reversible("0003_constraints", new AddUniqueConstraint("members", UniqueConstraint.of("nickname")),
					new AddCheckConstraint("members", check("score_positive", "score >= 0"), false),
					new AddForeignKey("members",
							foreignKey("team_id", "teams", "id").onDelete(ReferentialAction.CASCADE), false))
			.reversible("0004_relax", new DropConstraint("members", "ck_members_score_positive",
					Optional.of(check("score_positive", "score >= 0"))));
		migrator().upgrade("0003_constraints");

		assertThat(constraintNames("members")).contains("uq_members_nickname", "ck_members_score_positive",
				"fk_members_team_id_teams");
		assertThat(this.schema.importedKeys("members"))
			.extracting(ForeignKeyInfo::column, ForeignKeyInfo::referredTable)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("team_id", "teams"));
		assertThatThrownBy(() -> this.schema.execute("INSERT INTO members (id, nickname) VALUES (2, 'x')"))
			.isInstanceOf(SQLException.class);
		assertThatThrownBy(() -> this.schema.execute("INSERT INTO members (id, score) VALUES (2, -1)"))
			.isInstanceOf(SQLException.class);
		assertThat(this.schema.count("SELECT count(*) FROM members")).isEqualTo(1);

		migrator().upgrade("heads");
		assertThat(constraintNames("members")).doesNotContain("ck_members_score_positive");
		this.schema.execute("INSERT INTO members (id, score) VALUES (2, -1)");
		this.schema.execute("DELETE FROM members WHERE id = 2");

		migrator().downgrade("0002_rows");
		assertThat(constraintNames("members")).doesNotContain("uq_members_nickname", "ck_members_score_positive",
				"fk_members_team_id_teams");
		assertThat(this.schema.importedKeys("members")).isEmpty();
		assertThat(this.schema.strings("SELECT id, team_id, nickname, score FROM members")).containsExactly("1|1|x|5");
	}

	@Test
	void dataOperationsBindValuesSoQuotesStayData() throws Exception {
		String hostile = "o'brien\"; DROP TABLE notes; --";
		this.revisions
			.reversible("0001_notes", new CreateTable("notes",
					List.of(col("id", integer()).primaryKey(), col("body", text()), col("author", text())), List.of()))
			.add("0002_rows", (c) -> {
				c.op()
					.bulkInsert("notes", List.of("id", "body", "author"),
							List.of(List.of(1, hostile, "ada"), Arrays.asList(2, null, "grace")));
				c.op().updateRows(UpdateRows.table("notes").set("author", "it's me").where("id", 2));
				c.op().updateRows(UpdateRows.table("notes").setExpression("body", "upper(author)").where("body", null));
				c.op().execute("UPDATE notes SET author = ? WHERE id = ?", "x'); DROP TABLE notes; --", 1);
				c.op().bulkInsert("notes", List.of(Map.of("id", 3, "author", "map")));
			}, (c) -> c.op().execute("DELETE FROM notes"));
		migrator().upgrade("heads");

		assertThat(this.schema.strings("SELECT id, body, author FROM notes ORDER BY id"))
			.containsExactly("1|" + hostile + "|x'); DROP TABLE notes; --", "2|IT'S ME|it's me", "3|null|map");
	}

	@Test
	void hostileIdentifiersStaySingleIdentifiers() throws Exception {
		String table = "we\"ird; DROP TABLE victims; --";
		String column = "a\"b'c";
		this.revisions
			.reversible("0001_tables",
					new CreateTable("victims", List.of(col("id", integer()).primaryKey()), List.of()),
					new CreateTable(table, List.of(col("id", integer()).primaryKey(), col(column, text())), List.of()),
					CreateIndex.on(table, column))
			.add("0002_row", (c) -> c.op().bulkInsert(table, List.of("id", column), List.of(List.of(1, "v"))),
					(c) -> c.op().execute("DELETE FROM \"we\"\"ird; DROP TABLE victims; --\""));
		migrator().upgrade("heads");

		assertThat(this.schema.tables()).containsExactly("victims", table);
		assertThat(this.schema.columns(table).keySet()).containsExactly("id", column);
		assertThat(this.schema.indexes(table)).containsKey("ix_" + table + "_" + column);
		assertThat(this.schema
			.count("SELECT count(*) FROM \"we\"\"ird; DROP TABLE victims; --\" WHERE \"a\"\"b'c\" = 'v'")).isEqualTo(1);
		migrator().downgrade("base");
		assertThat(this.schema.tables()).isEmpty();
	}

	@Test
	void concurrentlyInsideATransactionalRevisionFailsBeforeItRuns() throws Exception {
		this.revisions.add("0001_index", (c) -> {
			c.op().createTable("t", col("id", integer()));
			c.op().createIndex(CreateIndex.on("t", "id").concurrently());
		}, (c) -> c.op().dropTable("t"));
		assertThatThrownBy(() -> migrator().upgrade("heads")).isInstanceOf(MigrationFailedException.class)
			.hasMessageContaining("createIndex ix_t_id on t: CONCURRENTLY cannot run inside a transaction block")
			.hasMessageContaining("op.autocommitBlock")
			.hasMessageContaining("transactional=false")
			.hasMessageContaining("rolled back as a whole")
			.cause()
			.isInstanceOf(InvalidOperationException.class);
		assertThat(this.schema.tables()).isEmpty();
		assertThat(migrator().current()).isEmpty();
	}

	@Test
	void emptyAndNulIdentifiersFailBeforeAnythingRuns() throws Exception {
		assertThatThrownBy(() -> col("", text())).isInstanceOf(InvalidOperationException.class)
			.hasMessageContaining("column name is empty");
		assertThatThrownBy(() -> DropTable.of("a\0b")).isInstanceOf(InvalidOperationException.class)
			.hasMessageContaining("dropTable: the table name 'a?b' contains a NUL character");
		this.revisions.add("0001_bad", (c) -> {
			c.op().createTable("t", col("id", integer()));
			c.op().addColumn("t", col("", text()));
		}, (c) -> c.op().dropTable("t"));
		assertThatThrownBy(() -> migrator().upgrade("heads")).isInstanceOf(MigrationFailedException.class)
			.hasMessageContaining("the column name is empty");
		assertThat(this.schema.tables()).isEmpty();
	}

	@Test
	void anAutocommitBlockRunsOutsideTheRevisionsTransaction() throws Exception {
		this.revisions.add("0001_tables", (c) -> {
			c.op().createTable("t", col("id", integer()), col("v", text()));
			c.op().autocommitBlock(() -> c.op().createIndex(CreateIndex.on("t", "v").concurrently()));
			c.op().createTable("u", col("id", integer()));
		}, (c) -> {
			c.op().autocommitBlock(() -> c.op().dropIndex(DropIndex.named("ix_t_v").concurrently()));
			c.op().dropTable("u");
			c.op().dropTable("t");
		});
		migrator().upgrade("heads");
		assertThat(this.schema.tables()).containsExactly("t", "u");
		assertThat(this.schema.indexes("t")).containsKey("ix_t_v");
		assertThat(migrator().current()).containsExactly("0001_tables");
		migrator().downgrade("base");
		assertThat(this.schema.tables()).isEmpty();
	}

	@Test
	void aFailureAfterAnAutocommitBlockSaysWhatStaysApplied() throws Exception {
		this.revisions.add("0001_partial", (c) -> {
			c.op().createTable("t", col("id", integer()));
			c.op().autocommitBlock(() -> c.op().createIndex(CreateIndex.on("t", "id").concurrently()));
			c.op().createTable("u", col("id", integer()));
			c.op().execute("INSERT INTO no_such_table VALUES (1)");
		}, (c) -> c.op().dropTable("t"));
		assertThatThrownBy(() -> migrator().upgrade("heads")).isInstanceOf(MigrationFailedException.class)
			.hasMessageContaining("execute INSERT INTO no_such_table VALUES (1) failed")
			.hasMessageContaining("autocommit block committed what ran before it");
		assertThat(this.schema.tables()).containsExactly("t");
		assertThat(migrator().current()).isEmpty();
	}

	@Test
	void offlineScriptsRenderJavaMigrationsThatUseOnlyOp() {
		this.revisions.add("0001_users", (c) -> {
			c.op().createTable("users", col("id", bigint()).primaryKey().identity(), col("email", text()));
			c.op().autocommitBlock(() -> c.op().createIndex(CreateIndex.on("users", "email").concurrently()));
			c.op().bulkInsert("users", List.of("email"), List.of(List.of("o'brien@example.com")));
			c.execute("UPDATE users SET email = lower(email) WHERE email = ?", "X");
		}, (c) -> c.op().dropTable("users"));
		Migrator offline = Migrator.create(
				MigratorConfig.builder().locations(List.of()).source(this.revisions).dialect(dialectName()).build());

		String up = offline.sql("base", "heads");
		int create = up.indexOf("CREATE TABLE \"users\"");
		int commit = up.indexOf("COMMIT;\n", create);
		int index = up.indexOf("\"ix_users_email\" ON \"users\" (\"email\");", commit);
		int begin = up.indexOf("BEGIN;\n", index);
		int insert = up.indexOf("INSERT INTO \"users\" (\"email\") VALUES ('o''brien@example.com');", begin);
		int update = up.indexOf("UPDATE users SET email = lower(email) WHERE email = 'X';", insert);
		assertThat(List.of(create, commit, index, begin, insert, update)).allMatch((i) -> i >= 0);
		assertThat(offline.sql("heads", "base")).contains("DROP TABLE \"users\";");
	}

	@Test
	void anOfflineScriptRefusesAJavaMigrationThatUsesJdbcDirectly() {
		this.revisions.add("0001_jdbc", (c) -> c.connection().createStatement().execute("SELECT 1"), (c) -> {
		});
		Migrator offline = Migrator.create(
				MigratorConfig.builder().locations(List.of()).source(this.revisions).dialect(dialectName()).build());
		assertThatThrownBy(() -> offline.sql("base", "heads")).isInstanceOf(MigratorException.class)
			.hasMessageContaining("Revision 0001_jdbc")
			.hasMessageContaining("offline: this revision uses JDBC directly")
			.extracting((e) -> ((MigratorException) e).code())
			.isEqualTo("offline-unsupported");
	}

	@Test
	void theNamingConventionIsConfigurable() throws Exception {
		this.revisions.reversible(
				"0001_things", new CreateTable("things",
						List.of(col("id", integer()).primaryKey(), col("code", text()).unique()), List.of()),
				CreateIndex.on("things", "code"));
		Migrator custom = Migrator.create(MigratorConfig.builder()
			.dataSource(this.dataSource)
			.locations(List.of())
			.source(this.revisions)
			.namingConvention(new NamingConvention("{table}_pkey", "{table}_{columns}_fkey", "{table}_{columns}_key",
					"{table}_{constraint}_check", "{table}_{columns}_idx"))
			.build());
		custom.upgrade("heads");
		assertThat(constraintNames("things")).contains("things_pkey", "things_code_key");
		assertThat(this.schema.indexes("things")).containsKey("things_code_idx");
		custom.downgrade("base");
		assertThat(this.schema.tables()).isEmpty();
	}

	String sqlBoolean(boolean value) {
		return value ? "TRUE" : "FALSE";
	}

}
