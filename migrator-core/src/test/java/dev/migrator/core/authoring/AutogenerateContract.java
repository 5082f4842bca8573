package dev.migrator.core.authoring;

import dev.migrator.core.Migrator;
import dev.migrator.core.config.MigratorConfig;
import dev.migrator.core.authoring.schema.Names;
import dev.migrator.core.authoring.schema.ObjectFilter;
import dev.migrator.core.authoring.schema.SchemaChange;
import dev.migrator.core.authoring.schema.SchemaDiff;
import dev.migrator.core.authoring.schema.SchemaReflector;
import dev.migrator.core.authoring.schema.SchemaSnapshot;
import dev.migrator.core.op.Operation;
import dev.migrator.core.script.JavaMigration;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Autogenerate on a real database: a live schema and a desired one that differ in every
 * way the diff knows, the draft compiled and applied, and a second draft that finds
 * nothing; each dialect's test class runs these.
 */
abstract class AutogenerateContract {

	static final ObjectFilter SKIP_KEEP_ME = ObjectFilter.of(List.of(), List.of("keep_*"));

	@TempDir
	Path temp;

	DataSource dataSource;

	Path schemaFile;

	abstract DataSource newDatabase();

	abstract String dialect();

	/**
	 * The schema the database has before the draft: users with full_name and legacy_code,
	 * audit_log, keep_me.
	 */
	abstract String liveSchema();

	/**
	 * The schema wanted: users changed (display_name instead of full_name), orders added,
	 * audit_log gone.
	 */
	abstract String desiredSchema();

	@BeforeEach
	void prepare() throws Exception {
		this.dataSource = newDatabase();
		TestDatabases.run(this.dataSource, liveSchema());
		this.schemaFile = this.temp.resolve("schema.sql");
		Files.writeString(this.schemaFile, desiredSchema());
	}

	MigratorConfig config(JavaMigration... migrations) {
		return MigratorConfig.builder()
			.dataSource(this.dataSource)
			.locations(List.of())
			.javaMigrations(migrations)
			.build();
	}

	Autogenerate autogenerate(JavaMigration... migrations) {
		MigratorConfig config = config(migrations);
		Clock clock = Clock.fixed(Instant.parse("2025-03-01T12:00:00Z"), ZoneOffset.UTC);
		return new Autogenerate(config, new RevisionWriter(() -> Migrator.create(config).graph(), clock));
	}

	SchemaSnapshot live() throws Exception {
		try (Connection connection = this.dataSource.getConnection()) {
			return SchemaReflector.forDialect(dialect()).reflect(connection);
		}
	}

	AutogenerateResult draftRevision() {
		return autogenerate().revision("sync with schema.sql", this.schemaFile, SKIP_KEEP_ME, Optional.empty(),
				this.temp.resolve("java"), "com.example.drafts");
	}

	@Test
	void appliesTheDraftAndThenFindsNothingMoreToDo() throws Exception {
		SchemaSnapshot before = live();
		AutogenerateResult first = draftRevision();
		assertThat(first.draft().isEmpty()).isFalse();
		Path file = first.revision().orElseThrow().file();
		JavaMigration draft = DraftCompiler.compile(this.temp.resolve("build"), Files.readString(file));
		Migrator.create(config(draft)).upgrade("heads");
		Draft second = autogenerate(draft).draft(this.schemaFile, SKIP_KEEP_ME);
		assertThat(second.upgradeOperations()).extracting(Operation::describe).isEmpty();
		assertThat(second.isEmpty()).isTrue();
		assertThat(autogenerate(draft)
			.revision("again", this.schemaFile, SKIP_KEEP_ME, Optional.empty(), this.temp.resolve("java"),
					"com.example.drafts")
			.revision()).isEmpty();
		Migrator.create(config(draft)).downgrade("base");
		List<SchemaChange> leftAfterDowngrade = new SchemaDiff(Names.forDialect(dialect()), SKIP_KEEP_ME)
			.compare(before, live());
		assertThat(leftAfterDowngrade).allSatisfy(this::assertCannotBeUndone);
	}

	/**
	 * What a downgrade may leave behind because the database cannot undo it; nothing by
	 * default.
	 */
	void assertCannotBeUndone(SchemaChange change) {
		assertThat(change).as("left after the downgrade").isNull();
	}

	@Test
	void writesADroppedAndAnAddedColumnOfOneTypeAsDropAndAddWithARenameWarning() throws Exception {
		AutogenerateResult result = draftRevision();
		assertThat(result.draft().warnings()).anySatisfy((w) -> assertThat(w)
			.startsWith("POSSIBLE RENAME: users.full_name is dropped and users.display_name added")
			.contains("expand (add display_name), dual write", "backfill", "contract (drop full_name"));
		assertThat(result.draft().upgradeOperations()).extracting(Operation::describe)
			.contains("dropColumn users.full_name", "addColumn users.display_name")
			.noneMatch((d) -> d.startsWith("renameColumn"));
		String source = Files.readString(result.revision().orElseThrow().file());
		assertThat(source).contains("// POSSIBLE RENAME: users.full_name is dropped and users.display_name added")
			.contains("op.dropColumn(\"users\", \"full_name\");");
		assertThat(source.indexOf("// POSSIBLE RENAME")).isLessThan(source.indexOf("\"display_name\""));
	}

	@Test
	void leavesExcludedTablesAndTheStateTablesAlone() {
		Draft draft = draftRevision().draft();
		assertThat(draft.upgradeOperations()).extracting(Operation::describe)
			.noneMatch((d) -> d.contains("keep_me") || d.contains("migrator_"))
			.contains("createTable orders", "dropTable audit_log");
		Draft unfiltered = autogenerate().draft(this.schemaFile, ObjectFilter.all());
		assertThat(unfiltered.upgradeOperations()).extracting(Operation::describe).contains("addColumn keep_me.other");
	}

	@Test
	void refusesADatabaseThatIsNotAtTheCodesHeads() throws Exception {
		RevisionFiles files = new RevisionFiles(this.temp.resolve("revisions")).table("0001_pending", "pending_table");
		MigratorConfig config = files.config().dataSource(this.dataSource).build();
		assertThatExceptionOfType(AuthoringException.class)
			.isThrownBy(() -> new Autogenerate(config).draft(this.schemaFile, ObjectFilter.all()))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("database-not-up-to-date"))
			.withMessageContaining("0001_pending is pending. Upgrade it first");
	}

	@Test
	void namesTheStatementOfTheDesiredSchemaThatDoesNotApply() throws Exception {
		Files.writeString(this.schemaFile, "CREATE TABLE a (id integer);\n\nCREATE TABLE a (id integer);\n");
		assertThatExceptionOfType(AuthoringException.class)
			.isThrownBy(() -> autogenerate().draft(this.schemaFile, ObjectFilter.all()))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("desired-schema-failed"))
			.withMessageStartingWith(this.schemaFile + ":3: the desired schema does not apply");
		assertThat(live().tables()).extracting((t) -> t.name()).doesNotContain("a");
	}

}
