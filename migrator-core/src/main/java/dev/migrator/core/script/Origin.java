package dev.migrator.core.script;

/**
 * Where a revision was defined, so that every error can point at it.
 *
 * @param location a file location such as {@code classpath:db/revisions/0001_init.sql},
 * or a class name
 * @param line the 1-based line in that file, or 0 when there is no line to point at
 */
public record Origin(String location, int line) {

	public static Origin file(String location) {
		return new Origin(location, 0);
	}

	public static Origin javaClass(Class<?> type) {
		return new Origin("class " + type.getName(), 0);
	}

	public Origin atLine(int line) {
		return new Origin(this.location, line);
	}

	@Override
	public String toString() {
		return (this.line > 0) ? this.location + ":" + this.line : this.location;
	}

}
