package dev.migrator.core.op;

import dev.migrator.core.dialect.Dialect;
import dev.migrator.core.dialect.Dialects;
import dev.migrator.core.dialect.LiveSchema;
import dev.migrator.core.dialect.RenderContext;
import dev.migrator.core.dialect.RenderedStatement;
import dev.migrator.core.dialect.TableSnapshot;
import dev.migrator.core.dialect.TableSnapshot.NamedSql;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.stream.Collectors;

import static dev.migrator.core.op.ColumnType.bigint;
import static dev.migrator.core.op.ColumnType.bool;
import static dev.migrator.core.op.ColumnType.enumType;
import static dev.migrator.core.op.ColumnType.integer;
import static dev.migrator.core.op.ColumnType.numeric;
import static dev.migrator.core.op.ColumnType.text;
import static dev.migrator.core.op.ColumnType.timestamp;
import static dev.migrator.core.op.ColumnType.timestamptz;
import static dev.migrator.core.op.ColumnType.uuid;
import static dev.migrator.core.op.ColumnType.varchar;
import static dev.migrator.core.op.Columns.check;
import static dev.migrator.core.op.Columns.col;
import static dev.migrator.core.op.Columns.foreignKey;

/**
 * Every operation with the exact SQL it renders on each dialect. The golden tests assert
 * these; the reference in {@code docs/reference/operations.md} is checked to show the
 * same, so the documentation cannot drift.
 *
 * <p>
 * SQLite examples that rebuild a table read this live schema: table {@code users} as
 * created below (referred to by {@code orders}, with an index and a trigger,
 * AUTOINCREMENT at 42) and table {@code tags} with no primary key.
 */
final class GoldenExamples {

	static final String USERS_TABLE = "CREATE TABLE \"users\" (\"id\" INTEGER NOT NULL CONSTRAINT \"pk_users\" PRIMARY KEY AUTOINCREMENT, "
			+ "\"email\" VARCHAR(255) NOT NULL, \"display_name\" TEXT, \"bio\" TEXT, CONSTRAINT \"uq_users_email\" UNIQUE (\"email\"))";

	static final String USERS_INDEX = "CREATE INDEX \"ix_users_display_name\" ON \"users\" (\"display_name\")";

	static final String USERS_TRIGGER = "CREATE TRIGGER \"users_audit\" AFTER DELETE ON \"users\" BEGIN "
			+ "INSERT INTO \"audit\" (\"what\") VALUES ('user deleted'); END";

	static final String TAGS_TABLE = "CREATE TABLE \"tags\" (\"name\" TEXT NOT NULL, \"label\" TEXT)";

	/** The live schema the SQLite rebuild examples read. */
	static final LiveSchema SCHEMA = new LiveSchema() {

		@Override
		public boolean isLive() {
			return true;
		}

		@Override
		public Optional<TableSnapshot> table(String name) {
			return Optional.ofNullable(Map.of("users",
					new TableSnapshot("users", USERS_TABLE, List.of("id", "email", "display_name", "bio"),
							List.of(new NamedSql("ix_users_display_name", USERS_INDEX)),
							List.of(new NamedSql("users_audit", USERS_TRIGGER)), List.of("orders"), false, false,
							OptionalLong.of(42)),
					"tags", new TableSnapshot("tags", TAGS_TABLE, List.of("name", "label"), List.of(), List.of(),
							List.of(), false, false, OptionalLong.empty()))
				.get(name));
		}

	};

	/** What follows the copy in every rebuild of {@code users}. */
	static final List<String> USERS_REBUILD_TAIL = List.of("DROP TABLE \"users\"", "PRAGMA legacy_alter_table = ON",
			"ALTER TABLE \"_migrator_new_users\" RENAME TO \"users\"", "PRAGMA legacy_alter_table = OFF",
			"UPDATE sqlite_sequence SET seq = ? WHERE name = ? AND seq < ? -- parameters: 42, 'users', 42");

	static final List<String> USERS_REBUILD_CHECKS = List.of(
			"check: SELECT * FROM pragma_foreign_key_check(?) -- parameters: 'users'",
			"check: SELECT * FROM pragma_foreign_key_check(?) -- parameters: 'orders'",
			"on failure: PRAGMA legacy_alter_table = OFF");

	static final List<String> TAGS_REBUILD_TAIL = List.of("DROP TABLE \"tags\"", "PRAGMA legacy_alter_table = ON",
			"ALTER TABLE \"_migrator_new_tags\" RENAME TO \"tags\"", "PRAGMA legacy_alter_table = OFF",
			"check: SELECT * FROM pragma_foreign_key_check(?) -- parameters: 'tags'",
			"on failure: PRAGMA legacy_alter_table = OFF");

	private GoldenExamples() {
	}

	/**
	 * One documented example: an operation and what each dialect renders
	 * ({@code error: …} when it refuses).
	 */
	record Example(String section, String title, String java, Operation operation, OptionalInt postgresVersion,
			List<String> postgresql, List<String> sqlite) {

		Example(String section, String title, String java, Operation operation, List<String> postgresql,
				List<String> sqlite) {
			this(section, title, java, operation, OptionalInt.empty(), postgresql, sqlite);
		}

	}

	static List<Example> all() {
		List<Example> examples = new ArrayList<>();
		tables(examples);
		columns(examples);
		indexes(examples);
		constraints(examples);
		enums(examples);
		data(examples);
		batches(examples);
		safe(examples);
		names(examples);
		return examples;
	}

