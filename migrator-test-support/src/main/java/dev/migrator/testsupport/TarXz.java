package dev.migrator.testsupport;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * Unpacks a {@code .tar.xz} keeping exec bits and symlinks, and leaving everything
 * readable by all users.
 */
final class TarXz {

	private TarXz() {
	}

	static void extract(InputStream txz, Path target) throws IOException {
		Path root = target.toAbsolutePath().normalize();
		try (TarArchiveInputStream tar = new TarArchiveInputStream(new XZInputStream(new BufferedInputStream(txz)))) {
			TarArchiveEntry entry;
			while ((entry = tar.getNextEntry()) != null) {
				Path path = resolveInside(root, entry.getName());
				if (entry.isDirectory()) {
					Files.createDirectories(path);
					Files.setPosixFilePermissions(path, permissions(0755));
				}
				else if (entry.isSymbolicLink()) {
					Files.createDirectories(path.getParent());
					Files.createSymbolicLink(path, Paths.get(entry.getLinkName()));
				}
				else if (entry.isLink()) {
					Files.createDirectories(path.getParent());
					Files.copy(resolveInside(root, entry.getLinkName()), path, StandardCopyOption.COPY_ATTRIBUTES);
				}
				else if (entry.isFile()) {
					Files.createDirectories(path.getParent());
					Files.copy(tar, path);
					Files.setPosixFilePermissions(path, permissions(readableByAll(entry.getMode())));
				}
			}
		}
	}

	// The cache is shared by whichever user runs PostgreSQL, so nothing may stay private
	// to the extracting user.
	private static int readableByAll(int mode) {
		int result = (mode & 0777) | 0644;
		return ((mode & 0100) != 0) ? result | 0111 : result;
	}

	private static Path resolveInside(Path root, String name) throws IOException {
		Path path = root.resolve(name).normalize();
		if (!path.startsWith(root)) {
			throw new IOException("Archive entry escapes the target directory: " + name);
		}
		return path;
	}

	private static Set<PosixFilePermission> permissions(int mode) {
		Set<PosixFilePermission> result = EnumSet.noneOf(PosixFilePermission.class);
		PosixFilePermission[] bits = { PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE,
				PosixFilePermission.OTHERS_READ, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE,
				PosixFilePermission.GROUP_READ, PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE,
				PosixFilePermission.OWNER_READ };
		for (int i = 0; i < bits.length; i++) {
			if ((mode & (1 << i)) != 0) {
				result.add(bits[i]);
			}
		}
		return result;
	}

}
