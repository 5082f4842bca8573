package dev.migrator.core.op;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A check constraint. A check has no columns to derive a name from, so it carries a short
 * {@code label} that the naming convention puts in place of {@code {constraint}} (default
 * {@code ck_{table}_{constraint}}); give an exact name with {@link #named} instead.
 *
 * @param name the exact name, when given or once the convention has named it
 * @param label the short name the convention builds the name from
 * @param condition the SQL condition, used as written
 */
public record CheckConstraint(Optional<String> name, String label, String condition) implements TableConstraint {

	public CheckConstraint {
		Objects.requireNonNull(name, "name");
		name.ifPresent((n) -> Identifiers.require("check", "constraint name", n));
		Identifiers.require("check", "label", label);
		condition = Identifiers.requireSql("check", "condition", condition);
	}

	public static CheckConstraint of(String label, String condition) {
		return new CheckConstraint(Optional.empty(), label, condition);
	}

	@Override
	public List<String> columns() {
		return List.of();
	}

	@Override
	public CheckConstraint named(String name) {
		return new CheckConstraint(Optional.of(name), this.label, this.condition);
	}

}
