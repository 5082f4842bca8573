package dev.migrator.core.authoring;

import dev.migrator.core.Migrator;
import dev.migrator.core.authoring.schema.Names;
import dev.migrator.core.authoring.schema.ObjectFilter;
import dev.migrator.core.authoring.schema.SchemaChange;
import dev.migrator.core.authoring.schema.SchemaDiff;
import dev.migrator.core.authoring.schema.SchemaReflector;
import dev.migrator.core.authoring.schema.SchemaSnapshot;
import dev.migrator.core.command.DriftResult;
import dev.migrator.core.command.SchemaComparison;
import dev.migrator.core.command.SchemaDriftException;
import dev.migrator.core.config.MigratorConfig;
import dev.migrator.core.dialect.Dialects;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * {@code drift} with the autogenerate reflector: the live schema and the scratch copy the
 * applied revisions built are read by the same reflector and compared by the same diff as
 * autogenerate's, so drift covers every kind of object the reflector reads. The
 * migrator's own tables are left out.
 */
public final class SchemaDrift implements SchemaComparison {

	private final MigratorConfig config;

	/**
	 * @param config the configuration, whose state tables are left out of the comparison
	 */
	public SchemaDrift(MigratorConfig config) {
		this.config = config;
	}

	/**
	 * The live schema against the one the applied revisions produce (see
	 * {@link Migrator#drift(SchemaComparison)}).
	 */
	public static DriftResult check(Migrator migrator) {
		return migrator.drift(new SchemaDrift(migrator.config()));
	}

	/**
	 * {@link #check(Migrator)}, failing with {@link SchemaDriftException} on any
	 * difference.
	 */
	public static DriftResult checkOrFail(Migrator migrator) {
		return migrator.driftOrFail(new SchemaDrift(migrator.config()));
	}

	@Override
	public List<String> differences(Connection live, Connection scratch) throws SQLException {
		String dialect = Dialects.forConnection(live).name();
		SchemaReflector reflector = SchemaReflector.forDialect(dialect);
		SchemaSnapshot revisions = reflector.reflect(scratch);
		SchemaSnapshot database = reflector.reflect(live);
		Names names = Names.forDialect(dialect);
		List<SchemaChange> changes = new SchemaDiff(names,
				ObjectFilter.all().withStateTables(OwnTables.of(this.config)))
			.compare(revisions, database);
		DriftSentences sentences = new DriftSentences(names);
		return changes.stream().flatMap((change) -> sentences.of(change).stream()).toList();
	}

}
