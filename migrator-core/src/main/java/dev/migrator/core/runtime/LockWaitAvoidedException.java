package dev.migrator.core.runtime;

import dev.migrator.core.dialect.LockHolder;
import dev.migrator.core.dialect.TableLock;

import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A statement that was not sent because it would have waited in the lock queue behind a
 * long transaction, while every query on its table queued behind it. It carries
 * PostgreSQL's {@code lock_not_available} SQLState, so it is retried as a lock timeout
 * is; the retry first waits, outside the queue, until the holders are gone.
 */
final class LockWaitAvoidedException extends SQLException {

	/** PostgreSQL's {@code lock_not_available}. */
	private static final String LOCK_NOT_AVAILABLE = "55P03";

	private final transient TableLock lock;

	private final transient List<LockHolder> holders;

	private final transient Holders recheck;

	LockWaitAvoidedException(TableLock lock, List<LockHolder> holders, Holders recheck) {
		super("Not sent: it would have waited for its " + lock.mode().label() + " lock on table " + lock.describe()
				+ " behind a transaction open for longer than the lock timeout, and every query on the table would "
				+ "have waited behind it", LOCK_NOT_AVAILABLE);
		this.lock = lock;
		this.holders = List.copyOf(holders);
		this.recheck = recheck;
	}

	TableLock lock() {
		return this.lock;
	}

	/** The sessions that held a conflicting lock when the statement was about to run. */
	List<LockHolder> holders() {
		return this.holders;
	}

	/** Reads again who holds a conflicting lock and has been open too long. */
	List<LockHolder> currentHolders() throws SQLException {
		return this.recheck.read();
	}

	static String describe(List<LockHolder> holders) {
		String sessions = holders.stream().map(LockHolder::describe).collect(Collectors.joining("; "));
		return ((holders.size() == 1) ? "the transaction of " : "the transactions of ") + sessions;
	}

	/** Who holds a conflicting lock now. */
	@FunctionalInterface
	interface Holders {

		List<LockHolder> read() throws SQLException;

	}

}
