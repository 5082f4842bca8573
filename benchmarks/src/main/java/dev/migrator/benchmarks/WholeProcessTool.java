package dev.migrator.benchmarks;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One contender of the whole-process comparison: the command line that runs each step as
 * a child process.
 */
interface WholeProcessTool {

	String name();

	/** Starts and exits without work: what the process itself costs. */
	List<String> empty();

	/**
	 * Applies every pending revision: all of them on an empty database, none on an
	 * up-to-date one.
	 */
	List<String> upgrade(HistoryFiles files, BenchDatabase database);

	/** Reads the database's revision against the files, without changing anything. */
	List<String> check(HistoryFiles files, BenchDatabase database);

	/** Loads the revision files and prints the heads; no database. */
	List<String> heads(HistoryFiles files);

	/** The head ids in what {@link #heads} printed. */
	Set<String> headsIn(ProcessRun run);

	/**
	 * The table holding the database's current revision(s), in a column
	 * {@code version_num} for both tools.
	 */
	String versionTable();

	/**
	 * Adjusts the child's environment, which holds the parent's and {@code PGPASSWORD}.
	 */
	default void adjust(Map<String, String> environment) {
	}

}
