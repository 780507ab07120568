/** The Spring Boot and Spring Security adapter: auto-configuration, decoders and endpoints. */
@NullMarked
package dev.keyfence.spring;

import org.jspecify.annotations.NullMarked;
