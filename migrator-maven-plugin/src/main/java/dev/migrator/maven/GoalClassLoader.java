package dev.migrator.maven;

import java.io.IOException;
import java.net.URL;
import java.util.Enumeration;

/**
 * The context class loader while a goal runs: classes and resources from the given loader
 * (the project's classes on the plugin's), with the JVM's application class loader as
 * parent. Maven's plugin realm has no parent, so a {@code ServiceLoader} asked through it
 * does not reach the JDK modules that the application class loader defines, such as
 * {@code jdk.random}; the engine's {@code RandomGenerator.getDefault()} (the jitter of
 * its lock-timeout retries) looks its algorithm up through the context class loader and
 * would find none.
 */
final class GoalClassLoader extends ClassLoader {

	static {
		registerAsParallelCapable();
	}

	private final ClassLoader classes;

	GoalClassLoader(ClassLoader classes) {
		super("migrator-goal", ClassLoader.getSystemClassLoader());
		this.classes = classes;
	}

	@Override
	protected Class<?> findClass(String name) throws ClassNotFoundException {
		return this.classes.loadClass(name);
	}

	@Override
	protected URL findResource(String name) {
		return this.classes.getResource(name);
	}

	@Override
	protected Enumeration<URL> findResources(String name) throws IOException {
		return this.classes.getResources(name);
	}

}