	private static void tables(List<Example> examples) {
		examples.add(new Example("Tables", "createTable with an identity key, a unique column and defaults",
				"op.createTable(\"users\", col(\"id\", bigint()).primaryKey().identity(), col(\"email\", varchar(255)).notNull().unique(),\n"
						+ "\t\tcol(\"display_name\", text()), col(\"active\", bool()).notNull().defaultValue(true),\n"
						+ "\t\tcol(\"created_at\", timestamptz()).notNull().defaultExpression(\"CURRENT_TIMESTAMP\"));",
				new CreateTable("users",
						List.of(col("id", bigint()).primaryKey().identity(),
								col("email", varchar(255)).notNull().unique(), col("display_name", text()),
								col("active", bool()).notNull().defaultValue(true),
								col("created_at", timestamptz()).notNull().defaultExpression("CURRENT_TIMESTAMP")),
						List.of()),
				List.of("CREATE TABLE \"users\" (\"id\" bigint GENERATED BY DEFAULT AS IDENTITY NOT NULL, \"email\" varchar(255) NOT NULL, "
						+ "\"display_name\" text, \"active\" boolean DEFAULT TRUE NOT NULL, \"created_at\" timestamptz DEFAULT CURRENT_TIMESTAMP NOT NULL, "
						+ "CONSTRAINT \"pk_users\" PRIMARY KEY (\"id\"), CONSTRAINT \"uq_users_email\" UNIQUE (\"email\"))"),
				List.of("CREATE TABLE \"users\" (\"id\" INTEGER NOT NULL CONSTRAINT \"pk_users\" PRIMARY KEY AUTOINCREMENT, \"email\" VARCHAR(255) NOT NULL, "
						+ "\"display_name\" TEXT, \"active\" BOOLEAN DEFAULT 1 NOT NULL, \"created_at\" TIMESTAMPTZ DEFAULT (CURRENT_TIMESTAMP) NOT NULL, "
						+ "CONSTRAINT \"uq_users_email\" UNIQUE (\"email\"))")));
		examples.add(new Example("Tables", "createTable with a foreign key, a check and a comment",
				"op.createTable(\"orders\", List.of(col(\"id\", bigint()).primaryKey().identity(),\n"
						+ "\t\tcol(\"user_id\", bigint()).notNull().references(\"users\", \"id\", ReferentialAction.CASCADE),\n"
						+ "\t\tcol(\"amount\", numeric(10, 2)).notNull(), col(\"note\", text()).comment(\"free text\")),\n"
						+ "\tList.of(check(\"positive_amount\", \"amount > 0\")));",
				new CreateTable("orders",
						List.of(col("id", bigint()).primaryKey().identity(),
								col("user_id", bigint()).notNull().references("users", "id", ReferentialAction.CASCADE),
								col("amount", numeric(10, 2)).notNull(), col("note", text()).comment("free text")),
						List.of(check("positive_amount", "amount > 0"))),
				List.of("CREATE TABLE \"orders\" (\"id\" bigint GENERATED BY DEFAULT AS IDENTITY NOT NULL, \"user_id\" bigint NOT NULL, "
						+ "\"amount\" numeric(10, 2) NOT NULL, \"note\" text, CONSTRAINT \"pk_orders\" PRIMARY KEY (\"id\"), "
						+ "CONSTRAINT \"fk_orders_user_id_users\" FOREIGN KEY (\"user_id\") REFERENCES \"users\" (\"id\") ON DELETE CASCADE, "
						+ "CONSTRAINT \"ck_orders_positive_amount\" CHECK (amount > 0))",
						"COMMENT ON COLUMN \"orders\".\"note\" IS 'free text'"),
				List.of("CREATE TABLE \"orders\" (\"id\" INTEGER NOT NULL CONSTRAINT \"pk_orders\" PRIMARY KEY AUTOINCREMENT, \"user_id\" BIGINT NOT NULL, "
						+ "\"amount\" NUMERIC(10, 2) NOT NULL, \"note\" TEXT, "
						+ "CONSTRAINT \"fk_orders_user_id_users\" FOREIGN KEY (\"user_id\") REFERENCES \"users\" (\"id\") ON DELETE CASCADE, "
						+ "CONSTRAINT \"ck_orders_positive_amount\" CHECK (amount > 0))")));
		examples.add(new Example("Tables", "dropTable", "op.dropTable(\"users\");", DropTable.of("users"),
				List.of("DROP TABLE \"users\""), List.of("DROP TABLE \"users\"")));
		examples.add(new Example("Tables", "renameTable", "op.renameTable(\"users\", \"accounts\");",
				new RenameTable("users", "accounts"), List.of("ALTER TABLE \"users\" RENAME TO \"accounts\""),
				List.of("ALTER TABLE \"users\" RENAME TO \"accounts\"")));
	}

