package dev.plumbline.core.live;

import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpPipelineNextPolicy;
import com.azure.core.http.HttpPipelineNextSyncPolicy;
import com.azure.core.http.HttpPipelinePosition;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.HttpPipelinePolicy;
import java.util.Locale;
import reactor.core.publisher.Mono;

/**
 * Keeps a live audit read-only whatever the code above it does: a request other than a GET, or the
 * POST of a Resource Graph query, is refused before it leaves the process.
 */
public final class ReadOnlyGuard implements HttpPipelinePolicy {

  /** The one path a POST may go to: Resource Graph's query endpoint. */
  static final String RESOURCE_GRAPH_PATH = "/providers/microsoft.resourcegraph/resources";

  @Override
  public Mono<HttpResponse> process(HttpPipelineCallContext context, HttpPipelineNextPolicy next) {
    try {
      check(context.getHttpRequest());
    } catch (ReadOnlyViolation e) {
      return Mono.error(e);
    }
    return next.process();
  }

  @Override
  public HttpResponse processSync(HttpPipelineCallContext context, HttpPipelineNextSyncPolicy next) {
    check(context.getHttpRequest());
    return next.processSync();
  }

  @Override
  public HttpPipelinePosition getPipelinePosition() {
    // Per retry: checked again just before every attempt leaves.
    return HttpPipelinePosition.PER_RETRY;
  }

  /** Refuses what is not a read. */
  static void check(HttpRequest request) {
    HttpMethod method = request.getHttpMethod();
    if (method == HttpMethod.GET) {
      return;
    }
    String path = request.getUrl().getPath().toLowerCase(Locale.ROOT).replaceAll("/+$", "");
    if (method == HttpMethod.POST && path.endsWith(RESOURCE_GRAPH_PATH)) {
      return;
    }
    throw new ReadOnlyViolation("Plumbline is read-only: refused " + method + " " + request.getUrl().getPath()
        + " before it was sent");
  }

  /** A request the guard refused. */
  public static final class ReadOnlyViolation extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    ReadOnlyViolation(String message) {
      super(message);
    }
  }
}
