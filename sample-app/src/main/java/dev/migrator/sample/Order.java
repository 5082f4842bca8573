package dev.migrator.sample;

/** An order of a user, amounts in cents. */
public record Order(long id, long userId, long totalCents) {
}