	private static void columns(List<Example> examples) {
		examples.add(new Example("Columns", "addColumn", "op.addColumn(\"users\", col(\"nickname\", text()));",
				new AddColumn("users", col("nickname", text())),
				List.of("ALTER TABLE \"users\" ADD COLUMN \"nickname\" text"),
				List.of("ALTER TABLE \"users\" ADD COLUMN \"nickname\" TEXT")));
		examples.add(new Example("Columns", "addColumn NOT NULL with a constant default",
				"op.addColumn(\"users\", col(\"score\", integer()).notNull().defaultValue(0));",
				new AddColumn("users", col("score", integer()).notNull().defaultValue(0)),
				List.of("ALTER TABLE \"users\" ADD COLUMN \"score\" integer DEFAULT 0 NOT NULL"),
				List.of("ALTER TABLE \"users\" ADD COLUMN \"score\" INTEGER DEFAULT 0 NOT NULL")));
		List<String> addExpression = new ArrayList<>();
		addExpression
			.add("CREATE TABLE \"_migrator_new_users\" (\"id\" INTEGER NOT NULL CONSTRAINT \"pk_users\" PRIMARY KEY AUTOINCREMENT, "
					+ "\"email\" VARCHAR(255) NOT NULL, \"display_name\" TEXT, \"bio\" TEXT, \"updated_at\" TIMESTAMP DEFAULT (CURRENT_TIMESTAMP) NOT NULL, "
					+ "CONSTRAINT \"uq_users_email\" UNIQUE (\"email\"))");
		addExpression.add("INSERT INTO \"_migrator_new_users\" (\"id\", \"email\", \"display_name\", \"bio\") "
				+ "SELECT \"id\", \"email\", \"display_name\", \"bio\" FROM \"users\"");
		addExpression.addAll(USERS_REBUILD_TAIL);
		addExpression.add(USERS_INDEX);
		addExpression.add(USERS_TRIGGER);
		addExpression.addAll(USERS_REBUILD_CHECKS);
		examples.add(new Example("Columns", "addColumn with an expression default (SQLite: rebuild)",
				"op.addColumn(\"users\", col(\"updated_at\", timestamp()).notNull().defaultExpression(\"CURRENT_TIMESTAMP\"));",
				new AddColumn("users", col("updated_at", timestamp()).notNull().defaultExpression("CURRENT_TIMESTAMP")),
				List.of("ALTER TABLE \"users\" ADD COLUMN \"updated_at\" timestamp DEFAULT CURRENT_TIMESTAMP NOT NULL"),
				addExpression));
		examples.add(new Example("Columns", "dropColumn of a plain column", "op.dropColumn(\"users\", \"bio\");",
				DropColumn.of("users", "bio"), List.of("ALTER TABLE \"users\" DROP COLUMN \"bio\""),
				List.of("ALTER TABLE \"users\" DROP COLUMN \"bio\"")));
		List<String> dropIndexed = new ArrayList<>();
		dropIndexed
			.add("CREATE TABLE \"_migrator_new_users\" (\"id\" INTEGER NOT NULL CONSTRAINT \"pk_users\" PRIMARY KEY AUTOINCREMENT, "
					+ "\"email\" VARCHAR(255) NOT NULL, \"bio\" TEXT, CONSTRAINT \"uq_users_email\" UNIQUE (\"email\"))");
		dropIndexed.add(
				"INSERT INTO \"_migrator_new_users\" (\"id\", \"email\", \"bio\") SELECT \"id\", \"email\", \"bio\" FROM \"users\"");
		dropIndexed.addAll(USERS_REBUILD_TAIL);
		dropIndexed.add(USERS_TRIGGER);
		dropIndexed.addAll(USERS_REBUILD_CHECKS);
		examples.add(new Example("Columns", "dropColumn of an indexed column (SQLite: rebuild, the index goes with it)",
				"op.dropColumn(\"users\", \"display_name\");", DropColumn.of("users", "display_name"),
				List.of("ALTER TABLE \"users\" DROP COLUMN \"display_name\""), dropIndexed));
		List<String> alter = new ArrayList<>();
		alter
			.add("CREATE TABLE \"_migrator_new_users\" (\"id\" INTEGER NOT NULL CONSTRAINT \"pk_users\" PRIMARY KEY AUTOINCREMENT, "
					+ "\"email\" VARCHAR(255) NOT NULL, \"display_name\" VARCHAR(100) NOT NULL DEFAULT 'anon', \"bio\" TEXT, "
					+ "CONSTRAINT \"uq_users_email\" UNIQUE (\"email\"))");
		alter.add("INSERT INTO \"_migrator_new_users\" (\"id\", \"email\", \"display_name\", \"bio\") "
				+ "SELECT \"id\", \"email\", (substr(display_name, 1, 100)), \"bio\" FROM \"users\"");
		alter.addAll(USERS_REBUILD_TAIL);
		alter.add(USERS_INDEX);
		alter.add(USERS_TRIGGER);
		alter.addAll(USERS_REBUILD_CHECKS);
		examples.add(new Example("Columns", "alterColumn: type with USING, NOT NULL, default (SQLite: rebuild)",
				"op.alterColumn(AlterColumn.of(\"users\", \"display_name\").type(varchar(100), \"substr(display_name, 1, 100)\")\n"
						+ "\t.notNull().serverDefault(ServerDefault.value(\"anon\")));",
				AlterColumn.of("users", "display_name")
					.type(varchar(100), "substr(display_name, 1, 100)")
					.notNull()
					.serverDefault(ServerDefault.value("anon")),
				List.of("ALTER TABLE \"users\" ALTER COLUMN \"display_name\" TYPE varchar(100) USING substr(display_name, 1, 100), "
						+ "ALTER COLUMN \"display_name\" SET NOT NULL, ALTER COLUMN \"display_name\" SET DEFAULT 'anon'"),
				alter));
		examples.add(new Example("Columns", "alterColumn: comment (SQLite keeps none)",
				"op.alterColumn(AlterColumn.of(\"users\", \"email\").comment(\"login name\"));",
				AlterColumn.of("users", "email").comment("login name"),
				List.of("COMMENT ON COLUMN \"users\".\"email\" IS 'login name'"), List.of()));
		examples.add(new Example("Columns", "renameColumn", "op.renameColumn(\"users\", \"display_name\", \"name\");",
				new RenameColumn("users", "display_name", "name"),
				List.of("ALTER TABLE \"users\" RENAME COLUMN \"display_name\" TO \"name\""),
				List.of("ALTER TABLE \"users\" RENAME COLUMN \"display_name\" TO \"name\"")));
	}

