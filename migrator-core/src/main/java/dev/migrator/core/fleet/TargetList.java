package dev.migrator.core.fleet;

import dev.migrator.core.error.ErrorCode;
import dev.migrator.core.error.MigratorException;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The targets of one command, read and checked before anything runs: a target named twice
 * would be migrated by two workers at once. Two targets are the same when their names
 * are: a database reached twice with different credentials is still one database.
 */
public final class TargetList {

	private TargetList() {
	}

	/** The targets, or a failure naming their source when one is named twice. */
	public static List<FleetTarget> read(FleetTargets source) {
		List<FleetTarget> targets = source.list();
		if (targets == null) {
			throw new MigratorException(ErrorCode.FLEET_TARGETS_INVALID,
					"The fleet's targets from " + source.description() + " are null. Return an empty list instead.");
		}
		Set<String> seen = new HashSet<>();
		for (FleetTarget target : targets) {
			if (target == null) {
				throw new MigratorException(ErrorCode.FLEET_TARGETS_INVALID, "The fleet's targets from "
						+ source.description() + " contain a null target. Leave it out; nothing was run.");
			}
			if (!seen.add(target.name())) {
				throw new MigratorException(ErrorCode.FLEET_TARGETS_INVALID,
						"The fleet's targets from " + source.description() + " name the " + target.kind() + " '"
								+ target.name() + "' twice. Make each target appear once (SELECT DISTINCT); nothing "
								+ "was run.");
			}
		}
		return List.copyOf(targets);
	}

}
