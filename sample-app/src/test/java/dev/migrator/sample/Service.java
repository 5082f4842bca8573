package dev.migrator.sample;

import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What a Kubernetes Service does for the rehearsal: it routes each request to one of the
 * instances that are ready, in turn, and an instance leaves it before it is asked to
 * stop. Requests already sent to an instance are counted, so that the instance is stopped
 * only once they have their answers, as a pod's grace period allows.
 */
final class Service {

	private final List<WebApp> endpoints = new ArrayList<>();

	private final Map<WebApp, AtomicInteger> inFlight = new IdentityHashMap<>();

	private int next;

	synchronized void add(WebApp app) {
		this.inFlight.putIfAbsent(app, new AtomicInteger());
		this.endpoints.add(app);
	}

	/** Takes the instance out of the rotation: no request is sent to it after this. */
	synchronized void remove(WebApp app) {
		this.endpoints.remove(app);
	}

	synchronized int size() {
		return this.endpoints.size();
	}

	/**
	 * The next ready instance, counted as busy until {@link #done(WebApp)}; null when
	 * none is ready.
	 */
	synchronized WebApp pick() {
		if (this.endpoints.isEmpty()) {
			return null;
		}
		WebApp app = this.endpoints.get(Math.floorMod(this.next++, this.endpoints.size()));
		this.inFlight.get(app).incrementAndGet();
		return app;
	}

	void done(WebApp app) {
		inFlightOf(app).decrementAndGet();
	}

	/**
	 * Waits until every request sent to a removed instance has its answer; false when the
	 * limit passed first.
	 */
	boolean awaitDrained(WebApp app, Duration limit) throws InterruptedException {
		long deadline = System.nanoTime() + limit.toNanos();
		while (inFlightOf(app).get() > 0) {
			if (System.nanoTime() - deadline >= 0) {
				return false;
			}
			Thread.sleep(10);
		}
		return true;
	}

	private synchronized AtomicInteger inFlightOf(WebApp app) {
		return this.inFlight.get(app);
	}

}
