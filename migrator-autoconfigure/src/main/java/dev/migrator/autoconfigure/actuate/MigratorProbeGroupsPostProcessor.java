package dev.migrator.autoconfigure.actuate;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.springframework.boot.actuate.endpoint.EndpointId;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.web.AdditionalPathsMapper;
import org.springframework.boot.actuate.endpoint.web.WebServerNamespace;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.health.actuate.endpoint.AdditionalHealthEndpointPath;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroup;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroupsPostProcessor;
import org.springframework.boot.health.actuate.endpoint.HttpCodeStatusMapper;
import org.springframework.boot.health.actuate.endpoint.StatusAggregator;
import org.springframework.core.env.Environment;

/**
 * Puts the {@code migrator} health indicator in the readiness group and keeps it out of
 * the liveness group, whatever the groups' include patterns say: a pod must never be
 * restarted because a migration is slow or pending, only kept out of rotation. Runs after
 * Spring Boot's availability probes post-processor, which creates both groups.
 *
 * <p>
 * This is done on the groups rather than with default
 * {@code management.endpoint.health.group.*.include} properties because those are
 * validated at startup: a default naming {@code readinessState} or {@code migrator} would
 * fail any application whose probes or whose migrator indicator are switched off. Writing
 * {@code management.endpoint.health.group.readiness.exclude=migrator} takes it out of
 * readiness.
 */
public class MigratorProbeGroupsPostProcessor implements HealthEndpointGroupsPostProcessor {

	static final String CONTRIBUTOR = "migrator";

	static final String READINESS = "readiness";

	static final String LIVENESS = "liveness";

	private final boolean excludedFromReadiness;

	public MigratorProbeGroupsPostProcessor(Environment environment) {
		this.excludedFromReadiness = Binder.get(environment)
			.bind("management.endpoint.health.group.readiness.exclude", Bindable.setOf(String.class))
			.orElse(Set.of())
			.contains(CONTRIBUTOR);
	}

	@Override
	public HealthEndpointGroups postProcessHealthEndpointGroups(HealthEndpointGroups groups) {
		return new ProbeGroups(groups, this.excludedFromReadiness);
	}

	/**
	 * The groups with the readiness and liveness memberships of {@code migrator} decided
	 * here.
	 */
	static final class ProbeGroups implements HealthEndpointGroups, AdditionalPathsMapper {

		private final HealthEndpointGroups delegate;

		private final boolean excludedFromReadiness;

		ProbeGroups(HealthEndpointGroups delegate, boolean excludedFromReadiness) {
			this.delegate = delegate;
			this.excludedFromReadiness = excludedFromReadiness;
		}

		@Override
		public HealthEndpointGroup getPrimary() {
			return this.delegate.getPrimary();
		}

		@Override
		public Set<String> getNames() {
			return this.delegate.getNames();
		}

		@Override
		public HealthEndpointGroup get(String name) {
			HealthEndpointGroup group = this.delegate.get(name);
			if (group == null) {
				return null;
			}
			if (READINESS.equals(name) && !this.excludedFromReadiness) {
				return new MembershipGroup(group, (member) -> CONTRIBUTOR.equals(member) || group.isMember(member));
			}
			if (LIVENESS.equals(name)) {
				return new MembershipGroup(group, (member) -> !CONTRIBUTOR.equals(member) && group.isMember(member));
			}
			return group;
		}

		@Override
		public List<String> getAdditionalPaths(EndpointId endpointId, WebServerNamespace webServerNamespace) {
			// Spring Boot finds /livez and /readyz through this interface on the groups
			// bean: keep passing it on.
			if (this.delegate instanceof AdditionalPathsMapper mapper) {
				return mapper.getAdditionalPaths(endpointId, webServerNamespace);
			}
			return null;
		}

	}

	/**
	 * A group whose membership is decided by a predicate, everything else by the group it
	 * wraps.
	 */
	static final class MembershipGroup implements HealthEndpointGroup {

		private final HealthEndpointGroup delegate;

		private final Predicate<String> membership;

		MembershipGroup(HealthEndpointGroup delegate, Predicate<String> membership) {
			this.delegate = delegate;
			this.membership = membership;
		}

		@Override
		public boolean isMember(String name) {
			return this.membership.test(name);
		}

		@Override
		public boolean showComponents(SecurityContext securityContext) {
			return this.delegate.showComponents(securityContext);
		}

		@Override
		public boolean showDetails(SecurityContext securityContext) {
			return this.delegate.showDetails(securityContext);
		}

		@Override
		public StatusAggregator getStatusAggregator() {
			return this.delegate.getStatusAggregator();
		}

		@Override
		public HttpCodeStatusMapper getHttpCodeStatusMapper() {
			return this.delegate.getHttpCodeStatusMapper();
		}

		@Override
		public AdditionalHealthEndpointPath getAdditionalPath() {
			return this.delegate.getAdditionalPath();
		}

	}

}