	private static void indexes(List<Example> examples) {
		examples.add(new Example("Indexes", "createIndex named by the convention",
				"op.createIndex(CreateIndex.on(\"users\", \"display_name\"));", CreateIndex.on("users", "display_name"),
				List.of(USERS_INDEX), List.of(USERS_INDEX)));
		examples.add(new Example("Indexes", "createIndex: unique and partial",
				"op.createIndex(CreateIndex.on(\"users\", \"email\").unique().where(\"active\"));",
				CreateIndex.on("users", "email").unique().where("active"),
				List.of("CREATE UNIQUE INDEX \"ix_users_email\" ON \"users\" (\"email\") WHERE active"),
				List.of("CREATE UNIQUE INDEX \"ix_users_email\" ON \"users\" (\"email\") WHERE active")));
		examples.add(new Example("Indexes", "createIndex on an expression",
				"op.createIndex(CreateIndex.onExpression(\"users\", \"lower(email)\").named(\"ix_users_lower_email\"));",
				CreateIndex.onExpression("users", "lower(email)").named("ix_users_lower_email"),
				List.of("CREATE INDEX \"ix_users_lower_email\" ON \"users\" ((lower(email)))"),
				List.of("CREATE INDEX \"ix_users_lower_email\" ON \"users\" ((lower(email)))")));
		examples.add(new Example("Indexes", "createIndex CONCURRENTLY, IF NOT EXISTS (in an autocommit block)",
				"op.autocommitBlock(() -> op.createIndex(CreateIndex.on(\"orders\", \"user_id\").concurrently().ifNotExists()));",
				CreateIndex.on("orders", "user_id").concurrently().ifNotExists(),
				List.of("CREATE INDEX CONCURRENTLY IF NOT EXISTS \"ix_orders_user_id\" ON \"orders\" (\"user_id\")"),
				List.of("CREATE INDEX IF NOT EXISTS \"ix_orders_user_id\" ON \"orders\" (\"user_id\")")));
		examples.add(new Example("Indexes", "dropIndex CONCURRENTLY, IF EXISTS (in an autocommit block)",
				"op.autocommitBlock(() -> op.dropIndex(DropIndex.named(\"ix_orders_user_id\").concurrently().ifExists()));",
				DropIndex.named("ix_orders_user_id").concurrently().ifExists(),
				List.of("DROP INDEX CONCURRENTLY IF EXISTS \"ix_orders_user_id\""),
				List.of("DROP INDEX IF EXISTS \"ix_orders_user_id\"")));
	}

	private static void constraints(List<Example> examples) {
		List<String> primaryKey = new ArrayList<>();
		primaryKey.add(
				"CREATE TABLE \"_migrator_new_tags\" (\"name\" TEXT NOT NULL, \"label\" TEXT, CONSTRAINT \"pk_tags\" PRIMARY KEY (\"name\"))");
		primaryKey.add(
				"INSERT INTO \"_migrator_new_tags\" (rowid, \"name\", \"label\") SELECT rowid, \"name\", \"label\" FROM \"tags\"");
		primaryKey.addAll(TAGS_REBUILD_TAIL);
		examples.add(new Example("Constraints", "addPrimaryKey", "op.addPrimaryKey(\"tags\", \"name\");",
				new AddPrimaryKey("tags", PrimaryKeyConstraint.of("name")),
				List.of("ALTER TABLE \"tags\" ADD CONSTRAINT \"pk_tags\" PRIMARY KEY (\"name\")"), primaryKey));
		examples.add(new Example("Constraints", "addUniqueConstraint",
				"op.addUniqueConstraint(\"users\", \"display_name\");",
				new AddUniqueConstraint("users", UniqueConstraint.of("display_name")),
				List.of("ALTER TABLE \"users\" ADD CONSTRAINT \"uq_users_display_name\" UNIQUE (\"display_name\")"),
				usersRebuild(
						"CONSTRAINT \"uq_users_email\" UNIQUE (\"email\"), CONSTRAINT \"uq_users_display_name\" UNIQUE (\"display_name\")")));
		examples.add(new Example("Constraints", "addCheckConstraint NOT VALID",
				"op.addCheckConstraint(new AddCheckConstraint(\"users\", check(\"email_has_at\", \"email LIKE '%@%'\"), true));",
				new AddCheckConstraint("users", check("email_has_at", "email LIKE '%@%'"), true),
				List.of("ALTER TABLE \"users\" ADD CONSTRAINT \"ck_users_email_has_at\" CHECK (email LIKE '%@%') NOT VALID"),
				usersRebuild(
						"CONSTRAINT \"uq_users_email\" UNIQUE (\"email\"), CONSTRAINT \"ck_users_email_has_at\" CHECK (email LIKE '%@%')")));
		List<String> foreignKey = new ArrayList<>();
		foreignKey
			.add("CREATE TABLE \"_migrator_new_tags\" (\"name\" TEXT NOT NULL, \"label\" TEXT, CONSTRAINT \"fk_tags_label_users\" "
					+ "FOREIGN KEY (\"label\") REFERENCES \"users\" (\"email\") ON DELETE SET NULL ON UPDATE CASCADE)");
		foreignKey.add(
				"INSERT INTO \"_migrator_new_tags\" (rowid, \"name\", \"label\") SELECT rowid, \"name\", \"label\" FROM \"tags\"");
		foreignKey.addAll(TAGS_REBUILD_TAIL);
		examples.add(new Example("Constraints", "addForeignKey NOT VALID with actions",
				"op.addForeignKeyNotValid(\"tags\", foreignKey(\"label\", \"users\", \"email\")\n"
						+ "\t.onDelete(ReferentialAction.SET_NULL).onUpdate(ReferentialAction.CASCADE));",
				new AddForeignKey("tags",
						foreignKey("label", "users", "email").onDelete(ReferentialAction.SET_NULL)
							.onUpdate(ReferentialAction.CASCADE),
						true),
				List.of("ALTER TABLE \"tags\" ADD CONSTRAINT \"fk_tags_label_users\" FOREIGN KEY (\"label\") REFERENCES \"users\" (\"email\") "
						+ "ON DELETE SET NULL ON UPDATE CASCADE NOT VALID"),
				foreignKey));
		List<String> dropUnique = new ArrayList<>();
		dropUnique.add(
				"CREATE TABLE \"_migrator_new_users\" (\"id\" INTEGER NOT NULL CONSTRAINT \"pk_users\" PRIMARY KEY AUTOINCREMENT, "
						+ "\"email\" VARCHAR(255) NOT NULL, \"display_name\" TEXT, \"bio\" TEXT)");
		dropUnique.add(USERS_COPY);
		dropUnique.addAll(USERS_REBUILD_TAIL);
		dropUnique.add(USERS_INDEX);
		dropUnique.add(USERS_TRIGGER);
		dropUnique.addAll(USERS_REBUILD_CHECKS);
		examples.add(new Example("Constraints", "dropConstraint", "op.dropConstraint(\"users\", \"uq_users_email\");",
				DropConstraint.of("users", "uq_users_email"),
				List.of("ALTER TABLE \"users\" DROP CONSTRAINT \"uq_users_email\""), dropUnique));
		examples.add(new Example("Constraints", "validateConstraint (SQLite: nothing to validate)",
				"op.validateConstraint(\"orders\", \"ck_orders_positive_amount\");",
				new ValidateConstraint("orders", "ck_orders_positive_amount"),
				List.of("ALTER TABLE \"orders\" VALIDATE CONSTRAINT \"ck_orders_positive_amount\""), List.of()));
	}

