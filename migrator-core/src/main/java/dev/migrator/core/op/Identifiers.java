package dev.migrator.core.op;

import dev.migrator.core.error.ErrorCode;
import dev.migrator.core.sql.UnquotedNames;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Checks on the names an operation is given, so that a bad name fails when the operation
 * is built.
 */
final class Identifiers {

	/**
	 * PostgreSQL silently truncates longer names (NAMEDATALEN - 1 bytes), which would
	 * make them differ per database.
	 */
	static final int MAX_BYTES = 63;

	private Identifiers() {
	}

	static String require(String operation, String what, String name) {
		if (name == null || name.isEmpty()) {
			throw new InvalidOperationException(ErrorCode.INVALID_IDENTIFIER,
					operation + ": the " + what + " is empty. Give it a name.");
		}
		if (name.indexOf('\0') >= 0) {
			throw new InvalidOperationException(ErrorCode.INVALID_IDENTIFIER, operation + ": the " + what + " '"
					+ name.replace('\0', '?') + "' contains a NUL character, which no database accepts in a name.");
		}
		if (name.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
			throw new InvalidOperationException(ErrorCode.INVALID_IDENTIFIER,
					operation + ": the " + what + " '" + name + "' is longer than " + MAX_BYTES
							+ " bytes, which PostgreSQL would silently truncate. Choose a shorter name.");
		}
		return name;
	}

	static List<String> requireAll(String operation, String what, List<String> names) {
		if (names.isEmpty()) {
			throw new InvalidOperationException(ErrorCode.INVALID_OPERATION,
					operation + ": give at least one " + what + ".");
		}
		for (String name : names) {
			require(operation, what, name);
		}
		return List.copyOf(names);
	}

	static String requireSql(String operation, String what, String sql) {
		if (sql == null || sql.isBlank()) {
			throw new InvalidOperationException(ErrorCode.INVALID_OPERATION,
					operation + ": the " + what + " is empty.");
		}
		if (sql.indexOf('\0') >= 0) {
			throw new InvalidOperationException(ErrorCode.INVALID_OPERATION,
					operation + ": the " + what + " contains a NUL character.");
		}
		return sql.strip();
	}

	static boolean same(String a, String b) {
		return UnquotedNames.same(a, b);
	}

}
