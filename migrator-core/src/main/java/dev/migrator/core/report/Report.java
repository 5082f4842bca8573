package dev.migrator.core.report;

/**
 * A command result as text for a terminal: lines of plain text, each ending with a line
 * break, so that callers print it as it is or log it line by line.
 */
public sealed interface Report
		permits HistoryText, HeadsText, CurrentText, StatusText, UpToDateText, RunText, BackfillTable, ImportText,
		RepairText, FleetRunText, FleetStatusText, FleetCurrentText, DriftText, FleetBackfillText, BaselineText {

	/** The text, every line ended by {@code \n}. */
	String text();

}
