package eu.somework.web;

import eu.somework.config.AddressRange;
import eu.somework.config.Settings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * The address of the client a request comes from, the key of the per-address limits (login rate,
 * administrators' sign-in lock-out, Dynamic Registration starts) and of log lines. It is the
 * socket's address, unless that is one of the reverse proxies listed in
 * {@code somework.proxy.trusted-addresses}: then it is the right-most address in
 * {@code X-Forwarded-For} that is not itself a trusted proxy. Entries that are not IP addresses are
 * skipped; when no entry qualifies, the socket's address stands. A client that reaches the tool
 * directly cannot choose its address with the header, and entries a client put to the left of
 * what the proxies appended are never reached.
 *
 * <p>The first request of a start that carries {@code X-Forwarded-For} while no proxy is trusted
 * logs one warning ({@link #UNTRUSTED_PROXY_WARNING}, without any address): behind a reverse proxy
 * whose address was not configured, every client counts as the proxy, so the per-address limits hit
 * everyone at once.
 */
@ApplicationScoped
public class ClientAddress {
  /** The header reverse proxies append the address they received the request from to. */
  public static final String FORWARDED_FOR = "X-Forwarded-For";

  /** What the first request with {@code X-Forwarded-For} logs while no proxy is trusted. */
  static final String UNTRUSTED_PROXY_WARNING = "Requests carry X-Forwarded-For but somework.proxy.trusted-addresses"
      + " is empty: behind a reverse proxy every client counts as the proxy (one login rate limit and one"
      + " administrators' sign-in lock-out for all); set it to the proxy's address (docs/cluster.md).";
  private static final Logger LOG = Logger.getLogger(ClientAddress.class.getName());

  @Inject Settings settings;
  private List<AddressRange> trusted;
  private final AtomicBoolean warned = new AtomicBoolean();

  /** For CDI. */
  public ClientAddress() {}

  /** Trusting the given proxies, e.g. in a test. */
  public ClientAddress(List<AddressRange> trusted) {
    this.trusted = List.copyOf(trusted);
  }

  @PostConstruct
  void readSettings() {
    trusted = settings.trustedProxies();
  }

  /** The client address of a request. */
  public String of(HttpServletRequest request) {
    Enumeration<String> headers = request.getHeaders(FORWARDED_FOR);
    List<String> forwarded = headers == null ? List.of() : Collections.list(headers);
    if (trusted.isEmpty() && !forwarded.isEmpty() && warned.compareAndSet(false, true)) {
      LOG.warning(UNTRUSTED_PROXY_WARNING); // no address: the log holds none (docs/privacy.md)
    }
    return resolve(request.getRemoteAddr(), forwarded, trusted);
  }

  /**
   * The client address of a request from {@code socketAddress} with the given
   * {@code X-Forwarded-For} header values (in the order received; each may list several addresses).
   */
  public static String resolve(String socketAddress, List<String> forwardedFor, List<AddressRange> trusted) {
    if (trusted.isEmpty() || !trusted(AddressRange.address(socketAddress), trusted)) {
      return socketAddress;
    }
    List<String> entries = new ArrayList<>();
    for (String value : forwardedFor) {
      if (value != null) {
        entries.addAll(List.of(value.split(",")));
      }
    }
    for (int i = entries.size() - 1; i >= 0; i--) {
      Optional<InetAddress> address = AddressRange.address(entries.get(i));
      if (address.isPresent() && !trusted(address, trusted)) {
        return address.get().getHostAddress();
      }
    }
    return socketAddress;
  }

  /**
   * What a per-address limit counts a client address by: an IPv4 address as it is, an IPv6 address
   * by its /64 network (one host usually holds a whole /64 and could otherwise change addresses at
   * will to start afresh), an IPv4-mapped IPv6 address as the IPv4 address. Anything that is not an
   * address literal is counted as given.
   */
  public static String limitKey(String address) {
    if (address == null || address.indexOf(':') < 0) {
      return String.valueOf(address);
    }
    try {
      byte[] bytes = InetAddress.getByName(address.startsWith("[") ? address.substring(1, address.length() - 1)
          : address).getAddress();
      if (bytes.length == 16) {
        return HexFormat.of().formatHex(bytes, 0, 8) + "::/64";
      }
      return InetAddress.getByAddress(bytes).getHostAddress();
    } catch (UnknownHostException | StringIndexOutOfBoundsException e) {
      return address; // not a literal: count it as given
    }
  }

  private static boolean trusted(Optional<InetAddress> address, List<AddressRange> trusted) {
    return address.isPresent() && trusted.stream().anyMatch(range -> range.contains(address.get()));
  }
}
