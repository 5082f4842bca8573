package dev.migrator.autoconfigure.actuate;

import java.util.List;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * One optional section of the endpoint's answer, read on its own: a failure to read it (a
 * replica that cannot be reached, a missing permission) leaves the section empty with the
 * error, made safe to show, and the rest of the answer intact.
 *
 * @param items what was read; empty when reading failed
 * @param error why reading failed, or {@code null}
 */
record EndpointSection<T>(List<T> items, String error) {

	private static final Log logger = LogFactory.getLog(EndpointSection.class);

	static <T> EndpointSection<T> read(String name, Supplier<List<T>> reader) {
		try {
			return new EndpointSection<>(List.copyOf(reader.get()), null);
		}
		catch (RuntimeException ex) {
			logger.debug("Could not read the " + name + " of the migrator endpoint", ex);
			return new EndpointSection<>(List.of(), SafeErrorText.of(String.valueOf(ex.getMessage())));
		}
	}

}
