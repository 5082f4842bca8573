package dev.migrator.sample;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A bounded load of clients on the {@link Service}: reads of users, top-ups of orders (an
 * update that adds to a total), new users and new orders, from a few threads over
 * loopback. It stops after a number of requests or a time, whichever comes first, and
 * keeps what an assertion needs: every failure, the sums of what succeeded, and the names
 * of the users it created.
 */
final class Traffic {

	private static final int THREADS = 2;

	private static final Duration PAUSE = Duration.ofMillis(8);

	private final Service service;

	private final int seededUsers;

	private final int maxRequests;

	private final Duration maxDuration;

	private final String emailPrefix;

	private final List<Thread> threads = new ArrayList<>();

	private volatile boolean stopped;

	private final AtomicInteger endedByBounds = new AtomicInteger();

	private final Map<WebApp, AtomicInteger> servedBy = new ConcurrentHashMap<>();

	private final AtomicInteger sent = new AtomicInteger();

	private final AtomicInteger noInstanceReady = new AtomicInteger();

	private final AtomicLong longestNanos = new AtomicLong();

	private volatile String longestRequest = "";

	private final AtomicLong toppedUpCents = new AtomicLong();

	private final AtomicInteger topUps = new AtomicInteger();

	private final AtomicLong orderedCents = new AtomicLong();

	private final AtomicInteger orders = new AtomicInteger();

	private final AtomicInteger reads = new AtomicInteger();

	private final AtomicInteger readsOfUnfilledNames = new AtomicInteger();

	private final AtomicInteger userSequence = new AtomicInteger();

	private final List<String> failures = Collections.synchronizedList(new ArrayList<>());

	/** The users created, by email: the full name sent and the version that stored it. */
	private final Map<String, CreatedUser> createdUsers = new ConcurrentHashMap<>();

	Traffic(Service service, int seededUsers, int maxRequests, Duration maxDuration, String emailPrefix) {
		this.service = service;
		this.seededUsers = seededUsers;
		this.maxRequests = maxRequests;
		this.maxDuration = maxDuration;
		this.emailPrefix = emailPrefix;
	}

	void start() {
		long deadline = System.nanoTime() + this.maxDuration.toNanos();
		for (int i = 0; i < THREADS; i++) {
			Thread thread = new Thread(() -> sendUntil(deadline), "traffic-" + i);
			thread.setDaemon(true);
			this.threads.add(thread);
			thread.start();
		}
	}

	/** Stops sending and waits for the answers of the requests in flight. */
	void stop() throws InterruptedException {
		this.stopped = true;
		for (Thread thread : this.threads) {
			thread.join(30_000);
		}
	}

	int sent() {
		return this.sent.get();
	}

	List<String> failures() {
		synchronized (this.failures) {
			return List.copyOf(this.failures);
		}
	}

	Duration longest() {
		return Duration.ofNanos(this.longestNanos.get());
	}

	String longestRequest() {
		return this.longestRequest;
	}

	long toppedUpCents() {
		return this.toppedUpCents.get();
	}

	int topUps() {
		return this.topUps.get();
	}

	long orderedCents() {
		return this.orderedCents.get();
	}

	int orders() {
		return this.orders.get();
	}

	int reads() {
		return this.reads.get();
	}

	/**
	 * Reads answered by the new version for a user whose new columns were not filled yet:
	 * a user the old version created after the backfill walked past it, before the
	 * contract filled it.
	 */
	int readsOfUnfilledNames() {
		return this.readsOfUnfilledNames.get();
	}

	int noInstanceReady() {
		return this.noInstanceReady.get();
	}

	Map<String, CreatedUser> createdUsers() {
		return Map.copyOf(this.createdUsers);
	}

	/**
	 * Whether a thread ran out of requests or time before {@link #stop()}: then the end
	 * of the rollout went without traffic.
	 */
	boolean endedByItsBounds() {
		return this.endedByBounds.get() > 0;
	}

	/** How many requests each instance answered. */
	Map<WebApp, Integer> servedBy() {
		Map<WebApp, Integer> counts = new java.util.LinkedHashMap<>();
		this.servedBy.forEach((app, count) -> counts.put(app, count.get()));
		return counts;
	}

	private void sendUntil(long deadline) {
		while (!this.stopped) {
			if (System.nanoTime() - deadline >= 0 || this.sent.get() >= this.maxRequests) {
				this.endedByBounds.incrementAndGet();
				return;
			}
			WebApp app = this.service.pick();
			if (app == null) {
				this.noInstanceReady.incrementAndGet();
			}
			else {
				try {
					sendOne(app);
				}
				finally {
					this.service.done(app);
				}
			}
			try {
				Thread.sleep(PAUSE.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private void sendOne(WebApp app) {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		int dice = random.nextInt(100);
		long userId = 1 + random.nextInt(this.seededUsers);
		String label;
		long started = System.nanoTime();
		this.sent.incrementAndGet();
		this.servedBy.computeIfAbsent(app, (key) -> new AtomicInteger()).incrementAndGet();
		try {
			if (dice < 40) {
				label = "GET /users/" + userId;
				HttpAnswer answer = app.get("/users/" + userId);
				expect(label, answer, 200);
				this.reads.incrementAndGet();
				if (answer.body().contains("\"firstName\":null")) {
					this.readsOfUnfilledNames.incrementAndGet();
				}
			}
			else if (dice < 75) {
				long cents = 1 + random.nextInt(100);
				label = "POST /orders/" + userId + "/top-ups";
				// The seeded order i belongs to user i.
				HttpAnswer answer = app.post("/orders/" + userId + "/top-ups", "{\"cents\":" + cents + "}");
				if (expect(label, answer, 204)) {
					this.toppedUpCents.addAndGet(cents);
					this.topUps.incrementAndGet();
				}
			}
			else if (dice < 90) {
				int n = this.userSequence.incrementAndGet();
				String fullName = Names.of(100_000 + n);
				String email = this.emailPrefix + n + "@example.com";
				label = "POST /users " + email;
				// Both forms of the name: each version reads the one it knows, as a
				// client
				// of a service in the middle of a rollout must send.
				String[] parts = Names.split(fullName);
				HttpAnswer answer = app.post("/users", "{\"fullName\":\"" + fullName + "\",\"firstName\":\"" + parts[0]
						+ "\",\"lastName\":\"" + parts[1] + "\",\"email\":\"" + email + "\"}");
				if (expect(label, answer, 201)) {
					this.createdUsers.put(email, new CreatedUser(fullName, answer.body().contains("\"fullName\"")));
				}
			}
			else {
				long cents = 100 + random.nextInt(1000);
				label = "POST /orders for user " + userId;
				HttpAnswer answer = app.post("/orders", "{\"userId\":" + userId + ",\"totalCents\":" + cents + "}");
				if (expect(label, answer, 201)) {
					this.orderedCents.addAndGet(cents);
					this.orders.incrementAndGet();
				}
			}
		}
		catch (Throwable ex) {
			label = "request";
			this.failures.add(app + ": " + ex);
		}
		long nanos = System.nanoTime() - started;
		if (nanos > this.longestNanos.get()) {
			this.longestNanos.accumulateAndGet(nanos, Math::max);
			this.longestRequest = label + " on " + app;
		}
	}

	private boolean expect(String label, HttpAnswer answer, int status) {
		if (answer.status() == status) {
			return true;
		}
		this.failures.add(label + ": " + answer);
		return false;
	}

	/**
	 * A user the traffic created: the full name it sent, and whether the old version
	 * (which stores {@code full_name} only) answered.
	 */
	record CreatedUser(String fullName, boolean byOldVersion) {
	}

}
