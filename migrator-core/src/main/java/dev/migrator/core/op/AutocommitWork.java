package dev.migrator.core.op;

/** The body of {@link Operations#autocommitBlock}. */
@FunctionalInterface
public interface AutocommitWork {

	void run() throws Exception;

}
