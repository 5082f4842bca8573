package dev.migrator.sample;

import java.net.URI;
import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Users over HTTP as the previous version of the app served them, with one
 * {@code fullName}. It runs with {@code sample.names=full}, so that a rolling deploy can
 * be rehearsed with one jar: the old version beside the new one.
 */
@RestController
@ConditionalOnProperty(name = "sample.names", havingValue = "full")
public class FullNameUserController {

	private final FullNameUserRepository users;

	public FullNameUserController(FullNameUserRepository users) {
		this.users = users;
	}

	@GetMapping("/users")
	public List<FullNameUser> users() {
		return this.users.findAll();
	}

	@GetMapping("/users/{id}")
	public ResponseEntity<FullNameUser> user(@PathVariable long id) {
		return ResponseEntity.of(this.users.findById(id));
	}

	@PostMapping("/users")
	public ResponseEntity<FullNameUser> createUser(@RequestBody NewFullNameUser user) {
		long id = this.users.create(user);
		return ResponseEntity.created(URI.create("/users/" + id)).body(this.users.findById(id).orElseThrow());
	}

}
