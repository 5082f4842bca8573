package dev.migrator.sample;

/**
 * The body of a request that creates a user, for the previous version of the app. A
 * client that sends {@code firstName} and {@code lastName} too is understood by both
 * versions: each reads what it knows.
 */
public record NewFullNameUser(String fullName, String email) {
}
