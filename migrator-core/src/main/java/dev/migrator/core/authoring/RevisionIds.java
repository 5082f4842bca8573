package dev.migrator.core.authoring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * New revision ids of the form {@code yyyyMMddHHmmss_slug_of_message}, in UTC. Ids sort
 * in the order they were made: when the current second is already taken by an existing id
 * (or file), the id takes the second after the latest one, so that two revisions written
 * within one second still get distinct, ordered ids.
 */
final class RevisionIds {

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss", Locale.ROOT);

	private static final Pattern STAMPED = Pattern.compile("(?:R)?(\\d{14})_.*");

	private static final int MAX_SLUG_LENGTH = 60;

	private final Clock clock;

	RevisionIds(Clock clock) {
		this.clock = clock;
	}

	/**
	 * A fresh id for the message.
	 * @param message the revision's message, which the slug is made of
	 * @param takenIds ids already in use
	 * @param folders folders whose file names count as taken ids too (a file not loaded
	 * yet, such as a skeleton)
	 */
	String next(String message, Collection<String> takenIds, List<Path> folders) {
		LocalDateTime now = LocalDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC).withNano(0);
		Optional<LocalDateTime> latest = latestStamp(takenIds, folders);
		LocalDateTime stamp = latest.filter((l) -> !now.isAfter(l)).map((l) -> l.plusSeconds(1)).orElse(now);
		return STAMP.format(stamp) + "_" + slug(message);
	}

	/** The message in lower case, letters and digits only, words joined by {@code _}. */
	static String slug(String message) {
		String ascii = Normalizer.normalize(message, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
		String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
		if (slug.length() > MAX_SLUG_LENGTH) {
			slug = slug.substring(0, MAX_SLUG_LENGTH).replaceAll("_+$", "");
		}
		return slug.isEmpty() ? "revision" : slug;
	}

	/**
	 * A Java class name for the id: {@code R} (a name cannot start with a digit), the
	 * stamp, the words capitalised.
	 */
	static String className(String id) {
		int underscore = id.indexOf('_');
		StringBuilder name = new StringBuilder("R").append(id, 0, underscore).append('_');
		for (String word : id.substring(underscore + 1).split("_")) {
			if (!word.isEmpty()) {
				name.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
			}
		}
		return name.toString();
	}

	private static Optional<LocalDateTime> latestStamp(Collection<String> takenIds, List<Path> folders) {
		List<String> names = new ArrayList<>(takenIds);
		for (Path folder : folders) {
			names.addAll(fileNames(folder));
		}
		return names.stream()
			.map(STAMPED::matcher)
			.filter(Matcher::matches)
			.map((m) -> parse(m.group(1)))
			.flatMap(Optional::stream)
			.max(LocalDateTime::compareTo);
	}

	// Fourteen digits that are not a date (0000_... ids written by hand) say nothing
	// about the time.
	private static Optional<LocalDateTime> parse(String digits) {
		try {
			return Optional.of(LocalDateTime.parse(digits, STAMP));
		}
		catch (java.time.format.DateTimeParseException ex) {
			return Optional.empty();
		}
	}

	private static List<String> fileNames(Path folder) {
		if (!Files.isDirectory(folder)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(folder)) {
			return files.map((f) -> f.getFileName().toString()).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not list " + folder, ex);
		}
	}

}
