/** Test support for applications that use Keyfence: a test identity provider and tokens for MockMvc and WebTestClient. */
@NullMarked
package dev.keyfence.test;

import org.jspecify.annotations.NullMarked;
