package dev.migrator.core.script;

/**
 * A revision written in Java. Annotate the class with {@link MigratorRevision} for its
 * header.
 *
 * <p>
 * Leave {@link #downgrade} as it is for a forward-only revision: the engine sees that it
 * is not overridden and refuses to downgrade through it before anything runs.
 */
public interface JavaMigration {

	void upgrade(MigrationContext context) throws Exception;

	default void downgrade(MigrationContext context) throws Exception {
		throw new UnsupportedOperationException(getClass().getName() + " is forward-only");
	}

	/**
	 * The content digest recorded when this revision is applied. By default a digest of
	 * the header; return a value of your own (a version string you bump) to have an edit
	 * of an applied Java migration caught.
	 */
	default String checksum() {
		return "";
	}

	/**
	 * Backfills this revision declares: data migrations run in batches after it by the
	 * backfill job (or by {@code upgrade} when so configured), not inside its
	 * transaction. None by default.
	 */
	default java.util.List<dev.migrator.core.script.Backfill> backfills() {
		return java.util.List.of();
	}

}
