package dev.plumbline.core.live;

import com.azure.core.credential.TokenRequestContext;
import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.HttpPipelinePosition;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.netty.NettyAsyncHttpClientBuilder;
import com.azure.core.http.policy.BearerTokenAuthenticationPolicy;
import com.azure.core.http.policy.ExponentialBackoffOptions;
import com.azure.core.http.policy.HttpPipelinePolicy;
import com.azure.core.http.policy.RequestIdPolicy;
import com.azure.core.http.policy.RetryPolicy;
import com.azure.core.http.policy.ExponentialBackoff;
import com.azure.core.http.policy.UserAgentPolicy;
import com.azure.core.util.Context;
import com.azure.identity.DefaultAzureCredentialBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plumbline.core.Plumbline;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLException;

/**
 * Resource Manager over azure-core's HTTP pipeline: retries with back-off honouring Retry-After,
 * the read-only guard, a bearer token from the caller or from DefaultAzureCredential, and a
 * request log that never shows headers.
 */
public final class ArmClient {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final LiveOptions options;
  private final HttpPipeline pipeline;
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicInteger retries = new AtomicInteger();

  public ArmClient(LiveOptions options) {
    this.options = options;
    List<HttpPipelinePolicy> policies = new ArrayList<>();
    policies.add(new UserAgentPolicy("plumbline/" + Plumbline.version()));
    policies.add(new RequestIdPolicy());
    policies.add(new RetryPolicy(new ExponentialBackoff(new ExponentialBackoffOptions()
        .setMaxRetries(options.maxRetries()).setBaseDelay(options.retryDelay())
        .setMaxDelay(options.retryDelay().multipliedBy(16))), "Retry-After", ChronoUnit.SECONDS));
    policies.add(new ReadOnlyGuard());
    policies.add(authentication(options));
    policies.add(new RequestLine(options, requests, retries));
    policies.add(new ReadBudget(options));
    this.pipeline = new HttpPipelineBuilder().policies(policies.toArray(HttpPipelinePolicy[]::new))
        .httpClient(httpClient(options)).build();
  }

  /** The pipeline, for the SDK clients that share it (Resource Graph). */
  HttpPipeline pipeline() {
    return pipeline;
  }

  /** Requests sent, retries included. */
  public int requestCount() {
    return requests.get();
  }

  /** Retries made after throttling, server errors or timeouts. */
  public int retryCount() {
    return retries.get();
  }

  /** GET of a path such as {@code /subscriptions/x/resourceGroups/y?api-version=...}, or an absolute URL (a nextLink). */
  public JsonNode get(String pathOrUrl) throws ArmException {
    String url = pathOrUrl.startsWith("http") ? pathOrUrl : options.endpoint() + pathOrUrl.replaceFirst("^/+", "");
    HttpRequest request = new HttpRequest(HttpMethod.GET, url);
    try (HttpResponse response = pipeline.sendSync(request, Context.NONE)) {
      byte[] body = response.getBodyAsBinaryData() == null ? new byte[0] : response.getBodyAsBinaryData().toBytes();
      if (response.getStatusCode() / 100 != 2) {
        throw failure(response.getStatusCode(), body);
      }
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new ArmException(0, "", "the response could not be read: " + e.getMessage());
    } catch (ReadOnlyGuard.ReadOnlyViolation | com.azure.core.exception.ClientAuthenticationException e) {
      // A refused write is a bug, and no credential means nothing can be read: neither is a gap.
      throw e;
    } catch (RuntimeException e) {
      throw new ArmException(0, "", transportReason(e));
    }
  }

  /** Every element of a list response, following nextLink. */
  public List<JsonNode> list(String path) throws ArmException {
    List<JsonNode> all = new ArrayList<>();
    String next = path;
    int pages = 0;
    while (next != null && !next.isEmpty()) {
      JsonNode page = get(next);
      page.path("value").forEach(all::add);
      next = page.path("nextLink").asText(null);
      if (++pages > 10_000) {
        throw new ArmException(0, "", "more than 10,000 pages from " + path + "; stopped");
      }
    }
    return all;
  }

