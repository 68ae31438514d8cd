package dev.plumbline.core.model.network;

import dev.plumbline.core.model.Resource;
import java.util.Optional;

/**
 * Where a routing rule (or one path of its URL path map) sends traffic.
 *
 * @param rule the request routing rule
 * @param via the path rule or URL path map the route comes from, when it is not the rule itself
 * @param backendPool the pool, when the route forwards rather than redirects
 * @param httpSettings the backend HTTP settings used with the pool
 */
public record Route(Resource rule, Optional<Resource> via, Optional<BackendPool> backendPool,
    Optional<BackendHttpSettings> httpSettings) {}
