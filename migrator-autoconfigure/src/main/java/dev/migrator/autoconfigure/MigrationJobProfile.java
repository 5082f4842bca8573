package dev.migrator.autoconfigure;

import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * Whether the application was started as the migration job: the profile named by
 * {@code migrator.job.profile} ({@code migrate} unless set) is active.
 */
final class MigrationJobProfile {

	static final String PROFILE_PROPERTY = "migrator.job.profile";

	static final String DEFAULT_PROFILE = "migrate";

	private MigrationJobProfile() {
	}

	static String name(Environment environment) {
		String profile = environment.getProperty(PROFILE_PROPERTY, DEFAULT_PROFILE).trim();
		return profile.isEmpty() ? DEFAULT_PROFILE : profile;
	}

	static boolean isActive(Environment environment) {
		return environment.acceptsProfiles(Profiles.of(name(environment)));
	}

}
