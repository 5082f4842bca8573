package dev.migrator.maven;

import dev.migrator.core.Migrator;
import dev.migrator.core.report.HeadsText;
import dev.migrator.core.report.HistoryText;
import dev.migrator.core.report.StatusText;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read-only goals print their result on standard output exactly as the engine's
 * report layer renders it, which is what the migration job prints too.
 */
class GoalReportTests {

	@TempDir
	Path project;

	private PluginSettings settings;

	private final ClassLoader loader = getClass().getClassLoader();

	@BeforeEach
	void writeRevisions() throws IOException {
		Path revisions = Files.createDirectories(this.project.resolve("src/main/resources/db/revisions"));
		Files.writeString(revisions.resolve("0001_people.sql"), """
				-- migrator:revision 0001_people
				-- migrator:message create people
				-- migrator:upgrade
				CREATE TABLE people (id INTEGER PRIMARY KEY);
				-- migrator:downgrade
				DROP TABLE people;
				""");
		Files.writeString(revisions.resolve("0002_orders.sql"), """
				-- migrator:revision 0002_orders
				-- migrator:revises 0001_people
				-- migrator:message create orders
				-- migrator:upgrade
				CREATE TABLE orders (id INTEGER PRIMARY KEY);
				-- migrator:downgrade
				DROP TABLE orders;
				""");
		this.settings = PluginSettings.resolve(PluginParameters.none(),
				ApplicationProperties
					.of(Map.of("spring.datasource.url", "jdbc:sqlite:" + this.project.resolve("app.db"))),
				this.project, List.of(this.project.resolve("src/main/resources")));
	}

	@Test
	void historyPrintsTheReportLayersHistory() throws Exception {
		Migrator migrator = new HistoryMojo().migrator(this.settings, this.loader);
		assertThat(run(new HistoryMojo())).isEqualTo(new HistoryText(migrator.history(""), migrator.heads()).text())
			.contains("0001_people -> 0002_orders (head), create orders");
	}

	@Test
	void headsPrintsTheReportLayersHeads() throws Exception {
		Migrator migrator = new HeadsMojo().migrator(this.settings, this.loader);
		assertThat(run(new HeadsMojo())).isEqualTo(new HeadsText(migrator.graph()).text())
			.startsWith("0002_orders (head), create orders  filesystem:");
	}

	@Test
	void currentPrintsTheReportLayersStatus() throws Exception {
		Migrator migrator = new CurrentMojo().migrator(this.settings, this.loader);
		assertThat(run(new CurrentMojo())).isEqualTo(new StatusText(migrator.status()).text())
			.startsWith("Current: base\nPending: 2 revision(s): 0001_people, 0002_orders\n");
	}

	@Test
	void sqlPrintsTheScript() throws Exception {
		Migrator migrator = new SqlMojo().migrator(this.settings, this.loader);
		SqlMojo goal = new SqlMojo();
		setField(goal, "from", "base");
		setField(goal, "target", "heads");
		assertThat(run(goal)).isEqualTo(migrator.sql("base", "heads")).contains("CREATE TABLE orders");
	}

	private String run(AbstractMigratorMojo goal) throws Exception {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		goal.printTo(new PrintStream(bytes, true, StandardCharsets.UTF_8));
		goal.run(this.settings, this.loader);
		return bytes.toString(StandardCharsets.UTF_8);
	}

	private static void setField(Object goal, String name, String value) throws ReflectiveOperationException {
		var field = goal.getClass().getDeclaredField(name);
		field.setAccessible(true);
		field.set(goal, value);
	}

}
