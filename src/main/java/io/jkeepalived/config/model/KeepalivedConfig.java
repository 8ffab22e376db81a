package io.jkeepalived.config.model;

import io.jkeepalived.config.parse.Block;

/**
 * A validated configuration: typed access to the blocks keepalived would run. The underlying
 * {@link Block} tree is the effective configuration -d prints and {@code config --json} shows.
 */
public record KeepalivedConfig(Block root) {
}
