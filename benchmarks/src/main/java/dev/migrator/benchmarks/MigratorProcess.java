package dev.migrator.benchmarks;

import dev.migrator.benchmarks.cli.MigratorCli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * migrator in a child JVM running {@link MigratorCli}, with the JVM's default settings
 * unless options are given.
 *
 * @param name how the tables name this variant
 * @param jvmOptions options before the class path, e.g. {@code -XX:TieredStopAtLevel=1}
 * @param classPath the benchmark module's class path, as {@link JarredClassPath} packs it
 */
record MigratorProcess(String name, List<String> jvmOptions, String classPath) implements WholeProcessTool {

	@Override
	public List<String> empty() {
		return command("empty");
	}

	@Override
	public List<String> upgrade(HistoryFiles files, BenchDatabase database) {
		return command("upgrade", files.migrator().toString(), database.jdbcUrl(), database.user());
	}

	@Override
	public List<String> check(HistoryFiles files, BenchDatabase database) {
		return command("check", files.migrator().toString(), database.jdbcUrl(), database.user());
	}

	@Override
	public List<String> heads(HistoryFiles files) {
		return command("heads", files.migrator().toString());
	}

	@Override
	public Set<String> headsIn(ProcessRun run) {
		return new LinkedHashSet<>(run.lines());
	}

	@Override
	public String versionTable() {
		return "migrator_version";
	}

	/**
	 * Also used to write the class data sharing archive, with
	 * {@code -XX:ArchiveClassesAtExit}.
	 */
	List<String> command(String... arguments) {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(this.jvmOptions);
		command.add("-classpath");
		command.add(this.classPath);
		command.add(MigratorCli.class.getName());
		command.addAll(List.of(arguments));
		return command;
	}

}
