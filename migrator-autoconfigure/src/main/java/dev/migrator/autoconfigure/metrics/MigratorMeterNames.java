package dev.migrator.autoconfigure.metrics;

/**
 * The names and tags of migrator's meters, in Micrometer's dotted form (Prometheus shows
 * {@code migrator_revisions_pending} and so on).
 */
public final class MigratorMeterNames {

	/** Gauge: revisions this application has that the database has not applied. */
	public static final String REVISIONS_PENDING = "migrator.revisions.pending";

	/**
	 * Gauge of value 1, one per current head of the database, tagged
	 * {@link #TAG_REVISION}.
	 */
	public static final String REVISION_CURRENT = "migrator.revision.current";

	/**
	 * Timer: how long each step took, tagged {@link #TAG_REVISION},
	 * {@link #TAG_DIRECTION} and {@link #TAG_OUTCOME}.
	 */
	public static final String MIGRATION_DURATION = "migrator.migration.duration";

	/**
	 * Counter: statements or transactions tried again after they gave up waiting for a
	 * lock, tagged {@link #TAG_REVISION}.
	 */
	public static final String LOCK_RETRIES = "migrator.lock.retries";

	/**
	 * Counter: rows the committed batches of a backfill changed, tagged
	 * {@link #TAG_BACKFILL}.
	 */
	public static final String BACKFILL_ROWS = "migrator.backfill.rows";

	/** Gauge from 0 to 1: how far a backfill has got, tagged {@link #TAG_BACKFILL}. */
	public static final String BACKFILL_PROGRESS = "migrator.backfill.progress";

	/**
	 * Gauge: 1 while a backfill waits for replicas to catch up, else 0, tagged
	 * {@link #TAG_BACKFILL}.
	 */
	public static final String BACKFILL_THROTTLED = "migrator.backfill.throttled";

	/**
	 * Gauge: how many bytes of WAL a replica has yet to replay, tagged
	 * {@link #TAG_REPLICA}.
	 */
	public static final String REPLICA_LAG_BYTES = "migrator.replica.lag.bytes";

	/** Gauge: how many seconds a replica is behind, tagged {@link #TAG_REPLICA}. */
	public static final String REPLICA_LAG_SECONDS = "migrator.replica.lag.seconds";

	/**
	 * Gauge: the targets of the fleet run this process takes part in, tagged
	 * {@link #TAG_STATE} ({@code pending}, {@code running}, {@code succeeded},
	 * {@code failed}).
	 */
	public static final String FLEET_TARGETS = "migrator.fleet.targets";

	/**
	 * Timer: how long each fleet target's work took in this process, tagged
	 * {@link #TAG_OUTCOME}.
	 */
	public static final String FLEET_DURATION = "migrator.fleet.duration";

	/**
	 * Gauge: the differences the latest drift check found between the database's schema
	 * and the one its applied revisions produce; NaN before the first check.
	 */
	public static final String SCHEMA_DRIFT = "migrator.schema.drift";

	/** Tag: a fleet target's state. */
	public static final String TAG_STATE = "state";

	/** Tag: a revision id. */
	public static final String TAG_REVISION = "revision";

	/** Tag: {@code upgrade} or {@code downgrade}. */
	public static final String TAG_DIRECTION = "direction";

	/** Tag: {@code success} or {@code failure}. */
	public static final String TAG_OUTCOME = "outcome";

	/** Tag: a backfill's name. */
	public static final String TAG_BACKFILL = "backfill";

	/** Tag: a replica's name. */
	public static final String TAG_REPLICA = "replica";

	private MigratorMeterNames() {
	}

}
