package dev.migrator.core.script;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Compiles Java sources during a test, so that package scanning can be tested on packages
 * that hold exactly the classes a test needs (a package of the test sources would be
 * shared by every test that scans it).
 */
final class TestJavaCompiler {

	private TestJavaCompiler() {
	}

	/**
	 * Compiles the sources against migrator-core's classes.
	 * @param directory where to write sources and classes
	 * @param sources source text by fully qualified class name
	 * @return the directory holding the compiled classes
	 */
	static Path compile(Path directory, Map<String, String> sources) throws IOException {
		Path sourceRoot = Files.createDirectories(directory.resolve("src"));
		Path classes = Files.createDirectories(directory.resolve("classes"));
		List<String> arguments = new ArrayList<>(List.of("-d", classes.toString(), "-classpath", coreClasses()));
		for (Map.Entry<String, String> source : sources.entrySet()) {
			Path file = sourceRoot.resolve(source.getKey().replace('.', '/') + ".java");
			Files.createDirectories(file.getParent());
			Files.writeString(file, source.getValue());
			arguments.add(file.toString());
		}
		JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
		int status = compiler.run(null, null, null, arguments.toArray(String[]::new));
		if (status != 0) {
			throw new IllegalStateException("test sources did not compile; the compiler's errors are above");
		}
		return classes;
	}

	private static String coreClasses() {
		try {
			return Path.of(JavaMigration.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
