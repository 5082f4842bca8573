package dev.migrator.core.runtime;

import dev.migrator.core.dialect.Dialects;
import dev.migrator.core.dialect.LiveSchema;
import dev.migrator.core.dialect.RenderContext;
import dev.migrator.core.op.AddEnumValue;
import dev.migrator.core.op.InvalidOperationException;

import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the database refuses inside a transaction is refused before it runs, with the way
 * out.
 */
class AutocommitNeededTests {

	@Test
	void anEnumValueOnPostgresqlBefore12IsRefusedInsideATransaction() {
		AddEnumValue add = AddEnumValue.of("mood", "meh");
		var old = Dialects.byName("postgresql")
			.render(add, new RenderContext(true, OptionalInt.of(11), LiveSchema.offline()));
		assertThatThrownBy(() -> AutocommitNeeded.check(add, old, true)).isInstanceOf(InvalidOperationException.class)
			.hasMessage(
					"addEnumValue mood 'meh': ALTER TYPE \"mood\" ADD VALUE 'meh' cannot run inside a transaction block, "
							+ "and this revision runs in one. Use op.autocommitBlock(() -> ...) around it or mark the revision transactional=false.");
		assertThatCode(() -> AutocommitNeeded.check(add, old, false)).doesNotThrowAnyException();
		var current = Dialects.byName("postgresql")
			.render(add, new RenderContext(true, OptionalInt.of(12), LiveSchema.offline()));
		assertThat(current.get(0).needsAutocommit()).isFalse();
		assertThatCode(() -> AutocommitNeeded.check(add, current, true)).doesNotThrowAnyException();
	}

}
