package dev.migrator.core.lint;

import dev.migrator.core.script.Severity;

/** A violation with the severity it is reported with. */
record Judged(Violation violation, Severity severity) {
}
