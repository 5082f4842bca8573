package dev.migrator.autoconfigure;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Tests for {@link MigratorFailureAnalyzer}: a wrong property value fails startup with
 * failure analysis.
 */
@ExtendWith(OutputCaptureExtension.class)
class MigratorFailureAnalyzerTests {

	@TempDir
	Path temp;

	@Test
	void negativeDurationIsDescribedWithTheEngineMessage() {
		assertThat(analyze("migrator.lock-wait=-5s").getDescription())
			.isEqualTo("The lock wait cannot be negative, but is PT-5S. Give a duration such as 2s.");
		assertThat(analyze("migrator.statement-timeout=-1ms").getDescription())
			.contains("statement timeout cannot be negative");
	}

	@Test
	void emptyTableNameIsDescribed() {
		FailureAnalysis analysis = analyze("migrator.version-table=");
		assertThat(analysis.getDescription()).contains("The version table name is empty");
		assertThat(analysis.getAction()).contains("migrator.* property");
	}

	@Test
	void unknownLocationPrefixIsDescribed() {
		FailureAnalysis analysis = analyze("migrator.locations=http://example.com/revisions");
		assertThat(analysis.getDescription()).contains("Revision location 'http://example.com/revisions'")
			.contains("unknown prefix 'http:'");
		assertThat(analysis.getAction()).contains("migrator.locations");
	}

	@Test
	void downgradeWithoutTargetIsDescribed() {
		FailureAnalysis analysis = analyze("spring.profiles.active=migrate", "migrator.job.command=downgrade");
		assertThat(analysis.getDescription()).contains("migrator.job.target is 'heads', which would undo nothing");
	}

	@Test
	void emptyTargetIsDescribed() {
		assertThat(analyze("spring.profiles.active=migrate", "migrator.job.target= ").getDescription())
			.contains("The target is empty");
	}

	@Test
	void applicationPrintsTheFailureAnalysisInsteadOfAStackTrace(CapturedOutput output) {
		assertThatException().isThrownBy(() -> run("--migrator.lock-wait=-5s"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("The lock wait cannot be negative, but is PT-5S.")
			.contains("Action:")
			.contains("Correct the migrator.* property named above")
			.doesNotContain("at dev.migrator.core.config.MigratorConfig$Builder");
	}

	@Test
	void unknownJobCommandFailsWithTheValidCommands(CapturedOutput output) {
		assertThatException()
			.isThrownBy(() -> run("--spring.profiles.active=migrate", "--migrator.job.command=explode"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("migrator.job.command")
			.contains("explode")
			.contains("UPGRADE");
	}

	@Test
	void aDatabaseOfAnotherKindFailsWithTheSupportedOnesNamed(CapturedOutput output) {
		assertThatException().isThrownBy(() -> run("--spring.profiles.active=migrate",
				"--migrator.url=jdbc:mysql://alice:s3cr3t@localhost:3306/app"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("jdbc:mysql://localhost:3306/app")
			.contains("postgresql")
			.contains("sqlite")
			.contains("migrator.url")
			.doesNotContain("s3cr3t")
			.doesNotContain("\tat org.springframework.boot.jdbc");
	}

	private FailureAnalysis analyze(String... properties) {
		FailureAnalysis[] analysis = new FailureAnalysis[1];
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(DataSourceAutoConfiguration.class, MigratorAutoConfiguration.class))
			.withPropertyValues(new SqliteFile(this.temp.resolve("app.db")).dataSourceProperty(),
					"migrator.job.exit=false")
			.withPropertyValues(properties)
			.run((context) -> {
				assertThat(context).hasFailed();
				analysis[0] = new MigratorFailureAnalyzer().analyze(context.getStartupFailure());
			});
		assertThat(analysis[0]).as("failure analysis").isNotNull();
		return analysis[0];
	}

	private void run(String... args) {
		SpringApplication application = new SpringApplication(FailingApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		String[] all = new String[args.length + 2];
		all[0] = "--spring.datasource.url=" + new SqliteFile(this.temp.resolve("app.db")).url();
		all[1] = "--migrator.job.exit=false";
		System.arraycopy(args, 0, all, 2, args.length);
		application.run(all).close();
	}

	@Configuration(proxyBeanMethods = false)
	// JPA is on the test classpath for JpaTestApplication; Hibernate has no SQLite
	// dialect.
	@EnableAutoConfiguration(
			excludeName = { "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
					"org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration" })
	static class FailingApplication {

	}

}
