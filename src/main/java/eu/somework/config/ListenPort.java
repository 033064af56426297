package eu.somework.config;

/**
 * The HTTP port Payara Micro listens on (its {@code --port}), for the default base URL. Payara
 * Micro's launcher class is on the system class path; when it is absent (another server), 8080.
 */
final class ListenPort {
  private ListenPort() {}

  static int detect() {
    try {
      Class<?> micro = Class.forName("fish.payara.micro.PayaraMicro", true, ClassLoader.getSystemClassLoader());
      Object instance = micro.getMethod("getInstance").invoke(null);
      Object port = micro.getMethod("getHttpPort").invoke(instance);
      if (port instanceof Integer p && p > 0) {
        return p;
      }
    } catch (ReflectiveOperationException | LinkageError e) {
      // not on Payara Micro: fall through to the usual default
    }
    return 8080;
  }
}
