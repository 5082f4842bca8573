package dev.migrator.core.lint;

import java.util.List;
import java.util.Optional;

/** One action of an {@code ALTER TABLE} statement. */
sealed interface TableAction {

	/**
	 * {@code ADD [COLUMN] name type [constraints]}.
	 *
	 * @param notNull whether the column is declared {@code NOT NULL} or
	 * {@code PRIMARY KEY}
	 * @param columnDefault what existing rows get; empty for no default
	 * @param inlineIndex whether an inline {@code UNIQUE} or {@code PRIMARY KEY} builds
	 * an index
	 * @param references whether an inline {@code REFERENCES} adds a foreign key
	 */
	record AddColumn(String column, SqlType type, boolean notNull, Optional<ColumnDefault> columnDefault,
			boolean inlineIndex, boolean references) implements TableAction {
	}

	/** {@code ALTER [COLUMN] name DROP NOT NULL}. */
	record DropNotNull(String column) implements TableAction {
	}

	/** {@code DETACH PARTITION name [CONCURRENTLY | FINALIZE]}. */
	record DetachPartition(String partition, boolean concurrently) implements TableAction {
	}

	record DropColumn(String column) implements TableAction {
	}

	/** {@code ALTER [COLUMN] name [SET DATA] TYPE type [USING expression]}. */
	record AlterColumnType(String column, SqlType type, boolean using) implements TableAction {
	}

	record SetNotNull(String column) implements TableAction {
	}

	/**
	 * {@code ADD [CONSTRAINT name] CHECK|FOREIGN KEY|UNIQUE|PRIMARY KEY|EXCLUDE ... [USING INDEX] [NOT VALID]}.
	 *
	 * @param name the constraint's name; for an unnamed check on one column, the name
	 * PostgreSQL gives it
	 * @param notNullColumns for a check made only of {@code column IS NOT NULL} terms
	 * joined by AND, or a {@code NOT NULL column} constraint, those columns
	 * @param checkedColumns for a check, the columns its expression names
	 */
	record AddConstraint(Optional<String> name, ConstraintKind kind, boolean notValid, boolean usingIndex,
			List<String> notNullColumns, List<String> checkedColumns) implements TableAction {

		public AddConstraint {
			notNullColumns = List.copyOf(notNullColumns);
			checkedColumns = List.copyOf(checkedColumns);
		}

	}

	record ValidateConstraint(String name) implements TableAction {
	}

	record DropConstraint(String name) implements TableAction {
	}

	record RenameColumn(String from, String to) implements TableAction {
	}

	/** {@code RENAME TO}: the table's new name. */
	record RenameTable(String to) implements TableAction {
	}

	/**
	 * An action no rule looks at, such as {@code SET DEFAULT} or {@code DROP NOT NULL}.
	 */
	record OtherAction() implements TableAction {
	}

	enum ConstraintKind {

		CHECK("CHECK"), FOREIGN_KEY("FOREIGN KEY"), UNIQUE("UNIQUE"), PRIMARY_KEY("PRIMARY KEY"), EXCLUDE("EXCLUDE"),

		/** {@code NOT NULL column} as a table constraint (PostgreSQL 18). */
		NOT_NULL("NOT NULL");

		private final String sql;

		ConstraintKind(String sql) {
			this.sql = sql;
		}

		String sql() {
			return this.sql;
		}

	}

}
