package dev.migrator.benchmarks;

import dev.migrator.benchmarks.job.BenchJobApplication;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Does for the benchmark's job what Spring Boot's {@code process-aot} build goal does for
 * an application: runs Spring's AOT processor on {@link BenchJobApplication} with the
 * job's arguments (the profile is fixed at build time), compiles the bean definitions it
 * writes, and packs them with its resources into a jar that goes first on the class path.
 * A child started with {@code -Dspring.aot.enabled=true} then registers those beans
 * instead of parsing configuration classes and evaluating conditions at start-up.
 */
final class AotBuild {

	private static final String PROCESSOR = "org.springframework.boot.SpringApplicationAotProcessor";

	private final Path java = Path.of(System.getProperty("java.home"), "bin", "java");

	private final Path folder;

	/**
	 * @param folder where the generated sources, classes and the jar go
	 */
	AotBuild(Path folder) {
		this.folder = folder;
	}

	/**
	 * The classpath with the processed application in front.
	 * @param classpath the job's classpath, jarred
	 * @param arguments the arguments the job will run with that decide which beans exist
	 * (its profile); those that only carry values are left for run time
	 */
	ChildClasspath process(ChildClasspath classpath, List<String> arguments) throws Exception {
		List<Path> entries = new ArrayList<>();
		entries.add(build(classpath.asArgument(), BenchJobApplication.class.getName(), arguments));
		entries.addAll(classpath.entries());
		return new ChildClasspath(classpath.tool(), entries);
	}

	/**
	 * Processes an application and packs what the processor wrote into a jar.
	 * @param classPath the application's class path, as a {@code -cp} argument (a jar
	 * whose manifest lists the others will do)
	 * @param mainClass the application class
	 * @param arguments as for {@link #process(ChildClasspath, List)}
	 * @return the jar to put before the application on the class path
	 */
	Path build(String classPath, String mainClass, List<String> arguments) throws Exception {
		Path sources = this.folder.resolve("sources");
		Path resources = this.folder.resolve("resources");
		Path classes = this.folder.resolve("classes");
		List<String> command = new ArrayList<>(List.of(this.java.toString(), "-cp", classPath, PROCESSOR, mainClass,
				sources.toString(), resources.toString(), classes.toString(), "dev.migrator", "benchmarks",
				"--spring.main.web-application-type=none"));
		command.addAll(arguments);
		Path log = this.folder.resolve("aot.log");
		Files.createDirectories(this.folder);
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
			process.destroyForcibly();
			throw new IllegalStateException("The AOT processor failed:\n" + Files.readString(log));
		}
		compile(sources, classes, classPath);
		copy(resources, classes);
		Path jar = this.folder.resolve("aot-application.jar");
		JarredClassPath.pack(classes, jar);
		System.out.printf(Locale.ROOT, "AOT: %s, %d generated source files, packed into %s%n", mainClass,
				count(sources), jar);
		return jar;
	}

	private static void compile(Path sources, Path classes, String classPath) throws IOException {
		JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
		if (compiler == null) {
			throw new IllegalStateException("The AOT step needs a JDK (javax.tools finds no compiler in this JVM).");
		}
		List<String> arguments = new ArrayList<>(
				List.of("-nowarn", "-proc:none", "-d", classes.toString(), "-cp", classPath, "--release", "17"));
		try (Stream<Path> files = Files.walk(sources)) {
			files.filter((file) -> file.toString().endsWith(".java")).forEach((file) -> arguments.add(file.toString()));
		}
		Files.createDirectories(classes);
		int status = compiler.run(null, null, null, arguments.toArray(String[]::new));
		if (status != 0) {
			throw new IllegalStateException("javac failed on the AOT sources (status " + status + ")");
		}
	}

	private static void copy(Path from, Path to) throws IOException {
		if (!Files.isDirectory(from)) {
			return;
		}
		try (Stream<Path> files = Files.walk(from)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				Path target = to.resolve(from.relativize(file).toString());
				Files.createDirectories(target.getParent());
				Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
			}
		}
	}

	private static long count(Path sources) throws IOException {
		try (Stream<Path> files = Files.walk(sources)) {
			return files.filter((file) -> file.toString().endsWith(".java")).count();
		}
	}

}
