package dev.migrator.core.op;

import dev.migrator.core.error.ErrorCode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Inserts rows into a table named by name, with values bound, so that a migration never
 * depends on application classes that change later.
 */
public record BulkInsert(String table, List<String> columns, List<List<Object>> rows) implements Operation {

	public BulkInsert {
		String what = "bulkInsert " + table;
		Identifiers.require("bulkInsert", "table name", table);
		columns = Identifiers.requireAll(what, "column", columns);
		List<List<Object>> copied = new ArrayList<>(rows.size());
		for (List<?> row : rows) {
			if (row.size() != columns.size()) {
				throw new InvalidOperationException(ErrorCode.INVALID_OPERATION, what + ": row " + (copied.size() + 1)
						+ " has " + row.size() + " values for " + columns.size() + " columns " + columns + ".");
			}
			copied.add(SqlValues.copy(what, row));
		}
		rows = List.copyOf(copied);
	}

	/**
	 * Rows given as maps from column name to value; every row must have the same columns
	 * as the first.
	 */
	public static BulkInsert ofMaps(String table, List<? extends Map<String, ?>> rows) {
		if (rows.isEmpty()) {
			throw new InvalidOperationException(ErrorCode.INVALID_OPERATION,
					"bulkInsert " + table + ": give at least one row.");
		}
		List<String> columns = List.copyOf(rows.get(0).keySet());
		List<List<Object>> values = new ArrayList<>();
		for (Map<String, ?> row : rows) {
			if (!row.keySet().equals(rows.get(0).keySet())) {
				throw new InvalidOperationException(ErrorCode.INVALID_OPERATION,
						"bulkInsert " + table + ": row " + (values.size() + 1) + " has the columns " + row.keySet()
								+ ", the first row " + columns + ".");
			}
			List<Object> ordered = new ArrayList<>();
			for (String column : columns) {
				ordered.add(row.get(column));
			}
			values.add(ordered);
		}
		return new BulkInsert(table, columns, values);
	}

	@Override
	public Optional<Operation> reverse() {
		return Optional.empty();
	}

	@Override
	public String describe() {
		return "bulkInsert " + this.table + " (" + this.rows.size() + " rows)";
	}

}
