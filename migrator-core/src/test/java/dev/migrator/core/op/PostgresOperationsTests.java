package dev.migrator.core.op;

import dev.migrator.core.runtime.MigrationFailedException;
import dev.migrator.testsupport.TestDataSources;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import static dev.migrator.core.op.ColumnType.bigint;
import static dev.migrator.core.op.ColumnType.enumType;
import static dev.migrator.core.op.ColumnType.integer;
import static dev.migrator.core.op.ColumnType.text;
import static dev.migrator.core.op.Columns.col;
import static dev.migrator.core.op.Columns.foreignKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PostgresOperationsTests extends OperationsContract {

	@Override
	DataSource newDatabase() {
		return TestDataSources.freshPostgres();
	}

	@Override
	String dialectName() {
		return "postgresql";
	}

	@Override
	Map<String, String> reportedTypes() {
		return Map.of("identity", "int8", "varchar", "varchar", "text", "text", "boolean", "bool", "timestamp",
				"timestamp");
	}

	@Override
	List<String> constraintNames(String table) throws SQLException {
		return this.schema.strings("SELECT conname FROM pg_constraint WHERE conrelid = '\""
				+ table.replace("\"", "\"\"") + "\"'::regclass ORDER BY conname");
	}

	@Test
	void identityColumnsAreGeneratedByTheDatabase() throws Exception {
		this.revisions.reversible("0001_ids",
				new CreateTable("a", List.of(col("id", bigint()).primaryKey().identity(), col("v", text())), List.of()),
				new CreateTable("b", List.of(col("id", bigint()).primaryKey().identityAlways(), col("v", text())),
						List.of()));
		migrator().upgrade("heads");
		assertThat(this.schema.strings("SELECT attrelid::regclass::text || ':' || attidentity::text FROM pg_attribute "
				+ "WHERE attname = 'id' AND attrelid IN ('a'::regclass, 'b'::regclass) ORDER BY 1"))
			.containsExactly("a:d", "b:a");
		this.schema.execute("INSERT INTO a (v) VALUES ('x')");
		this.schema.execute("INSERT INTO a (id, v) VALUES (10, 'given')");
		assertThatThrownBy(() -> this.schema.execute("INSERT INTO b (id, v) VALUES (10, 'given')"))
			.isInstanceOf(SQLException.class);
	}

	@Test
	void enumTypesAreCreatedExtendedRenamedAndDropped() throws Exception {
		this.revisions
			.reversible("0001_mood", new CreateEnumType("mood", List.of("sad", "ok")),
					new CreateTable("people", List.of(col("id", integer()).primaryKey(), col("mood", enumType("mood"))),
							List.of()))
			.add("0002_meh", (c) -> c.op().addEnumValue(AddEnumValue.of("mood", "meh").before("ok").ifNotExists()),
					(c) -> {
					})
			.reversible("0003_blue", new RenameEnumValue("mood", "sad", "blue"));
		migrator().upgrade("heads");
		assertThat(labels()).containsExactly("blue", "meh", "ok");
		this.schema.execute("INSERT INTO people VALUES (1, 'meh')");
		migrator().downgrade("0002_meh");
		assertThat(labels()).containsExactly("sad", "meh", "ok");
		this.schema.execute("DELETE FROM people");
		migrator().downgrade("base");
		assertThat(this.schema.count("SELECT count(*) FROM pg_type WHERE typname = 'mood'")).isZero();
	}

	private List<String> labels() throws SQLException {
		return this.schema
			.strings("SELECT enumlabel FROM pg_enum WHERE enumtypid = 'mood'::regtype ORDER BY enumsortorder");
	}

	@Test
	void aForeignKeyAddedNotValidIsCheckedForExistingRowsOnlyWhenValidated() throws Exception {
		this.revisions
			.reversible("0001_tables", new CreateTable("teams", List.of(col("id", integer()).primaryKey()), List.of()),
					new CreateTable("members", List.of(col("id", integer()).primaryKey(), col("team_id", integer())),
							List.of()))
			.add("0002_orphan", (c) -> c.op().execute("INSERT INTO members VALUES (1, 99)"),
					(c) -> c.op().execute("DELETE FROM members"))
			.add("0003_fk", (c) -> c.op().addForeignKeyNotValid("members", foreignKey("team_id", "teams", "id")),
					(c) -> c.op().dropConstraint("members", "fk_members_team_id_teams"))
			.add("0004_validate", (c) -> c.op().validateConstraint("members", "fk_members_team_id_teams"), (c) -> {
			});
		migrator().upgrade("0003_fk");
		assertThat(this.schema
			.strings("SELECT convalidated FROM pg_constraint WHERE conname = 'fk_members_team_id_teams'"))
			.containsExactly("f");
		assertThatThrownBy(() -> this.schema.execute("INSERT INTO members VALUES (2, 98)"))
			.isInstanceOf(SQLException.class);
		assertThatThrownBy(() -> migrator().upgrade("heads")).isInstanceOf(MigrationFailedException.class)
			.hasMessageContaining("validateConstraint fk_members_team_id_teams on members failed");
		this.schema.execute("INSERT INTO teams VALUES (99)");
		migrator().upgrade("heads");
		assertThat(this.schema
			.strings("SELECT convalidated FROM pg_constraint WHERE conname = 'fk_members_team_id_teams'"))
			.containsExactly("t");
	}

	@Test
	void commentsAreStoredWithColumns() throws Exception {
		this.revisions
			.reversible("0001_notes",
					new CreateTable("notes",
							List.of(col("id", integer()).primaryKey(), col("body", text()).comment("what was said")),
							List.of()))
			.reversible("0002_comment",
					AlterColumn.of("notes", "body").comment("it's the text").existingComment("what was said"));
		migrator().upgrade("heads");
		assertThat(comment()).containsExactly("it's the text");
		migrator().downgrade("0001_notes");
		assertThat(comment()).containsExactly("what was said");
	}

	private List<String> comment() throws SQLException {
		return this.schema.strings("SELECT col_description('notes'::regclass, 2)");
	}

	@Test
	void aConcurrentIndexBuiltInAnAutocommitBlockIsValid() throws Exception {
		this.revisions.add("0001_index", (c) -> {
			c.op().createTable("events", col("id", bigint()).primaryKey().identity(), col("kind", text()));
			c.op().bulkInsert("events", List.of("kind"), List.of(List.of("a"), List.of("b")));
			c.op().autocommitBlock(() -> c.op().createIndex(CreateIndex.on("events", "kind").concurrently()));
		}, (c) -> c.op().dropTable("events"));
		migrator().upgrade("heads");
		assertThat(this.schema.strings("SELECT indisvalid FROM pg_index WHERE indexrelid = 'ix_events_kind'::regclass"))
			.containsExactly("t");
	}

}
