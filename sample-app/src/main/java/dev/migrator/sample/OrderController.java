package dev.migrator.sample;

import java.net.URI;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Orders over HTTP. The orders table is the same in both versions of the app, so this
 * part of the API is too.
 */
@RestController
public class OrderController {

	private final OrderRepository orders;

	public OrderController(OrderRepository orders) {
		this.orders = orders;
	}

	@GetMapping("/users/{id}/orders")
	public List<Order> orders(@PathVariable long id) {
		return this.orders.findByUser(id);
	}

	@PostMapping("/orders")
	public ResponseEntity<Order> createOrder(@RequestBody NewOrder order) {
		long id = this.orders.create(order);
		return ResponseEntity.created(URI.create("/orders/" + id))
			.body(new Order(id, order.userId(), order.totalCents()));
	}

	/** Adds to an order's total in place: an update that must never be lost. */
	@PostMapping("/orders/{id}/top-ups")
	public ResponseEntity<Void> topUp(@PathVariable long id, @RequestBody TopUp topUp) {
		return this.orders.addToTotal(id, topUp.cents()) ? ResponseEntity.noContent().build()
				: ResponseEntity.notFound().build();
	}

}
