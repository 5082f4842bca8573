package dev.migrator.core;

import dev.migrator.core.authoring.SchemaDrift;
import dev.migrator.core.error.MigratorException;
import dev.migrator.testsupport.TestDataSources;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * drift replays the applied revisions in a scratch schema first on the search path: a
 * statement that reaches past it, to an object no revision created (a table made by hand,
 * a schema-qualified name), must not change the live database. Each revision here was
 * applied to the live database, whose hand-made state is then put back, so that a replay
 * that reached the live schema would change it again.
 */
class PostgresDriftFenceTests extends RevisionFolderContract {

	private static final String ACCOUNTS = """
			-- migrator:revision 0001_accounts
			-- migrator:upgrade
			CREATE TABLE accounts (id integer PRIMARY KEY, email text);
			""";

	private List<String> scratchBefore;

	@Override
	DataSource newDatabase() {
		return TestDataSources.freshPostgres();
	}

	@BeforeEach
	void handMadeTables() throws Exception {
		Databases.execute(this.dataSource, "CREATE TABLE handmade (id integer PRIMARY KEY, note text)");
		Databases.execute(this.dataSource, "CREATE TABLE audit (id serial PRIMARY KEY, note text)");
		Databases.execute(this.dataSource, "CREATE TABLE legacy (id integer)");
		this.scratchBefore = scratchSchemas();
	}

	@Test
	void aDeleteFromATableMadeByHandIsRolledBackAndFailsTheCheck() throws Exception {
		applied("""
				DELETE FROM handmade WHERE id = 1;
				""");
		Databases.execute(this.dataSource, "INSERT INTO handmade (id, note) VALUES (1, 'kept'), (2, 'kept')");

		assertEscaped("public.handmade");
		assertThat(Databases.count(this.dataSource, "SELECT count(*) FROM handmade")).isEqualTo(2);
	}

	@Test
	void anInsertIntoASchemaQualifiedTableIsRolledBackAndFailsTheCheck() throws Exception {
		applied("""
				CREATE TABLE notes (id integer PRIMARY KEY);
				INSERT INTO public.audit (note) VALUES ('accounts created');
				""");
		Databases.execute(this.dataSource, "DELETE FROM audit");

		assertEscaped("public.audit");
		assertThat(Databases.count(this.dataSource, "SELECT count(*) FROM audit")).isZero();
	}

	@Test
	void aDropOfATableMadeByHandIsRolledBackAndFailsTheCheck() throws Exception {
		applied("""
				DROP TABLE IF EXISTS legacy;
				""");
		Databases.execute(this.dataSource, "CREATE TABLE legacy (id integer)");
		Databases.execute(this.dataSource, "INSERT INTO legacy VALUES (1), (2), (3)");

		assertEscaped("table public.legacy (dropped)");
		assertThat(Databases.count(this.dataSource, "SELECT count(*) FROM legacy")).isEqualTo(3);
	}

	@Test
	void aFunctionReplacedInTheLiveSchemaKeepsItsLiveBody() throws Exception {
		applied("""
				CREATE OR REPLACE FUNCTION public.answer() RETURNS integer LANGUAGE sql AS 'SELECT 1';
				""");
		Databases.execute(this.dataSource,
				"CREATE OR REPLACE FUNCTION public.answer() RETURNS integer LANGUAGE sql AS 'SELECT 2'");

		assertEscaped("public.answer()");
		assertThat(Databases.count(this.dataSource, "SELECT public.answer()")).isEqualTo(2);
	}

