package dev.migrator.core.script;

import dev.migrator.core.error.ErrorCode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Loads every {@code *.sql} file below the given folders as a revision. Each folder is
 * {@code classpath:FOLDER}, {@code filesystem:FOLDER} or a bare path, which means the
 * class path; a class path folder may be in directories or jars, Spring Boot's nested
 * jars included. Files are read as UTF-8, below each folder at any depth, in path order.
 * A folder that does not exist is an error; an empty folder gives no revisions.
 */
public final class SqlFileRevisionSource implements RevisionSource {

	private static final String SUFFIX = ".sql";

	private final List<RevisionLocation> locations;

	private final ClassLoader loader;

	private final SqlRevisionParser parser;

	/**
	 * @param locations the folders, such as {@code classpath:db/revisions}
	 * @param loader the class loader whose class path {@code classpath:} folders are
	 * found on
	 * @throws RevisionSourceException when a location is not written as a folder of
	 * either kind
	 */
	public SqlFileRevisionSource(List<String> locations, ClassLoader loader) {
		this(locations, loader, Placeholders.none());
	}

	/**
	 * @param locations the folders, such as {@code classpath:db/revisions}
	 * @param loader the class loader whose class path {@code classpath:} folders are
	 * found on
	 * @param placeholders the values of the {@code ${name}} placeholders the files use
	 * @throws RevisionSourceException when a location is not written as a folder of
	 * either kind
	 */
	public SqlFileRevisionSource(List<String> locations, ClassLoader loader, Placeholders placeholders) {
		this.locations = locations.stream().map(RevisionLocation::parse).toList();
		this.loader = loader;
		this.parser = new SqlRevisionParser(placeholders);
	}

	@Override
	public List<Revision> load() {
		List<Revision> revisions = new ArrayList<>();
		for (RevisionLocation location : this.locations) {
			revisions.addAll(load(location));
		}
		return List.copyOf(revisions);
	}

	private List<Revision> load(RevisionLocation location) {
		FolderFileReader<Revision> reader = (relativePath, content) -> {
			String file = location.file(relativePath);
			return this.parser.parse(file, text(file, content));
		};
		Optional<List<Revision>> revisions;
		try {
			revisions = location.onClasspath() ? new ClasspathFolder(this.loader, location.path()).read(SUFFIX, reader)
					: new FileSystemFolder(Path.of(location.path())).read(SUFFIX, reader);
		}
		catch (IOException ex) {
			throw new RevisionSourceException(ErrorCode.UNREADABLE_LOCATION,
					location + ": cannot be read (" + ex + "). Check that the folder and its files are readable.", ex);
		}
		return revisions.orElseThrow(() -> notFound(location, "migrator.locations"));
	}

	static String text(String file, FolderFileReader.Content content) throws IOException {
		byte[] bytes;
		try (InputStream in = content.open()) {
			bytes = in.readAllBytes();
		}
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer in = ByteBuffer.wrap(bytes);
		// UTF-8 never takes fewer bytes than the UTF-16 chars it decodes to.
		CharBuffer out = CharBuffer.allocate(bytes.length + 1);
		CoderResult result = decoder.decode(in, out, true);
		if (!result.isError()) {
			result = decoder.flush(out);
		}
		if (result.isError()) {
			int offset = in.position();
			throw new RevisionSourceException(ErrorCode.INVALID_ENCODING,
					file + ":" + lineAt(bytes, offset) + ": is not valid UTF-8 text (byte "
							+ String.format(java.util.Locale.ROOT, "0x%02X", bytes[offset] & 0xFF)
							+ "). Save the file as UTF-8 (revision files are always read as UTF-8).");
		}
		String text = out.flip().toString();
		int nul = text.indexOf('\0');
		if (nul >= 0) {
			// No database takes it in SQL text; SQLite ends the statement there and then
			// fails in words that point nowhere near the file.
			throw new RevisionSourceException(ErrorCode.INVALID_ENCODING, file + ":"
					+ (text.substring(0, nul).chars().filter((c) -> c == '\n').count() + 1)
					+ ": holds a NUL character (byte 0x00), which is not text and which no database accepts in a "
					+ "statement. Remove it (an editor or a tool that wrote UTF-16 may have put it there) and save "
					+ "the file as UTF-8.");
		}
		return text;
	}

	private static long lineAt(byte[] bytes, int offset) {
		long line = 1;
		for (int i = 0; i < offset && i < bytes.length; i++) {
			if (bytes[i] == '\n') {
				line++;
			}
		}
		return line;
	}

	static RevisionSourceException notFound(RevisionLocation location, String property) {
		String where = location.onClasspath() ? "there is no folder " + location.path() + " on the class path"
				: "there is no folder " + Path.of(location.path()).toAbsolutePath().normalize();
		String create = location.onClasspath()
				? "Create the folder (for example src/main/resources/" + location.path() + ")" : "Create the folder";
		return new RevisionSourceException(ErrorCode.LOCATION_NOT_FOUND,
				location + ": revision location not found: " + where + ". " + create + ", or fix " + property + ".");
	}

}
