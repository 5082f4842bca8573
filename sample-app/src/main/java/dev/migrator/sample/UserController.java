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

/** Users over HTTP, as this version of the app knows them: the name split in two. */
@RestController
@ConditionalOnProperty(name = "sample.names", havingValue = "split", matchIfMissing = true)
public class UserController {

	private final UserRepository users;

	public UserController(UserRepository users) {
		this.users = users;
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

}
