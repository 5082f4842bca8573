package dev.migrator.core.script;

import dev.migrator.core.error.ErrorCode;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One node of the revision graph: a schema change with its place in history and what it
 * runs each way.
 *
 * @param id unique id, e.g. {@code 0003_add_display_name}
 * @param revises parent ids: none for a root, several for a merge revision
 * @param branchLabels labels naming the branch this revision starts or belongs to
 * @param dependsOn revisions that must be applied first without being parents
 * @param message a human description
 * @param phase the expand/migrate/contract phase
 * @param transactional whether the upgrade runs in one transaction with its version-row
 * update
 * @param lockTimeout lock timeout for this revision's statements, overriding the run's
 * @param statementTimeout statement timeout for this revision's statements, overriding
 * the run's
 * @param checksum a digest of the revision's content, compared with the one recorded when
 * it was applied
 * @param origin the file or class that defined it
 * @param upgrade what the upgrade runs
 * @param downgrade what the downgrade runs; empty for a forward-only revision
 * @param backfills data migrations this revision declares, run in batches after it by the
 * backfill job (or by {@code upgrade} when so configured)
 * @param repeatable whether it is a repeatable revision (views, functions, grants):
 * outside the graph, applied again after the others whenever its checksum changed, never
 * downgraded
 */
public record Revision(String id, List<String> revises, List<String> branchLabels, List<String> dependsOn,
		String message, Phase phase, boolean transactional, Optional<Duration> lockTimeout,
		Optional<Duration> statementTimeout, String checksum, Origin origin, MigrationBody upgrade,
		Optional<MigrationBody> downgrade, List<Backfill> backfills, boolean repeatable) {

	public Revision {
		Objects.requireNonNull(id, "id");
		revises = List.copyOf(revises);
		branchLabels = List.copyOf(branchLabels);
		dependsOn = List.copyOf(dependsOn);
		Objects.requireNonNull(message, "message");
		Objects.requireNonNull(phase, "phase");
		Objects.requireNonNull(lockTimeout, "lockTimeout");
		Objects.requireNonNull(statementTimeout, "statementTimeout");
		Objects.requireNonNull(checksum, "checksum");
		Objects.requireNonNull(origin, "origin");
		Objects.requireNonNull(upgrade, "upgrade");
		Objects.requireNonNull(downgrade, "downgrade");
		backfills = List.copyOf(backfills);
	}

	/** A revision that is not repeatable, as before revisions could be. */
	public Revision(String id, List<String> revises, List<String> branchLabels, List<String> dependsOn, String message,
			Phase phase, boolean transactional, Optional<Duration> lockTimeout, Optional<Duration> statementTimeout,
			String checksum, Origin origin, MigrationBody upgrade, Optional<MigrationBody> downgrade,
			List<Backfill> backfills) {
		this(id, revises, branchLabels, dependsOn, message, phase, transactional, lockTimeout, statementTimeout,
				checksum, origin, upgrade, downgrade, backfills, false);
	}

	/** A revision that declares no backfill, as before revisions could declare them. */
	public Revision(String id, List<String> revises, List<String> branchLabels, List<String> dependsOn, String message,
			Phase phase, boolean transactional, Optional<Duration> lockTimeout, Optional<Duration> statementTimeout,
			String checksum, Origin origin, MigrationBody upgrade, Optional<MigrationBody> downgrade) {
		this(id, revises, branchLabels, dependsOn, message, phase, transactional, lockTimeout, statementTimeout,
				checksum, origin, upgrade, downgrade, List.of());
	}

	/** Whether this revision has no parent. */
	public boolean isRoot() {
		return this.revises.isEmpty();
	}

	/** Whether this revision joins several parents. */
	public boolean isMerge() {
		return this.revises.size() > 1;
	}

	/** Whether it can be downgraded through. */
	public boolean isReversible() {
		return this.downgrade.isPresent();
	}

	/** What the given direction runs; refuses a downgrade of a forward-only revision. */
	public MigrationBody body(Direction direction) {
		if (direction == Direction.UPGRADE) {
			return this.upgrade;
		}
		return this.downgrade.orElseThrow(() -> new RevisionGraphException(ErrorCode.FORWARD_ONLY, "Revision " + this.id
				+ " (" + this.origin + ") is forward-only: it has no downgrade section. "
				+ "Downgrade to a target at or above " + this.id
				+ ", or restore from a backup; add a downgrade to the revision only if it is not yet applied anywhere."));
	}

	/**
	 * A builder for revisions defined in code or tests; only {@code id} and
	 * {@code upgrade} are required.
	 */
	public static Builder builder(String id) {
		return new Builder(id);
	}

	/**
	 * Builds a {@link Revision}; defaults are those of a SQL file with only a
	 * {@code revision} header.
	 */
	public static final class Builder {

		private final String id;

		private List<String> revises = List.of();

		private List<String> branchLabels = List.of();

		private List<String> dependsOn = List.of();

		private String message = "";

		private Phase phase = Phase.EXPAND;

		private boolean transactional = true;

		private Optional<Duration> lockTimeout = Optional.empty();

		private Optional<Duration> statementTimeout = Optional.empty();

		private String checksum = "";

		private Origin origin;

		private MigrationBody upgrade = new MigrationBody.Sql(List.of());

		private Optional<MigrationBody> downgrade = Optional.empty();

		private List<Backfill> backfills = List.of();

		private boolean repeatable;

		private Builder(String id) {
			this.id = id;
			this.origin = new Origin("revision " + id, 0);
		}

		public Builder revises(String... parents) {
			this.revises = List.of(parents);
			return this;
		}

		public Builder revises(List<String> parents) {
			this.revises = List.copyOf(parents);
			return this;
		}

		public Builder branchLabels(String... labels) {
			this.branchLabels = List.of(labels);
			return this;
		}

		public Builder branchLabels(List<String> labels) {
			this.branchLabels = List.copyOf(labels);
			return this;
		}

		public Builder dependsOn(String... ids) {
			this.dependsOn = List.of(ids);
			return this;
		}

		public Builder dependsOn(List<String> ids) {
			this.dependsOn = List.copyOf(ids);
			return this;
		}

		public Builder message(String message) {
			this.message = message;
			return this;
		}

		public Builder phase(Phase phase) {
			this.phase = phase;
			return this;
		}

		public Builder transactional(boolean transactional) {
			this.transactional = transactional;
			return this;
		}

		public Builder lockTimeout(Duration timeout) {
			this.lockTimeout = Optional.of(timeout);
			return this;
		}

		public Builder statementTimeout(Duration timeout) {
			this.statementTimeout = Optional.of(timeout);
			return this;
		}

		public Builder checksum(String checksum) {
			this.checksum = checksum;
			return this;
		}

		public Builder origin(Origin origin) {
			this.origin = origin;
			return this;
		}

		public Builder upgrade(MigrationBody body) {
			this.upgrade = body;
			return this;
		}

		/** Upgrade SQL given as whole statements, one per argument. */
		public Builder upgradeSql(String... statements) {
			this.upgrade = sql(statements);
			return this;
		}

		public Builder downgrade(MigrationBody body) {
			this.downgrade = Optional.of(body);
			return this;
		}

		/** Downgrade SQL given as whole statements, one per argument. */
		public Builder downgradeSql(String... statements) {
			this.downgrade = Optional.of(sql(statements));
			return this;
		}

		/** Adds a backfill this revision declares. */
		public Builder backfill(Backfill backfill) {
			List<Backfill> all = new java.util.ArrayList<>(this.backfills);
			all.add(Objects.requireNonNull(backfill, "backfill"));
			this.backfills = List.copyOf(all);
			return this;
		}

		/**
		 * Makes it a repeatable revision: applied again whenever its checksum changes.
		 */
		public Builder repeatable(boolean repeatable) {
			this.repeatable = repeatable;
			return this;
		}

		public Builder backfills(List<Backfill> backfills) {
			this.backfills = List.copyOf(backfills);
			return this;
		}

		private static MigrationBody sql(String... statements) {
			return new MigrationBody.Sql(
					java.util.Arrays.stream(statements).map((s) -> new SqlStatement(s, 0)).toList());
		}

		public Revision build() {
			String sum = this.checksum.isEmpty() ? Checksums.of(describe()) : this.checksum;
			return new Revision(this.id, this.revises, this.branchLabels, this.dependsOn, this.message, this.phase,
					this.transactional, this.lockTimeout, this.statementTimeout, sum, this.origin, this.upgrade,
					this.downgrade, this.backfills, this.repeatable);
		}

		private String describe() {
			return String.join("\n", this.id, String.valueOf(this.revises), String.valueOf(this.dependsOn),
					String.valueOf(this.branchLabels), this.phase.label(), String.valueOf(this.transactional),
					describe(this.upgrade), this.downgrade.map(Builder::describe).orElse("forward-only"))
					// Only a revision with backfills adds them, so that every other
					// checksum stays as it was.
					+ (this.backfills.isEmpty() ? ""
							: "\nbackfills=" + this.backfills.stream().map(Builder::describe).toList())
					+ (this.repeatable ? "\nrepeatable" : "");
		}

		// A Java function is named by its kind only: a lambda's class name changes from
		// one JVM run to the next.
		private static String describe(Backfill backfill) {
			String action = (backfill.action() instanceof BackfillAction.SetExpression set) ? set.sql() : "java";
			return backfill.name() + ":" + backfill.table() + ":" + backfill.keyColumns() + ":" + action + ":"
					+ backfill.where().orElse("");
		}

		// A Java body is named by its class and its own checksum: the object's identity
		// must not leak into the digest.
		private static String describe(MigrationBody body) {
			if (body instanceof MigrationBody.Java java) {
				String type = java.migration().getClass().getName();
				int lambda = type.indexOf("$$Lambda");
				// A lambda's class name carries an address that changes from one JVM run
				// to the next.
				type = (lambda >= 0) ? type.substring(0, lambda + "$$Lambda".length()) : type;
				return type + ":" + java.direction() + ":" + java.migration().checksum();
			}
			return String.valueOf(body);
		}

	}

}
