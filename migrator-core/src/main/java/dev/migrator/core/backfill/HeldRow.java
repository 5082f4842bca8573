package dev.migrator.core.backfill;

import java.util.List;
import java.util.Optional;

/**
 * A row a batch left because another session held it, to be done after the rest: the
 * stretch from the key before it (exclusive) up to its own key holds no other row the
 * batch walked.
 *
 * @param key its key, as text
 * @param before the key of the row before it in the batch's range, or the range's start
 * when it was the first; empty from the table's start
 */
record HeldRow(List<String> key, Optional<List<String>> before) {

	HeldRow {
		key = List.copyOf(key);
		before = before.map(List::copyOf);
	}

}
