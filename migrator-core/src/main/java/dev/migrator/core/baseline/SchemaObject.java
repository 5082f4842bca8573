package dev.migrator.core.baseline;

import java.util.Locale;
import java.util.Objects;

/**
 * One statement of a baseline: it creates one object of the live schema, or completes one
 * created before (a foreign key, a sequence's owner).
 *
 * @param kind what it creates
 * @param name the object's name as the database prints it
 * @param sql the statement, without its closing semicolon
 */
public record SchemaObject(Kind kind, String name, String sql) {

	public SchemaObject {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(sql, "sql");
	}

	/** The kinds of statement a baseline writes, roughly in the order it writes them. */
	public enum Kind {

		/**
		 * A session setting the rest needs (PostgreSQL: function bodies checked later).
		 */
		SETTING,

		EXTENSION, ENUM_TYPE, DOMAIN, COMPOSITE_TYPE, SEQUENCE, FUNCTION, TABLE,

		/** A constraint added after every table: a foreign key, or one not validated. */
		CONSTRAINT, INDEX,

		/** Extended statistics ({@code CREATE STATISTICS}) on a table's columns. */
		STATISTICS,

		/** The column a sequence belongs to, which drops it with its column. */
		SEQUENCE_OWNER, VIEW, MATERIALIZED_VIEW, TRIGGER, RULE,

		/** A table's row-level security switched on (or forced). */
		ROW_SECURITY, POLICY, COMMENT;

		/** The kind in words, such as {@code enum type}. */
		public String label() {
			return name().toLowerCase(Locale.ROOT).replace('_', ' ');
		}

		/**
		 * Whether the statement counts as an object in the baseline's summary: settings,
		 * sequence owners and row-level security switches only complete others.
		 */
		public boolean createsObject() {
			return this != SETTING && this != SEQUENCE_OWNER && this != ROW_SECURITY;
		}

	}

}
