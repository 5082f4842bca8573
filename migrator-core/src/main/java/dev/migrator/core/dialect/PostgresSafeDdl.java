package dev.migrator.core.dialect;

import dev.migrator.core.error.ErrorCode;

import dev.migrator.core.op.AddCheckConstraint;
import dev.migrator.core.op.AddColumn;
import dev.migrator.core.op.AddEnumValue;
import dev.migrator.core.op.AddForeignKey;
import dev.migrator.core.op.AddUniqueConstraint;
import dev.migrator.core.op.Column;
import dev.migrator.core.op.ForeignKeyConstraint;
import dev.migrator.core.op.InvalidOperationException;
import dev.migrator.core.op.SafeOperation;
import dev.migrator.core.op.ServerDefault;
import dev.migrator.core.op.TableConstraint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The safe multi-step forms of PostgreSQL DDL: each step takes the weakest lock that does
 * its job, a step that takes a strong lock never waits on a long scan, and a step that
 * scans runs in a transaction of its own (marked to run outside the revision's
 * transaction) so that it does not hold the strong lock an earlier step took.
 */
final class PostgresSafeDdl {

	/**
	 * The first version that adds a column with a non-volatile default without rewriting
	 * the table.
	 */
	static final int FAST_COLUMN_DEFAULT_SINCE = 11;

	/**
	 * Rows filled per batch when a column's default must be written into existing rows.
	 */
	static final int BACKFILL_BATCH_ROWS = 1000;

	/**
	 * Built-in functions whose result changes per row: a default calling one is written
	 * into every row, which rewrites the table. A user-defined volatile function is not
	 * recognised; the reference says so.
	 */
	private static final Set<String> VOLATILE_FUNCTIONS = Set.of("random", "random_normal", "gen_random_uuid",
			"uuid_generate_v1", "uuid_generate_v1mc", "uuid_generate_v4", "uuidv4", "uuidv7", "clock_timestamp",
			"timeofday", "nextval", "setval", "txid_current");

	private static final Pattern FUNCTION_CALL = Pattern.compile("([A-Za-z_][A-Za-z0-9_$]*)\\s*\\(");

	private final PostgresDdl ddl;

	PostgresSafeDdl(PostgresDdl ddl) {
		this.ddl = ddl;
	}

	/**
	 * {@code NOT VALID} check (brief ACCESS EXCLUSIVE lock; dropped first so that the
	 * revision can run again), the validation in its own transaction (SHARE UPDATE
	 * EXCLUSIVE: reads and writes go on), {@code SET NOT NULL} (proved from the valid
	 * check without a scan on 12 and later), the check dropped.
	 */
	List<RenderedStatement> addNotNull(String table, String column, String check) {
		String t = q(table);
		String ck = q(check);
		List<RenderedStatement> statements = new ArrayList<>();
		statements.add(RenderedStatement.of("ALTER TABLE " + t + " DROP CONSTRAINT IF EXISTS " + ck
				+ ", ADD CONSTRAINT " + ck + " CHECK (" + q(column) + " IS NOT NULL) NOT VALID"));
		statements.add(RenderedStatement.of("ALTER TABLE " + t + " VALIDATE CONSTRAINT " + ck).needingAutocommit());
		statements.add(RenderedStatement.of("ALTER TABLE " + t + " ALTER COLUMN " + q(column) + " SET NOT NULL"));
		statements.add(RenderedStatement.of("ALTER TABLE " + t + " DROP CONSTRAINT " + ck));
		statements.add(RenderedStatement.cleanup("ALTER TABLE " + t + " DROP CONSTRAINT IF EXISTS " + ck));
		return statements;
	}

	List<RenderedStatement> render(SafeOperation safe, RenderContext context) {
		if (safe.operation() instanceof AddForeignKey add) {
			return validated(add.table(), add.constraint());
		}
		if (safe.operation() instanceof AddCheckConstraint add) {
			return validated(add.table(), add.constraint());
		}
		if (safe.operation() instanceof AddUniqueConstraint add) {
			return uniqueUsingIndex(add);
		}
		if (safe.operation() instanceof AddColumn add) {
			return addColumn(safe, add, context);
		}
		return List.of(enumValue((AddEnumValue) safe.operation()));
	}

