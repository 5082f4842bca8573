package dev.migrator.core.fleet;

import java.util.List;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The fleet listeners of a run: each told in turn, a failing one logged and skipped. */
final class FleetListeners {

	private static final Logger logger = LoggerFactory.getLogger(FleetListeners.class);

	private final List<FleetListener> listeners;

	FleetListeners(List<FleetListener> listeners) {
		this.listeners = listeners;
	}

	void notify(Consumer<FleetListener> event) {
		for (FleetListener listener : this.listeners) {
			try {
				event.accept(listener);
			}
			catch (RuntimeException ex) {
				logger.warn("Fleet listener {} failed; the run goes on", listener.getClass().getName(), ex);
			}
		}
	}

}
