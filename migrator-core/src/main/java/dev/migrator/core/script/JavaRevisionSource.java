package dev.migrator.core.script;

import dev.migrator.core.error.ErrorCode;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Revisions written in Java: the given {@link JavaMigration} instances (such as Spring
 * beans), and the concrete classes implementing it found in the given packages and their
 * subpackages, created through their public no-arg constructors. Each class carries its
 * header in {@link MigratorRevision}, checked by the same rules as a SQL file's. A class
 * given as an instance is not created again when its package is scanned too.
 */
public final class JavaRevisionSource implements RevisionSource {

	private static final String IDENTIFIER = "\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*";

	private static final Pattern PACKAGE = Pattern.compile(IDENTIFIER + "(\\." + IDENTIFIER + ")*");

	private final List<JavaMigration> instances;

	private final List<String> packages;

	private final ClassLoader loader;

	/**
	 * @param instances migrations already created
	 * @param packages packages to scan, such as {@code com.example.migrations}
	 * @param loader the class loader whose class path is scanned and which loads the
	 * classes found
	 */
	public JavaRevisionSource(List<JavaMigration> instances, List<String> packages, ClassLoader loader) {
		this.instances = List.copyOf(instances);
		this.packages = List.copyOf(packages);
		this.loader = loader;
	}

	@Override
	public List<Revision> load() {
		List<Revision> revisions = new ArrayList<>();
		Set<Class<?>> given = new HashSet<>();
		for (JavaMigration migration : this.instances) {
			given.add(migration.getClass());
			revisions.add(revision(migration.getClass(), header(migration.getClass()), migration));
		}
		for (Class<?> type : scan()) {
			if (!given.contains(type)) {
				RevisionHeader header = header(type);
				revisions.add(revision(type, header, instantiate(type)));
			}
		}
		return List.copyOf(revisions);
	}

	private static Revision revision(Class<?> type, RevisionHeader header, JavaMigration migration) {
		String ownChecksum = Objects.requireNonNullElse(migration.checksum(), "");
		Revision.Builder builder = header.toBuilder()
			.origin(Origin.javaClass(type))
			.checksum(Checksums.of(ownChecksum.isEmpty() ? header.canonicalText() : ownChecksum))
			.upgrade(new MigrationBody.Java(migration, Direction.UPGRADE))
			.backfills(java.util.Objects.requireNonNullElse(migration.backfills(), List.of()));
		if (overridesDowngrade(type)) {
			builder.downgrade(new MigrationBody.Java(migration, Direction.DOWNGRADE));
		}
		return builder.build();
	}

	/**
	 * A class that leaves {@link JavaMigration#downgrade} as it is, is forward-only.
	 * Asked of the annotated class, not of a class-based proxy around it, which overrides
	 * every method.
	 */
	private static boolean overridesDowngrade(Class<?> type) {
		Class<?> declared = type;
		while (declared.getSuperclass() != null && declared.getAnnotation(MigratorRevision.class) == null) {
			declared = declared.getSuperclass();
		}
		try {
			return declared.getMethod("downgrade", MigrationContext.class).getDeclaringClass() != JavaMigration.class;
		}
		catch (NoSuchMethodException ex) {
			throw new IllegalStateException("every JavaMigration has downgrade(MigrationContext)", ex);
		}
	}

	// A class-based proxy (Spring's CGLIB) subclasses the migration and drops its
	// annotation: look up the hierarchy.
	private static MigratorRevision annotationOf(Class<?> type) {
		for (Class<?> current = type; current != null && current != Object.class; current = current.getSuperclass()) {
			MigratorRevision annotation = current.getAnnotation(MigratorRevision.class);
			if (annotation != null) {
				return annotation;
			}
		}
		return null;
	}

	private static RevisionHeader header(Class<?> type) {
		Origin at = Origin.javaClass(type);
		MigratorRevision annotation = annotationOf(type);
		if (annotation == null) {
			throw new RevisionSourceException(ErrorCode.MISSING_REVISION_ANNOTATION, at
					+ ": implements JavaMigration but "
					+ "has no @MigratorRevision. Annotate it with its header, such as @MigratorRevision(id = "
					+ "\"0004_backfill_names\", revises = \"0003_add_display_name\"), or make it abstract if it is "
					+ "a base class.");
		}
		String id = HeaderValues.id(at, "id", annotation.id());
		List<String> revises = HeaderValues.ids(at, "revises", List.of(annotation.revises()));
		List<String> dependsOn = HeaderValues.ids(at, "dependsOn", List.of(annotation.dependsOn()));
		HeaderValues.requireNotListed(at, id, "revises", revises);
		HeaderValues.requireNotListed(at, id, "dependsOn", dependsOn);
		return new RevisionHeader(id, revises,
				HeaderValues.labels(at, "branchLabels", List.of(annotation.branchLabels())), dependsOn,
				annotation.message(), HeaderValues.phase(at, "phase", annotation.phase()), annotation.transactional(),
				HeaderValues.optionalDuration(at, "lockTimeout", annotation.lockTimeout()),
				HeaderValues.optionalDuration(at, "statementTimeout", annotation.statementTimeout()));
	}

