package dev.migrator.core.fleet;

import java.util.List;

/**
 * Where a fleet's targets come from: a query on the main database ({@link SchemaQuery},
 * {@code migrator.fleet.schemas}; {@link DatabaseQuery},
 * {@code migrator.fleet.databases}) or the application's own code (a bean, whose list may
 * mix schemas and databases). The order is the order waves take them in.
 */
@FunctionalInterface
public interface FleetTargets {

	/** The targets, in rollout order; read once per command. */
	List<FleetTarget> list();

	/**
	 * Where the targets come from, for messages: the setting to fix when they are wrong.
	 */
	default String description() {
		return "the FleetTargets bean " + getClass().getName();
	}

}
