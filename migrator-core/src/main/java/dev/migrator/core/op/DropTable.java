package dev.migrator.core.op;

import dev.migrator.core.error.ErrorCode;

import java.util.Objects;
import java.util.Optional;

/** Drops a table; give its definition for a reversible drop. */
public record DropTable(String table, Optional<CreateTable> definition) implements Operation {

	public DropTable {
		Identifiers.require("dropTable", "table name", table);
		Objects.requireNonNull(definition, "definition");
		definition.ifPresent((d) -> {
			if (!d.table().equals(table)) {
				throw new InvalidOperationException(ErrorCode.INVALID_OPERATION,
						"dropTable " + table + ": the definition given is of table " + d.table() + ".");
			}
		});
	}

	public static DropTable of(String table) {
		return new DropTable(table, Optional.empty());
	}

	@Override
	public Optional<Operation> reverse() {
		return this.definition.map((d) -> d);
	}

	@Override
	public String describe() {
		return "dropTable " + this.table;
	}

}
