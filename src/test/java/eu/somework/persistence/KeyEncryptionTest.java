package eu.somework.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Private keys at rest: unreadable without the operator's secret, intact with it. */
class KeyEncryptionTest {
  private static final String JWK = "{\"kty\":\"RSA\",\"d\":\"private-part\",\"n\":\"abc\",\"e\":\"AQAB\"}";

  @Test
  void encryptedKeyReadsBackWithTheSameSecret() {
    KeyEncryption encryption = new KeyEncryption("correct horse battery staple");
    String stored = encryption.encrypt(JWK);
    assertFalse(stored.contains("private-part"), "the private key is not stored in clear");
    assertEquals(JWK, encryption.decrypt(stored));
  }

  @Test
  void theSameKeyEncryptsDifferentlyEachTime() {
    KeyEncryption encryption = new KeyEncryption("s3cret");
    assertNotEquals(encryption.encrypt(JWK), encryption.encrypt(JWK));
  }

  @Test
  void aWrongSecretIsRefusedWithAClearMessage() {
    String stored = new KeyEncryption("right").encrypt(JWK);
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> new KeyEncryption("wrong").decrypt(stored));
    assertTrue(e.getMessage().contains("somework.key-encryption-secret"), e.getMessage());
  }

  @Test
  void aTamperedValueIsRefused() {
    KeyEncryption encryption = new KeyEncryption("s3cret");
    String stored = encryption.encrypt(JWK);
    byte[] bytes = java.util.Base64.getDecoder().decode(stored);
    bytes[bytes.length / 2] ^= 0x01; // one bit of the ciphertext
    String tampered = java.util.Base64.getEncoder().encodeToString(bytes);
    assertThrows(IllegalStateException.class, () -> encryption.decrypt(tampered));
  }
}
