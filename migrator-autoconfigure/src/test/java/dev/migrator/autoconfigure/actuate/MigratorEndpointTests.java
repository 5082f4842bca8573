package dev.migrator.autoconfigure.actuate;

import dev.migrator.autoconfigure.MigratorAutoConfiguration;
import dev.migrator.autoconfigure.RevisionFiles;
import dev.migrator.autoconfigure.SqliteFile;
import dev.migrator.autoconfigure.actuate.MigratorEndpoint.AppliedDescriptor;
import dev.migrator.autoconfigure.actuate.MigratorEndpoint.HistoryDescriptor;
import dev.migrator.autoconfigure.actuate.MigratorEndpoint.MigratorDescriptor;
import dev.migrator.autoconfigure.actuate.MigratorEndpoint.RevisionDescriptor;
import dev.migrator.autoconfigure.actuate.MigratorEndpoint.RevisionSummary;
import dev.migrator.core.Migrator;
import dev.migrator.core.config.MigratorConfig;
import dev.migrator.core.error.MigratorException;
import dev.migrator.core.compat.ClientInstance;

import java.nio.file.Path;
import java.util.Set;

import tools.jackson.databind.json.JsonMapper;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link MigratorEndpoint} and its auto-configuration, invoked as a bean
 * against SQLite.
 */
class MigratorEndpointTests {

	@TempDir
	Path temp;

	private SqliteFile database() {
		return new SqliteFile(this.temp.resolve("app.db"));
	}

	private RevisionFiles revisions;

	@BeforeEach
	void writeRevisions() {
		this.revisions = RevisionFiles.twoTables(this.temp.resolve("revisions"));
	}

	private RevisionFiles revisions() {
		return this.revisions;
	}