	static final String USERS_COPY = "INSERT INTO \"_migrator_new_users\" (\"id\", \"email\", \"display_name\", \"bio\") "
			+ "SELECT \"id\", \"email\", \"display_name\", \"bio\" FROM \"users\"";

	/**
	 * A rebuild of {@code users} whose columns stay and whose table constraints become
	 * the ones given.
	 */
	private static List<String> usersRebuild(String constraints) {
		List<String> statements = new ArrayList<>();
		statements.add(
				"CREATE TABLE \"_migrator_new_users\" (\"id\" INTEGER NOT NULL CONSTRAINT \"pk_users\" PRIMARY KEY AUTOINCREMENT, "
						+ "\"email\" VARCHAR(255) NOT NULL, \"display_name\" TEXT, \"bio\" TEXT, " + constraints + ")");
		statements.add(USERS_COPY);
		statements.addAll(USERS_REBUILD_TAIL);
		statements.add(USERS_INDEX);
		statements.add(USERS_TRIGGER);
		statements.addAll(USERS_REBUILD_CHECKS);
		return statements;
	}

	private static void enums(List<Example> examples) {
		String noEnums = "error: sqlite has no enum types";
		examples.add(new Example("Enum types (PostgreSQL)", "createEnumType",
				"op.createEnumType(\"mood\", \"sad\", \"ok\", \"happy\");",
				new CreateEnumType("mood", List.of("sad", "ok", "happy")),
				List.of("CREATE TYPE \"mood\" AS ENUM ('sad', 'ok', 'happy')"), List.of(noEnums)));
		examples.add(new Example("Enum types (PostgreSQL)", "a column of an enum type",
				"op.addColumn(\"users\", col(\"mood\", enumType(\"mood\")));",
				new AddColumn("users", col("mood", enumType("mood"))),
				List.of("ALTER TABLE \"users\" ADD COLUMN \"mood\" \"mood\""),
				List.of("error: addColumn users.mood, column mood: the type enum mood cannot be expressed on sqlite")));
		examples.add(new Example("Enum types (PostgreSQL)", "addEnumValue",
				"op.addEnumValue(AddEnumValue.of(\"mood\", \"meh\").before(\"ok\").ifNotExists());",
				AddEnumValue.of("mood", "meh").before("ok").ifNotExists(),
				List.of("ALTER TYPE \"mood\" ADD VALUE IF NOT EXISTS 'meh' BEFORE 'ok'"), List.of(noEnums)));
		examples.add(
				new Example("Enum types (PostgreSQL)", "addEnumValue on PostgreSQL 11 or older (outside a transaction)",
						"op.autocommitBlock(() -> op.addEnumValue(\"mood\", \"meh\"));", AddEnumValue.of("mood", "meh"),
						OptionalInt.of(11), List.of("ALTER TYPE \"mood\" ADD VALUE 'meh' -- outside a transaction"),
						List.of(noEnums)));
		examples.add(new Example("Enum types (PostgreSQL)", "renameEnumValue",
				"op.renameEnumValue(\"mood\", \"meh\", \"fine\");", new RenameEnumValue("mood", "meh", "fine"),
				List.of("ALTER TYPE \"mood\" RENAME VALUE 'meh' TO 'fine'"), List.of(noEnums)));
		examples.add(new Example("Enum types (PostgreSQL)", "dropEnumType", "op.dropEnumType(\"mood\");",
				DropEnumType.of("mood"), List.of("DROP TYPE \"mood\""), List.of(noEnums)));
	}

