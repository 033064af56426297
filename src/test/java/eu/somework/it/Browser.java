package eu.somework.it;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A minimal browser for the integration tests: keeps cookies per host (Secure ones too, as
 * browsers do on http://localhost), follows redirects by hand and submits the auto-posting forms
 * LTI messages travel in.
 */
final class Browser {
  private static final Pattern FORM = Pattern.compile("<form[^>]*action=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);
  private static final Pattern INPUT = Pattern.compile(
      "<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\">", Pattern.CASE_INSENSITIVE);

  private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private final Map<String, Map<String, String>> cookies = new HashMap<>();
  private String accept = "text/html";
  private boolean portBlind;

  /** A page as the browser got it. */
  record Page(int status, String url, String body, HttpResponse<String> response) {
    String header(String name) {
      return response.headers().firstValue(name).orElse(null);
    }

    /** The value of an element marked data-fact="name", e.g. the role on the landing page. */
    String fact(String name) {
      Matcher m = Pattern.compile("data-fact=\"" + name + "\">([^<]*)<").matcher(body);
      return m.find() ? unescape(m.group(1)) : null;
    }

    /** The field "error" of a JSON error answer. */
    String jsonField(String name) {
      Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(body);
      return m.find() ? m.group(1) : null;
    }
  }

  /**
   * Keeps cookies per host name whatever the port, as real browsers do (RFC 6265 §8.5): two tool
   * instances on one host then see the same cookies, as behind one reverse proxy. Cookies are then
   * kept under the host name alone (e.g. "localhost").
   */
  Browser sharingCookiesAcrossPorts() {
    portBlind = true;
    return this;
  }

  Browser acceptJson() {
    accept = "application/json";
    return this;
  }

  Page get(String url) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(url)).GET(), url);
  }

  Page post(String url, Map<String, String> form) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(url))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(encode(form))), url);
  }

  /** Posts an already-encoded form body (for repeated fields such as unit=a&unit=b). */
  Page postRaw(String url, String body) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(url))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)), url);
  }

  /** Follows redirects (GET) until a page that is not a redirect. */
  Page follow(Page page) throws IOException, InterruptedException {
    int hops = 0;
    while (page.status() / 100 == 3 && hops++ < 10) {
      page = get(URI.create(page.url()).resolve(page.header("Location")).toString());
    }
    return page;
  }

  /** Submits the first form of the page with its hidden fields, then follows redirects. */
  Page submitForm(Page page) throws IOException, InterruptedException {
    Matcher action = FORM.matcher(page.body());
    if (!action.find()) {
      throw new AssertionError("no form on the page " + page.url() + ":\n" + page.body());
    }
    return follow(post(URI.create(page.url()).resolve(unescape(action.group(1))).toString(), hiddenFields(page)));
  }

  static Map<String, String> hiddenFields(Page page) {
    Map<String, String> fields = new LinkedHashMap<>();
    Matcher m = INPUT.matcher(page.body());
    while (m.find()) {
      fields.put(unescape(m.group(1)), unescape(m.group(2)));
    }
    return fields;
  }

  void clearCookies() {
    cookies.clear();
  }

  /** Sets a cookie as if the server had (for tests that forge one). */
  void setCookie(String host, String name, String value) {
    cookies.computeIfAbsent(host, h -> new HashMap<>()).put(name, value);
  }

  /** The names of the cookies the browser holds for a host. */
  java.util.Set<String> cookieNames(String host) {
    return java.util.Set.copyOf(cookies.getOrDefault(host, Map.of()).keySet());
  }

  String cookie(String host, String name) {
    return cookies.getOrDefault(host, Map.of()).get(name);
  }

  private Page send(HttpRequest.Builder request, String url) throws IOException, InterruptedException {
    String host = portBlind ? URI.create(url).getHost() : URI.create(url).getAuthority();
    Map<String, String> jar = cookies.getOrDefault(host, Map.of());
    if (!jar.isEmpty()) {
      request.header("Cookie", jar.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
          .collect(Collectors.joining("; ")));
    }
    request.header("Accept", accept);
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    List<String> setCookies = response.headers().allValues("Set-Cookie");
    for (String c : setCookies) {
      String pair = c.split(";", 2)[0];
      int eq = pair.indexOf('=');
      cookies.computeIfAbsent(host, h -> new HashMap<>()).put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
    }
    return new Page(response.statusCode(), url, response.body(), response);
  }

  static String encode(Map<String, String> form) {
    return form.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  static String unescape(String html) {
    return html.replace("&quot;", "\"").replace("&#34;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
        .replace("&amp;", "&");
  }
}
