package dev.migrator.core.authoring;

import dev.migrator.core.error.ErrorCode;

import dev.migrator.core.command.MigrationStatus;
import dev.migrator.core.Migrator;
import dev.migrator.core.config.MigratorConfig;
import dev.migrator.core.error.MigratorException;
import dev.migrator.core.authoring.schema.Names;
import dev.migrator.core.authoring.schema.ObjectFilter;
import dev.migrator.core.authoring.schema.SchemaChange;
import dev.migrator.core.authoring.schema.SchemaDiff;
import dev.migrator.core.authoring.schema.SchemaReflector;
import dev.migrator.core.authoring.schema.SchemaSnapshot;
import dev.migrator.core.dialect.Dialect;
import dev.migrator.core.dialect.Dialects;
import dev.migrator.core.script.Revision;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import javax.sql.DataSource;

/**
 * {@code autogenerate}, after Alembic's {@code revision --autogenerate}: compares a
 * desired schema (a file of {@code CREATE} statements) with the live database and writes
 * a draft Java revision that uses the operations API, with an upgrade and the downgrade
 * that reverses it. The draft is a starting point for review, not a finished revision:
 * what it cannot know (a rename, how to convert a type) it writes as a warning comment
 * instead of guessing.
 *
 * <p>
 * The database must be at the code's heads: a draft compared against an older schema
 * would repeat what the pending revisions do.
 */
public final class Autogenerate {

	private final MigratorConfig config;

	private final RevisionWriter writer;

	/**
	 * @param config the configuration: its DataSource is the live database, its state
	 * tables are never compared, its naming convention names constraints the database
	 * left unnamed
	 * @param writer writes the draft revision
	 */
	public Autogenerate(MigratorConfig config, RevisionWriter writer) {
		this.config = Objects.requireNonNull(config, "config");
		this.writer = Objects.requireNonNull(writer, "writer");
	}

	/**
	 * An instance whose writer reads the revision graph from the configuration's
	 * locations.
	 */
	public Autogenerate(MigratorConfig config) {
		this(config, new RevisionWriter(() -> Migrator.create(config).graph()));
	}

	/**
	 * The changes that would make the live schema the desired one, without writing
	 * anything.
	 */
	public Draft draft(Path schemaFile, ObjectFilter filter) {
		DataSource dataSource = this.config.dataSource()
			.orElseThrow(() -> new AuthoringException(ErrorCode.NO_DATA_SOURCE,
					"autogenerate compares with a live database, but no DataSource is configured. Set the database URL "
							+ "(migrator.url or spring.datasource.url)."));
		requireUpToDate();
		try {
			Dialect dialect;
			SchemaSnapshot live;
			try (Connection connection = dataSource.getConnection()) {
				dialect = Dialects.forConnection(connection);
				live = SchemaReflector.forDialect(dialect.name()).reflect(connection);
			}
			SchemaSnapshot desired = new DesiredSchema(schemaFile).reflect(dataSource, dialect);
			List<SchemaChange> changes = new SchemaDiff(Names.forDialect(dialect.name()),
					filter.withStateTables(OwnTables.of(this.config)))
				.compare(desired, live);
			return new DraftPlanner(dialect.name(), this.config.namingConvention()).plan(changes);
		}
		catch (SQLException ex) {
			throw new AuthoringException(ErrorCode.DATABASE_ERROR,
					"Could not read the schema for autogenerate: " + ex.getMessage()
							+ ". Check the connection and that the user may read the catalog"
							+ " and create a schema (PostgreSQL) for the desired one.",
					ex);
		}
	}

	/**
	 * Drafts and writes a Java revision for the changes; writes nothing when there are
	 * none.
	 * @param message the revision's message
	 * @param schemaFile the desired schema
	 * @param filter which tables to compare
	 * @param head the revision the draft follows, as for a new revision; required when
	 * there are several heads
	 * @param sourceRoot the Java source root the class goes into, under its package's
	 * folder
	 * @param javaPackage the class's package
	 */
	public AutogenerateResult revision(String message, Path schemaFile, ObjectFilter filter, Optional<String> head,
			Path sourceRoot, String javaPackage) {
		Draft draft = draft(schemaFile, filter);
		if (draft.isEmpty()) {
			return new AutogenerateResult(draft, Optional.empty());
		}
		WrittenRevision written = this.writer.javaRevision(message, head, Optional.empty(), List.of(), sourceRoot,
				javaPackage, DraftJava.upgrade(draft), DraftJava.downgrade(draft));
		return new AutogenerateResult(draft, Optional.of(written));
	}

	private void requireUpToDate() {
		MigrationStatus status;
		try {
			status = Migrator.create(this.config).status();
		}
		catch (MigratorException ex) {
			throw new AuthoringException(ErrorCode.DATABASE_NOT_UP_TO_DATE,
					"autogenerate needs the database at the code's " + "heads, but its state could not be read: "
							+ ex.getMessage(),
					ex);
		}
		if (!status.pending().isEmpty()) {
			throw new AuthoringException(ErrorCode.DATABASE_NOT_UP_TO_DATE, "The database is not at the code's heads: "
					+ status.pending().stream().map(Revision::id).collect(Collectors.joining(", ")) + " "
					+ (status.pending().size() == 1 ? "is" : "are") + " pending. Upgrade it first; a draft compared "
					+ "with an older schema would repeat those revisions.");
		}
		if (status.isAheadOfCode()) {
			throw new AuthoringException(ErrorCode.DATABASE_NOT_UP_TO_DATE,
					"The database is at revisions this code does not " + "have ("
							+ String.join(", ", status.unknownCurrent()) + "). Autogenerate against a database "
							+ "migrated by this code.");
		}
	}

}
