package dev.migrator.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample app serving HTTP in a child process, and a client for it. {@link #close()}
 * always ends the process.
 */
final class WebApp implements AutoCloseable {

	private static final Duration POLL_INTERVAL = Duration.ofMillis(250);

	private final Process process;

	private final int port;

	private final Path log;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	// Should the test JVM be stopped before the tests' own clean-up runs, the web app
	// must not outlive it.
	private final Thread killer;

	WebApp(Process process, int port, Path log) {
		this.process = process;
		this.port = port;
		this.log = log;
		this.killer = new Thread(process::destroyForcibly, "stop-sample-web-app-" + port);
		Runtime.getRuntime().addShutdownHook(this.killer);
	}

	boolean isAlive() {
		return this.process.isAlive();
	}

	String log() {
		try {
			return Files.readString(this.log, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	HttpAnswer get(String path) {
		return send(HttpRequest.newBuilder(uri(path)).GET());
	}

	HttpAnswer post(String path, String json) {
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.POST(BodyPublishers.ofString(json)));
	}

	HttpAnswer delete(String path) {
		return send(HttpRequest.newBuilder(uri(path)).DELETE());
	}

	/**
	 * Reads until the answer satisfies {@code done} or the time is up, and returns the
	 * last answer either way, so that the caller's assertion shows what the app said
	 * last.
	 */
	<T> T pollUntil(Duration limit, Supplier<T> read, Predicate<T> done) throws InterruptedException {
		long deadline = System.nanoTime() + limit.toNanos();
		T last = read.get();
		while (!done.test(last) && System.nanoTime() - deadline < 0) {
			Thread.sleep(POLL_INTERVAL.toMillis());
			last = read.get();
		}
		return last;
	}

	void awaitLive(Duration limit) throws InterruptedException {
		long deadline = System.nanoTime() + limit.toNanos();
		while (System.nanoTime() - deadline < 0) {
			assertThat(this.process.isAlive()).as("the web app is running; its log:%n%s", log()).isTrue();
			try {
				if (send(HttpRequest.newBuilder(uri("/actuator/health/liveness")).GET()).status() == 200) {
					return;
				}
			}
			catch (UncheckedIOException ex) {
				if (!(ex.getCause() instanceof ConnectException)) {
					throw ex;
				}
				// Not listening yet.
			}
			Thread.sleep(POLL_INTERVAL.toMillis());
		}
		throw new AssertionError(
				"The web app did not answer /actuator/health/liveness within " + limit + "; its log:\n" + log());
	}

	/**
	 * Asks the app to stop (SIGTERM, as Kubernetes does) and waits for it to end by
	 * itself; its exit code, or -1 when it did not end within the limit.
	 */
	int terminate(Duration limit) throws InterruptedException {
		this.process.destroy();
		return this.process.waitFor(limit.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
				? this.process.exitValue() : -1;
	}

	@Override
	public String toString() {
		return "web app on port " + this.port;
	}

	@Override
	public void close() throws InterruptedException {
		SampleJar.stop(this.process);
		Runtime.getRuntime().removeShutdownHook(this.killer);
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	private HttpAnswer send(HttpRequest.Builder request) {
		try {
			var response = this.http.send(request.timeout(Duration.ofSeconds(20)).build(),
					BodyHandlers.ofString(StandardCharsets.UTF_8));
			return new HttpAnswer(response.statusCode(), response.body());
		}
		catch (HttpTimeoutException ex) {
			throw new AssertionError("The web app did not answer in time; its log:\n" + log(), ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
