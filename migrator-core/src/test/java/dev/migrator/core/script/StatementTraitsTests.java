package dev.migrator.core.script;

import dev.migrator.core.dialect.Dialect;
import dev.migrator.core.dialect.Dialects;
import dev.migrator.core.script.StatementTraits.IndexName;
import dev.migrator.core.script.StatementTraits.Kind;

import java.util.Optional;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StatementTraitsTests {

	@Test
	void concurrentIndexStatementsRunOutsideATransaction() {
		assertThat(StatementTraits.of("CREATE INDEX CONCURRENTLY ix ON t (a)").kind())
			.isEqualTo(Kind.CREATE_INDEX_CONCURRENTLY);
		assertThat(StatementTraits.of("create unique index concurrently ix on t (a)").kind())
			.isEqualTo(Kind.CREATE_INDEX_CONCURRENTLY);
		assertThat(StatementTraits.of("DROP INDEX CONCURRENTLY IF EXISTS ix").kind())
			.isEqualTo(Kind.DROP_INDEX_CONCURRENTLY);
		assertThat(StatementTraits.of("REINDEX INDEX CONCURRENTLY ix").kind()).isEqualTo(Kind.REINDEX_CONCURRENTLY);
		assertThat(StatementTraits.of("REINDEX (VERBOSE, CONCURRENTLY) TABLE t").kind())
			.isEqualTo(Kind.REINDEX_CONCURRENTLY);
		assertThat(Dialects.byName("postgresql")
			.runsOutsideTransaction(
					StatementTraits.of("-- build it\n/* quietly /* really */ */ CREATE INDEX CONCURRENTLY ix ON t (a)"),
					OptionalInt.of(16)))
			.isTrue();
	}

	@Test
	void otherStatementsRunWhereTheRevisionRuns() {
		assertThat(StatementTraits.of("CREATE INDEX ix ON t (a)").kind()).isEqualTo(Kind.ORDINARY);
		assertThat(StatementTraits.of("SELECT 'CREATE INDEX CONCURRENTLY x ON t (a)'").kind()).isEqualTo(Kind.ORDINARY);
		assertThat(StatementTraits.of("DO $$ BEGIN EXECUTE 'CREATE INDEX CONCURRENTLY x ON t (a)'; END $$").kind())
			.isEqualTo(Kind.ORDINARY);
		assertThat(StatementTraits.of("ALTER TYPE point3 ADD ATTRIBUTE z integer").kind()).isEqualTo(Kind.ORDINARY);
	}

	@Test
	void anEnumValueRunsOutsideATransactionOnlyBeforePostgresql12() {
		StatementTraits add = StatementTraits.of("ALTER TYPE public.mood ADD VALUE IF NOT EXISTS 'meh'");
		assertThat(add.kind()).isEqualTo(Kind.ADD_ENUM_VALUE);
		Dialect postgres = Dialects.byName("postgresql");
		assertThat(postgres.runsOutsideTransaction(add, OptionalInt.of(11))).isTrue();
		assertThat(postgres.runsOutsideTransaction(add, OptionalInt.of(12))).isFalse();
		assertThat(postgres.runsOutsideTransaction(add, OptionalInt.empty())).isFalse();
	}

	@Test
	void concurrentIndexStatementsRunOutsideATransactionOnPostgresql() {
		StatementTraits build = StatementTraits.of("CREATE INDEX CONCURRENTLY ix ON t (a)");
		assertThat(build.isConcurrent()).isTrue();
		assertThat(Dialects.byName("postgresql").runsOutsideTransaction(build, OptionalInt.empty())).isTrue();
		assertThat(Dialects.byName("postgresql")
			.runsOutsideTransaction(StatementTraits.of("CREATE INDEX ix ON t (a)"), OptionalInt.empty())).isFalse();
		// SQLite has no concurrent builds: it refuses the statement wherever it runs.
		assertThat(Dialects.byName("sqlite").runsOutsideTransaction(build, OptionalInt.empty())).isFalse();
	}

	@Test
	void vacuumRunsOutsideATransactionOnBothDatabases() {
		StatementTraits vacuum = StatementTraits.of("vacuum (analyze) t");
		assertThat(vacuum.kind()).isEqualTo(Kind.VACUUM);
		assertThat(vacuum.isConcurrent()).isFalse();
		assertThat(Dialects.byName("postgresql").runsOutsideTransaction(vacuum, OptionalInt.of(16))).isTrue();
		assertThat(Dialects.byName("sqlite").runsOutsideTransaction(vacuum, OptionalInt.empty())).isTrue();
		assertThat(StatementTraits.of("SELECT 'VACUUM'").kind()).isEqualTo(Kind.ORDINARY);
	}

	@Test
	void statementsReadFromFilesCarryTheTraitsTheSplitterRead() {
		assertThat(new SqlStatementSplitter().split(
				"-- first\nCREATE INDEX CONCURRENTLY \"Ix\" ON app.t (a);\nALTER TYPE mood ADD VALUE 'x'; SELECT 1", 1))
			.extracting(SqlStatement::traits)
			.containsExactly(
					new StatementTraits(Kind.CREATE_INDEX_CONCURRENTLY,
							Optional.of(new IndexName(Optional.of("app"), "Ix"))),
					new StatementTraits(Kind.ADD_ENUM_VALUE, Optional.empty()),
					new StatementTraits(Kind.ORDINARY, Optional.empty()));
		assertThat(new SqlStatement("DROP INDEX CONCURRENTLY ix", 0).traits().kind())
			.isEqualTo(Kind.DROP_INDEX_CONCURRENTLY);
	}

	@Test
	void theIndexAConcurrentBuildCreatesIsNamedAsPostgresqlResolvesIt() {
		assertThat(StatementTraits.of("CREATE INDEX CONCURRENTLY Users_Email ON users (email)").index())
			.contains(new IndexName(Optional.empty(), "users_email"));
		assertThat(StatementTraits
			.of("CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS \"Odd \"\"Name\" ON ONLY app.users (email)")
			.index()).contains(new IndexName(Optional.of("app"), "Odd \"Name"));
		assertThat(StatementTraits.of("CREATE INDEX CONCURRENTLY ON users (email)").index()).isEmpty();
	}

}
