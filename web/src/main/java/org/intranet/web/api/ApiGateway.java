package org.intranet.web.api;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.intranet.web.config.WebConfig;
import org.jboss.logging.Logger;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.Router;
import io.vertx.httpproxy.HttpProxy;

/**
 * Routes each API path prefix to its service with Vert.x's reverse proxy, so the browser talks to one origin in the
 * local stack exactly as it does behind the Kubernetes Ingress. The proxy streams bodies both ways (a notification
 * stream passes through unbuffered) and keeps the caller's Authorization header: each service checks the token.
 */
@ApplicationScoped
public class ApiGateway {

    private static final Logger LOG = Logger.getLogger(ApiGateway.class);

    private final WebConfig config;
    private final Vertx vertx;

    public ApiGateway(WebConfig config, Vertx vertx) {
        this.config = config;
        this.vertx = vertx;
    }

    void route(@Observes Router router) {
        WebConfig.Proxy proxy = config.proxy();
        if (!proxy.enabled()) {
            return;
        }
        for (Map.Entry<String, List<String>> entry : proxy.prefixes().entrySet()) {
            URI upstream = proxy.upstream().get(entry.getKey());
            if (upstream == null) {
                throw new IllegalStateException("intranet.web.proxy.prefixes." + entry.getKey()
                        + " has no intranet.web.proxy.upstream." + entry.getKey());
            }
            HttpProxy handler = HttpProxy.reverseProxy(vertx.createHttpClient(clientOptions(), poolOptions(proxy)))
                    .origin(upstream.getPort(), upstream.getHost());
            for (String prefix : entry.getValue()) {
                // "/api/feed" and "/api/feed/…", not "/api/feedx": Ingress Prefix matches whole path segments
                router.route(prefix).order(-1).handler(ctx -> handler.handle(ctx.request()));
                router.route(prefix + "/*").order(-1).handler(ctx -> handler.handle(ctx.request()));
                LOG.debugf("proxy %s/* -> %s", prefix, upstream);
            }
        }
        LOG.infof("proxying %s", proxy.prefixes());
    }

    private static HttpClientOptions clientOptions() {
        // no idle timeout: an open stream may be silent between its heartbeats
        return new HttpClientOptions().setKeepAlive(true).setIdleTimeout(0);
    }

    private static PoolOptions poolOptions(WebConfig.Proxy proxy) {
        return new PoolOptions().setHttp1MaxSize(proxy.maxConnections());
    }
}
