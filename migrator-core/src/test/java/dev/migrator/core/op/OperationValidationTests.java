package dev.migrator.core.op;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static dev.migrator.core.op.ColumnType.bigint;
import static dev.migrator.core.op.ColumnType.integer;
import static dev.migrator.core.op.ColumnType.text;
import static dev.migrator.core.op.ColumnType.varchar;
import static dev.migrator.core.op.Columns.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Bad operations fail when they are built, with a message naming the operation, before
 * anything can run.
 */
class OperationValidationTests {

	@Test
	void identifiersMustBeNonEmptyWithoutNulAndFitPostgresql() {
		assertThatThrownBy(() -> new RenameTable("users", "")).isInstanceOf(InvalidOperationException.class)
			.hasMessage("renameTable: the new table name is empty. Give it a name.");
		assertThatThrownBy(() -> new RenameColumn("t", "a\0", "b")).hasMessageContaining("contains a NUL character");
		assertThatThrownBy(() -> DropTable.of("x".repeat(64))).hasMessageContaining("longer than 63 bytes");
		assertThat(DropTable.of("x".repeat(63)).table()).hasSize(63);
	}

	@Test
	void aTableNeedsColumnsWithDistinctNamesAndOnePrimaryKey() {
		assertThatThrownBy(() -> new CreateTable("t", List.of(), List.of()))
			.hasMessageContaining("at least one column");
		assertThatThrownBy(() -> new CreateTable("t", List.of(col("a", text()), col("A", text())), List.of()))
			.hasMessageContaining("createTable t: the column A is defined twice");
		assertThatThrownBy(() -> new CreateTable("t", List.of(col("a", integer()).primaryKey()),
				List.of(PrimaryKeyConstraint.of("a"))))
			.hasMessageContaining("a table has one primary key");
		assertThatThrownBy(() -> new CreateTable("t", List.of(col("a", integer())), List.of(UniqueConstraint.of("b"))))
			.hasMessageContaining("names the column b, which the table does not define");
	}

	@Test
	void columnsAreCheckedForContradictions() {
		assertThatThrownBy(() -> col("id", bigint()).identity().defaultValue(1))
			.hasMessageContaining("both an identity and a server default");
		assertThatThrownBy(() -> new AddColumn("t", col("id", integer()).primaryKey()))
			.hasMessageContaining("addColumn t.id: primaryKey(), unique() and references() are for createTable");
		assertThatThrownBy(() -> ColumnType.varchar(0)).hasMessageContaining("positive length");
		assertThatThrownBy(() -> ColumnType.numeric(2, 3)).hasMessageContaining("numeric(2, 3) is not a valid type");
		assertThatThrownBy(() -> ServerDefault.value(List.of())).hasMessageContaining("string, number or boolean");
	}

	@Test
	void anAlterationMustChangeSomethingAndUsingNeedsAType() {
		assertThatThrownBy(() -> AlterColumn.of("t", "c")
			.type(text(), "c::text")
			.type(text())
			.using()
			.map((u) -> new AlterColumn("t", "c", Optional.empty(), Optional.of(u), Optional.empty(), Optional.empty(),
					Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty())))
			.hasMessageContaining("a USING expression converts values to a new type; give the type too");
		Operations op = new Operations(new RefusingRunner(), NamingConvention.defaults());
		assertThatThrownBy(() -> op.alterColumn(AlterColumn.of("t", "c"))).isInstanceOf(InvalidOperationException.class)
			.hasMessageContaining("alterColumn t.c changes nothing");
	}

	@Test
	void rowsMustMatchTheColumnsAndHoldBindableValues() {
		assertThatThrownBy(() -> new BulkInsert("t", List.of("a", "b"), List.of(List.of(1))))
			.hasMessageContaining("bulkInsert t: row 1 has 1 values for 2 columns [a, b]");
		assertThatThrownBy(() -> new Execute("SELECT ?", List.of(new Object())))
			.hasMessageContaining("execute: cannot bind a value of type java.lang.Object");
		assertThatThrownBy(() -> BulkInsert.ofMaps("t", List.of(Map.of("a", 1), Map.of("b", 2))))
			.hasMessageContaining("row 2 has the columns [b], the first row [a]");
	}

	@Test
	void aBatchHoldsOnlyChangesToItsOwnTable() {
		assertThatThrownBy(() -> new BatchAlterTable("a", List.of(DropColumn.of("b", "c"))))
			.hasMessageContaining("batchAlterTable a: dropColumn b.c is on another table");
		assertThatThrownBy(() -> new BatchAlterTable("a", List.of(DropTable.of("a"))))
			.hasMessageContaining("dropTable a cannot be part of a batch");
		assertThatThrownBy(() -> new BatchAlterTable("a", List.of(CreateIndex.on("a", "x").concurrently())))
			.hasMessageContaining("cannot be part of a batch");
	}

	@Test
	void reversesUndoAndNeedTheDefinitionsTheyRecreate() {
		CreateTable create = new CreateTable("t", List.of(col("a", integer())), List.of());
		assertThat(create.reverse()).contains(new DropTable("t", Optional.of(create)));
		assertThat(DropTable.of("t").reverse()).isEmpty();
		assertThat(new DropTable("t", Optional.of(create)).reverse()).contains(create);
		assertThat(new RenameColumn("t", "a", "b").reverse()).contains(new RenameColumn("t", "b", "a"));
		assertThat(AlterColumn.of("t", "a").type(text()).reverse()).as("without the existing type").isEmpty();
		AlterColumn alter = AlterColumn.of("t", "a")
			.type(text())
			.notNull()
			.existingType(varchar(5))
			.existingNullable(true);
		assertThat(alter.reverse()).contains(
				AlterColumn.of("t", "a").type(varchar(5)).nullable(true).existingType(text()).existingNullable(false));
		assertThat(new Execute("SELECT 1", List.of()).reverse()).isEmpty();
		assertThat(AddEnumValue.of("mood", "x").reverse()).isEmpty();
		BatchAlterTable batch = new BatchAlterTable("t",
				List.of(new RenameColumn("t", "a", "b"), new AddColumn("t", col("c", text()))));
		assertThat(batch.reverse()).contains(new BatchAlterTable("t",
				List.of(new DropColumn("t", "c", Optional.of(col("c", text()))), new RenameColumn("t", "b", "a"))));
		Operations op = new Operations(new RefusingRunner(), NamingConvention.defaults());
		assertThatThrownBy(() -> op.undo(new Execute("DELETE FROM t", List.of())))
			.hasMessageContaining("execute DELETE FROM t has no reverse: it cannot be undone automatically");
	}

	/** A runner for checks that must fail before anything would run. */
	private static final class RefusingRunner implements OperationRunner {

		@Override
		public String dialect() {
			return "none";
		}

		@Override
		public void run(Operation operation) {
			throw new AssertionError("nothing should run: " + operation);
		}

		@Override
		public void autocommit(AutocommitWork work) {
			throw new AssertionError("nothing should run");
		}

	}

}
