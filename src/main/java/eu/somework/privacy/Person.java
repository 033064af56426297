package eu.somework.privacy;

/**
 * One person as LTI identifies them: the platform ({@code issuer}), the tool's registration there
 * ({@code clientId}) and the {@code sub} of their id_token ({@code userId}, opaque, at most 255
 * characters). The tool never knows who a person is beyond these ids and what the platform sent.
 *
 * @throws IllegalArgumentException when a part is blank or longer than the tool stores
 */
public record Person(String issuer, String clientId, String userId) {
  public Person {
    require("issuer", issuer, 500);
    require("clientId", clientId, 255);
    require("userId", userId, 255);
  }

  private static void require(String name, String value, int max) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("A person is named by issuer, clientId and userId: " + name + " is missing.");
    }
    if (value.length() > max) {
      throw new IllegalArgumentException(name + " has at most " + max + " characters.");
    }
  }
}
