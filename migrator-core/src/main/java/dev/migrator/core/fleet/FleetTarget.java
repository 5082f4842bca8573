package dev.migrator.core.fleet;

import dev.migrator.core.error.ErrorCode;
import dev.migrator.core.error.MigratorException;

/**
 * One member of a fleet: a tenant's schema, which holds the tenant's tables and its own
 * version and history tables.
 *
 * @param schema the schema's name as the database spells it (no folding applies)
 */
public record FleetTarget(String schema) {

	public FleetTarget {
		if (schema == null || schema.isBlank()) {
			throw new MigratorException(ErrorCode.FLEET_TARGETS_INVALID,
					"A fleet target has an empty schema name. Every target must name its schema.");
		}
	}

	@Override
	public String toString() {
		return this.schema;
	}

}
