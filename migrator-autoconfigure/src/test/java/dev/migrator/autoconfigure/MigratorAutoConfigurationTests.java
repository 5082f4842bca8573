package dev.migrator.autoconfigure;

import dev.migrator.core.config.ChecksumPolicy;
import dev.migrator.core.Migrator;
import dev.migrator.core.config.MigratorConfig;
import dev.migrator.core.op.NamingConvention;
import dev.migrator.core.runtime.MigrationListener;
import dev.migrator.core.script.JavaMigration;
import dev.migrator.core.script.MigrationContext;
import dev.migrator.core.script.MigratorRevision;

import java.nio.file.Path;
import java.time.Duration;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * Tests for {@link MigratorAutoConfiguration}: its conditions and how properties and
 * beans reach the engine.
 */
class MigratorAutoConfigurationTests {

	@TempDir
	Path temp;

	private ApplicationContextRunner runner() {
		return new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(DataSourceAutoConfiguration.class, MigratorAutoConfiguration.class))
			.withPropertyValues(new SqliteFile(this.temp.resolve("app.db")).dataSourceProperty());
	}

	@Test
	void backsOffWithoutDataSource() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(MigratorAutoConfiguration.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(Migrator.class)
				.doesNotHaveBean(MigratorConfig.class)
				.doesNotHaveBean(MigratorProperties.class));
	}

	@Test
	void createsMigratorOnTheApplicationDataSource() {
		runner().run((context) -> {
			assertThat(context).hasSingleBean(Migrator.class).hasSingleBean(MigratorConfig.class);
			assertThat(context.getBean(MigratorConfig.class).dataSource()).contains(context.getBean(DataSource.class));
			assertThat(context.getBean(Migrator.class).config()).isSameAs(context.getBean(MigratorConfig.class));
		});
	}

	@Test
	void backsOffWhenDisabled() {
		runner().withPropertyValues("migrator.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(DataSource.class)
				.doesNotHaveBean(Migrator.class)
				.doesNotHaveBean(MigratorConfig.class));
	}

	@Test
	void backsOffWhenMigratorIsNotOnTheClasspath() {
		runner().withClassLoader(new org.springframework.boot.test.context.FilteredClassLoader(Migrator.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(MigratorConfig.class));
	}

	@Test
	void userDefinedMigratorWins() {
		runner().withUserConfiguration(OwnMigratorConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(Migrator.class).doesNotHaveBean(MigratorConfig.class);
			assertThat(context.getBean(Migrator.class).config().tables().versionTable()).isEqualTo("own_version");
		});
	}

	@Test
	void userDefinedConfigIsUsedForTheMigrator() {
		runner().withUserConfiguration(OwnConfigConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(MigratorConfig.class);
			assertThat(context.getBean(Migrator.class).config().tables().versionTable()).isEqualTo("own_config");
		});
	}

	@Test
	void loadsRevisionsFromTheDefaultClasspathFolder() {
		runner().run((context) -> assertThat(context.getBean(Migrator.class).heads())
			.extracting((revision) -> revision.origin().location())
			.containsExactly("classpath:db/revisions/0002_add_email.sql"));
	}

	@Test
	void appliesEveryProperty() {
		runner().withPropertyValues("migrator.locations=classpath:one, filesystem:/srv/two",
				"migrator.java-packages=com.example.migrations", "migrator.schema=main",
				"migrator.version-table=app_version", "migrator.history-table=app_history", "migrator.lock-timeout=2s",
				"migrator.statement-timeout=1m", "migrator.lock-wait=30s", "migrator.checksum-policy=warn")
			.run((context) -> {
				MigratorConfig config = context.getBean(MigratorConfig.class);
				assertThat(config.locations()).containsExactly("classpath:one", "filesystem:/srv/two");
				assertThat(config.javaPackages()).containsExactly("com.example.migrations");
				assertThat(config.tables().schema()).contains("main");
				assertThat(config.tables().versionTable()).isEqualTo("app_version");
				assertThat(config.tables().historyTable()).isEqualTo("app_history");
				assertThat(config.settings().lockTimeout()).contains(Duration.ofSeconds(2));
				assertThat(config.settings().statementTimeout()).contains(Duration.ofMinutes(1));
				assertThat(config.lockWait()).isEqualTo(Duration.ofSeconds(30));
				assertThat(config.checksumPolicy()).isEqualTo(ChecksumPolicy.WARN);
			});
	}

	@Test
	void customizersRunInOrderAfterTheProperties() {
		runner().withPropertyValues("migrator.version-table=from_properties")
			.withUserConfiguration(CustomizerConfiguration.class)
			.run((context) -> {
				MigratorConfig config = context.getBean(MigratorConfig.class);
				assertThat(config.tables().versionTable()).isEqualTo("second_customizer");
				assertThat(config.tables().historyTable()).isEqualTo("first_customizer");
			});
	}

	@Test
	void listenerAndJavaMigrationBeansReachTheEngine() {
		runner().withUserConfiguration(ListenerAndMigrationConfiguration.class).run((context) -> {
			MigratorConfig config = context.getBean(MigratorConfig.class);
			assertThat(config.listeners()).contains(context.getBean(MigrationListener.class));
			assertThat(config.javaMigrations()).containsExactly(context.getBean(JavaMigration.class));
		});
	}

	@Test
	void namingConventionBeanReachesTheEngine() {
		NamingConvention convention = new NamingConvention("pk_{table}", "fk_{table}_{referred_table}",
				"unique_{table}_{columns}", "check_{table}_{constraint}", "idx_{table}_{columns}");
		runner().withBean(NamingConvention.class, () -> convention)
			.run((context) -> assertThat(context.getBean(MigratorConfig.class).namingConvention())
				.isSameAs(convention));
		runner().run((context) -> assertThat(context.getBean(MigratorConfig.class).namingConvention())
			.isEqualTo(NamingConvention.defaults()));
	}

	@Test
	void javaMigrationBeansRunWithTheSqlRevisions() {
		SqliteFile database = new SqliteFile(this.temp.resolve("app.db"));
		RevisionFiles files = RevisionFiles.in(this.temp.resolve("revisions"))
			.table("0001_create_people", null, "people");
		runner().withPropertyValues("migrator.locations=" + files.location())
			.withUserConfiguration(ListenerAndMigrationConfiguration.class)
			.run((context) -> {
				context.getBean(Migrator.class).upgrade("heads");
				assertThat(database.tables()).contains("people", "from_java");
				assertThat(database.versionRows()).containsExactly("0002_java");
			});
	}

	@Test
	void placeholderPropertiesReachTheRevisionFiles() {
		SqliteFile database = new SqliteFile(this.temp.resolve("app.db"));
		RevisionFiles files = RevisionFiles.in(this.temp.resolve("revisions"))
			.file("0001_people.sql",
					"-- migrator:revision 0001_people\n-- migrator:upgrade\nCREATE TABLE ${prefix}_people (id integer);\n");
		runner().withPropertyValues("migrator.locations=" + files.location(), "migrator.placeholders.prefix=crm")
			.run((context) -> {
				assertThat(context.getBean(MigratorConfig.class).placeholders())
					.containsExactly(entry("prefix", "crm"));
				context.getBean(Migrator.class).upgrade("heads");
				assertThat(database.tables()).contains("crm_people");
			});
	}

	@Test
	void usesTheDedicatedUrlForMigrations() {
		SqliteFile application = new SqliteFile(this.temp.resolve("app.db"));
		SqliteFile migrations = new SqliteFile(this.temp.resolve("migrations.db"));
		RevisionFiles files = RevisionFiles.twoTables(this.temp.resolve("revisions"));
		runner().withPropertyValues("migrator.url=" + migrations.url(), "migrator.locations=" + files.location())
			.run((context) -> {
				DataSource used = context.getBean(MigratorConfig.class).dataSource().orElseThrow();
				assertThat(used).isInstanceOf(SimpleDriverDataSource.class)
					.isNotSameAs(context.getBean(DataSource.class));
				assertThat(((SimpleDriverDataSource) used).getUrl()).isEqualTo(migrations.url());
				context.getBean(Migrator.class).upgrade("heads");
				assertThat(migrations.tables()).contains("people", "orders", "migrator_version");
				assertThat(application.tables()).isEmpty();
			});
	}

	@Test
	void dedicatedUrlIsEnoughWithoutAnApplicationDataSource() {
		SqliteFile migrations = new SqliteFile(this.temp.resolve("migrations.db"));
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(MigratorAutoConfiguration.class))
			.withPropertyValues("migrator.url=" + migrations.url())
			.run((context) -> assertThat(context).hasSingleBean(Migrator.class));
	}

	@Test
	void userAloneDerivesAMigrationDataSourceFromTheApplicationOne() {
		SqliteFile application = new SqliteFile(this.temp.resolve("app.db"));
		runner().withPropertyValues("migrator.user=ddl_user", "migrator.password=secret").run((context) -> {
			DataSource used = context.getBean(MigratorConfig.class).dataSource().orElseThrow();
			assertThat(used).isInstanceOf(SimpleDriverDataSource.class);
			assertThat(((SimpleDriverDataSource) used).getUrl()).isEqualTo(application.url());
			assertThat(((SimpleDriverDataSource) used).getUsername()).isEqualTo("ddl_user");
		});
	}

	@Test
	void usesTheMigratorDataSourceQualifiedBean() {
		runner().withUserConfiguration(TwoDataSourcesConfiguration.class).run((context) -> {
			DataSource qualified = context.getBean("migrationDataSource", DataSource.class);
			assertThat(context.getBean(MigratorConfig.class).dataSource()).contains(qualified);
		});
	}

	@Test
	void startupNeverTouchesTheDatabase() {
		SqliteFile database = new SqliteFile(this.temp.resolve("app.db"));
		runner().run((context) -> {
			assertThat(context).hasSingleBean(Migrator.class).doesNotHaveBean(MigratorJobRunner.class);
			assertThat(database.tables()).isEmpty();
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnMigratorConfiguration {

		@Bean
		Migrator ownMigrator() {
			return Migrator.create(MigratorConfig.builder().versionTable("own_version").build());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnConfigConfiguration {

		@Bean
		MigratorConfig ownConfig() {
			return MigratorConfig.builder().versionTable("own_config").build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CustomizerConfiguration {

		@Bean
		@Order(2)
		MigratorConfigCustomizer second() {
			return (builder) -> builder.versionTable("second_customizer");
		}

		@Bean
		@Order(1)
		MigratorConfigCustomizer first() {
			return (builder) -> builder.versionTable("first_customizer").historyTable("first_customizer");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ListenerAndMigrationConfiguration {

		@Bean
		MigrationListener recordingListener() {
			return new MigrationListener() {
			};
		}

		@Bean
		JavaMigration javaRevision() {
			return new CreateFromJava();
		}

	}

	@MigratorRevision(id = "0002_java", revises = "0001_create_people", message = "created from Java")
	static class CreateFromJava implements JavaMigration {

		@Override
		public void upgrade(MigrationContext context) throws Exception {
			context.execute("CREATE TABLE from_java (id integer PRIMARY KEY)");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class TwoDataSourcesConfiguration {

		@Bean
		@Primary
		DataSource applicationDataSource() {
			return new SimpleDriverDataSource(new org.sqlite.JDBC(), "jdbc:sqlite::memory:");
		}

		@Bean
		@MigratorDataSource
		DataSource migrationDataSource() {
			return new SimpleDriverDataSource(new org.sqlite.JDBC(), "jdbc:sqlite::memory:");
		}

	}

}
