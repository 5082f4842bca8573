package dev.migrator.core.op;

import dev.migrator.core.error.ErrorCode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Templates that name constraints and indexes not given a name, so that a name is the
 * same on every database and a later migration can drop it by name. Placeholders:
 * {@code {table}}, {@code {columns}} (joined with {@code _}), {@code {referred_table}}
 * and, for checks, {@code {constraint}} (the check's label). A name longer than 63 bytes
 * is shortened the same way every time: cut, then {@code _} and eight hex digits of its
 * SHA-256.
 *
 * @param primaryKey template for primary keys
 * @param foreignKey template for foreign keys
 * @param unique template for unique constraints
 * @param check template for check constraints
 * @param index template for indexes
 */
public record NamingConvention(String primaryKey, String foreignKey, String unique, String check, String index) {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]*)}");

	private static final List<String> KNOWN = List.of("table", "columns", "referred_table", "constraint");

	private static final int HASH_LENGTH = 8;

	public NamingConvention {
		validate("primary key", primaryKey);
		validate("foreign key", foreignKey);
		validate("unique", unique);
		validate("check", check);
		validate("index", index);
	}

	/**
	 * {@code pk_{table}}, {@code fk_{table}_{columns}_{referred_table}},
	 * {@code uq_{table}_{columns}}, {@code ck_{table}_{constraint}},
	 * {@code ix_{table}_{columns}}.
	 */
	public static NamingConvention defaults() {
		return new NamingConvention("pk_{table}", "fk_{table}_{columns}_{referred_table}", "uq_{table}_{columns}",
				"ck_{table}_{constraint}", "ix_{table}_{columns}");
	}

	private static void validate(String what, String template) {
		if (template == null || template.isBlank()) {
			throw new InvalidOperationException(ErrorCode.INVALID_NAMING_CONVENTION,
					"The " + what + " naming template is empty.");
		}
		Matcher matcher = PLACEHOLDER.matcher(template);
		while (matcher.find()) {
			if (!KNOWN.contains(matcher.group(1))) {
				throw new InvalidOperationException(ErrorCode.INVALID_NAMING_CONVENTION,
						"The " + what + " naming template '" + template + "' uses {" + matcher.group(1)
								+ "}; known placeholders are " + KNOWN + ".");
			}
		}
	}

	/**
	 * The operation with every constraint and index it creates named; exact names are
	 * kept.
	 */
	public Operation apply(Operation operation) {
		if (operation instanceof CreateTable create) {
			return create.withConstraints(create.constraints().stream().map((c) -> name(create.table(), c)).toList());
		}
		if (operation instanceof DropTable drop) {
			return new DropTable(drop.table(), drop.definition().map((d) -> (CreateTable) apply(d)));
		}
		if (operation instanceof CreateIndex create) {
			return name(create);
		}
		if (operation instanceof DropIndex drop) {
			return new DropIndex(drop.name(), drop.table(), drop.concurrent(), drop.skipIfMissing(),
					drop.definition().map((d) -> d.named(drop.name())));
		}
		if (operation instanceof AddPrimaryKey add) {
			return new AddPrimaryKey(add.table(), (PrimaryKeyConstraint) name(add.table(), add.constraint()));
		}
		if (operation instanceof AddUniqueConstraint add) {
			return new AddUniqueConstraint(add.table(), (UniqueConstraint) name(add.table(), add.constraint()));
		}
		if (operation instanceof AddCheckConstraint add) {
			return new AddCheckConstraint(add.table(), (CheckConstraint) name(add.table(), add.constraint()),
					add.notValid());
		}
		if (operation instanceof AddForeignKey add) {
			return new AddForeignKey(add.table(), (ForeignKeyConstraint) name(add.table(), add.constraint()),
					add.notValid());
		}
		if (operation instanceof AddNotNull add) {
			return add.check().isPresent() ? add : new AddNotNull(add.table(), add.column(),
					Optional.of(render(this.check, add.table(), List.of(), "", add.checkLabel())));
		}
		if (operation instanceof SafeOperation safe) {
			// Only an AddColumn has a label: the helper check of its NOT NULL.
			Optional<String> check = safe.notNullCheck()
				.or(() -> safe.notNullCheckLabel()
					.map((label) -> render(this.check, ((AddColumn) safe.operation()).table(), List.of(), "", label)));
			return new SafeOperation(apply(safe.operation()), check);
		}
		if (operation instanceof BatchAlterTable batch) {
			return new BatchAlterTable(batch.table(), batch.operations().stream().map(this::apply).toList());
		}
		return operation;
	}

	/** The constraint with a name: its own, or the convention's. */
	public TableConstraint name(String table, TableConstraint constraint) {
		if (constraint.name().isPresent()) {
			return constraint;
		}
		if (constraint instanceof PrimaryKeyConstraint) {
			return constraint.named(render(this.primaryKey, table, constraint.columns(), "", ""));
		}
		if (constraint instanceof UniqueConstraint) {
			return constraint.named(render(this.unique, table, constraint.columns(), "", ""));
		}
		if (constraint instanceof CheckConstraint check) {
			return constraint.named(render(this.check, table, List.of(), "", check.label()));
		}
		ForeignKeyConstraint foreignKey = (ForeignKeyConstraint) constraint;
		return constraint.named(render(this.foreignKey, table, foreignKey.columns(), foreignKey.referredTable(), ""));
	}

	/** The index with a name: its own, or the convention's from its columns. */
	public CreateIndex name(CreateIndex index) {
		if (index.name().isPresent()) {
			return index;
		}
		if (index.columnNames().size() != index.parts().size()) {
			throw new InvalidOperationException(ErrorCode.INVALID_OPERATION, "createIndex on " + index.table()
					+ ": an index with an expression has no column names to build a name from; give it a name with named(...).");
		}
		return index.named(render(this.index, index.table(), index.columnNames(), "", ""));
	}

	private static String render(String template, String table, List<String> columns, String referredTable,
			String constraint) {
		Map<String, String> values = Map.of("table", table, "columns", String.join("_", columns), "referred_table",
				referredTable, "constraint", constraint);
		Matcher matcher = PLACEHOLDER.matcher(template);
		StringBuilder name = new StringBuilder();
		while (matcher.find()) {
			matcher.appendReplacement(name, Matcher.quoteReplacement(values.get(matcher.group(1))));
		}
		matcher.appendTail(name);
		return shorten(name.toString());
	}

	/**
	 * The name itself when it fits in 63 bytes, else a cut of it and a hash of the whole,
	 * identical on every run.
	 */
	static String shorten(String name) {
		if (name.getBytes(StandardCharsets.UTF_8).length <= Identifiers.MAX_BYTES) {
			return name;
		}
		String hash = HexFormat.of().formatHex(sha256(name)).substring(0, HASH_LENGTH);
		int budget = Identifiers.MAX_BYTES - HASH_LENGTH - 1;
		StringBuilder cut = new StringBuilder();
		int bytes = 0;
		for (int i = 0; i < name.length();) {
			int codePoint = name.codePointAt(i);
			int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
			if (bytes + size > budget) {
				break;
			}
			cut.appendCodePoint(codePoint);
			bytes += size;
			i += Character.charCount(codePoint);
		}
		return cut + "_" + hash;
	}

	private static byte[] sha256(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

}
