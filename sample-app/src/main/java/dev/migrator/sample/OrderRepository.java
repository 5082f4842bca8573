package dev.migrator.sample;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Orders in the database. */
@Repository
public class OrderRepository {

	private final JdbcClient jdbc;

	public OrderRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Order> findByUser(long userId) {
		return this.jdbc.sql("SELECT id, user_id, total_cents FROM orders WHERE user_id = ? ORDER BY id")
			.param(userId)
			.query((rs, n) -> new Order(rs.getLong("id"), rs.getLong("user_id"), rs.getLong("total_cents")))
			.list();
	}

	public long create(NewOrder order) {
		return this.jdbc.sql("INSERT INTO orders (user_id, total_cents) VALUES (?, ?) RETURNING id")
			.params(order.userId(), order.totalCents())
			.query(Long.class)
			.single();
	}

	/**
	 * Adds to an order's total in one statement, so that concurrent top-ups all count.
	 * False when there is no such order.
	 */
	public boolean addToTotal(long orderId, long cents) {
		return this.jdbc.sql("UPDATE orders SET total_cents = total_cents + ? WHERE id = ?")
			.params(cents, orderId)
			.update() == 1;
	}

}