	/**
	 * Added {@code NOT VALID} (a brief lock, new rows checked), then validated in a
	 * transaction of its own.
	 */
	private List<RenderedStatement> validated(String table, TableConstraint constraint) {
		String t = q(table);
		String name = q(constraint.requireName());
		RenderedStatement validate = RenderedStatement.of("ALTER TABLE " + t + " VALIDATE CONSTRAINT " + name)
			.needingAutocommit();
		RenderedStatement cleanup = RenderedStatement
			.cleanup("ALTER TABLE " + t + " DROP CONSTRAINT IF EXISTS " + name);
		String add = "ALTER TABLE " + t + " ADD " + this.ddl.constraintDefinition(constraint) + " NOT VALID";
		if (constraint instanceof ForeignKeyConstraint) {
			// A foreign key needs only SHARE ROW EXCLUSIVE, which lets reads go on; DROP
			// CONSTRAINT, even IF EXISTS
			// and with nothing to drop, would raise an ALTER TABLE sharing its statement
			// to ACCESS EXCLUSIVE. So the
			// leftover of an earlier run is dropped on its own, and only when it is
			// there.
			String leftover = "SELECT FROM pg_constraint WHERE conrelid = to_regclass(" + this.ddl.literal(t)
					+ ") AND conname = " + this.ddl.literal(constraint.requireName());
			return List.of(
					RenderedStatement.of("DO $migrator$ BEGIN IF EXISTS (" + leftover + ") THEN ALTER TABLE " + t
							+ " DROP CONSTRAINT " + name + "; END IF; END $migrator$"),
					RenderedStatement.of(add), validate, cleanup);
		}
		// A check constraint takes ACCESS EXCLUSIVE anyway: dropping a leftover in the
		// same statement costs nothing.
		return List.of(RenderedStatement.of("ALTER TABLE " + t + " DROP CONSTRAINT IF EXISTS " + name + ", ADD "
				+ this.ddl.constraintDefinition(constraint) + " NOT VALID"), validate, cleanup);
	}

	/**
	 * The index built concurrently (writes go on), then attached as the constraint with a
	 * brief lock.
	 */
	private List<RenderedStatement> uniqueUsingIndex(AddUniqueConstraint add) {
		String t = q(add.table());
		String name = q(add.constraint().requireName());
		return List.of(
				RenderedStatement
					.of("CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS " + name + " ON " + t + " ("
							+ this.ddl.names(add.constraint().columns()) + ")")
					.needingAutocommit(),
				RenderedStatement.of("ALTER TABLE " + t + " ADD CONSTRAINT " + name + " UNIQUE USING INDEX " + name),
				RenderedStatement.cleanup("DROP INDEX CONCURRENTLY IF EXISTS " + name));
	}

	private List<RenderedStatement> addColumn(SafeOperation safe, AddColumn add, RenderContext context) {
		Column column = add.column();
		Optional<ServerDefault> value = column.serverDefault();
		boolean fast = context.serverMajorVersion().isEmpty()
				|| context.serverMajorVersion().getAsInt() >= FAST_COLUMN_DEFAULT_SINCE;
		if (value.isEmpty() || (fast && !isVolatile(value.get()))) {
			// One statement: PostgreSQL stores the default once and rows read it until
			// they are next written.
			return this.ddl.addColumn(add, context);
		}
		String t = q(add.table());
		String c = q(column.name());
		String expression = defaultValue(value.get());
		Column bare = new Column(column.name(), column.type(), true, Optional.empty(), column.generation(), false,
				false, Optional.empty(), column.comment());
		List<RenderedStatement> statements = new ArrayList<>(
				this.ddl.addColumn(new AddColumn(add.table(), bare), context));
		statements.add(RenderedStatement.of("ALTER TABLE " + t + " ALTER COLUMN " + c + " SET DEFAULT " + expression));
		// Batches of rows still NULL, each its own transaction; rows the expression
		// leaves NULL end the loop.
		statements.add(
				RenderedStatement
					.repeated("WITH migrator_batch AS (SELECT ctid AS row_id, (" + expression + ") AS value FROM " + t
							+ " WHERE " + c + " IS NULL LIMIT " + BACKFILL_BATCH_ROWS + ") UPDATE " + t + " SET " + c
							+ " = migrator_batch.value FROM migrator_batch WHERE " + t
							+ ".ctid = migrator_batch.row_id AND migrator_batch.value IS NOT NULL")
					.needingAutocommit());
		if (!column.nullable()) {
			String check = safe.notNullCheck()
				.orElseThrow(() -> new InvalidOperationException(ErrorCode.INVALID_OPERATION, safe.describe()
						+ " has no name for its NOT NULL check; run it through Operations, which names it."));
			statements.addAll(addNotNull(add.table(), column.name(), check));
		}
		return statements;
	}

	/**
	 * Outside the transaction: committed before the rest of the revision uses it; runs
	 * again harmlessly.
	 */
	private RenderedStatement enumValue(AddEnumValue add) {
		StringBuilder sql = new StringBuilder("ALTER TYPE ").append(q(add.type()))
			.append(" ADD VALUE IF NOT EXISTS ")
			.append(this.ddl.literal(add.value()));
		add.position()
			.ifPresent((p) -> sql.append(p.before() ? " BEFORE " : " AFTER ").append(this.ddl.literal(p.neighbor())));
		return RenderedStatement.of(sql.toString()).needingAutocommit();
	}

	/** Whether the default calls a built-in function whose result differs per row. */
	static boolean isVolatile(ServerDefault value) {
		if (!(value instanceof ServerDefault.Expression expression)) {
			return false;
		}
		Matcher call = FUNCTION_CALL.matcher(expression.sql());
		while (call.find()) {
			if (VOLATILE_FUNCTIONS.contains(call.group(1).toLowerCase(Locale.ROOT))) {
				return true;
			}
		}
		return false;
	}

	private String defaultValue(ServerDefault value) {
		if (value instanceof ServerDefault.Expression expression) {
			return expression.sql();
		}
		return this.ddl.literal(((ServerDefault.Literal) value).value());
	}

	private String q(String identifier) {
		return this.ddl.q(identifier);
	}

}
