package dev.migrator.core.authoring;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The source of a new Java revision: a class implementing {@code JavaMigration}, its
 * header in {@code @MigratorRevision}, with the given upgrade and downgrade bodies (empty
 * for a skeleton).
 */
final class JavaRevisionText {

	private JavaRevisionText() {
	}

	/**
	 * @param revision the header
	 * @param javaPackage the class's package
	 * @param className the class's simple name
	 * @param upgrade the statements of {@code upgrade}, one per line, without indentation
	 * @param downgrade the statements of {@code downgrade}, likewise
	 */
	static String of(NewRevision revision, String javaPackage, String className, List<String> upgrade,
			List<String> downgrade) {
		StringBuilder text = new StringBuilder();
		if (!javaPackage.isEmpty()) {
			text.append("package ").append(javaPackage).append(";\n\n");
		}
		text.append("""
				import dev.migrator.core.op.*;
				import dev.migrator.core.script.JavaMigration;
				import dev.migrator.core.script.MigrationContext;
				import dev.migrator.core.script.MigratorRevision;

				import java.util.List;
				import java.util.Optional;

				import static dev.migrator.core.op.ColumnType.*;
				import static dev.migrator.core.op.Columns.*;

				""");
		if (!revision.message().isEmpty()) {
			text.append("/** ").append(JavaLiteral.comment(revision.message())).append(" */\n");
		}
		text.append("@MigratorRevision(id = ").append(JavaLiteral.of(revision.id()));
		if (!revision.revises().isEmpty()) {
			text.append(", revises = ").append(array(revision.revises()));
		}
		if (!revision.message().isEmpty()) {
			text.append(", message = ").append(JavaLiteral.of(revision.message()));
		}
		revision.branchLabel().ifPresent((l) -> text.append(", branchLabels = ").append(JavaLiteral.of(l)));
		if (!revision.dependsOn().isEmpty()) {
			text.append(", dependsOn = ").append(array(revision.dependsOn()));
		}
		text.append(")\n");
		text.append("public class ").append(className).append(" implements JavaMigration {\n\n");
		method(text, "upgrade", upgrade);
		text.append('\n');
		method(text, "downgrade", downgrade);
		text.append("\n}\n");
		return text.toString();
	}

	private static void method(StringBuilder text, String name, List<String> body) {
		text.append("\t@Override\n\tpublic void ")
			.append(name)
			.append("(MigrationContext context) throws Exception {\n");
		text.append("\t\tOperations op = context.op();\n");
		for (String line : body) {
			text.append(line.isEmpty() ? "" : "\t\t" + line).append('\n');
		}
		text.append("\t}\n");
	}

	private static String array(List<String> values) {
		if (values.size() == 1) {
			return JavaLiteral.of(values.get(0));
		}
		return values.stream().map(JavaLiteral::of).collect(Collectors.joining(", ", "{ ", " }"));
	}

}
