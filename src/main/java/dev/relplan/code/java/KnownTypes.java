package dev.relplan.code.java;

import java.util.List;

/** Types the Java scanner recognises, so that wildcard imports of their packages resolve. */
final class KnownTypes {
  private KnownTypes() {}

  static final String JDK_HTTP_CLIENT = "java.net.http.HttpClient";
  static final String JDK_HTTP_REQUEST = "java.net.http.HttpRequest";
  static final String APACHE4_CLIENTS = "org.apache.http.impl.client.HttpClients";
  static final String APACHE4_BUILDER = "org.apache.http.impl.client.HttpClientBuilder";
  static final String APACHE4_CLOSEABLE = "org.apache.http.impl.client.CloseableHttpClient";
  static final String APACHE4_CLIENT = "org.apache.http.client.HttpClient";
  static final String APACHE5_CLIENTS = "org.apache.hc.client5.http.impl.classic.HttpClients";
  static final String APACHE5_BUILDER = "org.apache.hc.client5.http.impl.classic.HttpClientBuilder";
  static final String APACHE5_CLOSEABLE =
      "org.apache.hc.client5.http.impl.classic.CloseableHttpClient";
  static final String APACHE5_CLIENT = "org.apache.hc.client5.http.classic.HttpClient";
  static final String OKHTTP = "okhttp3.OkHttpClient";
  static final String REST_TEMPLATE = "org.springframework.web.client.RestTemplate";
  static final String REST_TEMPLATE_BUILDER =
      "org.springframework.boot.web.client.RestTemplateBuilder";
  static final String REST_CLIENT = "org.springframework.web.client.RestClient";
  static final String WEB_CLIENT = "org.springframework.web.reactive.function.client.WebClient";
  static final String JAXRS_BUILDER = "jakarta.ws.rs.client.ClientBuilder";
  static final String JAXRS_CLIENT = "jakarta.ws.rs.client.Client";
  static final String JAXRS_BUILDER_OLD = "javax.ws.rs.client.ClientBuilder";
  static final String JAXRS_CLIENT_OLD = "javax.ws.rs.client.Client";
  static final String RETROFIT = "retrofit2.Retrofit";
  static final String HIKARI_DATA_SOURCE = "com.zaxxer.hikari.HikariDataSource";
  static final String HIKARI_CONFIG = "com.zaxxer.hikari.HikariConfig";
  static final String FEIGN_CLIENT = "org.springframework.cloud.openfeign.FeignClient";
  static final String AWS_V2_PREFIX = "software.amazon.awssdk.services.";

  static final List<String> ALL =
      List.of(
          JDK_HTTP_CLIENT,
          JDK_HTTP_REQUEST,
          "java.net.URL",
          "java.net.URI",
          "java.net.Socket",
          "java.net.URLConnection",
          "java.net.HttpURLConnection",
          "javax.net.ssl.HttpsURLConnection",
          APACHE4_CLIENTS,
          APACHE4_BUILDER,
          APACHE4_CLOSEABLE,
          APACHE4_CLIENT,
          APACHE5_CLIENTS,
          APACHE5_BUILDER,
          APACHE5_CLOSEABLE,
          APACHE5_CLIENT,
          OKHTTP,
          REST_TEMPLATE,
          REST_TEMPLATE_BUILDER,
          REST_CLIENT,
          WEB_CLIENT,
          JAXRS_BUILDER,
          JAXRS_CLIENT,
          JAXRS_BUILDER_OLD,
          JAXRS_CLIENT_OLD,
          RETROFIT,
          HIKARI_DATA_SOURCE,
          HIKARI_CONFIG,
          FEIGN_CLIENT,
          "io.github.resilience4j.circuitbreaker.CircuitBreaker",
          "io.github.resilience4j.retry.Retry",
          "io.github.resilience4j.timelimiter.TimeLimiter",
          "io.github.resilience4j.decorators.Decorators",
          "io.github.resilience4j.circuitbreaker.annotation.CircuitBreaker",
          "io.github.resilience4j.retry.annotation.Retry",
          "io.github.resilience4j.timelimiter.annotation.TimeLimiter",
          "dev.failsafe.Failsafe",
          "dev.failsafe.RetryPolicy",
          "dev.failsafe.CircuitBreaker",
          "dev.failsafe.Timeout",
          "dev.failsafe.Fallback",
          "net.jodah.failsafe.Failsafe",
          "net.jodah.failsafe.RetryPolicy",
          "net.jodah.failsafe.CircuitBreaker",
          "net.jodah.failsafe.Timeout",
          "net.jodah.failsafe.Fallback",
          "com.netflix.hystrix.contrib.javanica.annotation.HystrixCommand",
          "com.netflix.hystrix.HystrixCommand",
          "org.springframework.retry.annotation.Retryable",
          "org.springframework.retry.annotation.Recover",
          "org.springframework.retry.support.RetryTemplate");
}