	private static void data(List<Example> examples) {
		examples.add(new Example("Data", "execute with bound parameters",
				"op.execute(\"UPDATE users SET active = ? WHERE email LIKE ?\", false, \"%@example.com\");",
				new Execute("UPDATE users SET active = ? WHERE email LIKE ?", List.of(false, "%@example.com")),
				List.of("UPDATE users SET active = ? WHERE email LIKE ? -- parameters: false, '%@example.com'"),
				List.of("UPDATE users SET active = ? WHERE email LIKE ? -- parameters: false, '%@example.com'")));
		List<List<Object>> rows = new ArrayList<>();
		rows.add(List.of("ada@example.com", "Ada"));
		rows.add(java.util.Arrays.asList("o'brien@example.com", null));
		List<String> inserts = List.of(
				"INSERT INTO \"users\" (\"email\", \"display_name\") VALUES (?, ?) -- parameters: 'ada@example.com', 'Ada'",
				"INSERT INTO \"users\" (\"email\", \"display_name\") VALUES (?, ?) -- parameters: 'o'brien@example.com', NULL");
		examples.add(new Example("Data", "bulkInsert",
				"op.bulkInsert(\"users\", List.of(\"email\", \"display_name\"),\n\tList.of(List.of(\"ada@example.com\", \"Ada\"), Arrays.asList(\"o'brien@example.com\", null)));",
				new BulkInsert("users", List.of("email", "display_name"), rows), inserts, inserts));
		String update = "UPDATE \"users\" SET \"active\" = ?, \"email\" = lower(email) WHERE \"display_name\" IS NULL AND \"id\" = ? -- parameters: true, 7";
		examples.add(new Example("Data", "updateRows by table and column names",
				"op.updateRows(UpdateRows.table(\"users\").set(\"active\", true).setExpression(\"email\", \"lower(email)\")\n"
						+ "\t.where(\"display_name\", null).where(\"id\", 7));",
				UpdateRows.table("users")
					.set("active", true)
					.setExpression("email", "lower(email)")
					.where("display_name", null)
					.where("id", 7),
				List.of(update), List.of(update)));
	}

	private static void batches(List<Example> examples) {
		List<String> rebuild = new ArrayList<>();
		rebuild
			.add("CREATE TABLE \"_migrator_new_users\" (\"id\" INTEGER NOT NULL CONSTRAINT \"pk_users\" PRIMARY KEY AUTOINCREMENT, "
					+ "\"email\" VARCHAR(255) NOT NULL, \"name\" TEXT NOT NULL, CONSTRAINT \"uq_users_email\" UNIQUE (\"email\"))");
		rebuild.add(
				"INSERT INTO \"_migrator_new_users\" (\"id\", \"email\", \"name\") SELECT \"id\", \"email\", \"display_name\" FROM \"users\"");
		rebuild.addAll(USERS_REBUILD_TAIL);
		rebuild.add("CREATE INDEX \"ix_users_display_name\" ON \"users\" (\"name\")");
		rebuild.add("CREATE INDEX \"ix_users_lower_email\" ON \"users\" ((lower(email)))");
		rebuild.add(USERS_TRIGGER);
		rebuild.addAll(USERS_REBUILD_CHECKS);
		examples.add(new Example("Batches", "batchAlterTable: several changes, one SQLite rebuild",
				"op.batchAlterTable(\"users\", batch -> batch.dropColumn(\"bio\").renameColumn(\"display_name\", \"name\")\n"
						+ "\t.alterColumn(\"name\", c -> c.notNull()).createIndex(CreateIndex.onExpression(\"users\", \"lower(email)\").named(\"ix_users_lower_email\")));",
				new BatchAlterTable("users",
						List.of(DropColumn.of("users", "bio"), new RenameColumn("users", "display_name", "name"),
								AlterColumn.of("users", "name").notNull(),
								CreateIndex.onExpression("users", "lower(email)").named("ix_users_lower_email"))),
				List.of("ALTER TABLE \"users\" DROP COLUMN \"bio\"",
						"ALTER TABLE \"users\" RENAME COLUMN \"display_name\" TO \"name\"",
						"ALTER TABLE \"users\" ALTER COLUMN \"name\" SET NOT NULL",
						"CREATE INDEX \"ix_users_lower_email\" ON \"users\" ((lower(email)))"),
				rebuild));
	}

