package dev.migrator.core.dialect;

/**
 * The lock that keeps two runners off one database; released when closed or when its
 * session ends.
 */
public interface RunLock extends AutoCloseable {

	@Override
	void close();

}
