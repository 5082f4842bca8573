package dev.migrator.core.runtime;

import dev.migrator.core.dialect.Dialect;
import dev.migrator.core.script.StatementTraits;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Clears the way for a concurrent index build: a {@code CREATE INDEX CONCURRENTLY} that
 * failed or was cancelled leaves its index behind, INVALID (never used by queries, yet
 * updated by every write), and building it again under the same name fails, or with
 * {@code IF NOT EXISTS} silently keeps the broken one. Such an index is dropped
 * concurrently first, on the retry after a lock timeout and on the next run alike.
 */
final class InvalidIndexRepair {

	private static final Logger logger = LoggerFactory.getLogger(InvalidIndexRepair.class);

	private final Connection connection;

	private final Dialect dialect;

	InvalidIndexRepair(Connection connection, Dialect dialect) {
		this.connection = connection;
		this.dialect = dialect;
	}

	/**
	 * Drops the INVALID index the statement is about to build, if there is one; runs in
	 * autocommit.
	 */
	void beforeBuilding(StatementTraits traits, String revision) throws SQLException {
		if (traits.kind() != StatementTraits.Kind.CREATE_INDEX_CONCURRENTLY || traits.index().isEmpty()) {
			return;
		}
		StatementTraits.IndexName index = traits.index().get();
		if (!this.dialect.isInvalidIndex(this.connection, index.schema(), index.name())) {
			return;
		}
		String qualified = this.dialect.qualify(index.schema(), index.name());
		logger.warn("Revision {}: index {} is INVALID, left by a concurrent build that failed or was interrupted; "
				+ "dropping it concurrently to build it again", revision, qualified);
		try (Statement statement = this.connection.createStatement()) {
			statement.execute("DROP INDEX CONCURRENTLY IF EXISTS " + qualified);
		}
	}

}
