package eu.somework.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One IP address or CIDR range ({@code 10.0.0.5}, {@code 10.0.0.0/8}, {@code 2001:db8::/32}), as
 * {@code somework.proxy.trusted-addresses} lists them. Parsing never asks DNS: only IPv4 and IPv6
 * literals are addresses. An IPv4-mapped IPv6 address ({@code ::ffff:10.0.0.5}) is its IPv4 address.
 */
public final class AddressRange {
  private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])"
      + "(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}");
  private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]+");

  private final byte[] network;
  private final int prefix;

  private AddressRange(byte[] network, int prefix) {
    this.network = network;
    this.prefix = prefix;
  }

  /**
   * The range a text names: an address (a range of one) or {@code address/prefix}.
   *
   * @throws IllegalArgumentException if the text is not an IP address or a CIDR range
   */
  public static AddressRange parse(String text) {
    String value = text.trim();
    int slash = value.indexOf('/');
    String address = slash < 0 ? value : value.substring(0, slash);
    InetAddress parsed = address(address)
        .orElseThrow(() -> new IllegalArgumentException("'" + value + "' is not an IP address or CIDR range"));
    byte[] bytes = parsed.getAddress();
    int bits = bytes.length * 8;
    int prefix = bits;
    if (slash >= 0) {
      String length = value.substring(slash + 1);
      if (!length.matches("[0-9]{1,3}") || Integer.parseInt(length) > bits) {
        throw new IllegalArgumentException("'" + value + "' has no prefix length between 0 and " + bits);
      }
      prefix = Integer.parseInt(length);
    }
    return new AddressRange(mask(bytes, prefix), prefix);
  }

  /**
   * The address an IP literal names; empty for anything else (a host name, a port, junk). No DNS
   * look-up: the text must be a dotted IPv4 address or an IPv6 address (optionally in brackets).
   */
  public static Optional<InetAddress> address(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String value = text.trim();
    if (value.startsWith("[") && value.endsWith("]")) {
      value = value.substring(1, value.length() - 1);
    }
    boolean v4 = IPV4.matcher(value).matches();
    boolean v6 = !v4 && value.indexOf(':') >= 0 && IPV6_CHARS.matcher(value).matches();
    if (!v4 && !v6) {
      return Optional.empty();
    }
    try {
      return Optional.of(InetAddress.getByName(value)); // a literal: parsed, never looked up
    } catch (UnknownHostException | RuntimeException malformed) {
      return Optional.empty();
    }
  }

  /** Whether the address is in this range (an IPv4 address is never in an IPv6 range, nor back). */
  public boolean contains(InetAddress address) {
    byte[] bytes = address.getAddress();
    return bytes.length == network.length && Arrays.equals(mask(bytes, prefix), network);
  }

  private static byte[] mask(byte[] bytes, int prefix) {
    byte[] masked = bytes.clone();
    for (int i = 0; i < masked.length; i++) {
      int keep = Math.max(0, Math.min(8, prefix - i * 8));
      masked[i] = (byte) (masked[i] & (0xff << (8 - keep)));
    }
    return masked;
  }

  @Override
  public String toString() {
    try {
      String host = InetAddress.getByAddress(network).getHostAddress();
      return prefix == network.length * 8 ? host : host + "/" + prefix;
    } catch (UnknownHostException impossible) {
      throw new IllegalStateException(impossible);
    }
  }
}
