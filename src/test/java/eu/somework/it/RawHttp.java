package eu.somework.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A GET or form POST to the tool from a chosen loopback address (127.0.0.2, …): Java 17's
 * HttpClient cannot pick its local address, and the tool's per-address limits count by it.
 */
final class RawHttp {
  private static final int PORT = Integer.getInteger("it.port", 18080);

  private RawHttp() {}

  /** Status line, headers and body of one answer, as text. */
  record Answer(int status, String text) {
    /** The first line, e.g. {@code HTTP/1.1 429 Too Many Requests}. */
    String statusLine() {
      return text.substring(0, text.indexOf("\r\n"));
    }

    String header(String name) {
      for (String line : text.split("\r\n")) {
        if (line.isEmpty()) {
          break;
        }
        if (line.toLowerCase(Locale.ROOT).startsWith(name.toLowerCase(Locale.ROOT) + ":")) {
          return line.substring(name.length() + 1).trim();
        }
      }
      return null;
    }
  }

  /**
   * One request from 127.0.0.1 naming another {@code Host} than the tool's (as a reverse proxy does
   * that passes its own public host on); {@code form} is a POST body, or null for a GET.
   */
  static Answer asHost(String host, String method, String pathAndQuery, String form) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", PORT), 5000);
      socket.setSoTimeout(15000);
      byte[] body = form == null ? new byte[0] : form.getBytes(StandardCharsets.UTF_8);
      String head = method + " " + pathAndQuery + " HTTP/1.1\r\nHost: " + host + "\r\n"
          + (form == null ? "" : "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length + "\r\n")
          + "Connection: close\r\n\r\n";
      OutputStream out = socket.getOutputStream();
      out.write(head.getBytes(StandardCharsets.US_ASCII));
      out.write(body);
      out.flush();
      String text = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return new Answer(Integer.parseInt(text.substring(9, 12)), text);
    }
  }

  static Answer get(String fromAddress, String pathAndQuery) throws IOException {
    return get(fromAddress, pathAndQuery, "");
  }

  /** A GET with more header lines ({@code "Name: value\r\n"} each). */
  static Answer get(String fromAddress, String pathAndQuery, String headerLines) throws IOException {
    return get(PORT, fromAddress, pathAndQuery, headerLines);
  }

  /** A GET to the server on {@code port} (another instance than the Arquillian server). */
  static Answer get(int port, String fromAddress, String pathAndQuery, String headerLines) throws IOException {
    return send(port, fromAddress, "GET " + pathAndQuery, "Accept: application/json\r\n" + headerLines, "");
  }

  /** A POST of an HTML form ({@code application/x-www-form-urlencoded}) to the server on {@code port}. */
  static Answer postForm(int port, String fromAddress, String path, String headerLines, String form)
      throws IOException {
    byte[] body = form.getBytes(StandardCharsets.UTF_8);
    return send(port, fromAddress, "POST " + path, "Accept: text/html\r\n"
        + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length + "\r\n"
        + headerLines, form);
  }

  private static Answer send(int port, String fromAddress, String requestTarget, String headerLines, String body)
      throws IOException {
    try (Socket socket = new Socket()) {
      socket.bind(new InetSocketAddress(InetAddress.getByName(fromAddress), 0));
      socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
      socket.setSoTimeout(15000);
      OutputStream out = socket.getOutputStream();
      out.write((requestTarget + " HTTP/1.1\r\nHost: localhost:" + port + "\r\n" + headerLines
          + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(body.getBytes(StandardCharsets.UTF_8));
      out.flush();
      InputStream in = socket.getInputStream();
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      int status = Integer.parseInt(text.substring(9, 12));
      return new Answer(status, text);
    }
  }
}
