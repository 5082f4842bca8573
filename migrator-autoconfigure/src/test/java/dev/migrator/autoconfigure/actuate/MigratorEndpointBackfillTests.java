package dev.migrator.autoconfigure.actuate;

import dev.migrator.autoconfigure.BackfillRevisions;
import dev.migrator.autoconfigure.MigratorAutoConfiguration;
import dev.migrator.autoconfigure.RevisionFiles;
import dev.migrator.autoconfigure.SqliteFile;
import dev.migrator.autoconfigure.actuate.MigratorEndpoint.BackfillDescriptor;
import dev.migrator.autoconfigure.actuate.MigratorEndpoint.MigratorDescriptor;
import dev.migrator.core.Migrator;

import java.nio.file.Path;
import java.util.List;

import tools.jackson.databind.json.JsonMapper;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the backfills and replicas sections of the {@link MigratorEndpoint}, against
 * SQLite.
 */
class MigratorEndpointBackfillTests {

	@TempDir
	Path temp;

	private SqliteFile database;

	private RevisionFiles revisions;

	@BeforeEach
	void writeRevisions() {
		this.database = new SqliteFile(this.temp.resolve("app.db"));
		this.revisions = BackfillRevisions.in(this.temp.resolve("revisions"));
	}

	private ApplicationContextRunner runner() {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigratorAutoConfiguration.class,
					MigratorEndpointAutoConfiguration.class))
			.withPropertyValues(this.database.dataSourceProperty(), "migrator.locations=" + this.revisions.location(),
					"management.endpoints.web.exposure.include=migrator");
	}

	@Test
	void listsEachDeclaredBackfillWithItsProgress() {
		runner().run((context) -> {
			MigratorEndpoint endpoint = context.getBean(MigratorEndpoint.class);
			BackfillDescriptor before = endpoint.migrator().backfills().get(0);
			assertThat(before.name()).isEqualTo(BackfillRevisions.BACKFILL);
			assertThat(before.revision()).isEqualTo("0002_items_status");
			assertThat(before.table()).isEqualTo("items");
			assertThat(before.revisionApplied()).isFalse();
			assertThat(before.state()).isEqualTo("pending");
			assertThat(before.rowsDone()).isZero();
			assertThat(before.percent()).isNull();
			assertThat(before.startedAt()).isNull();
			assertThat(this.database.tables()).as("reading the state creates no table").isEmpty();

			Migrator migrator = context.getBean(Migrator.class);
			migrator.upgrade("heads");
			migrator.backfills().run(BackfillRevisions.BACKFILL);
			MigratorDescriptor after = endpoint.migrator();
			assertThat(after.backfills()).singleElement().satisfies((done) -> {
				assertThat(done.revisionApplied()).isTrue();
				assertThat(done.state()).isEqualTo("done");
				assertThat(done.rowsDone()).isEqualTo(BackfillRevisions.ROWS);
				assertThat(done.rowsScanned()).isEqualTo(BackfillRevisions.ROWS);
				assertThat(done.estimatedTotal()).isEqualTo(BackfillRevisions.ROWS);
				assertThat(done.percent()).isEqualTo(100.0);
				assertThat(done.etaSeconds()).isZero();
				assertThat(done.batchSize()).isEqualTo(50);
				assertThat(done.throttle()).isNull();
				assertThat(done.startedAt()).isNotNull();
				assertThat(done.updatedAt()).isAfterOrEqualTo(done.startedAt());
				assertThat(done.lastError()).isNull();
			});
			assertThat(after.backfillsError()).isNull();
			assertThat(after.replicas()).as("SQLite has no replicas").isEmpty();
			assertThat(after.replicasError()).isNull();
		});
	}

	@Test
	void aBackfillTableThatCannotBeReadLeavesTheRestOfTheAnswer() {
		// The upgrade must not create the real progress table: the test puts another
		// there.
		runner().withPropertyValues("migrator.backfill.run-on-upgrade=false").run((context) -> {
			context.getBean(Migrator.class).upgrade("heads");
			this.database.execute("CREATE TABLE migrator_backfill (something_else integer)");
			MigratorDescriptor descriptor = context.getBean(MigratorEndpoint.class).migrator();
			assertThat(descriptor.current()).containsExactly("0002_items_status");
			assertThat(descriptor.backfills()).isEmpty();
			assertThat(descriptor.backfillsError()).contains("Could not read backfill progress");
			assertThat(descriptor.replicasError()).isNull();
		});
	}

	@Test
	void jsonHasTheDocumentedShape() {
		runner().run((context) -> {
			Migrator migrator = context.getBean(Migrator.class);
			migrator.upgrade("heads");
			migrator.backfills().run(BackfillRevisions.BACKFILL);
			String json = JsonMapper.builder()
				.build()
				.writeValueAsString(context.getBean(MigratorEndpoint.class).migrator());
			assertThat(json)
				.contains("\"backfills\":[{\"name\":\"items_status\",\"revision\":\"0002_items_status\","
						+ "\"table\":\"items\",\"revisionApplied\":true,\"state\":\"done\",\"rowsDone\":300,"
						+ "\"rowsScanned\":300,\"estimatedTotal\":300,\"percent\":100.0,\"rowsPerSecond\":")
				.contains("\"batchSize\":50,\"throttle\":null,\"startedAt\":\"")
				.contains("\"lastError\":null}]")
				.contains("\"replicas\":[]")
				.contains("\"backfillsError\":null")
				.contains("\"replicasError\":null")
				.doesNotContain("lastKey");
		});
	}

	@Test
	void aSectionErrorIsMadeSafeToShow() {
		EndpointSection<Object> section = EndpointSection.read("replicas", () -> {
			throw new IllegalStateException("Could not connect to jdbc:postgresql://reader:hunter2@replica-1/shop"
					+ "?password=hunter2\nDetail: Key (email)=(someone@example.com) already exists.");
		});
		assertThat(section.items()).isEmpty();
		assertThat(section.error()).contains("Could not connect")
			.doesNotContain("hunter2")
			.doesNotContain("someone@example.com");
		assertThat(EndpointSection.read("replicas", () -> List.of("a")))
			.isEqualTo(new EndpointSection<>(List.of("a"), null));
	}

}
