package dev.migrator.core.op;

import dev.migrator.core.error.ErrorCode;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/** Creates a PostgreSQL enum type with its values in order. */
public record CreateEnumType(String name, List<String> values) implements Operation {

	public CreateEnumType {
		Identifiers.require("createEnumType", "type name", name);
		if (values.isEmpty()) {
			throw new InvalidOperationException(ErrorCode.INVALID_OPERATION,
					"createEnumType " + name + ": give at least one value.");
		}
		values = List.copyOf(values);
		if (new HashSet<>(values).size() != values.size()) {
			throw new InvalidOperationException(ErrorCode.INVALID_OPERATION,
					"createEnumType " + name + ": the values " + values + " repeat one.");
		}
		for (String value : values) {
			EnumValues.require("createEnumType " + name, value);
		}
	}

	@Override
	public Optional<Operation> reverse() {
		return Optional.of(new DropEnumType(this.name, Optional.of(this)));
	}

	@Override
	public String describe() {
		return "createEnumType " + this.name;
	}

}
