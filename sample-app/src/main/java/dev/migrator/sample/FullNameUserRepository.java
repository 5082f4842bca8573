package dev.migrator.sample;

import java.util.List;
import java.util.Optional;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Users as the previous version of the app stored them: {@code full_name} only. It knows
 * nothing of {@code first_name} and {@code last_name}, which the new version's revisions
 * add, fill and make required.
 */
@Repository
@ConditionalOnProperty(name = "sample.names", havingValue = "full")
public class FullNameUserRepository {

	private final JdbcClient jdbc;

	public FullNameUserRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<FullNameUser> findAll() {
		return this.jdbc.sql("SELECT id, full_name, email FROM users ORDER BY id")
			.query((rs, n) -> new FullNameUser(rs.getLong("id"), rs.getString("full_name"), rs.getString("email")))
			.list();
	}

	public Optional<FullNameUser> findById(long id) {
		return this.jdbc.sql("SELECT id, full_name, email FROM users WHERE id = ?")
			.param(id)
			.query((rs, n) -> new FullNameUser(rs.getLong("id"), rs.getString("full_name"), rs.getString("email")))
			.optional();
	}

	public long create(NewFullNameUser user) {
		return this.jdbc.sql("INSERT INTO users (full_name, email) VALUES (?, ?) RETURNING id")
			.params(user.fullName(), user.email())
			.query(Long.class)
			.single();
	}

}
