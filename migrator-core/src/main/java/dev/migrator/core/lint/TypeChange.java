package dev.migrator.core.lint;

import java.util.List;
import java.util.Set;

/**
 * Whether {@code ALTER COLUMN ... TYPE} rewrites a PostgreSQL table. PostgreSQL skips the
 * rewrite (and the scan) only when the old type is binary-coercible to the new one and no
 * value can fail the new modifier; this is the small table of such changes that revisions
 * meet in practice. Everything else, including a change from a type the linter does not
 * know, is treated as a rewrite.
 */
final class TypeChange {

	/**
	 * Types whose modifier is a precision that may grow without a rewrite; no modifier
	 * means the maximum, 6.
	 */
	private static final Set<String> TIME_PRECISION = Set.of("timestamp", "timestamptz", "time", "timetz", "interval");

	private static final int DEFAULT_TIME_PRECISION = 6;

	private TypeChange() {
	}

	/**
	 * Whether changing a column from one type to the other rewrites the table (or at
	 * least scans it).
	 */
	static boolean rewrites(SqlType from, SqlType to) {
		if (!from.isKnown() || !to.isKnown() || from.array() != to.array()) {
			return true;
		}
		if (from.name().equals(to.name()) && from.modifiers().equals(to.modifiers())) {
			return false;
		}
		if (from.array()) {
			// Element changes of arrays are not worth modelling: say rewrite unless the
			// type is the same.
			return true;
		}
		return !binaryCoercible(from, to);
	}

	private static boolean binaryCoercible(SqlType from, SqlType to) {
		String source = from.name();
		String target = to.name();
		if (isText(source) && (target.equals("text") || target.equals("citext"))) {
			// varchar(n), varchar, text and citext all store the same bytes; text and
			// citext take any of them.
			return true;
		}
		if (isText(source) && target.equals("varchar")) {
			return lengthGrows(from.modifiers(), to.modifiers());
		}
		if (source.equals(target) && source.equals("numeric")) {
			return numericGrows(from.modifiers(), to.modifiers());
		}
		if (source.equals(target) && source.equals("varbit")) {
			return lengthGrows(from.modifiers(), to.modifiers());
		}
		if (source.equals(target) && TIME_PRECISION.contains(source)) {
			return precision(to.modifiers()) >= precision(from.modifiers());
		}
		return source.equals("cidr") && target.equals("inet");
	}

	private static boolean isText(String name) {
		return name.equals("varchar") || name.equals("text") || name.equals("citext");
	}

	/**
	 * Whether a change that rewrites no row still rebuilds the column's indexes: citext
	 * compares with operators of its own, so an index moving to or from it is built anew.
	 */
	static boolean rebuildsIndexes(SqlType from, SqlType to) {
		return from.name().equals("citext") != to.name().equals("citext");
	}

	/**
	 * A length limit that is lifted or raised; text and varchar without a length have
	 * none.
	 */
	private static boolean lengthGrows(List<Integer> from, List<Integer> to) {
		if (to.isEmpty()) {
			return true;
		}
		return !from.isEmpty() && to.get(0) >= from.get(0);
	}

	/** numeric(p,s) to a larger p with the same s, or to unconstrained numeric. */
	private static boolean numericGrows(List<Integer> from, List<Integer> to) {
		if (to.isEmpty()) {
			return true;
		}
		if (from.isEmpty()) {
			return false;
		}
		int fromScale = (from.size() > 1) ? from.get(1) : 0;
		int toScale = (to.size() > 1) ? to.get(1) : 0;
		return fromScale == toScale && to.get(0) >= from.get(0);
	}

	private static int precision(List<Integer> modifiers) {
		return modifiers.isEmpty() ? DEFAULT_TIME_PRECISION : modifiers.get(0);
	}

}
