package dev.migrator.core.authoring.schema;

import dev.migrator.core.op.ColumnType;
import dev.migrator.core.op.Identity;
import dev.migrator.core.op.IndexPart;
import dev.migrator.core.op.ReferentialAction;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SchemaDiffTests {

	private static final Names POSTGRES = Names.forDialect("postgresql");

	private static ColumnShape column(String name, String type) {
		return new ColumnShape(name, type, ColumnType.custom(type), true, Optional.empty(), Identity.NONE);
	}

	private static TableShape table(String name, List<ColumnShape> columns, List<ConstraintShape> constraints,
			List<IndexShape> indexes) {
		return new TableShape(name, columns, Optional.empty(), constraints, indexes);
	}

	private static SchemaSnapshot schema(TableShape... tables) {
		return new SchemaSnapshot(List.of(tables), List.of());
	}

	@Test
	void reportsADroppedAndAnAddedColumnOfTheSameTypeAsBothWithAPossibleRename() {
		SchemaSnapshot live = schema(
				table("users", List.of(column("id", "bigint"), column("full_name", "text")), List.of(), List.of()));
		SchemaSnapshot desired = schema(table("users",
				List.of(column("id", "bigint"), column("display_name", "text"), column("age", "integer")), List.of(),
				List.of()));
		List<SchemaChange> changes = new SchemaDiff(POSTGRES, ObjectFilter.all()).compare(desired, live);
		assertThat(changes).hasSize(4);
		assertThat(changes).filteredOn(SchemaChange.PossibleRename.class::isInstance).singleElement().satisfies((c) -> {
			SchemaChange.PossibleRename rename = (SchemaChange.PossibleRename) c;
			assertThat(rename.dropped().name()).isEqualTo("full_name");
			assertThat(rename.added().name()).isEqualTo("display_name");
		});
		assertThat(changes).filteredOn(SchemaChange.ColumnAdded.class::isInstance)
			.extracting((c) -> ((SchemaChange.ColumnAdded) c).column().name())
			.containsExactly("display_name", "age");
		assertThat(changes).filteredOn(SchemaChange.ColumnDropped.class::isInstance)
			.extracting((c) -> ((SchemaChange.ColumnDropped) c).column().name())
			.containsExactly("full_name");
	}

	@Test
	void matchesConstraintsAndIndexesByWhatTheyDoNotByName() {
		ConstraintShape.ForeignKey liveKey = new ConstraintShape.ForeignKey(Optional.of("fk_a"), List.of("user_id"),
				"users", List.of("id"), ReferentialAction.CASCADE, ReferentialAction.NO_ACTION);
		ConstraintShape.ForeignKey sameKey = new ConstraintShape.ForeignKey(Optional.of("orders_user_id_fkey"),
				List.of("user_id"), "users", List.of("id"), ReferentialAction.CASCADE, ReferentialAction.NO_ACTION);
		IndexShape liveIndex = new IndexShape("ix_a", false, List.of(IndexPart.column("user_id")), Optional.empty(),
				Optional.empty());
		IndexShape sameIndex = new IndexShape("orders_user_id_idx", false, List.of(IndexPart.column("user_id")),
				Optional.empty(), Optional.empty());
		IndexShape partial = new IndexShape("orders_open_idx", false, List.of(IndexPart.column("user_id")),
				Optional.of("status = 'open'"), Optional.empty());
		List<ColumnShape> columns = List.of(column("user_id", "bigint"), column("status", "text"));
		SchemaSnapshot live = schema(table("orders", columns, List.of(liveKey), List.of(liveIndex)));
		SchemaSnapshot desired = schema(table("orders", columns, List.of(sameKey), List.of(sameIndex, partial)));
		assertThat(new SchemaDiff(POSTGRES, ObjectFilter.all()).compare(desired, live))
			.containsExactly(new SchemaChange.IndexAdded("orders", partial));
	}

	@Test
	void leavesOutFilteredTablesAndAlwaysTheMigratorsOwn() {
		SchemaSnapshot live = schema(
				table("migrator_version", List.of(column("version_num", "text")), List.of(), List.of()),
				table("app_state", List.of(column("id", "integer")), List.of(), List.of()),
				table("legacy_stuff", List.of(column("id", "integer")), List.of(), List.of()));
		SchemaSnapshot desired = schema(table("users", List.of(column("id", "integer")), List.of(), List.of()));
		ObjectFilter filter = ObjectFilter.of(List.of(), List.of("legacy_*")).withStateTables(List.of("app_state"));
		assertThat(new SchemaDiff(POSTGRES, filter).compare(desired, live)).singleElement()
			.isInstanceOf(SchemaChange.TableAdded.class);
		ObjectFilter onlyUsers = ObjectFilter.of(List.of("user*"), List.of());
		assertThat(onlyUsers.includes("users")).isTrue();
		assertThat(onlyUsers.includes("orders")).isFalse();
		assertThat(onlyUsers.includes("migrator_history")).isFalse();
	}

	@Test
	void seesColumnTypeNullabilityAndDefaultChanges() {
		ColumnShape live = new ColumnShape("status", "text", ColumnType.text(), true, Optional.empty(), Identity.NONE);
		ColumnShape desired = new ColumnShape("status", "character varying(20)", ColumnType.varchar(20), false,
				Optional.of("'new'::character varying"), Identity.NONE);
		List<SchemaChange> changes = new SchemaDiff(POSTGRES, ObjectFilter.all()).compare(
				schema(table("t", List.of(desired), List.of(), List.of())),
				schema(table("t", List.of(live), List.of(), List.of())));
		assertThat(changes).singleElement().isInstanceOfSatisfying(SchemaChange.ColumnChanged.class, (c) -> {
			assertThat(c.typeChanged()).isTrue();
			assertThat(c.nullabilityChanged()).isTrue();
			assertThat(c.defaultChanged()).isTrue();
			assertThat(c.identityChanged()).isFalse();
		});
	}

	@Test
	void comparesNamesRegardlessOfCaseOnSqliteOnly() {
		SchemaSnapshot live = schema(table("Users", List.of(column("Email", "TEXT")), List.of(), List.of()));
		SchemaSnapshot desired = schema(table("users", List.of(column("email", "TEXT")), List.of(), List.of()));
		assertThat(new SchemaDiff(Names.forDialect("sqlite"), ObjectFilter.all()).compare(desired, live)).isEmpty();
		assertThat(new SchemaDiff(POSTGRES, ObjectFilter.all()).compare(desired, live)).hasSize(2);
	}

	@Test
	void knowsWhetherAnEnumChangeOnlyAddsValues() {
		EnumShape live = new EnumShape("mood", List.of("sad", "ok"));
		assertThat(new SchemaChange.EnumChanged(live, new EnumShape("mood", List.of("meh", "sad", "ok", "happy")))
			.onlyAddsValues()).isTrue();
		assertThat(new SchemaChange.EnumChanged(live, new EnumShape("mood", List.of("ok", "sad"))).onlyAddsValues())
			.isFalse();
		assertThat(new SchemaChange.EnumChanged(live, new EnumShape("mood", List.of("sad"))).onlyAddsValues())
			.isFalse();
	}

}
