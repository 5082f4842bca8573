package dev.migrator.core.runtime;

import java.sql.SQLException;

/**
 * A transaction failed where it may have been the table lock it tried to take without
 * waiting: somebody held a conflicting lock. Nothing of the transaction stays (it was
 * rolled back, and the lock never queued); {@link LockTimeoutRetrier} runs it again at
 * once, not counted as a retry, the ordinary way: with the look at the lock's holders, so
 * that it waits in the queue only behind young transactions, and says what is really
 * wrong when it was not the lock at all.
 */
final class LockNotTakenWithoutWaitingException extends SQLException {

	private static final long serialVersionUID = 1L;

	LockNotTakenWithoutWaitingException(SQLException cause) {
		super(cause.getMessage(), cause.getSQLState(), cause.getErrorCode(), cause);
	}

}
