package dev.migrator.core.script;

import java.util.List;

/**
 * Where revisions come from: SQL files, Java classes, or anything else that can produce
 * {@link Revision}s.
 */
public interface RevisionSource {

	/**
	 * Loads the revisions, afresh on each call.
	 * @throws RevisionSourceException when a revision cannot be read; its message names
	 * the file or class
	 */
	List<Revision> load();

}
