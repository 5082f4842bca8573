package dev.migrator.core.lint;

import dev.migrator.core.lint.ClassifiedStatement.AlterTable;
import dev.migrator.core.lint.ClassifiedStatement.ColumnDefinition;
import dev.migrator.core.lint.ClassifiedStatement.CreateTable;
import dev.migrator.core.lint.TableAction.AddColumn;
import dev.migrator.core.lint.TableAction.AlterColumnType;

import java.util.ArrayList;
import java.util.List;

/**
 * A column whose type a statement declares: in {@code CREATE TABLE}, {@code ADD COLUMN}
 * or {@code ALTER COLUMN ... TYPE}. The hygiene rules read types from here.
 */
record DeclaredColumn(String table, String column, SqlType type) {

	static List<DeclaredColumn> of(ClassifiedStatement statement) {
		List<DeclaredColumn> columns = new ArrayList<>();
		if (statement instanceof CreateTable create) {
			for (ColumnDefinition column : create.columns()) {
				columns.add(new DeclaredColumn(create.table(), column.name(), column.type()));
			}
		}
		if (statement instanceof AlterTable alter) {
			for (TableAction action : alter.actions()) {
				if (action instanceof AddColumn add) {
					columns.add(new DeclaredColumn(alter.table(), add.column(), add.type()));
				}
				if (action instanceof AlterColumnType change) {
					columns.add(new DeclaredColumn(alter.table(), change.column(), change.type()));
				}
			}
		}
		return columns;
	}

	String qualified() {
		return this.table + "." + this.column;
	}

}
