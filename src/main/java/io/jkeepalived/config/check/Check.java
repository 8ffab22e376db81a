package io.jkeepalived.config.check;

import io.jkeepalived.config.parse.Block;

/**
 * One area's validation, in keepalived's words and with its outcome: reports problems, and
 * returns the configuration as keepalived would run it (invalid parts removed or corrected,
 * derived defaults filled in, so that -d shows the effective value). Checks run in
 * {@link Checks#ALL} order, each seeing what the previous ones made.
 */
@FunctionalInterface
public interface Check {

    Block apply(Block root, CheckContext ctx);
}
