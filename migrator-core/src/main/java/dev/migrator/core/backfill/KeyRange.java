package dev.migrator.core.backfill;

import java.util.List;
import java.util.Optional;

/**
 * A stretch of the key: above {@code after} (exclusive) and up to {@code upTo}
 * (inclusive); an empty end is open.
 *
 * @param after the last key already done; empty from the table's start
 * @param upTo the last key of the stretch; empty to the table's end
 */
record KeyRange(Optional<List<String>> after, Optional<List<String>> upTo) {

	static final KeyRange ALL = new KeyRange(Optional.empty(), Optional.empty());

	KeyRange {
		after = after.map(List::copyOf);
		upTo = upTo.map(List::copyOf);
	}

	/** The part of this stretch after {@code key}. */
	KeyRange from(List<String> key) {
		return new KeyRange(Optional.of(key), this.upTo);
	}

	/** The part of this stretch up to {@code key}. */
	KeyRange until(List<String> key) {
		return new KeyRange(this.after, Optional.of(key));
	}

}
