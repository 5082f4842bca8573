package dev.migrator.core.lint;

import dev.migrator.core.lint.ClassifiedStatement.AlterTable;
import dev.migrator.core.lint.ClassifiedStatement.CreateIndex;
import dev.migrator.core.lint.ClassifiedStatement.CreateTable;
import dev.migrator.core.lint.ClassifiedStatement.DataChange;
import dev.migrator.core.lint.ClassifiedStatement.DropIndex;
import dev.migrator.core.lint.ClassifiedStatement.DropTable;
import dev.migrator.core.lint.ClassifiedStatement.LockTable;
import dev.migrator.core.lint.ClassifiedStatement.Other;
import dev.migrator.core.lint.ClassifiedStatement.Reindex;
import dev.migrator.core.lint.ClassifiedStatement.RewriteCommand;
import dev.migrator.core.lint.TableAction.AddColumn;
import dev.migrator.core.lint.TableAction.AddConstraint;
import dev.migrator.core.lint.TableAction.AlterColumnType;
import dev.migrator.core.lint.TableAction.ConstraintKind;
import dev.migrator.core.lint.TableAction.DropColumn;
import dev.migrator.core.lint.TableAction.DropNotNull;
import dev.migrator.core.lint.TableAction.OtherAction;
import dev.migrator.core.lint.TableAction.RenameColumn;
import dev.migrator.core.lint.TableAction.RenameTable;
import dev.migrator.core.lint.TableAction.SetNotNull;
import dev.migrator.core.lint.TableAction.ValidateConstraint;
import dev.migrator.core.sql.SqlLexer;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StatementClassifierTests {

	private static ClassifiedStatement classify(String sql) {
		return StatementClassifier.classify(sql);
	}

	private static List<TableAction> actions(String sql) {
		return ((AlterTable) classify(sql)).actions();
	}

	@Test
	void readsCreateIndexInAnyCaseWithCommentsAndQuotedNames() {
		assertThat(
				classify("create /* note */ unique index concurrently if not exists \"Idx\" on only public.\"Users\" "
						+ "using btree (email) -- trailing"))
			.isEqualTo(new CreateIndex("Users", true, true, Optional.of("Idx"), List.of("email"), true));
		assertThat(classify("CREATE INDEX ON orders (user_id, lower(note), total DESC)")).isEqualTo(
				new CreateIndex("orders", false, false, Optional.empty(), List.of("user_id", "note", "total"), false));
	}

	@Test
	void readsDropIndexAndReindex() {
		assertThat(classify("DROP INDEX CONCURRENTLY IF EXISTS a, b"))
			.isEqualTo(new DropIndex(true, List.of("a", "b")));
		assertThat(classify("drop index a")).isEqualTo(new DropIndex(false, List.of("a")));
		assertThat(classify("REINDEX (VERBOSE) TABLE CONCURRENTLY orders"))
			.isEqualTo(new Reindex("TABLE orders", true));
		assertThat(classify("REINDEX (CONCURRENTLY) INDEX orders_pkey"))
			.isEqualTo(new Reindex("INDEX orders_pkey", true));
		assertThat(classify("REINDEX INDEX orders_pkey")).isEqualTo(new Reindex("INDEX orders_pkey", false));
	}

	@Test
	void readsCreateTableColumnsAndSkipsTableConstraints() {
		CreateTable table = (CreateTable) classify("""
				CREATE UNLOGGED TABLE IF NOT EXISTS app.events (
				  id bigserial PRIMARY KEY,
				  "Kind" character varying(20) NOT NULL DEFAULT 'x',
				  at timestamp(3) with time zone,
				  amount numeric(10, 2) CHECK (amount > 0),
				  tags text[],
				  CONSTRAINT events_kind_check CHECK ("Kind" <> ''),
				  UNIQUE (at)
				)""");
		assertThat(table.table()).isEqualTo("events");
		assertThat(table.ifNotExists()).isTrue();
		assertThat(table.columns()).extracting((column) -> column.name() + " " + column.type())
			.containsExactly("id bigint", "Kind varchar(20)", "at timestamptz(3)", "amount numeric(10,2)",
					"tags text[]");
	}

	@Test
	void readsAddColumnWithItsConstraintsAndDefault() {
		assertThat(actions("ALTER TABLE t ADD COLUMN IF NOT EXISTS c int NOT NULL DEFAULT 0")).singleElement()
			.isInstanceOfSatisfying(AddColumn.class, (add) -> {
				assertThat(add.column()).isEqualTo("c");
				assertThat(add.type()).hasToString("integer");
				assertThat(add.notNull()).isTrue();
				assertThat(add.columnDefault()).get().extracting(ColumnDefault::sql).isEqualTo("0");
				assertThat(add.inlineIndex()).isFalse();
			});
		assertThat(actions("ALTER TABLE t ADD c text DEFAULT NULL UNIQUE")).singleElement()
			.isInstanceOfSatisfying(AddColumn.class, (add) -> {
				assertThat(add.columnDefault()).get().matches(ColumnDefault::isNull);
				assertThat(add.inlineIndex()).isTrue();
			});
	}

	@Test
	void readsAlterColumnActions() {
		assertThat(actions("ALTER TABLE ONLY t ALTER COLUMN a TYPE bigint, ALTER b SET DATA TYPE text USING b::text, "
				+ "ALTER COLUMN c SET NOT NULL, ALTER COLUMN d SET DEFAULT 1, ALTER COLUMN e DROP NOT NULL"))
			.containsExactly(
					new AlterColumnType("a", SqlType.of(SqlLexer.POSTGRESQL.significantTokens("bigint")), false),
					new AlterColumnType("b", SqlType.of(SqlLexer.POSTGRESQL.significantTokens("text")), true),
					new SetNotNull("c"), new OtherAction(), new DropNotNull("e"));
	}

	@Test
	void readsConstraints() {
		assertThat(actions(
				"ALTER TABLE t ADD CONSTRAINT fk FOREIGN KEY (a) REFERENCES u (id) ON DELETE CASCADE NOT VALID"))
			.containsExactly(new AddConstraint(Optional.of("fk"), ConstraintKind.FOREIGN_KEY, true, false, List.of(),
					List.of()));
		assertThat(actions("ALTER TABLE t ADD CHECK (a IS NOT NULL) NOT VALID")).containsExactly(new AddConstraint(
				Optional.of("t_a_check"), ConstraintKind.CHECK, true, false, List.of("a"), List.of("a")));
		assertThat(actions("ALTER TABLE t ADD CONSTRAINT c CHECK (a IS NOT NULL AND (t.b IS NOT NULL))"))
			.containsExactly(new AddConstraint(Optional.of("c"), ConstraintKind.CHECK, false, false, List.of("a", "b"),
					List.of("a", "b")));
		assertThat(actions("ALTER TABLE t ADD CONSTRAINT c CHECK (a IS NOT NULL OR b > 0)")).containsExactly(
				new AddConstraint(Optional.of("c"), ConstraintKind.CHECK, false, false, List.of(), List.of("a", "b")));
		assertThat(actions("ALTER TABLE t ADD CONSTRAINT u UNIQUE USING INDEX i")).containsExactly(
				new AddConstraint(Optional.of("u"), ConstraintKind.UNIQUE, false, true, List.of(), List.of()));
		assertThat(actions("ALTER TABLE t ADD PRIMARY KEY (id) USING INDEX TABLESPACE fast")).containsExactly(
				new AddConstraint(Optional.empty(), ConstraintKind.PRIMARY_KEY, false, false, List.of(), List.of()));
		assertThat(actions("ALTER TABLE t VALIDATE CONSTRAINT c, DROP CONSTRAINT IF EXISTS d"))
			.containsExactly(new ValidateConstraint("c"), new TableAction.DropConstraint("d"));
	}

	@Test
	void readsRenamesAndDrops() {
		assertThat(actions("ALTER TABLE t RENAME COLUMN a TO b")).containsExactly(new RenameColumn("a", "b"));
		assertThat(actions("ALTER TABLE t RENAME a TO b")).containsExactly(new RenameColumn("a", "b"));
		assertThat(actions("ALTER TABLE IF EXISTS t RENAME TO u")).containsExactly(new RenameTable("u"));
		assertThat(actions("ALTER TABLE t RENAME CONSTRAINT a TO b")).containsExactly(new OtherAction());
		assertThat(actions("ALTER TABLE t DROP COLUMN IF EXISTS a CASCADE, DROP b"))
			.containsExactly(new DropColumn("a"), new DropColumn("b"));
		assertThat(classify("DROP TABLE IF EXISTS a, s.b CASCADE")).isEqualTo(new DropTable(List.of("a", "b")));
	}

	@Test
	void readsDataChangesAndWhetherTheyHaveTheirOwnWhere() {
		assertThat(classify("UPDATE ONLY t AS x SET a = 1")).isEqualTo(new DataChange("UPDATE", "t", false));
		assertThat(classify("update t set a = (select b from u where u.id = t.id)"))
			.isEqualTo(new DataChange("UPDATE", "t", false));
		assertThat(classify("UPDATE t SET a = 'where' WHERE id < 10")).isEqualTo(new DataChange("UPDATE", "t", true));
		assertThat(classify("DELETE FROM t")).isEqualTo(new DataChange("DELETE", "t", false));
		assertThat(classify("WITH RECURSIVE x (id) AS (SELECT 1) DELETE FROM t USING x WHERE t.id = x.id"))
			.isEqualTo(new DataChange("DELETE", "t", true));
	}

	@Test
	void readsMaintenanceAndLocks() {
		assertThat(classify("VACUUM FULL VERBOSE t")).isEqualTo(new RewriteCommand("VACUUM FULL", "t"));
		assertThat(classify("VACUUM (FULL true, ANALYZE) t")).isEqualTo(new RewriteCommand("VACUUM FULL", "t"));
		assertThat(classify("VACUUM (FULL OFF) t")).isEqualTo(new Other());
		assertThat(classify("VACUUM ANALYZE t")).isEqualTo(new Other());
		assertThat(classify("CLUSTER")).isEqualTo(new RewriteCommand("CLUSTER", ""));
		assertThat(classify("CLUSTER VERBOSE t USING i")).isEqualTo(new RewriteCommand("CLUSTER", "t"));
		assertThat(classify("LOCK TABLE ONLY a, b IN SHARE MODE NOWAIT")).isEqualTo(new LockTable(List.of("a", "b")));
	}

	@Test
	void ignoresKeywordsInsideStringsCommentsAndDollarQuotes() {
		assertThat(classify("-- DROP TABLE t\nSELECT 'DROP TABLE t'")).isEqualTo(new Other());
		assertThat(classify("DO $$ BEGIN EXECUTE 'LOCK TABLE t'; END $$")).isEqualTo(new Other());
		assertThat(classify("UPDATE t SET a = $x$ WHERE $x$")).isEqualTo(new DataChange("UPDATE", "t", false));
		assertThat(classify("UPDATE t SET a = E'it\\'s WHERE'")).isEqualTo(new DataChange("UPDATE", "t", false));
		assertThat(classify("")).isEqualTo(new Other());
	}

}
