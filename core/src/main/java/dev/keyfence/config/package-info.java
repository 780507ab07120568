/**
 * The settings Keyfence knows, as read-only data: every setting's path, type, default, bounds,
 * documentation line and the front doors that accept it ({@link dev.keyfence.config.SettingsRegistry}),
 * and the YAML reading of the configuration file ({@link dev.keyfence.config.ConfigDocument}).
 * Adapters derive their property names, init parameters and tooling metadata from here.
 */
@NullMarked
package dev.keyfence.config;

import org.jspecify.annotations.NullMarked;
