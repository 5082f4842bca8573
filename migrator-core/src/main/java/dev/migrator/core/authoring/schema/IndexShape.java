package dev.migrator.core.authoring.schema;

import dev.migrator.core.op.IndexPart;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An index created on its own (not the one behind a primary key or unique constraint).
 *
 * @param name its name
 * @param unique whether it is unique
 * @param parts its columns and expressions, in order
 * @param where the condition of a partial index
 * @param definition the SQL that creates it, when the parts cannot express it (another
 * access method, a sort order, an operator class, included columns); then it is compared
 * and created by this text
 */
public record IndexShape(String name, boolean unique, List<IndexPart> parts, Optional<String> where,
		Optional<String> definition) {

	public IndexShape {
		Objects.requireNonNull(name, "name");
		parts = List.copyOf(parts);
		Objects.requireNonNull(where, "where");
		Objects.requireNonNull(definition, "definition");
	}

	/** What the index is, without its name, for comparison. */
	public String signature(Names names) {
		if (this.definition.isPresent()) {
			return "definition " + SqlText.normalize(this.definition.get());
		}
		StringBuilder signature = new StringBuilder(this.unique ? "unique index (" : "index (");
		for (IndexPart part : this.parts) {
			signature
				.append((part instanceof IndexPart.ColumnPart column) ? names.key(column.name())
						: "expr " + SqlText.normalize(((IndexPart.ExpressionPart) part).sql()))
				.append(", ");
		}
		signature.append(')');
		this.where.ifPresent((w) -> signature.append(" where ").append(SqlText.normalize(w)));
		return signature.toString();
	}

}
