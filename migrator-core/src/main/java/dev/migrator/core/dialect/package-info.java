/**
 * What differs between databases: quoting, the state tables' DDL, timeouts and the lock
 * that serializes runners. One class per database, chosen from an explicit registry.
 */
package dev.migrator.core.dialect;
