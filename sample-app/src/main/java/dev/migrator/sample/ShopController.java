package dev.migrator.sample;

import java.net.URI;
import java.util.List;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The app's HTTP API: users and their orders. */
@RestController
public class ShopController {

	private final UserRepository users;

	private final OrderRepository orders;

	public ShopController(UserRepository users, OrderRepository orders) {
		this.users = users;
		this.orders = orders;
	}

	@GetMapping("/users")
	public List<User> users() {
		return this.users.findAll();
	}

	@GetMapping("/users/{id}")
	public ResponseEntity<User> user(@PathVariable long id) {
		return ResponseEntity.of(this.users.findById(id));
	}

	@PostMapping("/users")
	public ResponseEntity<User> createUser(@RequestBody NewUser user) {
		long id = this.users.create(user);
		return ResponseEntity.created(URI.create("/users/" + id)).body(this.users.findById(id).orElseThrow());
	}

	@GetMapping("/users/{id}/orders")
	public List<Order> orders(@PathVariable long id) {
		return this.orders.findByUser(id);
	}

	/**
	 * A constraint of the schema refused the write: the client's data conflicts with what
	 * is stored.
	 */
	@ExceptionHandler(DataIntegrityViolationException.class)
	public ProblemDetail conflict() {
		// The database's message is not passed on: it can quote stored values.
		return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				"The database refused the write: the email is already in use, or the order's user does not exist.");
	}

	@PostMapping("/orders")
	public ResponseEntity<Order> createOrder(@RequestBody NewOrder order) {
		long id = this.orders.create(order);
		return ResponseEntity.created(URI.create("/orders/" + id))
			.body(new Order(id, order.userId(), order.totalCents()));
	}

}
