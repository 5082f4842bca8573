package dev.migrator.core.authoring.schema;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A table as the database reports it.
 *
 * @param name its name
 * @param columns its columns in order
 * @param primaryKey its primary key
 * @param constraints its unique, check and foreign key constraints
 * @param indexes the indexes created on it by {@code CREATE INDEX}
 */
public record TableShape(String name, List<ColumnShape> columns, Optional<ConstraintShape.PrimaryKey> primaryKey,
		List<ConstraintShape> constraints, List<IndexShape> indexes) {

	public TableShape {
		Objects.requireNonNull(name, "name");
		columns = List.copyOf(columns);
		Objects.requireNonNull(primaryKey, "primaryKey");
		constraints = List.copyOf(constraints);
		if (constraints.stream().anyMatch((c) -> c instanceof ConstraintShape.PrimaryKey)) {
			throw new IllegalArgumentException("table " + name + ": the primary key is given on its own");
		}
		indexes = List.copyOf(indexes);
	}

	public Optional<ColumnShape> column(String name, Names names) {
		return this.columns.stream().filter((c) -> names.key(c.name()).equals(names.key(name))).findFirst();
	}

}
