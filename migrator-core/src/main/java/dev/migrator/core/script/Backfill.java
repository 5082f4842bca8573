package dev.migrator.core.script;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A declared data migration: which rows of which table get what, walked in key order in
 * batches.
 *
 * @param name the backfill's unique name, used by the commands and in the progress table
 * @param table the table, optionally schema-qualified as {@code schema.table}
 * @param keyColumns the columns of a unique, not-null key the batches walk in order (one
 * or several); an index whose leading columns they are keeps each batch cheap
 * @param action the {@code SET} expression or the Java function applied to each batch
 * @param where a predicate that limits the rows changed, such as {@code status IS NULL}
 * @param batchSize the batch size bounds
 * @param targetDuration how long a batch should take; the size adapts toward it
 * @param pause the wait between batches, for other work, autovacuum and replicas
 * @param maxLag replica lag above which the backfill waits; {@link LagLimits#none()}
 * defers to the configured limits
 */
public record Backfill(String name, String table, List<String> keyColumns, BackfillAction action,
		Optional<String> where, BatchSizeBounds batchSize, Duration targetDuration, Duration pause, LagLimits maxLag) {

	/**
	 * How long a batch takes by default: a write to one of its rows waits for it at most
	 * that long, well under the 100 ms a request may wait behind a migration.
	 */
	public static final Duration DEFAULT_TARGET_DURATION = Duration.ofMillis(50);

	public static final Duration DEFAULT_PAUSE = Duration.ofMillis(50);

	// Names travel through command lines and a varchar(255) column: keep them to
	// characters that need no quoting.
	private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,255}");

	public Backfill {
		Objects.requireNonNull(name, "name");
		if (!NAME.matcher(name).matches()) {
			throw new IllegalArgumentException("'" + name + "' is not a valid backfill name: use only letters, "
					+ "digits, '_', '-' and '.', at most 255 characters (for example users_status)");
		}
		Objects.requireNonNull(table, "table");
		if (table.isBlank() || table.startsWith(".") || table.endsWith(".")) {
			throw new IllegalArgumentException("Backfill " + name + " has no valid table: '" + table + "'");
		}
		keyColumns = List.copyOf(keyColumns);
		if (keyColumns.isEmpty()) {
			throw new IllegalArgumentException("Backfill " + name + " has no key column");
		}
		if (keyColumns.stream().anyMatch(String::isBlank) || new HashSet<>(keyColumns).size() != keyColumns.size()) {
			throw new IllegalArgumentException(
					"Backfill " + name + " has an empty or repeated key column: " + keyColumns);
		}
		Objects.requireNonNull(action, "action");
		Objects.requireNonNull(where, "where");
		where = where.map(String::strip).filter((w) -> !w.isEmpty());
		Objects.requireNonNull(batchSize, "batchSize");
		Objects.requireNonNull(targetDuration, "targetDuration");
		if (targetDuration.isNegative() || targetDuration.isZero()) {
			throw new IllegalArgumentException(
					"Backfill " + name + " needs a positive target duration, not " + targetDuration);
		}
		Objects.requireNonNull(pause, "pause");
		if (pause.isNegative()) {
			throw new IllegalArgumentException("Backfill " + name + " cannot pause a negative time: " + pause);
		}
		Objects.requireNonNull(maxLag, "maxLag");
	}

	/** Starts a declaration; table, key and an action are required. */
	public static Builder builder(String name) {
		return new Builder(name);
	}

	/** The table's schema when the table is given as {@code schema.table}. */
	public Optional<String> schema() {
		int dot = this.table.indexOf('.');
		return (dot < 0) ? Optional.empty() : Optional.of(this.table.substring(0, dot));
	}

	/** The table's name without its schema. */
	public String tableName() {
		int dot = this.table.indexOf('.');
		return (dot < 0) ? this.table : this.table.substring(dot + 1);
	}

	/** Builds a {@link Backfill} with the documented defaults. */
	public static final class Builder {

		private final String name;

		private String table;

		private List<String> keyColumns = List.of();

		private BackfillAction action;

		private Optional<String> where = Optional.empty();

		private BatchSizeBounds batchSize = BatchSizeBounds.DEFAULT;

		private Duration targetDuration = DEFAULT_TARGET_DURATION;

		private Duration pause = DEFAULT_PAUSE;

		private LagLimits maxLag = LagLimits.none();

		private Builder(String name) {
			this.name = name;
		}

		public Builder table(String table) {
			this.table = table;
			return this;
		}

		public Builder key(String... columns) {
			this.keyColumns = List.of(columns);
			return this;
		}

		public Builder key(List<String> columns) {
			this.keyColumns = List.copyOf(columns);
			return this;
		}

		/** The assignments of the {@code UPDATE}, such as {@code status = 'active'}. */
		public Builder set(String assignments) {
			this.action = new BackfillAction.SetExpression(assignments);
			return this;
		}

		/** Java code applied to each batch instead of a SET expression. */
		public Builder function(BackfillFunction function) {
			this.action = new BackfillAction.JavaFunction(function);
			return this;
		}

		public Builder where(String predicate) {
			this.where = Optional.of(predicate);
			return this;
		}

		public Builder batchSize(BatchSizeBounds bounds) {
			this.batchSize = bounds;
			return this;
		}

		public Builder batchSize(int min, int max, int initial) {
			return batchSize(new BatchSizeBounds(min, max, initial));
		}

		public Builder targetDuration(Duration targetDuration) {
			this.targetDuration = targetDuration;
			return this;
		}

		public Builder pause(Duration pause) {
			this.pause = pause;
			return this;
		}

		public Builder maxLag(LagLimits maxLag) {
			this.maxLag = maxLag;
			return this;
		}

		public Backfill build() {
			if (this.table == null) {
				throw new IllegalArgumentException("Backfill " + this.name + " has no table: give one with table(...)");
			}
			if (this.action == null) {
				throw new IllegalArgumentException(
						"Backfill " + this.name + " has nothing to do: give a SET expression "
								+ "with set(...) or Java code with function(...)");
			}
			return new Backfill(this.name, this.table, this.keyColumns, this.action, this.where, this.batchSize,
					this.targetDuration, this.pause, this.maxLag);
		}

	}

}
