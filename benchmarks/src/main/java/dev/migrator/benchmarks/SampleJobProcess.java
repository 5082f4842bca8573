package dev.migrator.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sample application's jar run as the migration job, as a team runs it in a deploy
 * ({@code java -jar app.jar --spring.profiles.active=migrate}): Spring Boot and the
 * starter around the engine. Only {@code heads} is measured with it; the engine's other
 * steps are {@link MigratorProcess}'s.
 *
 * @param name how the tables name this variant
 * @param jvmOptions options before the launch, such as a class data sharing archive
 * @param launch what starts the application: {@code -jar} and the jar (the packaged one,
 * or the one of its extracted layout), or a class path and the main class
 * @param workFolder where the job's SQLite file may go (the job opens no connection for
 * {@code heads})
 */
record SampleJobProcess(String name, List<String> jvmOptions, List<String> launch,
		Path workFolder) implements WholeProcessTool {

	/** The application started with {@code java -jar}. */
	static SampleJobProcess ofJar(String name, List<String> jvmOptions, Path jar, Path workFolder) {
		return new SampleJobProcess(name, jvmOptions, List.of("-jar", jar.toString()), workFolder);
	}

	/** The application's main class started from a class path. */
	static SampleJobProcess ofClassPath(String name, List<String> jvmOptions, String classPath, String mainClass,
			Path workFolder) {
		return new SampleJobProcess(name, jvmOptions, List.of("-cp", classPath, mainClass), workFolder);
	}

	private static final Pattern HEAD = Pattern.compile("^(\\S+) \\(head\\)");

	@Override
	public List<String> heads(HistoryFiles files) {
		return command("--migrator.job.command=heads", "--migrator.locations=filesystem:" + files.migrator());
	}

	@Override
	public Set<String> headsIn(ProcessRun run) {
		Set<String> heads = new LinkedHashSet<>();
		for (String line : run.lines()) {
			Matcher matcher = HEAD.matcher(line);
			if (matcher.find()) {
				heads.add(matcher.group(1));
			}
		}
		return heads;
	}

	/** Also used to write the class data sharing archive. */
	List<String> command(String... arguments) {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(this.jvmOptions);
		command.addAll(this.launch);
		command.add("--spring.profiles.active=migrate");
		command.add("--spring.datasource.url=jdbc:sqlite:" + this.workFolder.resolve("sample-job.db"));
		command.add("--spring.main.banner-mode=off");
		command.add("--logging.level.root=WARN");
		command.addAll(List.of(arguments));
		return command;
	}

	@Override
	public List<String> empty() {
		throw new UnsupportedOperationException("Only heads is measured through the sample job");
	}

	@Override
	public List<String> upgrade(HistoryFiles files, BenchDatabase database) {
		throw new UnsupportedOperationException("Only heads is measured through the sample job");
	}

	@Override
	public List<String> check(HistoryFiles files, BenchDatabase database) {
		throw new UnsupportedOperationException("Only heads is measured through the sample job");
	}

	@Override
	public String versionTable() {
		return "migrator_version";
	}

}
