/**
 * Keyfence's one JSON writer and strict reader: the output lines of the CLI, the posture and drill
 * reports, the ledger's records and the adapters' tooling metadata are all written by
 * {@link dev.keyfence.json.JsonWriter}, so there is one JSON string escaper in the whole project.
 */
@NullMarked
package dev.keyfence.json;

import org.jspecify.annotations.NullMarked;
