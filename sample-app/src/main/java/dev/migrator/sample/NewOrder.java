package dev.migrator.sample;

/** The body of a request that places an order. */
public record NewOrder(long userId, long totalCents) {
}
