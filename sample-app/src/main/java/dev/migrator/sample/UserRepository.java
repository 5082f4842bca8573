package dev.migrator.sample;

import java.util.List;
import java.util.Optional;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Users in the database, through plain SQL that runs the same on PostgreSQL and SQLite.
 */
@Repository
@ConditionalOnProperty(name = "sample.names", havingValue = "split", matchIfMissing = true)
public class UserRepository {

	private final JdbcClient jdbc;

	public UserRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<User> findAll() {
		return this.jdbc.sql("SELECT id, first_name, last_name, email, status FROM users ORDER BY id")
			.query((rs, n) -> new User(rs.getLong("id"), rs.getString("first_name"), rs.getString("last_name"),
					rs.getString("email"), rs.getString("status")))
			.list();
	}

	public Optional<User> findById(long id) {
		return this.jdbc.sql("SELECT id, first_name, last_name, email, status FROM users WHERE id = ?")
			.param(id)
			.query((rs, n) -> new User(rs.getLong("id"), rs.getString("first_name"), rs.getString("last_name"),
					rs.getString("email"), rs.getString("status")))
			.optional();
	}

	public long create(NewUser user) {
		return this.jdbc.sql("INSERT INTO users (first_name, last_name, email) VALUES (?, ?, ?) RETURNING id")
			.params(user.firstName(), user.lastName(), user.email())
			.query(Long.class)
			.single();
	}

}
