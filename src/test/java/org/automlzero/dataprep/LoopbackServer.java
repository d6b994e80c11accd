package org.automlzero.dataprep;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntPredicate;

/**
 * A file server on 127.0.0.1 for download tests: serves byte arrays by path with ETag and Range
 * support, and can misbehave on chosen requests (cut the body short, answer 500, ignore Range).
 */
final class LoopbackServer implements AutoCloseable {
  private final HttpServer server;
  private final Map<String, byte[]> files = new ConcurrentHashMap<>();
  /** "path range-header-or-dash" of every request, in order. */
  final List<String> requests = new CopyOnWriteArrayList<>();
  /** Request numbers (1-based) whose body is cut after half. */
  volatile IntPredicate cutBody = n -> false;
  /** Request numbers answered with 500. */
  volatile IntPredicate fail = n -> false;
  volatile boolean honourRange = true;

  LoopbackServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  void put(String path, byte[] content) {
    files.put(path, content);
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  private void handle(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getPath();
    String range = ex.getRequestHeaders().getFirst("Range");
    requests.add(path + " " + (range == null ? "-" : range));
    int n = requests.size();
    try (ex) {
      if (fail.test(n)) {
        ex.sendResponseHeaders(500, -1);
        return;
      }
      byte[] body = files.get(path);
      if (body == null) {
        ex.sendResponseHeaders(404, -1);
        return;
      }
      ex.getResponseHeaders().set("ETag", "\"v1-" + body.length + "\"");
      int start = 0;
      if (range != null && honourRange) {
        start = Integer.parseInt(range.substring("bytes=".length(), range.indexOf('-')));
        if (start >= body.length) {
          ex.sendResponseHeaders(416, -1);
          return;
        }
        ex.getResponseHeaders().set("Content-Range", "bytes " + start + "-" + (body.length - 1) + "/" + body.length);
        ex.sendResponseHeaders(206, body.length - start);
      } else {
        ex.sendResponseHeaders(200, body.length);
      }
      OutputStream out = ex.getResponseBody();
      int length = body.length - start;
      if (cutBody.test(n)) {
        out.write(body, start, length / 2);
        out.flush();
        // Closing the connection mid-body is what a dropped download looks like to the client.
        throw new IOException("cut on purpose");
      }
      out.write(body, start, length);
    } catch (IOException e) {
      // A cut body: the exchange closes the connection without the remaining bytes.
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
