package dev.migrator.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when the migration job's profile is active. A plain {@code @Profile} cannot be
 * used: the profile's name is itself a property.
 */
class OnMigrationJobProfileCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		String profile = MigrationJobProfile.name(context.getEnvironment());
		if (MigrationJobProfile.isActive(context.getEnvironment())) {
			return ConditionOutcome.match("migration job profile '" + profile + "' is active");
		}
		return ConditionOutcome.noMatch("migration job profile '" + profile + "' is not active");
	}

}
