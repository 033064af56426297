package eu.somework.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One simulated person's browser: its own keep-alive connections, a cookie jar for the tool's
 * host, redirects followed by hand (so each hop can be timed), and the auto-posting forms LTI
 * messages travel in.
 */
final class LoadBrowser {
  private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*action=\"([^\"]*)\"");
  private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\">");

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
  private final Map<String, String> cookies = new HashMap<>();

  record Page(int status, URI uri, String body, String location) {
    URI redirectTarget() {
      return uri.resolve(location);
    }
  }

  /** A new browser profile: no cookies, the connections stay open as a browser's would. */
  void forgetCookies() {
    cookies.clear();
  }

  Page get(URI uri) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(uri).GET(), uri);
  }

  Page post(URI uri, Map<String, String> form) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(uri).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(encode(form))), uri);
  }

  /** Where the page's first form posts to, and its hidden fields. */
  static Map.Entry<URI, Map<String, String>> form(Page page) {
    Matcher action = FORM_ACTION.matcher(page.body());
    if (!action.find()) {
      throw new IllegalStateException("no form on " + page.uri() + " (HTTP " + page.status() + ")");
    }
    Map<String, String> fields = new LinkedHashMap<>();
    Matcher m = HIDDEN.matcher(page.body());
    while (m.find()) {
      fields.put(unescape(m.group(1)), unescape(m.group(2)));
    }
    return Map.entry(page.uri().resolve(unescape(action.group(1))), fields);
  }

  private Page send(HttpRequest.Builder request, URI uri) throws IOException, InterruptedException {
    if (!cookies.isEmpty()) {
      request.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
          .collect(Collectors.joining("; ")));
    }
    request.header("Accept", "text/html").header("Accept-Language", "en").timeout(Duration.ofSeconds(30));
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    for (String c : response.headers().allValues("Set-Cookie")) {
      String pair = c.split(";", 2)[0];
      int eq = pair.indexOf('=');
      if (eq > 0) {
        cookies.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
      }
    }
    return new Page(response.statusCode(), uri, response.body(),
        response.headers().firstValue("Location").orElse(null));
  }

  private static String encode(Map<String, String> form) {
    return form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
  }

  /** An attribute's text: every character reference decoded (jte writes a quote as {@code &#34;}). */
  private static String unescape(String html) {
    return org.jsoup.parser.Parser.unescapeEntities(html, true);
  }
}
