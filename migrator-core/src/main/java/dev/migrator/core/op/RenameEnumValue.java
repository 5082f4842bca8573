package dev.migrator.core.op;

import java.util.Optional;

/** Renames a value of a PostgreSQL enum type. */
public record RenameEnumValue(String type, String from, String to) implements Operation {

	public RenameEnumValue {
		Identifiers.require("renameEnumValue", "type name", type);
		EnumValues.require("renameEnumValue " + type, from);
		EnumValues.require("renameEnumValue " + type, to);
	}

	@Override
	public Optional<Operation> reverse() {
		return Optional.of(new RenameEnumValue(this.type, this.to, this.from));
	}

	@Override
	public String describe() {
		return "renameEnumValue " + this.type + " '" + this.from + "' to '" + this.to + "'";
	}

}
