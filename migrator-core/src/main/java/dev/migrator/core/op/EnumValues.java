package dev.migrator.core.op;

import dev.migrator.core.error.ErrorCode;

import java.nio.charset.StandardCharsets;

/**
 * Checks on enum labels: PostgreSQL stores them as names, at most 63 bytes, and they
 * cannot be empty.
 */
final class EnumValues {

	private EnumValues() {
	}

	static String require(String operation, String value) {
		if (value == null || value.isEmpty()) {
			throw new InvalidOperationException(ErrorCode.INVALID_OPERATION,
					operation + ": an enum value cannot be empty.");
		}
		if (value.indexOf('\0') >= 0 || value.getBytes(StandardCharsets.UTF_8).length > Identifiers.MAX_BYTES) {
			throw new InvalidOperationException(ErrorCode.INVALID_OPERATION,
					operation + ": the enum value '" + value.replace('\0', '?') + "' must be at most "
							+ Identifiers.MAX_BYTES + " bytes and contain no NUL character.");
		}
		return value;
	}

}
