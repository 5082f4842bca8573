package dev.migrator.core.op;

import dev.migrator.core.error.ErrorCode;
import dev.migrator.core.sql.UnquotedNames;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Creates a table. Column-level {@code primaryKey()}, {@code unique()} and
 * {@code references()} become table constraints here, so that every constraint has a name
 * of its own from the naming convention.
 */
public record CreateTable(String table, List<Column> columns, List<TableConstraint> constraints) implements Operation {

	public CreateTable {
		String what = "createTable " + table;
		Identifiers.require("createTable", "table name", table);
		if (columns.isEmpty()) {
			throw new InvalidOperationException(ErrorCode.INVALID_OPERATION,
					what + ": a table needs at least one column.");
		}
		List<TableConstraint> all = new ArrayList<>();
		List<String> primaryKey = new ArrayList<>();
		List<Column> plain = new ArrayList<>();
		Set<String> names = new HashSet<>();
		for (Column column : columns) {
			if (!names.add(UnquotedNames.fold(column.name()))) {
				throw new InvalidOperationException(ErrorCode.INVALID_OPERATION,
						what + ": the column " + column.name() + " is defined twice.");
			}
			if (column.inPrimaryKey()) {
				primaryKey.add(column.name());
			}
			if (column.inUniqueConstraint()) {
				all.add(UniqueConstraint.of(column.name()));
			}
			column.references()
				.ifPresent((r) -> all
					.add(ForeignKeyConstraint.of(column.name(), r.table(), r.column()).onDelete(r.onDelete())));
			plain.add(column.withoutConstraints());
		}
		if (!primaryKey.isEmpty()) {
			all.add(0, new PrimaryKeyConstraint(Optional.empty(), primaryKey));
		}
		all.addAll(constraints);
		if (all.stream().filter((c) -> c instanceof PrimaryKeyConstraint).count() > 1) {
			throw new InvalidOperationException(ErrorCode.INVALID_OPERATION, what
					+ ": a table has one primary key; mark its columns primaryKey() or give one PrimaryKeyConstraint, not both.");
		}
		for (TableConstraint constraint : all) {
			for (String column : constraint.columns()) {
				if (!names.contains(UnquotedNames.fold(column))) {
					throw new InvalidOperationException(ErrorCode.INVALID_OPERATION,
							what + ": a constraint names the column " + column + ", which the table does not define.");
				}
			}
		}
		columns = List.copyOf(plain);
		constraints = List.copyOf(all);
	}

	@Override
	public Optional<Operation> reverse() {
		return Optional.of(new DropTable(this.table, Optional.of(this)));
	}

	@Override
	public String describe() {
		return "createTable " + this.table;
	}

	/** The same table with its constraints replaced (named). */
	CreateTable withConstraints(List<TableConstraint> named) {
		return new CreateTable(this.table, this.columns, named);
	}

}
