/**
 * The service's configuration: defaults, then an optional JSON file, then environment variables,
 * parsed once into immutable records and validated with every problem reported at once. Nothing
 * else reads files or the environment for settings.
 */
package org.mms.config;
