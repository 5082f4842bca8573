package dev.migrator.core.op;

import java.util.Locale;

/** The parameterless types of {@link ColumnType}. */
public enum StandardType implements ColumnType {

	INTEGER, BIGINT, SMALLINT, TEXT, BOOLEAN, DATE, TIMESTAMP, TIMESTAMPTZ, UUID, JSON, JSONB, BYTES;

	@Override
	public String describe() {
		return name().toLowerCase(Locale.ROOT);
	}

}
