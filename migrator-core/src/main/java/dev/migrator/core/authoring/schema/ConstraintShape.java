package dev.migrator.core.authoring.schema;

import dev.migrator.core.op.ReferentialAction;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A table constraint as the database reports it. The name is empty where the database
 * keeps none (an unnamed constraint on SQLite); constraints are compared by what they
 * enforce, not by name.
 */
public sealed interface ConstraintShape
		permits ConstraintShape.PrimaryKey, ConstraintShape.Unique, ConstraintShape.Check, ConstraintShape.ForeignKey {

	Optional<String> name();

	/**
	 * What the constraint enforces, for comparison; names in it are keyed as the database
	 * compares them.
	 */
	String signature(Names names);

	/** A primary key. */
	record PrimaryKey(Optional<String> name, List<String> columns) implements ConstraintShape {

		public PrimaryKey {
			Objects.requireNonNull(name, "name");
			columns = List.copyOf(columns);
		}

		@Override
		public String signature(Names names) {
			return "primary key " + names.keys(this.columns);
		}

	}

	/** A unique constraint. */
	record Unique(Optional<String> name, List<String> columns) implements ConstraintShape {

		public Unique {
			Objects.requireNonNull(name, "name");
			columns = List.copyOf(columns);
		}

		@Override
		public String signature(Names names) {
			return "unique " + names.keys(this.columns);
		}

	}

	/**
	 * A check constraint.
	 *
	 * @param condition the condition without {@code CHECK} and its parentheses, as the
	 * database prints it
	 */
	record Check(Optional<String> name, String condition) implements ConstraintShape {

		public Check {
			Objects.requireNonNull(name, "name");
			Objects.requireNonNull(condition, "condition");
		}

		@Override
		public String signature(Names names) {
			return "check " + SqlText.normalize(this.condition);
		}

	}

	/** A foreign key. */
	record ForeignKey(Optional<String> name, List<String> columns, String referredTable, List<String> referredColumns,
			ReferentialAction onDelete, ReferentialAction onUpdate) implements ConstraintShape {

		public ForeignKey {
			Objects.requireNonNull(name, "name");
			columns = List.copyOf(columns);
			Objects.requireNonNull(referredTable, "referredTable");
			referredColumns = List.copyOf(referredColumns);
			Objects.requireNonNull(onDelete, "onDelete");
			Objects.requireNonNull(onUpdate, "onUpdate");
		}

		@Override
		public String signature(Names names) {
			return "foreign key " + names.keys(this.columns) + " -> " + names.key(this.referredTable)
					+ names.keys(this.referredColumns) + " on delete " + this.onDelete + " on update " + this.onUpdate;
		}

	}

}
