/**
 * The operations API of Java migrations ({@code context.op()}): schema changes as small
 * immutable values that a dialect renders, the runtime executes or records offline, and
 * that know their own reverse.
 */
package dev.migrator.core.op;
