package dev.migrator.test.autoconfigure.jdbc;

import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

public interface AccountRepository extends ListCrudRepository<Account, Integer> {

	Optional<Account> findByEmail(String email);

}
