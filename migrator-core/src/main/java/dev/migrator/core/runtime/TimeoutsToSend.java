package dev.migrator.core.runtime;

import java.sql.Statement;
import java.util.List;

/**
 * A transaction's timeouts not sent yet: where the dialect sets them with statements the
 * driver takes in one text with others (PostgreSQL's {@code SET LOCAL}), they go to the
 * server in the same round trip as the transaction's first statement, or as the look at
 * {@code pg_locks} before it, instead of one round trip of their own. Applying a long
 * history of one-statement revisions is mostly round trips.
 */
final class TimeoutsToSend {

	private List<String> statements;

	TimeoutsToSend(List<String> statements) {
		this.statements = List.copyOf(statements);
	}

	/** Nothing to send: the timeouts were applied before the transaction's work. */
	static TimeoutsToSend none() {
		return new TimeoutsToSend(List.of());
	}

	/**
	 * The statements still to send, which the caller sends ahead of its own in the same
	 * round trip; none from then on.
	 */
	List<String> take() {
		List<String> taken = this.statements;
		this.statements = List.of();
		return taken;
	}

	/**
	 * The statement's text with the timeouts still to send ahead of it, for one
	 * {@link Statement#execute}: the driver sends the statements of one text in one round
	 * trip, and stops at the first that fails.
	 */
	String ahead(String sql) {
		List<String> taken = take();
		if (taken.isEmpty()) {
			return sql;
		}
		return String.join(";\n", taken) + ";\n" + sql;
	}

}
