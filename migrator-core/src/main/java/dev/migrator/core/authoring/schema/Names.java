package dev.migrator.core.authoring.schema;

import dev.migrator.core.sql.UnquotedNames;
import java.util.List;
import java.util.stream.Collectors;

/**
 * How a database compares names: PostgreSQL by exact (already case-folded) name, SQLite
 * regardless of case.
 *
 * @param caseInsensitive whether names differing only in case are the same name
 */
public record Names(boolean caseInsensitive) {

	public static Names forDialect(String dialect) {
		return new Names("sqlite".equals(dialect));
	}

	/** The name as compared. */
	public String key(String name) {
		return this.caseInsensitive ? UnquotedNames.fold(name) : name;
	}

	String keys(List<String> names) {
		return names.stream().map(this::key).collect(Collectors.joining(", ", "(", ")"));
	}

}
