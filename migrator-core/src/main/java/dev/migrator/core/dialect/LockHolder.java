package dev.migrator.core.dialect;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A session that holds a lock the migration needs, as {@code pg_stat_activity} shows it:
 * enough for whoever reads a failure to find it, and never a value of its query.
 *
 * @param pid the server process
 * @param applicationName its {@code application_name}, empty when it set none
 * @param backendStart when it connected
 * @param transactionStart when its transaction began
 * @param state {@code active}, {@code idle in transaction}, …
 * @param query its current or last query with every literal replaced by {@code ?}, cut
 * short
 */
public record LockHolder(int pid, String applicationName, Optional<Instant> backendStart, Instant transactionStart,
		String state, String query) {

	public LockHolder {
		Objects.requireNonNull(applicationName, "applicationName");
		Objects.requireNonNull(backendStart, "backendStart");
		Objects.requireNonNull(transactionStart, "transactionStart");
		Objects.requireNonNull(state, "state");
		Objects.requireNonNull(query, "query");
	}

	/**
	 * One line for messages: {@code pid 4711 (application 'reports', connected 2026-…,
	 * transaction open since 2026-…, idle in transaction, query: SELECT … WHERE a > ?)}.
	 */
	public String describe() {
		StringBuilder text = new StringBuilder("pid ").append(this.pid).append(" (");
		if (!this.applicationName.isEmpty()) {
			text.append("application '").append(this.applicationName).append("', ");
		}
		this.backendStart.ifPresent((start) -> text.append("connected ").append(start).append(", "));
		text.append("transaction open since ").append(this.transactionStart);
		if (!this.state.isEmpty()) {
			text.append(", ").append(this.state);
		}
		if (!this.query.isEmpty()) {
			text.append(", query: ").append(this.query);
		}
		return text.append(')').toString();
	}

}
