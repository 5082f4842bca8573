package dev.migrator.core.op;

/** Where a new enum value goes: before or after an existing one. */
public record EnumValuePosition(boolean before, String neighbor) {

	public EnumValuePosition {
		EnumValues.require("addEnumValue", neighbor);
	}

	public static EnumValuePosition before(String value) {
		return new EnumValuePosition(true, value);
	}

	public static EnumValuePosition after(String value) {
		return new EnumValuePosition(false, value);
	}

}
