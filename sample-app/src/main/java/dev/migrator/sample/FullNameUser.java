package dev.migrator.sample;

/** A user as the previous version of the app saw it: one full name. */
public record FullNameUser(long id, String fullName, String email) {
}
