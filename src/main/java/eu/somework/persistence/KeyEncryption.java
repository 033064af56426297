package eu.somework.persistence;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts private keys and shared secrets at rest with AES-256-GCM under a key derived (PBKDF2, per-value salt)
 * from the operator's key-encryption secret. Output: base64(salt | iv | ciphertext+tag).
 */
public final class KeyEncryption {
  private static final int SALT = 16;
  private static final int IV = 12;
  private static final int ITERATIONS = 210_000;
  private static final SecureRandom RANDOM = new SecureRandom();
  private final char[] secret;

  public KeyEncryption(String secret) {
    this.secret = secret.toCharArray();
  }

  public String encrypt(String plain) {
    try {
      byte[] salt = random(SALT);
      byte[] iv = random(IV);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key(salt), new GCMParameterSpec(128, iv));
      byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
      byte[] out = new byte[SALT + IV + sealed.length];
      System.arraycopy(salt, 0, out, 0, SALT);
      System.arraycopy(iv, 0, out, SALT, IV);
      System.arraycopy(sealed, 0, out, SALT + IV, sealed.length);
      return Base64.getEncoder().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot encrypt a signing key", e);
    }
  }

  public String decrypt(String stored) {
    try {
      byte[] in = Base64.getDecoder().decode(stored);
      byte[] salt = java.util.Arrays.copyOfRange(in, 0, SALT);
      byte[] iv = java.util.Arrays.copyOfRange(in, SALT, SALT + IV);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key(salt), new GCMParameterSpec(128, iv));
      return new String(cipher.doFinal(in, SALT + IV, in.length - SALT - IV), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException(
          "A stored signing key cannot be decrypted: is somework.key-encryption-secret the one it was"
              + " encrypted with?", e);
    }
  }

  private SecretKeySpec key(byte[] salt) throws GeneralSecurityException {
    SecretKeyFactory factory = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256");
    byte[] key = factory.generateSecret(new PBEKeySpec(secret, salt, ITERATIONS, 256)).getEncoded();
    return new SecretKeySpec(key, "AES");
  }

  private static byte[] random(int length) {
    byte[] bytes = new byte[length];
    RANDOM.nextBytes(bytes);
    return bytes;
  }
}
