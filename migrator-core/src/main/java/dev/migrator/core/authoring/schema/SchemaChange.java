package dev.migrator.core.authoring.schema;

import java.util.Objects;
import java.util.Optional;

/**
 * One difference between the desired schema and the live one, as {@link SchemaDiff} finds
 * it.
 */
public sealed interface SchemaChange {

	/** A table the desired schema has and the live one does not. */
	record TableAdded(TableShape table) implements SchemaChange {

		public TableAdded {
			Objects.requireNonNull(table, "table");
		}

	}

	/** A table the live schema has and the desired one does not. */
	record TableDropped(TableShape table) implements SchemaChange {

		public TableDropped {
			Objects.requireNonNull(table, "table");
		}

	}

	/** A column of a table both have, missing from the live one. */
	record ColumnAdded(String table, ColumnShape column) implements SchemaChange {

		public ColumnAdded {
			Objects.requireNonNull(table, "table");
			Objects.requireNonNull(column, "column");
		}

	}

	/** A column of a table both have, missing from the desired one. */
	record ColumnDropped(String table, ColumnShape column) implements SchemaChange {

		public ColumnDropped {
			Objects.requireNonNull(table, "table");
			Objects.requireNonNull(column, "column");
		}

	}

	/**
	 * A column both have whose type, nullability, default or identity differ.
	 *
	 * @param live the column as it is
	 * @param desired the column as it should be
	 */
	record ColumnChanged(String table, ColumnShape live, ColumnShape desired) implements SchemaChange {

		public ColumnChanged {
			Objects.requireNonNull(table, "table");
			Objects.requireNonNull(live, "live");
			Objects.requireNonNull(desired, "desired");
		}

		public boolean typeChanged() {
			return !this.live.typeText().equals(this.desired.typeText());
		}

		public boolean nullabilityChanged() {
			return this.live.nullable() != this.desired.nullable();
		}

		public boolean defaultChanged() {
			return !this.live.serverDefault().equals(this.desired.serverDefault());
		}

		public boolean identityChanged() {
			return this.live.identity() != this.desired.identity();
		}

	}

	/**
	 * A dropped column next to an added column of the same type in the same table:
	 * perhaps a rename. The diff also reports the drop and the add; this says that a
	 * person should look.
	 */
	record PossibleRename(String table, ColumnShape dropped, ColumnShape added) implements SchemaChange {

		public PossibleRename {
			Objects.requireNonNull(table, "table");
			Objects.requireNonNull(dropped, "dropped");
			Objects.requireNonNull(added, "added");
		}

	}

	/** A primary key added, dropped or changed; empty on the side that has none. */
	record PrimaryKeyChanged(String table, Optional<ConstraintShape.PrimaryKey> live,
			Optional<ConstraintShape.PrimaryKey> desired) implements SchemaChange {

		public PrimaryKeyChanged {
			Objects.requireNonNull(table, "table");
			Objects.requireNonNull(live, "live");
			Objects.requireNonNull(desired, "desired");
		}

	}

	/**
	 * A unique, check or foreign key constraint of a table both have, missing from the
	 * live one.
	 */
	record ConstraintAdded(String table, ConstraintShape constraint) implements SchemaChange {

		public ConstraintAdded {
			Objects.requireNonNull(table, "table");
			Objects.requireNonNull(constraint, "constraint");
		}

	}

	/**
	 * A unique, check or foreign key constraint of a table both have, missing from the
	 * desired one.
	 */
	record ConstraintDropped(String table, ConstraintShape constraint) implements SchemaChange {

		public ConstraintDropped {
			Objects.requireNonNull(table, "table");
			Objects.requireNonNull(constraint, "constraint");
		}

	}

	/** An index of a table both have, missing from the live one. */
	record IndexAdded(String table, IndexShape index) implements SchemaChange {

		public IndexAdded {
			Objects.requireNonNull(table, "table");
			Objects.requireNonNull(index, "index");
		}

	}

	/** An index of a table both have, missing from the desired one. */
	record IndexDropped(String table, IndexShape index) implements SchemaChange {

		public IndexDropped {
			Objects.requireNonNull(table, "table");
			Objects.requireNonNull(index, "index");
		}

	}

	/** An enum type the desired schema has and the live one does not. */
	record EnumAdded(EnumShape type) implements SchemaChange {

		public EnumAdded {
			Objects.requireNonNull(type, "type");
		}

	}

	/** An enum type the live schema has and the desired one does not. */
	record EnumDropped(EnumShape type) implements SchemaChange {

		public EnumDropped {
			Objects.requireNonNull(type, "type");
		}

	}

	/** An enum type both have with different values or order. */
	record EnumChanged(EnumShape live, EnumShape desired) implements SchemaChange {

		public EnumChanged {
			Objects.requireNonNull(live, "live");
			Objects.requireNonNull(desired, "desired");
		}

		/**
		 * Whether the desired values are the live ones with others inserted, in the same
		 * order: what ADD VALUE can do.
		 */
		public boolean onlyAddsValues() {
			int next = 0;
			for (String value : this.desired.values()) {
				if (next < this.live.values().size() && this.live.values().get(next).equals(value)) {
					next++;
				}
			}
			return next == this.live.values().size();
		}

	}

}
