package io.jkeepalived.config.check;

import io.jkeepalived.config.Diagnostics;

/** What a check needs besides the configuration: where to report, and the host. */
public record CheckContext(Diagnostics diags, Host host) {
}