	private static void safe(List<Example> examples) {
		String section = "Safe operations (PostgreSQL: several steps, each with the weakest lock it needs)";
		List<String> notNull = new ArrayList<>();
		notNull
			.add("CREATE TABLE \"_migrator_new_users\" (\"id\" INTEGER NOT NULL CONSTRAINT \"pk_users\" PRIMARY KEY AUTOINCREMENT, "
					+ "\"email\" VARCHAR(255) NOT NULL, \"display_name\" TEXT NOT NULL, \"bio\" TEXT, CONSTRAINT \"uq_users_email\" UNIQUE (\"email\"))");
		notNull.add(USERS_COPY);
		notNull.addAll(USERS_REBUILD_TAIL);
		notNull.add(USERS_INDEX);
		notNull.add(USERS_TRIGGER);
		notNull.addAll(USERS_REBUILD_CHECKS);
		examples.add(new Example(section, "addNotNull (SQLite: rebuild)", "op.addNotNull(\"users\", \"display_name\");",
				AddNotNull.of("users", "display_name"),
				notNullSteps("users", "display_name", "ck_users_display_name_not_null"), notNull));
		List<String> foreignKey = new ArrayList<>();
		foreignKey.add(
				"CREATE TABLE \"_migrator_new_tags\" (\"name\" TEXT NOT NULL, \"label\" TEXT, CONSTRAINT \"fk_tags_label_users\" "
						+ "FOREIGN KEY (\"label\") REFERENCES \"users\" (\"email\"))");
		foreignKey.add(
				"INSERT INTO \"_migrator_new_tags\" (rowid, \"name\", \"label\") SELECT rowid, \"name\", \"label\" FROM \"tags\"");
		foreignKey.addAll(TAGS_REBUILD_TAIL);
		examples.add(new Example(section, "safe().addForeignKey: NOT VALID, then VALIDATE in its own transaction",
				"op.safe().addForeignKey(\"tags\", foreignKey(\"label\", \"users\", \"email\"));",
				new SafeOperation(new AddForeignKey("tags", foreignKey("label", "users", "email"), false)),
				List.of("DO $migrator$ BEGIN IF EXISTS (SELECT FROM pg_constraint WHERE conrelid = to_regclass('\"tags\"') "
						+ "AND conname = 'fk_tags_label_users') THEN ALTER TABLE \"tags\" DROP CONSTRAINT \"fk_tags_label_users\"; "
						+ "END IF; END $migrator$",
						"ALTER TABLE \"tags\" ADD CONSTRAINT \"fk_tags_label_users\" "
								+ "FOREIGN KEY (\"label\") REFERENCES \"users\" (\"email\") NOT VALID",
						"ALTER TABLE \"tags\" VALIDATE CONSTRAINT \"fk_tags_label_users\" -- outside a transaction",
						"on failure: ALTER TABLE \"tags\" DROP CONSTRAINT IF EXISTS \"fk_tags_label_users\""),
				foreignKey));
		examples.add(new Example(section, "safe().addCheckConstraint: NOT VALID, then VALIDATE in its own transaction",
				"op.safe().addCheckConstraint(\"users\", \"email_has_at\", \"email LIKE '%@%'\");",
				new SafeOperation(new AddCheckConstraint("users", check("email_has_at", "email LIKE '%@%'"), false)),
				List.of("ALTER TABLE \"users\" DROP CONSTRAINT IF EXISTS \"ck_users_email_has_at\", ADD CONSTRAINT \"ck_users_email_has_at\" "
						+ "CHECK (email LIKE '%@%') NOT VALID",
						"ALTER TABLE \"users\" VALIDATE CONSTRAINT \"ck_users_email_has_at\" -- outside a transaction",
						"on failure: ALTER TABLE \"users\" DROP CONSTRAINT IF EXISTS \"ck_users_email_has_at\""),
				usersRebuild(
						"CONSTRAINT \"uq_users_email\" UNIQUE (\"email\"), CONSTRAINT \"ck_users_email_has_at\" CHECK (email LIKE '%@%')")));
		examples.add(new Example(section, "safe().addUniqueConstraint: the index built concurrently, then attached",
				"op.safe().addUniqueConstraint(\"users\", \"display_name\");",
				new SafeOperation(new AddUniqueConstraint("users", UniqueConstraint.of("display_name"))),
				List.of("CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS \"uq_users_display_name\" ON \"users\" (\"display_name\") -- outside a transaction",
						"ALTER TABLE \"users\" ADD CONSTRAINT \"uq_users_display_name\" UNIQUE USING INDEX \"uq_users_display_name\"",
						"on failure: DROP INDEX CONCURRENTLY IF EXISTS \"uq_users_display_name\""),
				usersRebuild(
						"CONSTRAINT \"uq_users_email\" UNIQUE (\"email\"), CONSTRAINT \"uq_users_display_name\" UNIQUE (\"display_name\")")));
		examples.add(new Example(section,
				"safe().addColumn with a constant default (PostgreSQL 11 and later: one statement)",
				"op.safe().addColumn(\"users\", col(\"score\", integer()).notNull().defaultValue(0));",
				new SafeOperation(new AddColumn("users", col("score", integer()).notNull().defaultValue(0))),
				List.of("ALTER TABLE \"users\" ADD COLUMN \"score\" integer DEFAULT 0 NOT NULL"),
				List.of("ALTER TABLE \"users\" ADD COLUMN \"score\" INTEGER DEFAULT 0 NOT NULL")));
		List<String> backfilled = new ArrayList<>();
		backfilled.add("ALTER TABLE \"users\" ADD COLUMN \"score\" integer");
		backfilled.add("ALTER TABLE \"users\" ALTER COLUMN \"score\" SET DEFAULT 0");
		backfilled.add(backfill("users", "score", "0"));
		backfilled.addAll(notNullSteps("users", "score", "ck_users_score_not_null"));
		examples.add(new Example(section,
				"safe().addColumn with a default on PostgreSQL 10: add, fill in batches, constrain",
				"op.safe().addColumn(\"users\", col(\"score\", integer()).notNull().defaultValue(0));",
				new SafeOperation(new AddColumn("users", col("score", integer()).notNull().defaultValue(0))),
				OptionalInt.of(10), backfilled,
				List.of("ALTER TABLE \"users\" ADD COLUMN \"score\" INTEGER DEFAULT 0 NOT NULL")));
		List<String> volatileDefault = new ArrayList<>();
		volatileDefault.add("ALTER TABLE \"users\" ADD COLUMN \"token\" uuid");
		volatileDefault.add("ALTER TABLE \"users\" ALTER COLUMN \"token\" SET DEFAULT gen_random_uuid()");
		volatileDefault.add(backfill("users", "token", "gen_random_uuid()"));
		volatileDefault.addAll(notNullSteps("users", "token", "ck_users_token_not_null"));
		List<String> volatileSqlite = new ArrayList<>();
		volatileSqlite
			.add("CREATE TABLE \"_migrator_new_users\" (\"id\" INTEGER NOT NULL CONSTRAINT \"pk_users\" PRIMARY KEY AUTOINCREMENT, "
					+ "\"email\" VARCHAR(255) NOT NULL, \"display_name\" TEXT, \"bio\" TEXT, \"token\" CHAR(36) DEFAULT (gen_random_uuid()) NOT NULL, "
					+ "CONSTRAINT \"uq_users_email\" UNIQUE (\"email\"))");
		volatileSqlite.add(USERS_COPY);
		volatileSqlite.addAll(USERS_REBUILD_TAIL);
		volatileSqlite.add(USERS_INDEX);
		volatileSqlite.add(USERS_TRIGGER);
		volatileSqlite.addAll(USERS_REBUILD_CHECKS);
		examples.add(new Example(section, "safe().addColumn with a volatile default: add, fill in batches, constrain",
				"op.safe().addColumn(\"users\", col(\"token\", uuid()).notNull().defaultExpression(\"gen_random_uuid()\"));",
				new SafeOperation(
						new AddColumn("users", col("token", uuid()).notNull().defaultExpression("gen_random_uuid()"))),
				volatileDefault, volatileSqlite));
		examples.add(new Example(section, "safe().addEnumValue: outside the transaction, IF NOT EXISTS",
				"op.safe().addEnumValue(\"mood\", \"meh\");", new SafeOperation(AddEnumValue.of("mood", "meh")),
				List.of("ALTER TYPE \"mood\" ADD VALUE IF NOT EXISTS 'meh' -- outside a transaction"),
				List.of("error: sqlite has no enum types")));
	}

