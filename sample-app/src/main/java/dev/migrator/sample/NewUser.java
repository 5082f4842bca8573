package dev.migrator.sample;

/** The body of a request that creates a user. */
public record NewUser(String firstName, String lastName, String email) {
}
