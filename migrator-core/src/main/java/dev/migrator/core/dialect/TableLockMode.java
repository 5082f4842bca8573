package dev.migrator.core.dialect;

/**
 * PostgreSQL's table lock modes, weakest first, with the conflicts of its documentation's
 * table ("Conflicting Lock Modes"), and the name {@code pg_locks.mode} gives each.
 */
public enum TableLockMode {

	ACCESS_SHARE("AccessShareLock"),

	ROW_SHARE("RowShareLock"),

	ROW_EXCLUSIVE("RowExclusiveLock"),

	SHARE_UPDATE_EXCLUSIVE("ShareUpdateExclusiveLock"),

	SHARE("ShareLock"),

	SHARE_ROW_EXCLUSIVE("ShareRowExclusiveLock"),

	EXCLUSIVE("ExclusiveLock"),

	ACCESS_EXCLUSIVE("AccessExclusiveLock");

	private final String lockName;

	TableLockMode(String lockName) {
		this.lockName = lockName;
	}

	/** The mode as the documentation and messages name it: {@code ACCESS EXCLUSIVE}. */
	public String label() {
		return name().replace('_', ' ');
	}

	/** The mode as {@code pg_locks.mode} names it. */
	public String lockName() {
		return this.lockName;
	}

	/** Whether a lock of this mode and one of {@code other} cannot be held at once. */
	public boolean conflictsWith(TableLockMode other) {
		return switch (this) {
			case ACCESS_SHARE -> other == ACCESS_EXCLUSIVE;
			case ROW_SHARE -> other.compareTo(EXCLUSIVE) >= 0;
			case ROW_EXCLUSIVE -> other.compareTo(SHARE) >= 0;
			case SHARE_UPDATE_EXCLUSIVE -> other.compareTo(SHARE_UPDATE_EXCLUSIVE) >= 0;
			case SHARE -> other != SHARE && other.compareTo(ROW_EXCLUSIVE) >= 0;
			case SHARE_ROW_EXCLUSIVE -> other.compareTo(ROW_EXCLUSIVE) >= 0;
			case EXCLUSIVE -> other.compareTo(ROW_SHARE) >= 0;
			case ACCESS_EXCLUSIVE -> true;
		};
	}

	/**
	 * Whether waiting for this lock holds up the application's writes ({@code INSERT},
	 * {@code UPDATE}, {@code DELETE} take ROW EXCLUSIVE), and its reads too when it is
	 * ACCESS EXCLUSIVE.
	 */
	public boolean blocksWrites() {
		return conflictsWith(ROW_EXCLUSIVE);
	}

}