	private static JavaMigration instantiate(Class<?> type) {
		Origin at = Origin.javaClass(type);
		Constructor<?> constructor;
		try {
			constructor = type.getConstructor();
		}
		catch (NoSuchMethodException ex) {
			throw new RevisionSourceException(ErrorCode.MISSING_NO_ARG_CONSTRUCTOR, at + ": has no public no-argument "
					+ "constructor, so package scanning cannot create it. Make the class public with a public "
					+ "no-argument constructor (a nested class must be static), or register an instance instead of "
					+ "scanning its package.", ex);
		}
		try {
			// A public constructor of a package-private class is still not callable from
			// here without this.
			constructor.trySetAccessible();
			return (JavaMigration) constructor.newInstance();
		}
		catch (InvocationTargetException ex) {
			throw new RevisionSourceException(ErrorCode.JAVA_MIGRATION_NOT_CREATED,
					at + ": its constructor threw " + ex.getCause()
							+ ". Fix the constructor; do database work in upgrade(), not when the class is "
							+ "created.",
					ex.getCause());
		}
		catch (ReflectiveOperationException ex) {
			throw new RevisionSourceException(ErrorCode.JAVA_MIGRATION_NOT_CREATED,
					at + ": cannot be created (" + ex + "). Make the class and its no-argument constructor public.",
					ex);
		}
	}

	/**
	 * The migration classes in the packages, by name, each once however many packages or
	 * roots it is found in.
	 */
	private List<Class<?>> scan() {
		Map<String, Class<?>> found = new TreeMap<>();
		for (String packageName : this.packages) {
			for (String className : classNames(packageName)) {
				load(className).filter(JavaRevisionSource::isMigrationClass)
					.ifPresent((type) -> found.put(className, type));
			}
		}
		return List.copyOf(found.values());
	}

	private List<String> classNames(String packageName) {
		if (!PACKAGE.matcher(packageName).matches()) {
			throw new RevisionSourceException(ErrorCode.INVALID_PACKAGE,
					"Java migration package '" + packageName
							+ "' is not a package name. Write a name such as com.example.migrations in "
							+ "migrator.java-packages.");
		}
		String path = packageName.replace('.', '/');
		Optional<List<String>> names;
		try {
			names = new ClasspathFolder(this.loader, path).read(".class", (relativePath, content) -> packageName + "."
					+ relativePath.substring(0, relativePath.length() - ".class".length()).replace('/', '.'));
		}
		catch (IOException ex) {
			throw new RevisionSourceException(ErrorCode.UNREADABLE_LOCATION, "package " + packageName
					+ ": cannot be scanned (" + ex + "). Check that the class path entries holding it are readable.",
					ex);
		}
		return names.orElseThrow(() -> new RevisionSourceException(ErrorCode.PACKAGE_NOT_FOUND, "package " + packageName
				+ ": not found on the class path. Fix the package name in migrator.java-packages, or remove it."));
	}

	private Optional<Class<?>> load(String className) {
		if (className.endsWith("package-info") || className.endsWith("module-info")) {
			return Optional.empty();
		}
		try {
			return Optional.of(Class.forName(className, false, this.loader));
		}
		catch (ClassNotFoundException | LinkageError ex) {
			throw new RevisionSourceException(ErrorCode.CLASS_NOT_LOADABLE,
					"class " + className + ": found while scanning " + "for Java migrations, but cannot be loaded ("
							+ ex + "). Fix its dependencies, or move it out of " + "the scanned packages.",
					ex);
		}
	}

	/**
	 * Concrete named classes implementing JavaMigration; anonymous and local ones cannot
	 * be created by name.
	 */
	private static boolean isMigrationClass(Class<?> type) {
		return JavaMigration.class.isAssignableFrom(type) && !type.isInterface()
				&& !Modifier.isAbstract(type.getModifiers()) && !type.isAnonymousClass() && !type.isLocalClass()
				&& !type.isSynthetic();
	}

}
