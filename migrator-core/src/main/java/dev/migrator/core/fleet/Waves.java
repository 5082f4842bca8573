package dev.migrator.core.fleet;

import dev.migrator.core.error.ErrorCode;
import dev.migrator.core.error.MigratorException;

import java.util.ArrayList;
import java.util.List;

/**
 * How a rollout grows ({@code migrator.fleet.waves}), such as {@code 1,10%,100%}: each
 * entry is cumulative, the number of targets (or the share of the fleet, rounded up) done
 * by the end of that wave. {@code 1,10%,100%} on 200 targets runs 1, then 19 more (20 in
 * all), then the other 180. A wave starts only when every target of the waves before it
 * succeeded. Whatever the last entry leaves is one more wave, so {@code 1} alone is a
 * canary and then the rest; an entry that adds nothing on this fleet's size is skipped.
 * Empty, the fleet is one wave.
 */
public final class Waves {

	/** The setting users write waves in; messages name it. */
	public static final String PROPERTY = "migrator.fleet.waves";

	private final List<Entry> entries;

	private final String text;

	private Waves(List<Entry> entries, String text) {
		this.entries = List.copyOf(entries);
		this.text = text;
	}

	/** One wave: the whole fleet at once. */
	public static Waves single() {
		return new Waves(List.of(), "");
	}

	public static Waves parse(String text) {
		if (text == null || text.isBlank()) {
			return single();
		}
		List<Entry> entries = new ArrayList<>();
		for (String part : text.split(",", -1)) {
			entries.add(entry(part.trim(), text));
		}
		return new Waves(entries, text.trim());
	}

	private static Entry entry(String part, String text) {
		boolean percent = part.endsWith("%");
		String number = percent ? part.substring(0, part.length() - 1).trim() : part;
		int value;
		try {
			value = Integer.parseInt(number);
		}
		catch (NumberFormatException ex) {
			throw invalid(text, "'" + part + "' is neither a count nor a percentage");
		}
		if (value <= 0 || (percent && value > 100)) {
			throw invalid(text, "'" + part + "' must be a count above 0 or a percentage from 1% to 100%");
		}
		return new Entry(value, percent);
	}

	private static MigratorException invalid(String text, String why) {
		return new MigratorException(ErrorCode.INVALID_CONFIGURATION, PROPERTY + " is '" + text + "': " + why
				+ ". Give cumulative counts or percentages separated by commas, such as 1,10%,100%.");
	}

	/**
	 * The wave of each of {@code total} targets in rollout order, numbered from 0 without
	 * gaps.
	 */
	public int[] assign(int total) {
		int[] waves = new int[total];
		int wave = 0;
		int start = 0;
		for (Entry entry : this.entries) {
			int end = Math.min(total, entry.cumulative(total));
			if (end <= start) {
				continue;
			}
			for (int i = start; i < end; i++) {
				waves[i] = wave;
			}
			wave++;
			start = end;
		}
		for (int i = start; i < total; i++) {
			waves[i] = wave;
		}
		return waves;
	}

	@Override
	public String toString() {
		return this.text.isEmpty() ? "one wave" : this.text;
	}

	private record Entry(int value, boolean percent) {

		int cumulative(int total) {
			// Rounded up: 10% of 5 targets is one target, not none.
			return this.percent ? (int) ((total * (long) this.value + 99) / 100) : this.value;
		}

	}

}
