package dev.migrator.core.op;

import java.util.List;
import java.util.Optional;

/**
 * Runs one SQL statement with {@code ?} parameters bound (inlined as literals only in an
 * offline script).
 */
public record Execute(String sql, List<Object> parameters) implements Operation {

	public Execute {
		sql = Identifiers.requireSql("execute", "SQL", sql);
		parameters = SqlValues.copy("execute", parameters);
	}

	@Override
	public Optional<Operation> reverse() {
		return Optional.empty();
	}

	@Override
	public String describe() {
		String flat = this.sql.replaceAll("\\s+", " ");
		return "execute " + ((flat.length() <= 60) ? flat : flat.substring(0, 59) + "…");
	}

}
