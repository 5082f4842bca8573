package dev.migrator.test.autoconfigure;

import dev.migrator.core.Migrator;
import dev.migrator.core.backfill.BackfillStatus;
import dev.migrator.core.command.RunResult;

import java.util.stream.Collectors;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.InitializingBean;

/**
 * Upgrades the test database to the heads when the bean is initialised, which the
 * database initialization dependencies place before JPA and JDBC start.
 */
public final class MigratedDatabaseInitializer implements InitializingBean {

	private static final Log logger = LogFactory.getLog(MigratedDatabaseInitializer.class);

	private final Migrator migrator;

	public MigratedDatabaseInitializer(Migrator migrator) {
		this.migrator = migrator;
	}

	@Override
	public void afterPropertiesSet() {
		RunResult result = this.migrator.upgrade("heads");
		if (result.isWaitingForBackfill()) {
			// Tests would otherwise see a schema short of the heads and fail on a
			// missing column instead.
			throw new IllegalStateException("@MigratedDatabase could not upgrade the test database to the heads: "
					+ "the upgrade waits for the backfill "
					+ result.waitingFor().stream().map(BackfillStatus::name).collect(Collectors.joining(", "))
					+ ". Leave migrator.backfill.run-on-upgrade unset or true in tests.");
		}
		if (logger.isInfoEnabled()) {
			logger.info(result.isNoOp() ? "Test database already at the heads"
					: "Upgraded the test database to the heads: " + result.steps().size() + " step(s)");
		}
	}

}
