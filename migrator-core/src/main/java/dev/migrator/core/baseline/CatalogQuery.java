package dev.migrator.core.baseline;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one catalog query for the object it reads, so that a failure names that object
 * instead of surfacing as a bare database error.
 */
final class CatalogQuery {

	private CatalogQuery() {
	}

	/**
	 * The rows of the query, each column as text ({@code null} where the value is),
	 * arrays as their elements.
	 * @param object what is read, as named in a failure, such as {@code table orders}
	 */
	static List<Object[]> rows(Connection connection, String object, String sql, Object... parameters) {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < parameters.length; i++) {
				statement.setObject(i + 1, parameters[i]);
			}
			List<Object[]> rows = new ArrayList<>();
			try (ResultSet rs = statement.executeQuery()) {
				int width = rs.getMetaData().getColumnCount();
				while (rs.next()) {
					Object[] row = new Object[width];
					for (int c = 0; c < width; c++) {
						Object value = rs.getObject(c + 1);
						row[c] = (value instanceof Array array) ? List.of((Object[]) array.getArray()) : value;
					}
					rows.add(row);
				}
			}
			return rows;
		}
		catch (SQLException ex) {
			throw new UnreadableObjectException(List.of(object), "Could not read the definition of " + object + ": "
					+ ex.getMessage() + ". Nothing was written or recorded. Check that the user may read the catalog "
					+ "and the object, or drop the object, baseline, and recreate it in a revision after the baseline.",
					ex);
		}
	}

	static String text(Object value) {
		return (value != null) ? value.toString() : null;
	}

	static long number(Object value) {
		return ((Number) value).longValue();
	}

	static boolean flag(Object value) {
		return Boolean.TRUE.equals(value);
	}

	@SuppressWarnings("unchecked")
	static List<String> texts(Object value) {
		return (value != null) ? ((List<Object>) value).stream().map(Object::toString).toList() : List.of();
	}

}
