package dev.migrator.core.authoring.schema;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which tables autogenerate looks at, after Alembic's {@code include_object}: table names
 * matched against globs ({@code *} any run of characters, {@code ?} one). A table is
 * compared when it matches an include glob (or none is given) and no exclude glob. The
 * migrator's own tables ({@code migrator_*} and the configured state tables) are never
 * compared, whatever the globs say.
 *
 * @param include globs of the tables to compare; empty for all
 * @param exclude globs of the tables to leave alone
 * @param stateTables names of the migrator's own tables, excluded like {@code migrator_*}
 */
public record ObjectFilter(List<String> include, List<String> exclude, List<String> stateTables) {

	private static final String OWN_TABLES = "migrator_*";

	public ObjectFilter {
		include = List.copyOf(include);
		exclude = List.copyOf(exclude);
		stateTables = List.copyOf(stateTables);
	}

	/** Every table but the migrator's own. */
	public static ObjectFilter all() {
		return new ObjectFilter(List.of(), List.of(), List.of());
	}

	public static ObjectFilter of(List<String> include, List<String> exclude) {
		return new ObjectFilter(include, exclude, List.of());
	}

	/**
	 * The same filter, also leaving out the given state tables (which may be named other
	 * than migrator_*).
	 */
	public ObjectFilter withStateTables(Collection<String> names) {
		List<String> all = new ArrayList<>(this.stateTables);
		all.addAll(names);
		return new ObjectFilter(this.include, this.exclude, all);
	}

	/** Whether the table is compared. */
	public boolean includes(String table) {
		if (matches(OWN_TABLES, table) || this.stateTables.stream().anyMatch((t) -> t.equalsIgnoreCase(table))) {
			return false;
		}
		if (!this.include.isEmpty() && this.include.stream().noneMatch((g) -> matches(g, table))) {
			return false;
		}
		return this.exclude.stream().noneMatch((g) -> matches(g, table));
	}

	// Case-insensitive: a glob is written once for PostgreSQL's lower-case names and
	// SQLite's as-declared ones.
	private static boolean matches(String glob, String name) {
		StringBuilder regex = new StringBuilder();
		for (char c : glob.strip().toCharArray()) {
			switch (c) {
				case '*' -> regex.append(".*");
				case '?' -> regex.append('.');
				default -> regex.append(Pattern.quote(String.valueOf(c)));
			}
		}
		return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE)
			.matcher(name.toLowerCase(Locale.ROOT))
			.matches();
	}

}
