package dev.migrator.core.op;

import java.util.Objects;
import java.util.Optional;

/**
 * Adds a value to a PostgreSQL enum type. PostgreSQL before 12 refuses this inside a
 * transaction block; the runtime knows and asks for an autocommit block there. PostgreSQL
 * cannot remove an enum value, so there is no reverse.
 */
public record AddEnumValue(String type, String value, Optional<EnumValuePosition> position,
		boolean skipIfExists) implements Operation {

	public AddEnumValue {
		Identifiers.require("addEnumValue", "type name", type);
		EnumValues.require("addEnumValue " + type, value);
		Objects.requireNonNull(position, "position");
	}

	public static AddEnumValue of(String type, String value) {
		return new AddEnumValue(type, value, Optional.empty(), false);
	}

	public AddEnumValue before(String neighbor) {
		return new AddEnumValue(this.type, this.value, Optional.of(EnumValuePosition.before(neighbor)),
				this.skipIfExists);
	}

	public AddEnumValue after(String neighbor) {
		return new AddEnumValue(this.type, this.value, Optional.of(EnumValuePosition.after(neighbor)),
				this.skipIfExists);
	}

	public AddEnumValue ifNotExists() {
		return new AddEnumValue(this.type, this.value, this.position, true);
	}

	@Override
	public Optional<Operation> reverse() {
		return Optional.empty();
	}

	@Override
	public String describe() {
		return "addEnumValue " + this.type + " '" + this.value + "'";
	}

}
