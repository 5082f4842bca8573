/**
 * What the front ends print: one plain-text rendering of each command result (history,
 * heads, current revisions, status, a run's outcome, the backfill table), so that the
 * migration job and the Maven plugin show the same text for the same result. Sits above
 * the facade and the authoring commands: it reads their results and never runs anything.
 */
package dev.migrator.core.report;
