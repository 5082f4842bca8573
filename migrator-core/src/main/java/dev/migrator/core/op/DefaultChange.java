package dev.migrator.core.op;

/**
 * What {@link AlterColumn} does to a column's server default, or what it was before (for
 * the reverse).
 */
public sealed interface DefaultChange permits DefaultChange.SetTo, DefaultChange.Dropped {

	static DefaultChange setTo(ServerDefault value) {
		return new SetTo(value);
	}

	static DefaultChange dropped() {
		return new Dropped();
	}

	/** The column has, or gets, this default. */
	record SetTo(ServerDefault value) implements DefaultChange {

		public SetTo {
			java.util.Objects.requireNonNull(value, "value");
		}

	}

	/** The column has, or gets, no default. */
	record Dropped() implements DefaultChange {
	}

}
