package io.strandsetl.notify.ses;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A FAKE of the Amazon SES v2 endpoint on 127.0.0.1 (JDK HttpServer): AWS cannot be reached from
 * the build machine, so the test checks the request the real SDK sends (path, method, SigV4
 * authorization for the configured region, JSON body with raw content) and answers as SES
 * documents. It does not check signatures cryptographically or deliver anything.
 */
final class FakeSesServer implements AutoCloseable {
  /** One request as received. */
  record Request(String method, String path, Map<String, List<String>> headers, String body) {}

  final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
  private final HttpServer server;
  private volatile int status = 200;
  private volatile String errorType = "";
  private volatile String body = "{\"MessageId\":\"fake-ses-0001\"}";

  FakeSesServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** The next answers: an HTTP status, the x-amzn-ErrorType header and a JSON body. */
  void answer(int status, String errorType, String body) {
    this.status = status;
    this.errorType = errorType;
    this.body = body;
  }

  private void handle(HttpExchange exchange) throws IOException {
    String requestBody;
    try (InputStream in = exchange.getRequestBody()) {
      requestBody = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    requests.add(
        new Request(
            exchange.getRequestMethod(),
            exchange.getRequestURI().getPath(),
            Map.copyOf(exchange.getRequestHeaders()),
            requestBody));
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.getResponseHeaders().add("x-amzn-RequestId", "fake-request-1");
    if (!errorType.isEmpty()) {
      exchange.getResponseHeaders().add("x-amzn-ErrorType", errorType);
    }
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
