package dev.migrator.core.dialect;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which table lock a migration statement takes on PostgreSQL, read from its text, and
 * which of them would hold up the application's writes while they wait.
 */
class PostgresTableLocksTests {

	private final PostgresDialect dialect = new PostgresDialect();

	@Test
	void alterTableTakesAccessExclusiveUnlessItOnlyValidatesOrAddsAForeignKey() {
		assertThat(PostgresTableLocks.of("ALTER TABLE accounts ADD COLUMN status text"))
			.contains(new TableLock(Optional.empty(), "accounts", TableLockMode.ACCESS_EXCLUSIVE));
		assertThat(PostgresTableLocks.of("alter table if exists only Billing.\"Accounts\" rename to a"))
			.contains(new TableLock(Optional.of("billing"), "Accounts", TableLockMode.ACCESS_EXCLUSIVE));
		assertThat(PostgresTableLocks.of("ALTER TABLE a VALIDATE CONSTRAINT a_fk"))
			.contains(new TableLock(Optional.empty(), "a", TableLockMode.SHARE_UPDATE_EXCLUSIVE));
		assertThat(PostgresTableLocks.of("ALTER TABLE a ADD CONSTRAINT a_fk FOREIGN KEY (b) REFERENCES b NOT VALID"))
			.contains(new TableLock(Optional.empty(), "a", TableLockMode.SHARE_ROW_EXCLUSIVE));
		assertThat(PostgresTableLocks.of("ALTER TABLE a ADD FOREIGN KEY (b) REFERENCES b, ADD COLUMN c int"))
			.contains(new TableLock(Optional.empty(), "a", TableLockMode.ACCESS_EXCLUSIVE));
	}

	@Test
	void otherStatementsThatLockATable() {
		assertThat(PostgresTableLocks.of("CREATE UNIQUE INDEX a_b ON ONLY a (b)").map(TableLock::mode))
			.contains(TableLockMode.SHARE);
		assertThat(PostgresTableLocks.of("CREATE INDEX CONCURRENTLY a_b ON a (b)")).isEmpty();
		assertThat(PostgresTableLocks
			.of("CREATE OR REPLACE TRIGGER sync BEFORE INSERT OR UPDATE OF amount ON public.accounts FOR EACH ROW "
					+ "EXECUTE FUNCTION sync()"))
			.contains(new TableLock(Optional.of("public"), "accounts", TableLockMode.SHARE_ROW_EXCLUSIVE));
		assertThat(PostgresTableLocks.of("DROP TRIGGER IF EXISTS sync ON accounts"))
			.contains(new TableLock(Optional.empty(), "accounts", TableLockMode.ACCESS_EXCLUSIVE));
		assertThat(PostgresTableLocks.of("DROP TABLE IF EXISTS old_accounts").map(TableLock::table))
			.contains("old_accounts");
		assertThat(PostgresTableLocks.of("TRUNCATE TABLE a").map(TableLock::mode))
			.contains(TableLockMode.ACCESS_EXCLUSIVE);
		assertThat(PostgresTableLocks.of("LOCK TABLE a IN SHARE ROW EXCLUSIVE MODE").map(TableLock::mode))
			.contains(TableLockMode.SHARE_ROW_EXCLUSIVE);
		assertThat(PostgresTableLocks.of("LOCK a").map(TableLock::mode)).contains(TableLockMode.ACCESS_EXCLUSIVE);
		assertThat(PostgresTableLocks.of("CREATE TABLE a (id int)")).isEmpty();
		assertThat(PostgresTableLocks.of("UPDATE a SET b = 1")).isEmpty();
	}

	@Test
	void onlyLocksThatHoldUpWritesAreReported() {
		assertThat(this.dialect.tableLock("ALTER TABLE a ADD COLUMN b int")).isPresent();
		assertThat(this.dialect.tableLock("CREATE INDEX a_b ON a (b)")).isPresent();
		assertThat(this.dialect.tableLock("ALTER TABLE a VALIDATE CONSTRAINT a_fk")).isEmpty();
	}

	@Test
	void conflictsFollowPostgresqlsTable() {
		assertThat(TableLockMode.ACCESS_EXCLUSIVE.conflictsWith(TableLockMode.ACCESS_SHARE)).isTrue();
		assertThat(TableLockMode.ACCESS_SHARE.conflictsWith(TableLockMode.EXCLUSIVE)).isFalse();
		assertThat(TableLockMode.SHARE.conflictsWith(TableLockMode.SHARE)).isFalse();
		assertThat(TableLockMode.SHARE.conflictsWith(TableLockMode.ROW_EXCLUSIVE)).isTrue();
		assertThat(TableLockMode.SHARE_ROW_EXCLUSIVE.conflictsWith(TableLockMode.SHARE_ROW_EXCLUSIVE)).isTrue();
		assertThat(TableLockMode.ROW_EXCLUSIVE.conflictsWith(TableLockMode.ROW_EXCLUSIVE)).isFalse();
		assertThat(TableLockMode.ROW_SHARE.conflictsWith(TableLockMode.EXCLUSIVE)).isTrue();
		assertThat(TableLockMode.ROW_SHARE.conflictsWith(TableLockMode.SHARE)).isFalse();
		for (TableLockMode a : TableLockMode.values()) {
			for (TableLockMode b : TableLockMode.values()) {
				assertThat(a.conflictsWith(b)).as("%s against %s, both ways", a, b).isEqualTo(b.conflictsWith(a));
			}
		}
		assertThat(TableLockMode.SHARE_UPDATE_EXCLUSIVE.blocksWrites()).isFalse();
		assertThat(TableLockMode.SHARE.blocksWrites()).isTrue();
	}

}
