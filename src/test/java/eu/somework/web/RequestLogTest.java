package eu.somework.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import eu.somework.testsupport.LogCapture;

/**
 * The request log filter on a request as the servlet container hands it over (the request and
 * response are stand-ins that answer what a container would): its log record, and the correlation
 * id's way in and out.
 */
class RequestLogTest {
  private static final String TOKEN = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJtb29kbGUtdXNlci00MiJ9.c2lnbmF0dXJl";

  @RegisterExtension final LogCapture log = new LogCapture(RequestLog.LOGGER);

  /** A GET of {@code uri?query} with the given headers; what the filter sets lands in {@code responseHeaders}. */
  private static HttpServletRequest request(String method, String uri, String query, Map<String, String> headers) {
    return (HttpServletRequest) Proxy.newProxyInstance(RequestLogTest.class.getClassLoader(),
        new Class<?>[] {HttpServletRequest.class}, (proxy, m, args) -> switch (m.getName()) {
          case "getMethod" -> method;
          case "getRequestURI" -> uri;
          case "getQueryString" -> query;
          case "getRequestURL" -> new StringBuffer("http://localhost" + uri);
          case "getHeader" -> headers.get((String) args[0]);
          case "getParameter", "getParameterMap", "getParameterNames", "getParameterValues", "getInputStream",
              "getReader" -> throw new AssertionError("the request log must not read " + m.getName());
          case "toString" -> "request " + uri;
          case "hashCode" -> System.identityHashCode(proxy);
          case "equals" -> proxy == args[0];
          default -> null;
        });
  }

  private static HttpServletResponse response(Map<String, String> headers, AtomicReference<Integer> status) {
    return (HttpServletResponse) Proxy.newProxyInstance(RequestLogTest.class.getClassLoader(),
        new Class<?>[] {HttpServletResponse.class}, (proxy, m, args) -> switch (m.getName()) {
          case "setHeader" -> {
            headers.put((String) args[0], (String) args[1]);
            yield null;
          }
          case "setStatus" -> {
            status.set((Integer) args[0]);
            yield null;
          }
          case "getStatus" -> status.get();
          case "hashCode" -> System.identityHashCode(proxy);
          case "equals" -> proxy == args[0];
          case "toString" -> "response";
          default -> null;
        });
  }

  /** Runs the filter; the chain plays a resource that matched {@code route} (if any) and answers {@code status}. */
  private Map<String, String> serve(HttpServletRequest request, Optional<String> route, int status,
      AtomicReference<String> idSeenInside) throws Exception {
    Map<String, String> responseHeaders = new HashMap<>();
    AtomicReference<Integer> code = new AtomicReference<>(200);
    FilterChain chain = (req, res) -> {
      route.ifPresent(RequestCorrelation::matched);
      idSeenInside.set(ErrorPage.newCorrelationId());
      ((HttpServletResponse) res).setStatus(status);
    };
    new RequestLog().doFilter(request, response(responseHeaders, code), chain);
    return responseHeaders;
  }

  @Test
  void aRequestWithASessionTokenInItsQueryLogsOneLineWithoutTheToken() throws Exception {
    AtomicReference<String> inside = new AtomicReference<>();
    serve(request("GET", "/app/units/data-protection", "s=" + TOKEN + "&lang=fi", Map.of()),
        Optional.of("/app/units/{id}"), 200, inside);

    assertEquals(1, log.records().size());
    String line = log.records().get(0).getMessage();
    assertFalse(line.contains(TOKEN), line);
    assertFalse(line.contains("lang=") || line.contains("?"), "no query string: " + line);
    assertFalse(line.contains("data-protection"), "the route, not the concrete path: " + line);
    assertTrue(line.matches("request id=[0-9a-f]{16} method=GET route=/app/units/\\{id} status=200 ms=\\d+"), line);
  }

  @Test
  void aWellFormedIncomingRequestIdIsKeptReturnedAndSharedWithTheRequestsOtherLogLines() throws Exception {
    AtomicReference<String> inside = new AtomicReference<>();
    Map<String, String> headers = serve(request("POST", "/lti/launch", null,
        Map.of("X-Request-Id", "lb-7f3a:0042")), Optional.of("/lti/launch"), 302, inside);

    assertEquals("lb-7f3a:0042", headers.get("X-Request-Id"));
    assertEquals("lb-7f3a:0042", inside.get(), "an error page of the request names the same id");
    assertTrue(log.records().get(0).getMessage().startsWith("request id=lb-7f3a:0042 method=POST route=/lti/launch status=302"),
        log.records().get(0).getMessage());
    assertEquals(Optional.empty(), RequestCorrelation.currentId(), "nothing left on the thread afterwards");
  }

  @Test
  void aMalformedOrOverlongRequestIdIsReplaced() throws Exception {
    for (String bad : List.of("x\r\nSet-Cookie: a=b", "a".repeat(65), "", "id with spaces", "<script>")) {
      log.records().clear();
      Map<String, String> headers = serve(request("GET", "/", null, Map.of("X-Request-Id", bad)), Optional.empty(),
          200, new AtomicReference<>());
      assertNotEquals(bad, headers.get("X-Request-Id"));
      assertTrue(headers.get("X-Request-Id").matches("[0-9a-f]{16}"), headers.get("X-Request-Id"));
      assertTrue(log.records().get(0).getMessage().startsWith("request id=" + headers.get("X-Request-Id") + " "));
    }
    assertTrue(RequestCorrelation.accept("a".repeat(64)).equals("a".repeat(64)), "64 characters are enough");
  }

  @Test
  void aRequestNoResourceMatchedIsLoggedWithItsPathWithoutQuery() throws Exception {
    serve(request("GET", "/static/missing.css", "s=" + TOKEN, Map.of()), Optional.empty(), 404,
        new AtomicReference<>());
    assertTrue(log.records().get(0).getMessage().matches("request id=\\w{16} method=GET path=/static/missing.css status=404 ms=\\d+"),
        log.records().get(0).getMessage());
  }

  @Test
  void aFailureThatEscapesIsLoggedAs500AndRethrown() {
    FilterChain failing = (req, res) -> {
      throw new ServletException("boom");
    };
    assertThrows(ServletException.class, () -> new RequestLog().doFilter(request("GET", "/app", null, Map.of()),
        response(new HashMap<>(), new AtomicReference<>(200)), failing));
    assertTrue(log.records().get(0).getMessage().contains(" status=500 "), log.records().get(0).getMessage());
  }

  @Path("/app/grading")
  static class Sample {
    @GET
    @Path("{unit}/{userId: [^/]+}")
    public String one() {
      return "";
    }

    @GET
    public String list() {
      return "";
    }
  }

  @Test
  void theRouteIsTheResourcesTemplateWithoutItsRegularExpressions() throws Exception {
    assertEquals("/app/grading/{unit}/{userId}", RouteRecorder.template(Sample.class, Sample.class.getMethod("one")));
    assertEquals("/app/grading", RouteRecorder.template(Sample.class, Sample.class.getMethod("list")));
  }
}
