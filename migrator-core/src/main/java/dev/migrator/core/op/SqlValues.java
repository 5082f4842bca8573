package dev.migrator.core.op;

import dev.migrator.core.error.ErrorCode;

import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * The values an operation binds: ones every dialect can bind online and write as a
 * literal offline. {@code null} stands for SQL NULL here, the one place the API takes it.
 */
final class SqlValues {

	private SqlValues() {
	}

	static List<Object> copy(String operation, List<?> values) {
		List<Object> copy = new ArrayList<>(values.size());
		for (Object value : values) {
			copy.add(require(operation, value));
		}
		return Collections.unmodifiableList(copy);
	}

	static Object require(String operation, Object value) {
		if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean
				|| value instanceof UUID || value instanceof Temporal || value instanceof byte[]) {
			return value;
		}
		throw new InvalidOperationException(ErrorCode.INVALID_VALUE, operation + ": cannot bind a value of type "
				+ value.getClass().getName()
				+ ". Use null, a string, number, boolean, UUID, java.time value or byte[] (a migration must not depend on application classes).");
	}

}
