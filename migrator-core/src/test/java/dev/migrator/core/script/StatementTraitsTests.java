package dev.migrator.core.runtime;

import dev.migrator.core.runtime.StatementTraits.IndexName;
import dev.migrator.core.runtime.StatementTraits.Kind;

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
		assertThat(StatementTraits.of("-- build it\n/* quietly /* really */ */ CREATE INDEX CONCURRENTLY ix ON t (a)")
			.runsOutsideTransaction(OptionalInt.of(16))).isTrue();
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
		assertThat(add.runsOutsideTransaction(OptionalInt.of(11))).isTrue();
		assertThat(add.runsOutsideTransaction(OptionalInt.of(12))).isFalse();
		assertThat(add.runsOutsideTransaction(OptionalInt.empty())).isFalse();
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
