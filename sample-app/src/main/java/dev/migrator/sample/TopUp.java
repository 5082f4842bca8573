package dev.migrator.sample;

/** The body of a request that adds an amount, in cents, to an order's total. */
public record TopUp(long cents) {
}
