package dev.migrator.core.op;

import dev.migrator.testsupport.TestDataSources;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

class SqliteOperationsTests extends OperationsContract {

	private static final Pattern CONSTRAINT = Pattern.compile("CONSTRAINT \"((?:[^\"]|\"\")*)\"");

	@Override
	DataSource newDatabase() {
		return TestDataSources.sqliteFile(this.temp.resolve("app.db"));
	}

	@Override
	String dialectName() {
		return "sqlite";
	}

	@Override
	Map<String, String> reportedTypes() {
		return Map.of("identity", "integer", "varchar", "varchar", "text", "text", "boolean", "boolean", "timestamp",
				"timestamp");
	}

	/** SQLite keeps constraint names only in the table's stored CREATE TABLE text. */
	@Override
	List<String> constraintNames(String table) throws SQLException {
		List<String> names = new ArrayList<>();
		for (String sql : this.schema.strings(
				"SELECT sql FROM sqlite_master WHERE type = 'table' AND name = '" + table.replace("'", "''") + "'")) {
			Matcher matcher = CONSTRAINT.matcher(sql);
			while (matcher.find()) {
				names.add(matcher.group(1).replace("\"\"", "\""));
			}
		}
		return names;
	}

	@Override
	String sqlBoolean(boolean value) {
		return value ? "1" : "0";
	}

}
