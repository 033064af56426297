package eu.somework.privacy;

/**
 * An erasure that was not done, and why, in a sentence an administrator can act on; nothing was
 * changed. The admin API answers it with 409.
 */
public class ErasureRefused extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ErasureRefused(String reason) {
    super(reason);
  }
}
