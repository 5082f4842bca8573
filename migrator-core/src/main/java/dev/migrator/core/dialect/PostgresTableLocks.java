package dev.migrator.core.dialect;

import dev.migrator.core.sql.SqlLexer;
import dev.migrator.core.sql.SqlToken;

import java.util.List;
import java.util.Optional;

/**
 * Reads from a statement's text which table lock it takes on PostgreSQL, for the
 * statements of migrations that take one strong enough to hold up the application:
 * {@code ALTER TABLE} (ACCESS EXCLUSIVE, but SHARE UPDATE EXCLUSIVE for a lone
 * {@code VALIDATE CONSTRAINT} and SHARE ROW EXCLUSIVE for a lone foreign key),
 * {@code CREATE INDEX} without {@code CONCURRENTLY} (SHARE), {@code CREATE TRIGGER}
 * (SHARE ROW EXCLUSIVE), {@code DROP TRIGGER}, {@code DROP TABLE}, {@code TRUNCATE}
 * (ACCESS EXCLUSIVE) and {@code LOCK TABLE}. Anything else is not read: it runs under the
 * lock timeout alone. Where an {@code ALTER TABLE} holds several actions the strongest
 * lock is assumed, which can only make the migration wait longer outside the lock queue,
 * never hold anyone up.
 */
final class PostgresTableLocks {

	private PostgresTableLocks() {
	}

	static Optional<TableLock> of(String sql) {
		return of(new Words(SqlLexer.POSTGRESQL.significantTokens(sql)));
	}

	/**
	 * The lock as {@link #of(String)} reads it, where {@code LOCK TABLE} can take it on
	 * the same relation: not for a trigger, which may be on a view, where {@code LOCK
	 * TABLE} would lock the tables the view reads as well.
	 */
	static Optional<TableLock> lockableOf(String sql) {
		Words words = new Words(SqlLexer.POSTGRESQL.significantTokens(sql));
		int create = words.skip(words.skip(words.skip(1, "OR"), "REPLACE"), "CONSTRAINT");
		if (words.starts("DROP", "TRIGGER") || (words.starts("CREATE") && words.is(create, "TRIGGER"))) {
			return Optional.empty();
		}
		return of(words);
	}

	private static Optional<TableLock> of(Words words) {
		if (words.starts("ALTER", "TABLE")) {
			return alterTable(words);
		}
		if (words.starts("LOCK")) {
			return lockTable(words);
		}
		if (words.starts("TRUNCATE")) {
			int at = words.skip(1, "TABLE");
			return words.table(words.skip(at, "ONLY"), TableLockMode.ACCESS_EXCLUSIVE);
		}
		if (words.starts("DROP", "TABLE")) {
			return words.table(words.skipIfExists(2), TableLockMode.ACCESS_EXCLUSIVE);
		}
		if (words.starts("DROP", "TRIGGER")) {
			int on = words.indexOf("ON", 2);
			return (on < 0) ? Optional.empty() : words.table(on + 1, TableLockMode.ACCESS_EXCLUSIVE);
		}
		int create = words.skip(words.skip(words.skip(1, "OR"), "REPLACE"), "CONSTRAINT");
		if (words.starts("CREATE") && words.is(create, "TRIGGER")) {
			int on = words.indexOf("ON", create + 1);
			return (on < 0) ? Optional.empty() : words.table(on + 1, TableLockMode.SHARE_ROW_EXCLUSIVE);
		}
		int index = words.skip(1, "UNIQUE");
		if (words.starts("CREATE") && words.is(index, "INDEX")) {
			if (words.is(index + 1, "CONCURRENTLY")) {
				return Optional.empty();
			}
			int on = words.indexOf("ON", index + 1);
			return (on < 0) ? Optional.empty() : words.table(words.skip(on + 1, "ONLY"), TableLockMode.SHARE);
		}
		return Optional.empty();
	}

	private static Optional<TableLock> alterTable(Words words) {
		int at = words.skip(words.skipIfExists(2), "ONLY");
		if (words.is(at, "ALL")) {
			// ALTER TABLE ALL IN TABLESPACE: many tables.
			return Optional.empty();
		}
		boolean oneAction = words.indexOf(",", at) < 0;
		TableLockMode mode = TableLockMode.ACCESS_EXCLUSIVE;
		if (oneAction && words.indexOf("VALIDATE", at) >= 0) {
			mode = TableLockMode.SHARE_UPDATE_EXCLUSIVE;
		}
		else if (oneAction && words.indexOf("FOREIGN", at) >= 0 && words.indexOf("ADD", at) >= 0) {
			mode = TableLockMode.SHARE_ROW_EXCLUSIVE;
		}
		return words.table(at, mode);
	}

	/** {@code LOCK [TABLE] [ONLY] name [*] [IN mode MODE] [NOWAIT]}. */
	private static Optional<TableLock> lockTable(Words words) {
		int at = words.skip(words.skip(1, "TABLE"), "ONLY");
		int in = words.indexOf("IN", at);
		TableLockMode mode = TableLockMode.ACCESS_EXCLUSIVE;
		if (in > 0) {
			StringBuilder name = new StringBuilder();
			for (int i = in + 1; i < words.size() && !words.is(i, "MODE"); i++) {
				name.append(words.key(i));
			}
			for (TableLockMode each : TableLockMode.values()) {
				if (each.lockName().equalsIgnoreCase(name + "Lock")) {
					mode = each;
				}
			}
		}
		return words.table(at, mode);
	}

	/** The significant tokens, read as keywords and names. */
	private record Words(List<SqlToken> tokens) {

		int size() {
			return this.tokens.size();
		}

		boolean is(int i, String keyword) {
			return i < this.tokens.size() && (this.tokens.get(i).is(keyword) || this.tokens.get(i).isSymbol(keyword));
		}

		String key(int i) {
			return this.tokens.get(i).isName() ? this.tokens.get(i).keyword() : this.tokens.get(i).text();
		}

		boolean starts(String... keywords) {
			for (int i = 0; i < keywords.length; i++) {
				if (!is(i, keywords[i])) {
					return false;
				}
			}
			return true;
		}

		/** Past the keyword if it is at {@code i}. */
		int skip(int i, String keyword) {
			return is(i, keyword) ? i + 1 : i;
		}

		int skipIfExists(int i) {
			return (is(i, "IF") && is(i + 1, "EXISTS")) ? i + 2 : i;
		}

		int indexOf(String keyword, int from) {
			for (int i = from; i < this.tokens.size(); i++) {
				if (is(i, keyword)) {
					return i;
				}
			}
			return -1;
		}

		/** The (possibly schema-qualified) table name at {@code i}. */
		Optional<TableLock> table(int i, TableLockMode mode) {
			if (i >= this.tokens.size() || !this.tokens.get(i).isName()) {
				return Optional.empty();
			}
			String first = this.tokens.get(i).identifier();
			if (is(i + 1, ".") && i + 2 < this.tokens.size() && this.tokens.get(i + 2).isName()) {
				return Optional.of(new TableLock(Optional.of(first), this.tokens.get(i + 2).identifier(), mode));
			}
			return Optional.of(new TableLock(Optional.empty(), first, mode));
		}

	}

}
