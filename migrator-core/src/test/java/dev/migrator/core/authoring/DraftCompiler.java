package dev.migrator.core.authoring;

import dev.migrator.core.script.JavaMigration;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Compiles a generated Java revision in a test, as its author's build would, and creates
 * it.
 */
final class DraftCompiler {

	private static final Pattern PACKAGE = Pattern.compile("(?m)^package ([\\w.]+);");

	private static final Pattern CLASS = Pattern.compile("public class (\\w+)");

	private DraftCompiler() {
	}

	static JavaMigration compile(Path directory, String source) throws IOException, ReflectiveOperationException {
		Matcher pkg = PACKAGE.matcher(source);
		Matcher type = CLASS.matcher(source);
		if (!type.find()) {
			throw new IllegalArgumentException("no public class in:\n" + source);
		}
		String packageName = pkg.find() ? pkg.group(1) : "";
		String className = (packageName.isEmpty() ? "" : packageName + ".") + type.group(1);
		Path sources = Files.createDirectories(directory.resolve("src"));
		Path classes = Files.createDirectories(directory.resolve("classes"));
		Path file = sources.resolve(className.replace('.', '/') + ".java");
		Files.createDirectories(file.getParent());
		Files.writeString(file, source);
		JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
		int status = compiler.run(null, null, null, "-d", classes.toString(), "-classpath", coreClasses(),
				file.toString());
		if (status != 0) {
			throw new IllegalStateException("the generated revision does not compile (errors above):\n" + source);
		}
		URLClassLoader loader = new URLClassLoader(new URL[] { classes.toUri().toURL() },
				DraftCompiler.class.getClassLoader());
		return (JavaMigration) loader.loadClass(className).getConstructor().newInstance();
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
