package dev.migrator.core.authoring;

/** What a new revision is written as. */
public enum RevisionKind {

	/**
	 * A SQL file with {@code -- migrator:} header lines and upgrade and downgrade
	 * sections.
	 */
	SQL,

	/**
	 * A Java class implementing {@code JavaMigration}, its header in
	 * {@code @MigratorRevision}.
	 */
	JAVA

}
