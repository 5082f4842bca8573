package dev.migrator.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when the application runs as itself, not as the migration job: for what only a
 * long-running application needs, such as metrics measured in the background, whose
 * warnings inside a job's log would send its reader looking for the wrong problem.
 */
public class OutsideMigrationJobCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		String profile = MigrationJobProfile.name(context.getEnvironment());
		if (MigrationJobProfile.isActive(context.getEnvironment())) {
			return ConditionOutcome.noMatch("migration job profile '" + profile + "' is active");
		}
		return ConditionOutcome.match("migration job profile '" + profile + "' is not active");
	}

}
