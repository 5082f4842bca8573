package dev.migrator.core.script;

import java.util.Locale;

/** Which way a step moves the schema. */
public enum Direction {

	UPGRADE, DOWNGRADE;

	public String label() {
		return name().toLowerCase(Locale.ROOT);
	}

}
