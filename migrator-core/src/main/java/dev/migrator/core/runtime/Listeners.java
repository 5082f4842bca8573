package dev.migrator.core.runtime;

import java.util.List;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listeners of one kind, each told of an event in turn. A listener watches the work and
 * must not stop it: one that throws is logged, and the others and the work go on.
 *
 * @param <L> the listener type
 */
public final class Listeners<L> {

	private static final Logger logger = LoggerFactory.getLogger(Listeners.class);

	private final String kind;

	private final List<L> listeners;

	/**
	 * @param kind what the listeners are, for the log ({@code "Migration listener"})
	 * @param listeners the listeners, told in this order
	 */
	public Listeners(String kind, List<? extends L> listeners) {
		this.kind = kind;
		this.listeners = List.copyOf(listeners);
	}

	/** Tells every listener of the event. */
	public void tell(Consumer<? super L> event) {
		for (L listener : this.listeners) {
			try {
				event.accept(listener);
			}
			catch (RuntimeException ex) {
				logger.warn("{} {} failed: {}", this.kind, listener, ex.toString());
			}
		}
	}

}
