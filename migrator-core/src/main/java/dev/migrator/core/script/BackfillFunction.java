package dev.migrator.core.script;

/**
 * Java code that backfills one chunk of rows. It runs inside the batch's transaction,
 * which commits together with the backfill's progress: do not commit or roll back the
 * connection, and do not keep it.
 */
@FunctionalInterface
public interface BackfillFunction {

	void apply(BackfillChunk chunk) throws Exception;

}