	private static List<String> notNullSteps(String table, String column, String check) {
		String t = "\"" + table + "\"";
		String ck = "\"" + check + "\"";
		return List.of(
				"ALTER TABLE " + t + " DROP CONSTRAINT IF EXISTS " + ck + ", ADD CONSTRAINT " + ck + " CHECK (\""
						+ column + "\" IS NOT NULL) NOT VALID",
				"ALTER TABLE " + t + " VALIDATE CONSTRAINT " + ck + " -- outside a transaction",
				"ALTER TABLE " + t + " ALTER COLUMN \"" + column + "\" SET NOT NULL",
				"ALTER TABLE " + t + " DROP CONSTRAINT " + ck,
				"on failure: ALTER TABLE " + t + " DROP CONSTRAINT IF EXISTS " + ck);
	}

	private static String backfill(String table, String column, String expression) {
		String t = "\"" + table + "\"";
		String c = "\"" + column + "\"";
		return "repeat: WITH migrator_batch AS (SELECT ctid AS row_id, (" + expression + ") AS value FROM " + t
				+ " WHERE " + c + " IS NULL LIMIT 1000) UPDATE " + t + " SET " + c
				+ " = migrator_batch.value FROM migrator_batch WHERE " + t
				+ ".ctid = migrator_batch.row_id AND migrator_batch.value IS NOT NULL -- outside a transaction";
	}

	private static void names(List<Example> examples) {
		examples.add(new Example("Names", "a hostile name stays one identifier",
				"op.createTable(\"we\\\"ird; DROP TABLE users; --\", col(\"a\\\"b\", text()));",
				new CreateTable("we\"ird; DROP TABLE users; --", List.of(col("a\"b", text())), List.of()),
				List.of("CREATE TABLE \"we\"\"ird; DROP TABLE users; --\" (\"a\"\"b\" text)"),
				List.of("CREATE TABLE \"we\"\"ird; DROP TABLE users; --\" (\"a\"\"b\" TEXT)")));
		String shortened = "CREATE INDEX \"ix_customer_subscription_billing_events_subscription_i_080ed38d\" "
				+ "ON \"customer_subscription_billing_events\" (\"subscription_id\", \"billing_period_start\")";
		examples.add(new Example("Names", "a generated name longer than 63 bytes is shortened with a hash",
				"op.createIndex(CreateIndex.on(\"customer_subscription_billing_events\", \"subscription_id\", \"billing_period_start\"));",
				CreateIndex.on("customer_subscription_billing_events", "subscription_id", "billing_period_start"),
				List.of(shortened), List.of(shortened)));
	}

	/** What a dialect renders for an example, one line per statement. */
	static List<String> render(String dialectName, Example example) {
		Dialect dialect = Dialects.byName(dialectName);
		OptionalInt version = dialectName.equals("postgresql") ? example.postgresVersion() : OptionalInt.empty();
		RenderContext context = new RenderContext(true, version, SCHEMA);
		try {
			return dialect.render(NamingConvention.defaults().apply(example.operation()), context)
				.stream()
				.map(GoldenExamples::line)
				.toList();
		}
		catch (InvalidOperationException ex) {
			return List.of("error: " + ex.getMessage());
		}
	}

	static String line(RenderedStatement statement) {
		String prefix = switch (statement.kind()) {
			case EXECUTE -> "";
			case CHECK -> "check: ";
			case CLEANUP -> "on failure: ";
			case REPEAT -> "repeat: ";
		};
		String parameters = statement.parameters().isEmpty() ? "" : " -- parameters: "
				+ statement.parameters().stream().map(GoldenExamples::show).collect(Collectors.joining(", "));
		return prefix + statement.sql() + parameters + (statement.needsAutocommit() ? " -- outside a transaction" : "");
	}

	private static String show(Object value) {
		return (value == null) ? "NULL" : (value instanceof String text) ? "'" + text + "'" : String.valueOf(value);
	}

}
