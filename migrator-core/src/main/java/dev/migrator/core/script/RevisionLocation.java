package dev.migrator.core.script;

import dev.migrator.core.error.ErrorCode;

import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A folder SQL revision files are loaded from, as written in {@code migrator.locations}:
 * {@code classpath:db/revisions}, {@code filesystem:/srv/app/revisions}, or a bare path,
 * which means the class path.
 *
 * @param onClasspath whether the folder is on the class path rather than the file system
 * @param path the folder: relative to the class path roots, without leading or trailing
 * {@code /}; or a file system path
 */
record RevisionLocation(boolean onClasspath, String path) {

	static final String CLASSPATH = "classpath:";

	static final String FILESYSTEM = "filesystem:";

	// Two or more letters before a colon: a URL scheme or prefix, not a Windows drive
	// letter.
	private static final Pattern PREFIX = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]+:.*");

	static RevisionLocation parse(String text) {
		String location = text.strip();
		String lower = location.toLowerCase(Locale.ROOT);
		if (lower.startsWith(CLASSPATH)) {
			return classpath(text, location.substring(CLASSPATH.length()));
		}
		if (lower.startsWith(FILESYSTEM)) {
			String path = location.substring(FILESYSTEM.length()).strip();
			if (path.isEmpty()) {
				throw invalid(text, "names no folder");
			}
			return new RevisionLocation(false, path);
		}
		if (PREFIX.matcher(location).matches()) {
			throw invalid(text, "has the unknown prefix '" + location.substring(0, location.indexOf(':') + 1) + "'");
		}
		return classpath(text, location);
	}

	private static RevisionLocation classpath(String text, String path) {
		String folder = path.strip().replaceAll("^/+", "").replaceAll("/+$", "");
		if (folder.isEmpty()) {
			// The class path root is every jar's root too: loading "every .sql file on
			// the class path" is never meant.
			throw invalid(text, "names no folder");
		}
		return new RevisionLocation(true, folder);
	}

	private static RevisionSourceException invalid(String text, String problem) {
		return new RevisionSourceException(ErrorCode.INVALID_LOCATION,
				"Revision location '" + text + "' " + problem
						+ ". Write classpath:FOLDER (such as classpath:db/revisions) or filesystem:FOLDER (such as "
						+ "filesystem:/srv/app/revisions) in migrator.locations.");
	}

	/** The location as users write it. */
	@Override
	public String toString() {
		return this.onClasspath ? CLASSPATH + this.path : FILESYSTEM + this.path;
	}

	/**
	 * A file below this folder as shown to users:
	 * {@code classpath:db/revisions/0001_init.sql}.
	 */
	String file(String relativePath) {
		if (this.onClasspath) {
			return CLASSPATH + this.path + "/" + relativePath;
		}
		return FILESYSTEM + Path.of(this.path).toAbsolutePath().normalize().resolve(relativePath);
	}

}
