package dev.migrator.core.lint;

import dev.migrator.core.script.Revision;
import dev.migrator.core.script.RevisionGraph;
import dev.migrator.core.script.SqlRevisionParser;

import java.util.ArrayList;
import java.util.List;

/**
 * A chain of SQL revision files written in a test, parsed as the engine parses them (so
 * that lines and allow comments are real). Each revision revises the one before it.
 */
final class RevisionSet {

	/**
	 * Creates the tables most tests work on, so that they exist before the revision under
	 * test.
	 */
	static final String BASE_SQL = """
			CREATE TABLE users (id bigint PRIMARY KEY, email varchar(100), name text, age integer,
			  score numeric(10,2), created timestamp(3));
			CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint, total numeric(12,2), note varchar(200));
			""";

	private final SqlRevisionParser parser = new SqlRevisionParser();

	private final List<Revision> revisions = new ArrayList<>();

	/** A set that starts with the base revision {@code 0000_base}. */
	static RevisionSet withBase() {
		return new RevisionSet().revision("0000_base", "", BASE_SQL);
	}

	static String location(String id) {
		return "classpath:db/revisions/" + id + ".sql";
	}

	/**
	 * Adds a revision.
	 * @param headers extra header lines without the {@code -- migrator:} prefix, such as
	 * {@code phase contract}
	 * @param upgrade the upgrade section's SQL; after the base revision and without
	 * headers, it starts on line 4
	 */
	RevisionSet revision(String id, String headers, String upgrade) {
		this.revisions.add(this.parser.parse(location(id), file(id, headers, upgrade)));
		return this;
	}

	RevisionSet revision(String id, String upgrade) {
		return revision(id, "", upgrade);
	}

	String file(String id, String headers, String upgrade) {
		StringBuilder file = new StringBuilder("-- migrator:revision ").append(id).append('\n');
		if (!this.revisions.isEmpty()) {
			file.append("-- migrator:revises ").append(this.revisions.get(this.revisions.size() - 1).id()).append('\n');
		}
		headers.lines()
			.filter((line) -> !line.isBlank())
			.forEach((line) -> file.append("-- migrator:").append(line.strip()).append('\n'));
		return file.append("-- migrator:upgrade\n").append(upgrade).toString();
	}

	RevisionGraph graph() {
		return RevisionGraph.of(this.revisions);
	}

	LintReport lint() {
		return lint("postgresql");
	}

	LintReport lint(String dialect) {
		return new Linter(dialect).lint(graph());
	}

	/** The findings of one rule. */
	List<Finding> findings(String ruleId) {
		return lint().findings().stream().filter((finding) -> finding.ruleId().equals(ruleId)).toList();
	}

}
