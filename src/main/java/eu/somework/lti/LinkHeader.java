package eu.somework.lti;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code Link} response header (RFC 8288 §3), as AGS 2.0 §3.2.5 and NRPS 2.0 §2.4 use it for
 * paging: {@code Link: <https://lms.example/lineitems?page=2>; rel="next"}. A real parser, not a
 * pattern for one spelling: the target is read between {@code <} and {@code >} (so commas and
 * semicolons inside the URL are safe), parameters may be quoted or bare, {@code rel} may list
 * several relation types, several links may share one header line or come in several headers, and
 * relation types compare without regard to case. Malformed links are skipped, not fatal.
 */
public final class LinkHeader {
  /** One link: its target (resolved against the request URL) and its relation types, lower case. */
  public record Link(URI target, List<String> relations) {
    public Link {
      relations = List.copyOf(relations);
    }
  }

  private LinkHeader() {}

  /**
   * The target of the first link whose {@code rel} includes {@code relation} (e.g. "next").
   *
   * @param headerValues every value of the response's {@code Link} headers
   * @param base the URL the response came from, against which relative targets resolve
   */
  public static Optional<URI> find(List<String> headerValues, String relation, URI base) {
    String wanted = relation.toLowerCase(Locale.ROOT);
    return parse(headerValues, base).stream()
        .filter(link -> link.relations().contains(wanted))
        .map(Link::target)
        .findFirst();
  }

  /** Every well-formed link in the header values, in order. */
  public static List<Link> parse(List<String> headerValues, URI base) {
    List<Link> links = new ArrayList<>();
    for (String value : headerValues) {
      parseOne(value, base, links);
    }
    return links;
  }

  /** RFC 3986 §5.2, including a query-only reference, which {@link URI#resolve} gets wrong (RFC 2396). */
  private static URI resolve(URI base, String target) throws URISyntaxException {
    if (target.startsWith("?")) {
      return new URI(base.getScheme() + "://" + base.getRawAuthority() + base.getRawPath() + target);
    }
    return base.resolve(new URI(target));
  }

  private static void parseOne(String value, URI base, List<Link> links) {
    int i = 0;
    int n = value.length();
    while (i < n) {
      int open = value.indexOf('<', i);
      if (open < 0) {
        return;
      }
      int close = value.indexOf('>', open + 1);
      if (close < 0) {
        return;
      }
      String target = value.substring(open + 1, close).trim();
      i = close + 1;
      List<String> relations = new ArrayList<>();
      // parameters: ; name=value | ; name="quoted" ... up to the comma that ends this link
      while (i < n) {
        char c = value.charAt(i);
        if (c == ',') {
          i++;
          break;
        }
        if (c != ';') {
          i++;
          continue;
        }
        i++;
        int nameStart = i;
        while (i < n && "=;,".indexOf(value.charAt(i)) < 0) {
          i++;
        }
        String name = value.substring(nameStart, i).trim().toLowerCase(Locale.ROOT);
        String paramValue = "";
        if (i < n && value.charAt(i) == '=') {
          i++;
          while (i < n && value.charAt(i) == ' ') {
            i++;
          }
          if (i < n && value.charAt(i) == '"') {
            StringBuilder quoted = new StringBuilder();
            i++;
            while (i < n && value.charAt(i) != '"') {
              if (value.charAt(i) == '\\' && i + 1 < n) {
                i++;
              }
              quoted.append(value.charAt(i));
              i++;
            }
            i++; // the closing quote
            paramValue = quoted.toString();
          } else {
            int start = i;
            while (i < n && value.charAt(i) != ';' && value.charAt(i) != ',') {
              i++;
            }
            paramValue = value.substring(start, i).trim();
          }
        }
        // RFC 8288 §3.3: rel is a space-separated list; only its first occurrence counts
        if (name.equals("rel") && relations.isEmpty()) {
          Arrays.stream(paramValue.trim().split("\\s+")).filter(r -> !r.isEmpty())
              .map(r -> r.toLowerCase(Locale.ROOT)).forEach(relations::add);
        }
      }
      try {
        links.add(new Link(resolve(base, target), relations));
      } catch (URISyntaxException | IllegalArgumentException malformed) {
        // a link the platform got wrong is skipped; the page it leads to is then not followed
      }
    }
  }
}
