package dev.migrator.autoconfigure.actuate;

import dev.migrator.autoconfigure.MigratorAutoConfiguration;
import dev.migrator.autoconfigure.RevisionFiles;
import dev.migrator.core.Migrator;
import dev.migrator.core.backfill.BackfillFailedException;
import dev.migrator.core.runtime.MigrationFailedException;
import dev.migrator.testsupport.TestPostgres;

import java.nio.file.Path;

import tools.jackson.databind.json.JsonMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What the endpoint shows of failures on a real PostgreSQL: the shape of each error,
 * never a password of the failed statement or a row value the database quoted.
 */
@ExtendWith(OutputCaptureExtension.class)
class MigratorEndpointRedactionTests {

	@TempDir
	Path temp;

	private ApplicationContextRunner runner(RevisionFiles revisions) {
		TestPostgres server = TestPostgres.shared();
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigratorAutoConfiguration.class,
					MigratorEndpointAutoConfiguration.class))
			.withPropertyValues("spring.datasource.url=" + server.createDatabase(),
					"spring.datasource.username=" + server.user(), "spring.datasource.password=" + server.password(),
					"migrator.locations=" + revisions.location(), "migrator.backfill.run-on-upgrade=false",
					"management.endpoints.web.exposure.include=migrator");
	}

	@Test
	void aFailedPasswordChangeShowsNoPassword(CapturedOutput output) {
		RevisionFiles revisions = RevisionFiles.in(this.temp.resolve("revisions"))
			.file("0001_role.sql", "-- migrator:revision 0001_role\n-- migrator:upgrade\n"
					+ "ALTER ROLE nobody_here PASSWORD 'hunter2';\n");
		runner(revisions).run((context) -> {
			assertThatExceptionOfType(MigrationFailedException.class)
				.isThrownBy(() -> context.getBean(Migrator.class).upgrade("heads"))
				.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("hunter2"));
			String json = JsonMapper.builder()
				.build()
				.writeValueAsString(context.getBean(MigratorEndpoint.class).migrator());
			assertThat(json).contains("0001_role", "PASSWORD '***'").doesNotContain("hunter2");
		});
		assertThat(output.getAll()).contains("nobody_here").doesNotContain("hunter2");
	}

	@Test
	void aBackfillFailingOnABadCastShowsNoRowValue(CapturedOutput output) {
		RevisionFiles revisions = RevisionFiles.in(this.temp.resolve("revisions"))
			.file("0001_people.sql",
					"-- migrator:revision 0001_people\n-- migrator:upgrade\n"
							+ "CREATE TABLE people (id integer PRIMARY KEY, contact text, age integer);\n"
							+ "INSERT INTO people VALUES (1, 'ada@example.com', NULL);\n")
			.file("0002_people_age.sql",
					"-- migrator:revision 0002_people_age\n-- migrator:revises 0001_people\n"
							+ "-- migrator:phase migrate\n-- migrator:backfill people_age\n"
							+ "-- migrator:backfill-table people\n-- migrator:backfill-key id\n"
							+ "-- migrator:backfill-set age = contact::integer\n");
		runner(revisions).run((context) -> {
			Migrator migrator = context.getBean(Migrator.class);
			migrator.upgrade("heads");
			assertThatExceptionOfType(BackfillFailedException.class)
				.isThrownBy(() -> migrator.backfills().run("people_age"));
			MigratorEndpoint.MigratorDescriptor descriptor = context.getBean(MigratorEndpoint.class).migrator();
			assertThat(descriptor.backfills()).singleElement().satisfies((backfill) -> {
				assertThat(backfill.state()).isEqualTo("failed");
				assertThat(backfill.lastError()).contains("invalid input syntax for type integer: \"…\"")
					.doesNotContain("ada@");
			});
			assertThat(JsonMapper.builder().build().writeValueAsString(descriptor)).doesNotContain("ada@");
		});
		assertThat(output.getAll()).contains("invalid input syntax for type integer").doesNotContain("ada@");
	}

}
