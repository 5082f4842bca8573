package dev.migrator.core.dialect;

import dev.migrator.core.dialect.SqliteTableDefinition.ColumnDefinition;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Stored CREATE TABLE statements, as people write them, are taken apart and written back
 * unchanged.
 */
class SqliteTableDefinitionTests {

	private static final String TABLE = "CREATE TABLE IF NOT EXISTS main.[odd table] ( -- a comment, (with parens)\n"
			+ "  id INTEGER PRIMARY KEY DESC ON CONFLICT REPLACE AUTOINCREMENT,\n"
			+ "  \"na,me\" VARCHAR (10, 2) COLLATE NOCASE DEFAULT 'a, (b)' NOT NULL ON CONFLICT ABORT,\n"
			+ "  parent INTEGER REFERENCES parents (id) ON DELETE SET NULL ON UPDATE SET DEFAULT NOT DEFERRABLE INITIALLY IMMEDIATE,\n"
			+ "  `score` DOUBLE PRECISION DEFAULT -1.5e3 CONSTRAINT ck_score CHECK (`score` <> 0 AND \"na,me\" IS NOT NULL),\n"
			+ "  nothing DEFAULT NULL,\n" + "  total GENERATED ALWAYS AS (score * 2) STORED,\n"
			+ "  /* table constraints */ CONSTRAINT uq_odd UNIQUE (\"na,me\" COLLATE NOCASE, parent),\n"
			+ "  FOREIGN KEY (parent, id) REFERENCES others (a, b)\n" + ") WITHOUT ROWID, STRICT";

	@Test
	void columnsClausesAndTableConstraintsAreFound() {
		SqliteTableDefinition definition = SqliteTableDefinition.parse(TABLE);
		assertThat(definition.columns).extracting((c) -> c.name)
			.containsExactly("id", "na,me", "parent", "score", "nothing", "total");
		assertThat(definition.columns).extracting((c) -> c.type)
			.containsExactly("INTEGER", "VARCHAR (10, 2)", "INTEGER", "DOUBLE PRECISION", "", "");
		ColumnDefinition name = definition.column("NA,ME").orElseThrow();
		assertThat(name.clauses).extracting((c) -> c.keyword).containsExactly("COLLATE", "DEFAULT", "NOT");
		assertThat(definition.column("parent").orElseThrow().clauses).extracting((c) -> c.keyword)
			.containsExactly("REFERENCES");
		assertThat(definition.column("score").orElseThrow().clauses).extracting((c) -> c.keyword)
			.containsExactly("DEFAULT", "CHECK");
		assertThat(definition.column("score").orElseThrow().uses("na,me")).isTrue();
		assertThat(definition.column("nothing").orElseThrow().clauses).extracting((c) -> c.text)
			.containsExactly("DEFAULT NULL");
		assertThat(definition.column("total").orElseThrow().isGenerated()).isTrue();
		assertThat(definition.constraints).extracting((c) -> c.keyword, (c) -> c.columns)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("UNIQUE", java.util.List.of("na,me", "parent")),
					org.assertj.core.groups.Tuple.tuple("FOREIGN", java.util.List.of("parent", "id")));
		assertThat(definition.options).isEqualTo("WITHOUT ROWID, STRICT");
		assertThat(definition.isWithoutRowid()).isTrue();
	}

	@Test
	void anUnchangedDefinitionIsWrittenBackAsStored() {
		SqliteTableDefinition definition = SqliteTableDefinition.parse(TABLE);
		assertThat(definition.createStatement("\"copy\""))
			.isEqualTo("CREATE TABLE \"copy\" (id INTEGER PRIMARY KEY DESC "
					+ "ON CONFLICT REPLACE AUTOINCREMENT, \"na,me\" VARCHAR (10, 2) COLLATE NOCASE DEFAULT 'a, (b)' NOT NULL ON CONFLICT ABORT, "
					+ "parent INTEGER REFERENCES parents (id) ON DELETE SET NULL ON UPDATE SET DEFAULT NOT DEFERRABLE INITIALLY IMMEDIATE, "
					+ "`score` DOUBLE PRECISION DEFAULT -1.5e3 CONSTRAINT ck_score CHECK (`score` <> 0 AND \"na,me\" IS NOT NULL), "
					+ "nothing DEFAULT NULL, total GENERATED ALWAYS AS (score * 2) STORED, "
					+ "CONSTRAINT uq_odd UNIQUE (\"na,me\" COLLATE NOCASE, parent), FOREIGN KEY (parent, id) REFERENCES others (a, b)) "
					+ "WITHOUT ROWID, STRICT");
	}

	@Test
	void aRenameChangesColumnNamesButNotFunctionsStringsOrOtherTables() {
		assertThat(SqliteTableDefinition.rename("CHECK (lower(lower) <> 'lower' AND t.lower > 0)", 0, false, "lower",
				"\"low\""))
			.isEqualTo("CHECK (lower(\"low\") <> 'lower' AND t.lower > 0)");
		assertThat(SqliteTableDefinition.rename("FOREIGN KEY (id) REFERENCES p (id)", 0, false, "id", "\"key\""))
			.isEqualTo("FOREIGN KEY (\"key\") REFERENCES p (id)");
	}

	@Test
	void somethingThatIsNoTableDefinitionIsRefused() {
		assertThatThrownBy(() -> SqliteTableDefinition.parse("CREATE TABLE t AS SELECT 1"))
			.hasMessageContaining("not of the form CREATE TABLE name (...)");
	}

}