	private ApplicationContextRunner runner() {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigratorAutoConfiguration.class,
					MigratorEndpointAutoConfiguration.class))
			.withPropertyValues(database().dataSourceProperty(), "migrator.locations=" + revisions().location(),
					"management.endpoints.web.exposure.include=migrator");
	}

	@Test
	void endpointExistsOnlyWhenExposed() {
		runner().run((context) -> assertThat(context).hasSingleBean(MigratorEndpoint.class));
		runner().withPropertyValues("management.endpoints.web.exposure.include=health")
			.run((context) -> assertThat(context).doesNotHaveBean(MigratorEndpoint.class));
	}

	@Test
	void endpointBacksOffWithoutMigrator() {
		runner().withPropertyValues("migrator.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(MigratorEndpoint.class));
	}

	@Test
	void showsPendingRevisionsBeforeTheJobRan() {
		runner().run((context) -> {
			MigratorDescriptor descriptor = context.getBean(MigratorEndpoint.class).migrator();
			assertThat(descriptor.current()).isEmpty();
			assertThat(descriptor.heads()).extracting(RevisionSummary::id).containsExactly("0002_create_orders");
			assertThat(descriptor.pending()).containsExactly(
					new RevisionSummary("0001_create_people", "create people", "expand"),
					new RevisionSummary("0002_create_orders", "create orders", "expand"));
			assertThat(descriptor.history()).isEmpty();
			assertThat(descriptor.checksums().status()).isEqualTo("ok");
			assertThat(descriptor.unknownRevisions()).isEmpty();
			assertThat(descriptor.backfills()).isEmpty();
			assertThat(descriptor.replicas()).isEmpty();
			assertThat(database().tables()).as("reading the state creates no table").isEmpty();
		});
	}

	@Test
	void showsTheInstancesThatBlockAPendingContractRevision() {
		revisions().file("0003_drop_name.sql",
				"-- migrator:revision 0003_drop_name\n-- migrator:revises 0002_create_orders\n"
						+ "-- migrator:message drop name\n-- migrator:phase contract\n-- migrator:upgrade\n"
						+ "ALTER TABLE people DROP COLUMN name;\n");
		runner().run((context) -> {
			Migrator migrator = context.getBean(Migrator.class);
			assertThat(context.getBean(MigratorEndpoint.class).migrator().blockingClients()).isEmpty();
			migrator.upgrade("0002_create_orders");
			migrator.clientRegistry()
				.register(new ClientInstance("web-1", "shop", "1.4.0", Set.of("0002_create_orders")));
			migrator.clientRegistry().register(new ClientInstance("web-2", "shop", "1.5.0", Set.of("0003_drop_name")));
			MigratorDescriptor descriptor = context.getBean(MigratorEndpoint.class).migrator();
			assertThat(descriptor.pending())
				.containsExactly(new RevisionSummary("0003_drop_name", "drop name", "contract"));
			assertThat(descriptor.blockingClients()).singleElement().satisfies((blocked) -> {
				assertThat(blocked.revision()).isEqualTo("0003_drop_name");
				assertThat(blocked.clients()).singleElement().satisfies((client) -> {
					assertThat(client.instanceId()).isEqualTo("web-1");
					assertThat(client.version()).isEqualTo("1.4.0");
					assertThat(client.needs()).containsExactly("0002_create_orders");
					assertThat(client.lastHeartbeat()).isNotNull();
				});
			});
		});
	}

	@Test
	void showsTheHistoryAfterTheJobRan() {
		runner().run((context) -> {
			context.getBean(Migrator.class).upgrade("heads");
			MigratorDescriptor descriptor = context.getBean(MigratorEndpoint.class).migrator();
			assertThat(descriptor.current()).containsExactly("0002_create_orders");
			assertThat(descriptor.pending()).isEmpty();
			assertThat(descriptor.history()).extracting(HistoryDescriptor::revision)
				.containsExactly("0002_create_orders", "0001_create_people");
			HistoryDescriptor latest = descriptor.history().get(0);
			assertThat(latest.direction()).isEqualTo("upgrade");
			assertThat(latest.outcome()).isEqualTo("success");
			assertThat(latest.startedAt()).isNotNull();
			assertThat(latest.finishedAt()).isAfterOrEqualTo(latest.startedAt());
			assertThat(latest.durationMs()).isNotNull().isNotNegative();
			assertThat(latest.error()).isNull();
			assertThat(descriptor.applied()).extracting(AppliedDescriptor::revision)
				.as("every applied revision, parents first, as Flyway's endpoint lists them")
				.containsExactly("0001_create_people", "0002_create_orders");
			assertThat(descriptor.applied()).allSatisfy((applied) -> {
				assertThat(applied.installedOn()).isNotNull();
				assertThat(applied.installedBy()).isNotBlank();
				assertThat(applied.durationMs()).isNotNull().isNotNegative();
				assertThat(applied.stamped()).isFalse();
			});
		});
	}

	@Test
	void showsAFailedStepWithItsError() {
		revisions().failing("0003_fails", "0002_create_orders");
		runner().run((context) -> {
			assertThatExceptionOfType(MigratorException.class)
				.isThrownBy(() -> context.getBean(Migrator.class).upgrade("heads"));
			MigratorDescriptor descriptor = context.getBean(MigratorEndpoint.class).migrator();
			HistoryDescriptor failed = descriptor.history().get(0);
			assertThat(failed.revision()).isEqualTo("0003_fails");
			assertThat(failed.outcome()).isEqualTo("failed");
			assertThat(failed.error()).contains("Upgrade of revision 0003_fails").contains("no_such_table");
			assertThat(descriptor.pending()).extracting(RevisionSummary::id).containsExactly("0003_fails");
		});
	}

	@Test
	void showsEditedAppliedRevisions() {
		runner().run((context) -> {
			context.getBean(Migrator.class).upgrade("heads");
		});
		revisions().file("0001_create_people.sql", "-- migrator:revision 0001_create_people\n"
				+ "-- migrator:message create people\n-- migrator:upgrade\nCREATE TABLE people (id integer);\n");
		runner().run((context) -> {
			MigratorDescriptor descriptor = context.getBean(MigratorEndpoint.class).migrator();
			assertThat(descriptor.checksums().status()).isEqualTo("mismatch");
			assertThat(descriptor.checksums().mismatches()).singleElement().satisfies((mismatch) -> {
				assertThat(mismatch.revision()).isEqualTo("0001_create_people");
				assertThat(mismatch.location()).endsWith("0001_create_people.sql");
				assertThat(mismatch.appliedChecksum()).isNotEqualTo(mismatch.currentChecksum());
			});
		});
	}

	@Test
	void showsRevisionsTheApplicationDoesNotKnowWhenTheDatabaseIsAhead() {
		RevisionFiles newer = RevisionFiles.twoTables(this.temp.resolve("newer"))
			.table("0003_create_invoices", "0002_create_orders", "invoices");
		Migrator newerBuild = Migrator.create(MigratorConfig.builder()
			.dataSource(new SimpleDriverDataSource(new org.sqlite.JDBC(), database().url()))
			.locations(newer.location())
			.build());
		newerBuild.upgrade("heads");
		runner().run((context) -> {
			MigratorDescriptor descriptor = context.getBean(MigratorEndpoint.class).migrator();
			assertThat(descriptor.current()).containsExactly("0003_create_invoices");
			assertThat(descriptor.unknownRevisions()).containsExactly("0003_create_invoices");
			assertThat(descriptor.pending()).isEmpty();
			assertThat(descriptor.checksums().status()).isEqualTo("ok");
		});
	}

	@Test
	void showsOneRevisionsDetail() {
		revisions().file("0003_slow_index.sql", "-- migrator:revision 0003_slow_index\n"
				+ "-- migrator:revises 0002_create_orders\n-- migrator:message index orders\n"
				+ "-- migrator:transactional false\n-- migrator:lock-timeout 2s\n-- migrator:branch-labels reporting\n"
				+ "-- migrator:upgrade\nCREATE INDEX orders_name ON orders (name);\n");
		runner().run((context) -> {
			MigratorEndpoint endpoint = context.getBean(MigratorEndpoint.class);
			RevisionDescriptor people = endpoint.revision("0001_create_people");
			assertThat(people.id()).isEqualTo("0001_create_people");
			assertThat(people.revises()).isEmpty();
			assertThat(people.message()).isEqualTo("create people");
			assertThat(people.phase()).isEqualTo("expand");
			assertThat(people.transactional()).isTrue();
			assertThat(people.hasDowngrade()).isTrue();
			assertThat(people.applied()).isFalse();
			assertThat(people.location()).startsWith("filesystem:").endsWith("0001_create_people.sql");
			assertThat(people.checksum())
				.isEqualTo(context.getBean(Migrator.class).graph().get("0001_create_people").checksum());
			RevisionDescriptor index = endpoint.revision("0003_slow_index");
			assertThat(index.revises()).containsExactly("0002_create_orders");
			assertThat(index.branchLabels()).containsExactly("reporting");
			assertThat(index.transactional()).isFalse();
			assertThat(index.lockTimeoutMs()).isEqualTo(2000L);
			assertThat(index.statementTimeoutMs()).isNull();
			assertThat(index.hasDowngrade()).isFalse();
			context.getBean(Migrator.class).upgrade("0001_create_people");
			assertThat(endpoint.revision("0001_create_people").applied()).isTrue();
			assertThat(endpoint.revision("0002_create_orders").applied()).isFalse();
		});
	}

	@Test
	void jsonHasTheDocumentedShapeAndNoCredentials() {
		SqliteFile migrations = new SqliteFile(this.temp.resolve("migrations.db"));
		runner()
			.withPropertyValues("migrator.url=" + migrations.url() + "?password=url-secret", "migrator.user=ddl",
					"migrator.password=property-secret")
			.run((context) -> {
				context.getBean(Migrator.class).upgrade("0001_create_people");
				MigratorEndpoint endpoint = context.getBean(MigratorEndpoint.class);
				JsonMapper json = JsonMapper.builder().build();
				String state = json.writeValueAsString(endpoint.migrator());
				assertThat(state).contains("\"current\":[\"0001_create_people\"]")
					.contains("\"pending\":[{\"id\":\"0002_create_orders\","
							+ "\"message\":\"create orders\",\"phase\":\"expand\"}]")
					.contains("\"checksums\":{\"status\":\"ok\",\"mismatches\":[]}")
					.contains("\"backfills\":[]")
					.contains("\"replicas\":[]")
					.containsPattern("\"startedAt\":\"\\d{4}-\\d{2}-\\d{2}T");
				String revision = json.writeValueAsString(endpoint.revision("0001_create_people"));
				assertThat(revision).contains("\"applied\":true").contains("\"hasDowngrade\":true");
				assertThat(state + revision).doesNotContain("secret").doesNotContain("jdbc:").doesNotContain("ddl");
			});
	}

	@Test
	void unknownRevisionIsNotFound() {
		runner().run((context) -> {
			MigratorEndpoint endpoint = context.getBean(MigratorEndpoint.class);
			assertThat(endpoint.revision("9999_missing")).isNull();
			assertThat(endpoint.revision("0001")).as("a prefix is not an id").isNull();
		});
	}

}
