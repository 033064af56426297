package eu.somework.lti;

import com.nimbusds.jose.jwk.JWK;

/** Finds a platform's public signing key by its {@code kid}. */
public interface PlatformKeySource {
  JWK keyFor(PlatformRegistration registration, String keyId) throws LtiException;
}
