/**
 * The migrator Maven plugin: one goal per command, configured like the Spring Boot
 * starter (the project's {@code application.properties}) or by the plugin's own
 * parameters and {@code migrator.*} user properties, which win.
 */
package dev.migrator.maven;
