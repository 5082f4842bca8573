package dev.migrator.sample;

/**
 * Full names for the rehearsal's users, deterministic by number: two words mostly, some
 * of one word, some of three, so that the split into first and last name is tested at its
 * edges.
 */
final class Names {

	private static final String[] FIRST = { "Ada", "Alan", "Grace", "Edsger", "Barbara", "Donald", "Frances", "John",
			"Margaret", "Niklaus", "Radia", "Tony" };

	private static final String[] LAST = { "Lovelace", "Turing", "Hopper", "Dijkstra", "Liskov", "Knuth", "Allen",
			"Backus", "Hamilton", "Wirth", "Perlman", "Hoare" };

	private Names() {
	}

	static String of(int n) {
		String first = FIRST[n % FIRST.length] + n;
		String last = LAST[(n / FIRST.length) % LAST.length];
		return switch (n % 10) {
			case 0 -> first;
			case 1 -> first + " King " + last;
			default -> first + " " + last;
		};
	}

	/**
	 * First and last name as the revisions split them: up to the first space, and the
	 * rest ({@code ""} when there is none).
	 */
	static String[] split(String fullName) {
		int space = fullName.indexOf(' ');
		return (space < 0) ? new String[] { fullName, "" }
				: new String[] { fullName.substring(0, space), fullName.substring(space + 1) };
	}

}