  static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static ArmException failure(int status, byte[] body) {
    String code = "";
    String message = "";
    try {
      JsonNode error = JSON.readTree(body).path("error");
      code = error.path("code").asText("");
      message = error.path("message").asText("");
    } catch (IOException | RuntimeException e) {
      message = "";
    }
    return new ArmException(status, code, message);
  }

  /** What a transport failure was, in words, without the stack of reactive wrappers around it. */
  static String transportReason(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      if (cause instanceof java.util.concurrent.TimeoutException) {
        break;
      }
      cause = cause.getCause();
    }
    String name = cause.getClass().getSimpleName();
    boolean timeout = cause instanceof java.util.concurrent.TimeoutException || name.contains("Timeout");
    return timeout ? "no response within the timeout, after retries" : name + ": " + String.valueOf(cause.getMessage());
  }

  private static HttpPipelinePolicy authentication(LiveOptions options) {
    if (options.accessToken().isPresent()) {
      String header = "Bearer " + options.accessToken().get().trim();
      return new HttpPipelinePolicy() {
        @Override
        public reactor.core.publisher.Mono<HttpResponse> process(com.azure.core.http.HttpPipelineCallContext context,
            com.azure.core.http.HttpPipelineNextPolicy next) {
          context.getHttpRequest().setHeader(HttpHeaderName.AUTHORIZATION, header);
          return next.process();
        }

        @Override
        public HttpResponse processSync(com.azure.core.http.HttpPipelineCallContext context,
            com.azure.core.http.HttpPipelineNextSyncPolicy next) {
          context.getHttpRequest().setHeader(HttpHeaderName.AUTHORIZATION, header);
          return next.processSync();
        }

        @Override
        public HttpPipelinePosition getPipelinePosition() {
          return HttpPipelinePosition.PER_RETRY;
        }
      };
    }
    DefaultAzureCredentialBuilder credential = new DefaultAzureCredentialBuilder()
        .authorityHost(options.cloud().authorityHost());
    options.tenant().ifPresent(credential::tenantId);
    String audience = options.armEndpoint().isPresent() ? options.endpoint() : options.cloud().resourceManager();
    return new BearerTokenAuthenticationPolicy(credential.build(), audience + ".default");
  }

  /** Asks DefaultAzureCredential for a token, to fail early with its reason rather than on the first request. */
  static void checkCredential(LiveOptions options) {
    if (options.accessToken().isPresent()) {
      return;
    }
    DefaultAzureCredentialBuilder builder = new DefaultAzureCredentialBuilder().authorityHost(options.cloud().authorityHost());
    options.tenant().ifPresent(builder::tenantId);
    String audience = options.armEndpoint().isPresent() ? options.endpoint() : options.cloud().resourceManager();
    builder.build().getTokenSync(new TokenRequestContext().addScopes(audience + ".default"));
  }

  private static HttpClient httpClient(LiveOptions options) {
    reactor.netty.http.client.HttpClient netty = reactor.netty.http.client.HttpClient.create();
    if (options.caCertificates().isPresent()) {
      try {
        SslContext ssl = SslContextBuilder.forClient().trustManager(options.caCertificates().get().toFile()).build();
        netty = netty.secure(spec -> spec.sslContext(ssl));
      } catch (SSLException | IllegalArgumentException e) {
        throw new IllegalArgumentException("the CA certificates in " + options.caCertificates().get()
            + " could not be read: " + e.getMessage(), e);
      }
    }
    Duration timeout = options.timeout();
    return new NettyAsyncHttpClientBuilder(netty).responseTimeout(timeout).readTimeout(timeout).writeTimeout(timeout)
        .connectTimeout(timeout).build();
  }

  /**
   * Slows down before ARM throttles: when a response says few reads are left
   * ({@code x-ms-ratelimit-remaining-*-reads}), later requests wait a little, longer the fewer remain.
   */
  static final class ReadBudget implements HttpPipelinePolicy {

    /** Below this many reads left, requests start to wait. */
    static final int LOW_WATER = 100;

    private static final List<String> HEADERS = List.of("x-ms-ratelimit-remaining-subscription-reads",
        "x-ms-ratelimit-remaining-tenant-reads", "x-ms-ratelimit-remaining-subscription-global-reads");

    private final LiveOptions options;
    private final AtomicInteger remaining = new AtomicInteger(Integer.MAX_VALUE);
    private final java.util.concurrent.atomic.AtomicBoolean said = new java.util.concurrent.atomic.AtomicBoolean();

    ReadBudget(LiveOptions options) {
      this.options = options;
    }

    @Override
    public reactor.core.publisher.Mono<HttpResponse> process(com.azure.core.http.HttpPipelineCallContext context,
        com.azure.core.http.HttpPipelineNextPolicy next) {
      Duration wait = pause();
      return reactor.core.publisher.Mono.delay(wait).then(next.process()).doOnNext(this::read);
    }

    @Override
    public HttpResponse processSync(com.azure.core.http.HttpPipelineCallContext context,
        com.azure.core.http.HttpPipelineNextSyncPolicy next) {
      Duration wait = pause();
      if (!wait.isZero()) {
        try {
          Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      HttpResponse response = next.processSync();
      read(response);
      return response;
    }

    /** How long to wait before the next request: nothing until the budget runs low, then up to 2 s. */
    Duration pause() {
      int left = remaining.get();
      if (left >= LOW_WATER) {
        return Duration.ZERO;
      }
      if (said.compareAndSet(false, true)) {
        options.progress().accept("Azure Resource Manager reports " + left + " reads left; slowing down to avoid throttling");
      }
      return Duration.ofMillis(Math.min(2000, (LOW_WATER - Math.max(0, left)) * 20L));
    }

    private void read(HttpResponse response) {
      for (String header : HEADERS) {
        String value = response.getHeaderValue(HttpHeaderName.fromString(header));
        if (value != null) {
          try {
            remaining.set(Integer.parseInt(value.trim()));
          } catch (NumberFormatException e) {
            // An unreadable budget changes nothing.
          }
        }
      }
    }

    @Override
    public HttpPipelinePosition getPipelinePosition() {
      return HttpPipelinePosition.PER_RETRY;
    }
  }

  /** Counts requests and retries, and logs one line per attempt without headers, tokens or bodies. */
  private static final class RequestLine implements HttpPipelinePolicy {

    private final LiveOptions options;
    private final AtomicInteger requests;
    private final AtomicInteger retries;

    RequestLine(LiveOptions options, AtomicInteger requests, AtomicInteger retries) {
      this.options = options;
      this.requests = requests;
      this.retries = retries;
    }

    @Override
    public reactor.core.publisher.Mono<HttpResponse> process(com.azure.core.http.HttpPipelineCallContext context,
        com.azure.core.http.HttpPipelineNextPolicy next) {
      HttpRequest request = context.getHttpRequest();
      long start = System.nanoTime();
      boolean retry = count(context);
      return next.process().doOnNext(response -> log(request, response.getStatusCode(), start, retry))
          .doOnError(error -> log(request, 0, start, retry));
    }

    @Override
    public HttpResponse processSync(com.azure.core.http.HttpPipelineCallContext context,
        com.azure.core.http.HttpPipelineNextSyncPolicy next) {
      HttpRequest request = context.getHttpRequest();
      long start = System.nanoTime();
      boolean retry = count(context);
      try {
        HttpResponse response = next.processSync();
        log(request, response.getStatusCode(), start, retry);
        return response;
      } catch (RuntimeException e) {
        log(request, 0, start, retry);
        throw e;
      }
    }

    private boolean count(com.azure.core.http.HttpPipelineCallContext context) {
      requests.incrementAndGet();
      Object attempt = context.getData("plumbline-attempt").orElse(null);
      boolean retry = attempt != null;
      context.setData("plumbline-attempt", Boolean.TRUE);
      if (retry) {
        retries.incrementAndGet();
      }
      return retry;
    }

    private void log(HttpRequest request, int status, long start, boolean retry) {
      long millis = (System.nanoTime() - start) / 1_000_000;
      String url = request.getUrl().toString();
      options.requestLog().accept((retry ? "retry " : "") + request.getHttpMethod() + " " + url + " -> "
          + (status == 0 ? "no response" : String.valueOf(status)) + " (" + millis + " ms)");
      if (retry) {
        options.progress().accept("retrying " + request.getHttpMethod() + " " + request.getUrl().getPath());
      }
    }

    @Override
    public HttpPipelinePosition getPipelinePosition() {
      return HttpPipelinePosition.PER_RETRY;
    }
  }

}
