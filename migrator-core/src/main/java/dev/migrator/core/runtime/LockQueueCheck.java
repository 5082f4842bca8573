package dev.migrator.core.runtime;

import dev.migrator.core.dialect.Dialect;
import dev.migrator.core.dialect.LockHolder;
import dev.migrator.core.dialect.TableLock;
import dev.migrator.core.dialect.TableLockMode;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps a statement that needs a strong table lock out of the lock queue while a long
 * transaction holds a conflicting lock on the table. A statement waiting in the queue
 * holds up every query that arrives after it, for as long as it waits; so before it is
 * sent, the sessions holding a conflicting lock on its table are read, and when one of
 * them has been in its transaction for longer than the lock timeout (it is unlikely to
 * end within it) the statement is not sent: {@link LockWaitAvoidedException} fails the
 * attempt, and the retry waits outside the queue until that transaction has ended.
 * Younger holders are waited for in the queue, under the lock timeout, as before: under
 * steady traffic some short write always holds a lock for a moment.
 */
final class LockQueueCheck {

	private final Dialect dialect;

	// The tables whose lock the current transaction took after a check, by their quoted
	// name: a later statement on one needs no check while the transaction holds that
	// lock, and no round trip while it holds up the application.
	private final Map<String, TableLockMode> taken = new HashMap<>();

	/** A check for the statements of one transaction, or of one autocommit run. */
	LockQueueCheck(Dialect dialect) {
		this.dialect = dialect;
	}

	/** The transaction that took the locks ended. */
	void forgetTakenLocks() {
		this.taken.clear();
	}

	/**
	 * Inside a transaction, where the dialect can, the statement that takes the lock
	 * {@code sql} needs without entering the queue, for the caller to send in one text
	 * ahead of {@code sql}; otherwise the look of
	 * {@link #beforeRunning(Connection, String, Optional, TimeoutsToSend)}, and nothing
	 * to send. Nobody holds a conflicting lock most of the time: then the lock is taken
	 * at once, with no look (which costs the server more than the lock) and no round trip
	 * of its own. When somebody does, the lock statement fails at once, without having
	 * queued, and the transaction runs again with the look
	 * ({@link Dialect#mayBeLockNotTakenWithoutWaiting}).
	 */
	Optional<String> lockOrLook(Connection connection, String sql, Optional<Duration> lockTimeout,
			TimeoutsToSend timeouts) throws SQLException {
		if (lockTimeout.isEmpty() || lockTimeout.get().isZero() || connection.getAutoCommit()) {
			beforeRunning(connection, sql, lockTimeout, timeouts);
			return Optional.empty();
		}
		Optional<TableLock> lock = this.dialect.tableLock(sql);
		if (lock.isEmpty() || holds(lock.get())) {
			return Optional.empty();
		}
		Optional<String> ahead = this.dialect.lockWithoutWaiting(sql);
		if (ahead.isEmpty()) {
			beforeRunning(connection, sql, lockTimeout, timeouts);
			return Optional.empty();
		}
		// Should the lock or the statement fail, the transaction fails with them.
		take(lock.get());
		return ahead;
	}

	private boolean holds(TableLock lock) {
		TableLockMode held = this.taken.get(key(lock));
		return held == TableLockMode.ACCESS_EXCLUSIVE || held == lock.mode();
	}

	private void take(TableLock lock) {
		this.taken.put(key(lock), lock.mode());
	}

	private String key(TableLock lock) {
		return this.dialect.qualify(lock.schema(), lock.table());
	}

	/**
	 * Throws {@link LockWaitAvoidedException} when the statement would wait behind a long
	 * transaction; does nothing without a lock timeout (whoever set none chose to wait).
	 */
	void beforeRunning(Connection connection, String sql, Optional<Duration> lockTimeout) throws SQLException {
		beforeRunning(connection, sql, lockTimeout, TimeoutsToSend.none());
	}

	/**
	 * As {@link #beforeRunning(Connection, String, Optional)}, with the transaction's
	 * timeouts still to send going to the server in the same round trip as the look,
	 * where there is one.
	 */
	void beforeRunning(Connection connection, String sql, Optional<Duration> lockTimeout, TimeoutsToSend timeouts)
			throws SQLException {
		if (lockTimeout.isEmpty() || lockTimeout.get().isZero()) {
			return;
		}
		Optional<TableLock> lock = this.dialect.tableLock(sql);
		if (lock.isEmpty()) {
			return;
		}
		boolean inTransaction = !connection.getAutoCommit();
		if (!inTransaction) {
			// Each statement commits on its own: nothing taken before is held.
			forgetTakenLocks();
		}
		if (holds(lock.get())) {
			return;
		}
		Duration openFor = lockTimeout.get();
		List<LockHolder> holders = this.dialect.lockHolders(connection, lock.get(), openFor, timeouts.take());
		if (!holders.isEmpty()) {
			throw new LockWaitAvoidedException(lock.get(), holders,
					() -> this.dialect.lockHolders(connection, lock.get(), openFor));
		}
		if (inTransaction) {
			// Should the statement fail, the transaction fails with it.
			take(lock.get());
		}
	}

}
