package dev.migrator.sample;

/**
 * A user as this version of the application sees it: the name is already split in two.
 */
public record User(long id, String firstName, String lastName, String email, String status) {
}
