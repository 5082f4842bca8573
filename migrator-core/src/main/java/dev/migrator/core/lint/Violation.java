package dev.migrator.core.lint;

/**
 * What a rule found on one statement, before the linter places it in a revision and a
 * file.
 *
 * @param message what is unsafe and why, without a final period
 * @param safeAlternative how to do it safely, as a sentence
 */
record Violation(String message, String safeAlternative) {
}
