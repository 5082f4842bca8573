package dev.migrator.core.command;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrator.core.config.ChecksumPolicy;
import dev.migrator.core.script.Revision;
import dev.migrator.core.script.RevisionGraph;

/**
 * Compares applied revisions with the checksums the history table recorded when they ran.
 */
final class ChecksumVerification {

	private static final Logger logger = LoggerFactory.getLogger(ChecksumVerification.class);

	private final RevisionGraph graph;

	private final ChecksumPolicy policy;

	ChecksumVerification(RevisionGraph graph, ChecksumPolicy policy) {
		this.graph = graph;
		this.policy = policy;
	}

	/**
	 * Fails under {@link ChecksumPolicy#FAIL} when an applied revision was edited; warns
	 * otherwise.
	 */
	void verify(Session session, Set<String> applied) throws SQLException {
		List<ChecksumMismatch> mismatches = mismatches(session, applied);
		if (mismatches.isEmpty()) {
			return;
		}
		if (this.policy == ChecksumPolicy.FAIL) {
			throw new ChecksumMismatchException(mismatches);
		}
		logger.warn(ChecksumMismatchException.message(mismatches));
	}

	List<ChecksumMismatch> mismatches(Session session, Set<String> applied) throws SQLException {
		Map<String, String> recorded = session.history().appliedChecksums(session.connection());
		List<ChecksumMismatch> mismatches = new ArrayList<>();
		for (Revision revision : this.graph.inOrder(applied)) {
			String was = recorded.get(revision.id());
			if (was != null && !was.isEmpty() && !was.equals(revision.checksum())) {
				mismatches
					.add(new ChecksumMismatch(revision.id(), revision.origin().location(), was, revision.checksum()));
			}
		}
		return mismatches;
	}

}
