package dev.migrator.core.script;

import java.util.List;

/** The revisions of several sources together, in the order of the sources. */
public final class CompositeRevisionSource implements RevisionSource {

	private final List<RevisionSource> sources;

	public CompositeRevisionSource(List<RevisionSource> sources) {
		this.sources = List.copyOf(sources);
	}

	@Override
	public List<Revision> load() {
		return this.sources.stream().flatMap((source) -> source.load().stream()).toList();
	}

}
