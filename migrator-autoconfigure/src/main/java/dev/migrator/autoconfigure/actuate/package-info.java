/**
 * Actuator support for migrator: the read-only {@code migrator} endpoint and the
 * {@code migrator} health indicator, which belongs to the readiness group and never to
 * liveness.
 */
package dev.migrator.autoconfigure.actuate;
