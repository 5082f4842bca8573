package dev.migrator.core.dialect;

/** The operation and column a rendering error is about, as named in its message. */
record Subject(String operation, String column) {

	static Subject of(String operation) {
		return new Subject(operation, "");
	}

	Subject column(String name) {
		return new Subject(this.operation, name);
	}

	@Override
	public String toString() {
		return this.column.isEmpty() ? this.operation : this.operation + ", column " + this.column;
	}

}
