package dev.migrator.core.command;

import dev.migrator.core.command.AutocommitTarget.Kind;
import dev.migrator.core.command.AutocommitTarget.QualifiedName;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The names drift's copy resolves before it runs a statement that PostgreSQL runs only
 * outside a transaction, read from the statement's text.
 */
class AutocommitTargetTests {

	@Test
	void aConcurrentIndexNamesItsTableWithItsSchemaFoldedAsPostgresqlFoldsIt() {
		assertThat(AutocommitTarget.of("CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS i ON ONLY Public.\"Audit\" (x)"))
			.contains(relations(new QualifiedName(Optional.of("public"), "Audit")));
		assertThat(AutocommitTarget.of("create index concurrently on handmade using btree (note)"))
			.contains(relations(new QualifiedName(Optional.empty(), "handmade")));
	}

	@Test
	void aConcurrentDropNamesEveryIndexOfItsList() {
		assertThat(AutocommitTarget.of("DROP INDEX CONCURRENTLY IF EXISTS a, app.b CASCADE"))
			.contains(relations(new QualifiedName(Optional.empty(), "a"), new QualifiedName(Optional.of("app"), "b")));
	}

	@Test
	void aConcurrentReindexNamesItsIndexTableOrSchemaAndADatabaseIsNotRead() {
		assertThat(AutocommitTarget.of("REINDEX (VERBOSE) TABLE CONCURRENTLY app.t"))
			.contains(relations(new QualifiedName(Optional.of("app"), "t")));
		assertThat(AutocommitTarget.of("REINDEX (CONCURRENTLY, VERBOSE) INDEX i"))
			.contains(relations(new QualifiedName(Optional.empty(), "i")));
		assertThat(AutocommitTarget.of("REINDEX SCHEMA CONCURRENTLY public"))
			.contains(new AutocommitTarget(Kind.SCHEMA, List.of(new QualifiedName(Optional.empty(), "public"))));
		assertThat(AutocommitTarget.of("REINDEX DATABASE CONCURRENTLY app")).isEmpty();
	}

	@Test
	void anEnumValueNamesItsTypeAndVacuumChangesNoSchema() {
		assertThat(AutocommitTarget.of("ALTER TYPE public.mood ADD VALUE 'away'"))
			.contains(new AutocommitTarget(Kind.TYPE, List.of(new QualifiedName(Optional.of("public"), "mood"))));
		assertThat(AutocommitTarget.of("VACUUM (ANALYZE) accounts"))
			.contains(new AutocommitTarget(Kind.NOTHING, List.of()));
	}

	@Test
	void otherStatementsHaveNoTarget() {
		assertThat(AutocommitTarget.of("CREATE DATABASE other")).isEmpty();
		assertThat(AutocommitTarget.of("DELETE FROM handmade")).isEmpty();
		assertThat(AutocommitTarget.runsOnlyOutsideTransaction("DELETE FROM handmade")).isFalse();
		assertThat(AutocommitTarget.runsOnlyOutsideTransaction("CREATE INDEX CONCURRENTLY i ON t (x)")).isTrue();
	}

	private static AutocommitTarget relations(QualifiedName... names) {
		return new AutocommitTarget(Kind.RELATIONS, List.of(names));
	}

}
