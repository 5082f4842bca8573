package dev.migrator.core;

import dev.migrator.core.command.RunResult;
import dev.migrator.core.config.MigratorConfig;
import dev.migrator.core.report.CurrentText;
import dev.migrator.core.report.HistoryText;
import dev.migrator.core.runtime.StepResult;
import dev.migrator.core.script.Revision;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Repeatable revisions ({@code -- migrator:repeatable true}) on each dialect's real
 * database: applied after the others when first seen or changed, in depends-on order,
 * never downgraded, outside the version rows.
 */
abstract class RepeatablesContract extends RevisionFolderContract {

	private RevisionFolder view(String id, String select, String dependsOn) {
		String depends = (dependsOn != null) ? "-- migrator:depends-on " + dependsOn + "\n" : "";
		return this.folder.file(id + ".sql",
				"-- migrator:revision " + id + "\n-- migrator:repeatable true\n" + depends
						+ "-- migrator:upgrade\nDROP VIEW IF EXISTS " + id.toLowerCase() + ";\nCREATE VIEW "
						+ id.toLowerCase() + " AS " + select + ";\n");
	}

	private static Iterable<String> revisions(RunResult result) {
		return result.steps().stream().map(StepResult::revision).toList();
	}

	@Test
	void aRepeatableRunsAfterTheOthersWhenFirstSeenAndAgainOnlyWhenItChanges() throws Exception {
		this.folder.table("0001_people", null, "people");
		view("R__people_names", "SELECT name FROM people", null);

		assertThat(migrator().status().pending()).extracting(Revision::id)
			.containsExactly("0001_people", "R__people_names");
		assertThat(revisions(migrator().upgrade("heads"))).containsExactly("0001_people", "R__people_names");
		Databases.execute(this.dataSource, "INSERT INTO people (id, name) VALUES (1, 'Ada')");
		assertThat(Databases.strings(this.dataSource, "SELECT name FROM r__people_names")).containsExactly("Ada");
		assertThat(migrator().current()).containsExactly("0001_people");
		assertThat(migrator().status().pending()).isEmpty();
		assertThat(new CurrentText(migrator().current(), migrator().appliedRepeatables()).text())
			.isEqualTo("0001_people\nR__people_names (repeatable)\n");
		assertThat(new HistoryText(migrator().history(""), migrator().heads()).text())
			.isEqualTo("base -> 0001_people (head), create people\nrepeatable -> R__people_names\n");
		assertThat(revisions(migrator().upgrade("heads"))).isEmpty();

		view("R__people_names", "SELECT upper(name) AS name FROM people", null);
		assertThat(migrator().status().pending()).extracting(Revision::id).containsExactly("R__people_names");
		assertThat(migrator().status().checksumMismatches()).as("a repeatable is meant to change").isEmpty();
		assertThat(new CurrentText(migrator().current(), migrator().appliedRepeatables()).text())
			.isEqualTo("0001_people\nR__people_names (repeatable, changed since it ran)\n");
		assertThat(revisions(migrator().upgrade("heads"))).containsExactly("R__people_names");
		assertThat(Databases.strings(this.dataSource, "SELECT name FROM r__people_names")).containsExactly("ADA");
		assertThat(migrator().check().isUpToDate()).isTrue();
	}

	@Test
	void repeatablesRunInDependsOnOrderAmongThemselves() throws Exception {
		this.folder.table("0001_people", null, "people");
		view("R__zeta", "SELECT id, name FROM people", null);
		view("R__alpha", "SELECT name FROM r__zeta", "R__zeta");
		assertThat(revisions(migrator().upgrade("heads"))).containsExactly("0001_people", "R__zeta", "R__alpha");
	}

	@Test
	void theyWaitForAnUpgradeThatReachesTheHeads() throws Exception {
		this.folder.table("0001_people", null, "people").table("0002_teams", "0001_people", "teams");
		view("R__teams", "SELECT name FROM teams", null);
		assertThat(revisions(migrator().upgrade("0001_people"))).containsExactly("0001_people");
		assertThat(revisions(migrator().upgrade("heads"))).containsExactly("0002_teams", "R__teams");
	}

	@Test
	void theOfflineScriptToTheHeadsRunsThemAllAfterTheOthers() {
		this.folder.table("0001_people", null, "people");
		view("R__one", "SELECT 1 AS n", null);
		String script = Migrator
			.create(MigratorConfig.builder().locations(this.folder.location()).dialect(dialectName()).build())
			.sql("base", "heads");
		assertThat(script.indexOf("CREATE VIEW r__one")).isGreaterThan(script.indexOf("CREATE TABLE people"));
		assertThat(Migrator
			.create(MigratorConfig.builder().locations(this.folder.location()).dialect(dialectName()).build())
			.sql("heads", "base")).doesNotContain("r__one");
	}

	abstract String dialectName();

	@Test
	void aDowngradeNeverUndoesThem() throws Exception {
		this.folder.table("0001_people", null, "people");
		view("R__one", "SELECT 1 AS n", null);
		migrator().upgrade("heads");
		assertThat(revisions(migrator().downgrade("base"))).containsExactly("0001_people");
		assertThat(Databases.strings(this.dataSource, "SELECT n FROM r__one")).containsExactly("1");
		assertThat(revisions(migrator().upgrade("heads"))).as("unchanged, so not run again")
			.containsExactly("0001_people");
	}

}
