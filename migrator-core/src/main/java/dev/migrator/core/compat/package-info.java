/**
 * The compatibility guard of expand/contract rollouts: running application instances
 * record which revisions their code needs, and a contract revision refuses to run while
 * an instance whose code predates it is alive.
 */
package dev.migrator.core.compat;
