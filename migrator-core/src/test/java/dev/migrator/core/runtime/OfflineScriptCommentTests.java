package dev.migrator.core.runtime;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrator.core.Migrator;
import dev.migrator.core.config.MigratorConfig;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever a revision's file name or message holds, the offline script's comments stay
 * comments: nothing of them runs as SQL.
 */
class OfflineScriptCommentTests {

	@TempDir
	Path folder;

	@Test
	void aLineBreakInAFileNameOrAMessageStaysInsideTheComment() throws Exception {
		Files.writeString(this.folder.resolve("0001_a\nDROP TABLE victims;\r--.sql"), """
				-- migrator:revision 0001_a
				-- migrator:message first line
				-- migrator:upgrade
				CREATE TABLE a (id integer);
				""");
		String script = Migrator
			.create(MigratorConfig.builder()
				.locations("filesystem:" + this.folder.toAbsolutePath())
				.dialect("sqlite")
				.build())
			.sql("base", "heads");

		assertThat(script.lines().filter((line) -> line.contains("DROP TABLE victims")))
			.as("the file name's second line is not a statement")
			.singleElement()
			.satisfies((line) -> assertThat(line).startsWith("-- upgrade 0001_a"));
		assertThat(script).contains("CREATE TABLE a (id integer);");
	}

}