	@Test
	void aConcurrentIndexOnALiveTableIsRefusedBeforeItRuns() throws Exception {
		this.folder.file("0001_accounts.sql", ACCOUNTS).file("0002_index.sql", """
				-- migrator:revision 0002_index
				-- migrator:revises 0001_accounts
				-- migrator:transactional false
				-- migrator:upgrade
				CREATE INDEX CONCURRENTLY handmade_note_idx ON public.handmade (note);
				""");
		migrator().upgrade("heads");
		Databases.execute(this.dataSource, "DROP INDEX handmade_note_idx");

		assertThatExceptionOfType(MigratorException.class).isThrownBy(() -> SchemaDrift.check(migrator()))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("drift-copy-escaped"))
			.satisfies((ex) -> assertThat(ex.getMessage()).contains("revision 0002_index").contains("public.handmade"));
		assertThat(Databases.strings(this.dataSource,
				"SELECT indexname FROM pg_indexes WHERE tablename = 'handmade' ORDER BY indexname"))
			.containsExactly("handmade_pkey");
		assertThat(scratchSchemas()).isEqualTo(this.scratchBefore);
	}

	@Test
	void aGrantOnATableMadeByHandIsRolledBackAndFailsTheCheck() throws Exception {
		applied("""
				GRANT SELECT ON public.handmade TO PUBLIC;
				""");
		Databases.execute(this.dataSource, "REVOKE SELECT ON handmade FROM PUBLIC");

		assertEscaped("public.handmade");
		assertThat(Databases.count(this.dataSource, "SELECT count(*) FROM information_schema.role_table_grants "
				+ "WHERE table_name = 'handmade' AND grantee = 'PUBLIC'"))
			.isZero();
	}

	@Test
	void rowsOfATableMadeByHandLockedForUpdateFailTheCheck() throws Exception {
		// Locking live rows blocks the application's writes to them until the copy's
		// transaction ends: the copy has no business there either.
		applied("""
				SELECT id FROM public.handmade FOR UPDATE;
				""");

		assertEscaped("public.handmade");
	}

	@Test
	void aStatementOfANonTransactionalRevisionIsCheckedInATransactionOfItsOwn() throws Exception {
		this.folder.file("0001_accounts.sql", ACCOUNTS).file("0002_notes.sql", """
				-- migrator:revision 0002_notes
				-- migrator:revises 0001_accounts
				-- migrator:transactional false
				-- migrator:upgrade
				CREATE INDEX CONCURRENTLY accounts_email_idx ON accounts (email);
				UPDATE public.handmade SET note = 'replayed';
				""");
		migrator().upgrade("heads");
		Databases.execute(this.dataSource, "INSERT INTO handmade (id, note) VALUES (1, 'kept')");

		assertThatExceptionOfType(MigratorException.class).isThrownBy(() -> SchemaDrift.check(migrator()))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("drift-copy-escaped"))
			.satisfies((ex) -> assertThat(ex.getMessage()).contains("revision 0002_notes changes public.handmade"));
		assertThat(Databases.strings(this.dataSource, "SELECT note FROM handmade")).containsExactly("kept");
		assertThat(scratchSchemas()).isEqualTo(this.scratchBefore);
	}

	@Test
	void aConcurrentDropOfALiveIndexIsRefusedBeforeItRuns() throws Exception {
		Databases.execute(this.dataSource, "CREATE INDEX handmade_note_idx ON handmade (note)");
		this.folder.file("0001_accounts.sql", ACCOUNTS).file("0002_drop.sql", """
				-- migrator:revision 0002_drop
				-- migrator:revises 0001_accounts
				-- migrator:transactional false
				-- migrator:upgrade
				DROP INDEX CONCURRENTLY IF EXISTS handmade_note_idx;
				""");
		migrator().upgrade("heads");
		Databases.execute(this.dataSource, "CREATE INDEX handmade_note_idx ON handmade (note)");

		assertThatExceptionOfType(MigratorException.class).isThrownBy(() -> SchemaDrift.check(migrator()))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("drift-copy-escaped"))
			.satisfies((ex) -> assertThat(ex.getMessage())
				.contains("revision 0002_drop changes public.handmade_note_idx"));
		assertThat(Databases.strings(this.dataSource,
				"SELECT indexname FROM pg_indexes WHERE tablename = 'handmade' ORDER BY indexname"))
			.containsExactly("handmade_note_idx", "handmade_pkey");
	}

	@Test
	void aSequenceMovedInTheLiveSchemaFailsTheCheckAndSaysTheRollbackCannotMoveItBack() throws Exception {
		applied("""
				SELECT setval('public.audit_id_seq', 100);
				""");
		Databases.execute(this.dataSource, "SELECT setval('audit_id_seq', 1, false)");

		assertEscaped("public.audit_id_seq");
		assertThatExceptionOfType(MigratorException.class).isThrownBy(() -> SchemaDrift.check(migrator()))
			.satisfies((ex) -> assertThat(ex.getMessage()).contains("the rollback does not move it back"));
	}

	@Test
	void aStatementThatRefusesATransactionIsRefused() throws Exception {
		this.folder.file("0001_accounts.sql", ACCOUNTS).file("0002_database.sql", """
				-- migrator:revision 0002_database
				-- migrator:revises 0001_accounts
				-- migrator:transactional false
				-- migrator:upgrade
				DROP DATABASE IF EXISTS migrator_never_created;
				""");
		migrator().upgrade("heads");

		assertThatExceptionOfType(MigratorException.class).isThrownBy(() -> SchemaDrift.check(migrator()))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("drift-copy-escaped"))
			.satisfies((ex) -> assertThat(ex.getMessage())
				.contains("revision 0002_database runs a statement that PostgreSQL runs only outside a transaction"));
		assertThat(scratchSchemas()).isEqualTo(this.scratchBefore);
	}

	@Test
	void aStatementThatWaitsForALiveLockGivesUpAtOnceWhateverItsRevisionSays() throws Exception {
		this.folder.file("0001_accounts.sql", ACCOUNTS).file("0002_cleanup.sql", """
				-- migrator:revision 0002_cleanup
				-- migrator:revises 0001_accounts
				-- migrator:lock-timeout 3s
				-- migrator:upgrade
				DELETE FROM handmade;
				""");
		migrator().upgrade("heads");
		Databases.execute(this.dataSource, "INSERT INTO handmade (id, note) VALUES (1, 'kept')");
		try (Connection holder = this.dataSource.getConnection(); Statement lock = holder.createStatement()) {
			holder.setAutoCommit(false);
			lock.execute("LOCK TABLE handmade IN ACCESS EXCLUSIVE MODE");

			assertThatExceptionOfType(MigratorException.class).isThrownBy(() -> SchemaDrift.check(migrator()))
				.satisfies((ex) -> assertThat(ex.code()).isEqualTo("drift-copy-escaped"))
				.satisfies((ex) -> assertThat(ex.getMessage())
					.contains("revision 0002_cleanup waits for a lock that another session holds"));
			holder.rollback();
		}
		assertThat(Databases.count(this.dataSource, "SELECT count(*) FROM handmade")).isEqualTo(1);
		assertThat(scratchSchemas()).isEqualTo(this.scratchBefore);
	}

	/**
	 * 0002_cleanup, whose upgrade is the given statements, applied to the live database.
	 */
	private void applied(String statements) throws Exception {
		this.folder.file("0001_accounts.sql", ACCOUNTS).file("0002_cleanup.sql", """
				-- migrator:revision 0002_cleanup
				-- migrator:revises 0001_accounts
				-- migrator:upgrade
				""" + statements);
		migrator().upgrade("heads");
	}

	private void assertEscaped(String object) throws Exception {
		assertThatExceptionOfType(MigratorException.class).isThrownBy(() -> SchemaDrift.check(migrator()))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("drift-copy-escaped"))
			.satisfies((ex) -> assertThat(ex.getMessage()).contains("revision 0002_cleanup").contains(object));
		assertThat(scratchSchemas()).isEqualTo(this.scratchBefore);
	}

	private List<String> scratchSchemas() throws Exception {
		return Databases.strings(this.dataSource,
				"SELECT nspname FROM pg_namespace WHERE nspname LIKE 'migrator\\_drift\\_%' ORDER BY nspname");
	}

}
