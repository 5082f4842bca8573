package dev.migrator.core.sql;

/**
 * How the databases fold an unquoted name: PostgreSQL lowers only the ASCII letters A to
 * Z (it keeps {@code Í} in {@code ÍndiceV3}, storing {@code Índicev3}), and SQLite
 * compares names without regard to the case of ASCII letters only. Java's
 * {@code toLowerCase} folds every letter and would look for a name neither database has.
 */
public final class UnquotedNames {

	private UnquotedNames() {
	}

	/** The name with its ASCII capitals lowered, every other character kept. */
	public static String fold(String name) {
		StringBuilder folded = null;
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (c >= 'A' && c <= 'Z') {
				if (folded == null) {
					folded = new StringBuilder(name);
				}
				folded.setCharAt(i, (char) (c + ('a' - 'A')));
			}
		}
		return (folded != null) ? folded.toString() : name;
	}

	/** Whether the two names are the same once folded. */
	public static boolean same(String a, String b) {
		return fold(a).equals(fold(b));
	}

}
