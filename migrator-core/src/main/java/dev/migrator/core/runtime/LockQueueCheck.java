package dev.migrator.core.runtime;

import dev.migrator.core.dialect.Dialect;
import dev.migrator.core.dialect.LockHolder;
import dev.migrator.core.dialect.TableLock;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
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

	LockQueueCheck(Dialect dialect) {
		this.dialect = dialect;
	}

	/**
	 * Throws {@link LockWaitAvoidedException} when the statement would wait behind a long
	 * transaction; does nothing without a lock timeout (whoever set none chose to wait).
	 */
	void beforeRunning(Connection connection, String sql, Optional<Duration> lockTimeout) throws SQLException {
		if (lockTimeout.isEmpty() || lockTimeout.get().isZero()) {
			return;
		}
		Optional<TableLock> lock = this.dialect.tableLock(sql);
		if (lock.isEmpty()) {
			return;
		}
		Duration openFor = lockTimeout.get();
		List<LockHolder> holders = this.dialect.lockHolders(connection, lock.get(), openFor);
		if (!holders.isEmpty()) {
			throw new LockWaitAvoidedException(lock.get(), holders,
					() -> this.dialect.lockHolders(connection, lock.get(), openFor));
		}
	}

}
