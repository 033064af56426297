package eu.somework.cli;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the commands print, made from the API's JSON (the {@code Registration} shape of
 * ADMIN-API.md). Absent or null values print as "-"; text from the tool is made {@link Terminal#safe}.
 */
final class Reports {
  /** Launch activity fields a deployment carries once the tool records launch activity. */
  static final List<String> ACTIVITY_FIELDS =
      List.of("launches", "lastLaunch", "failures", "lastFailedLaunch", "lastFailureReason");

  private Reports() {}

  /** The {@code list-platforms} report: one row per registration, then launch activity per deployment when present. */
  static String registrations(List<JsonObject> registrations) {
    if (registrations.isEmpty()) {
      return "No platform is registered. Register one with: java -jar somework.jar register --file <platform.json>\n";
    }
    TextTable table = new TextTable("ID", "NAME", "ISSUER", "CLIENT ID", "ORIGIN", "ENABLED", "DEPLOYMENT IDS");
    TextTable activity = new TextTable("REGISTRATION", "DEPLOYMENT ID", "LAUNCHES", "LAST LAUNCH", "FAILURES",
        "LAST FAILED LAUNCH", "LAST FAILURE REASON", "FAILURES BY REASON");
    boolean anyActivity = false;
    for (JsonObject registration : registrations) {
      table.row(text(registration, "id"), text(registration, "name"), text(registration, "issuer"),
          text(registration, "clientId"), text(registration, "origin"), yesNo(registration, "enabled"),
          deploymentIds(registration));
      for (JsonObject deployment : deployments(registration)) {
        if (ACTIVITY_FIELDS.stream().anyMatch(deployment::containsKey)) {
          anyActivity = true;
          activity.row(text(registration, "name"), text(deployment, "deploymentId"), text(deployment, "launches"),
              text(deployment, "lastLaunch"), failureTotal(deployment), text(deployment, "lastFailedLaunch"),
              text(deployment, "lastFailureReason"), failuresByReason(deployment));
        }
      }
    }
    String count = registrations.size() == 1 ? "1 registration" : registrations.size() + " registrations";
    return table + (anyActivity ? "\nLaunches per deployment\n" + activity : "") + "\n" + count + "\n";
  }

  /** The {@code register} report: created or updated, then the registration. */
  static String registered(JsonObject registration, boolean created) {
    String title = (created ? "Created" : "Updated") + " registration " + text(registration, "id") + " \""
        + Terminal.safe(String.valueOf(text(registration, "name"))) + "\"" + (created ? "" : " (same issuer and client id)") + ".\n";
    TextTable details = new TextTable("", "")
        .row("issuer", text(registration, "issuer"))
        .row("client id", text(registration, "clientId"))
        .row("origin", text(registration, "origin"))
        .row("enabled", yesNo(registration, "enabled"))
        .row("deployment ids", deploymentIds(registration))
        .row("updated at", text(registration, "updatedAt"));
    return title + details.toString().lines().skip(1).map(line -> "  " + line + "\n").collect(Collectors.joining());
  }

  /** The {@code rotate-keys} report: when the new key signs, and that the current one stays published. */
  static String rotation(JsonObject answer, Clock clock) {
    String activateAt = text(answer, "activateAt");
    String when = activateAt == null ? "after the overlap (somework.keys.overlap-minutes)" : "from "
        + Terminal.safe(activateAt) + relative(activateAt, clock);
    return "Key rotation scheduled: the tool publishes its next signing key now and signs with it " + when + ".\n"
        + "The current key stays published until everything it signed has expired, so platforms that cached the"
        + " key set notice nothing.\n"
        + "Running rotate-keys again before then keeps this same rotation.\n";
  }

  private static String relative(String instant, Clock clock) {
    try {
      long minutes = Duration.between(clock.instant(), Instant.parse(instant)).toMinutes();
      if (minutes <= 0) {
        return " (now)";
      }
      return minutes == 1 ? " (in 1 minute)" : " (in " + minutes + " minutes)";
    } catch (DateTimeParseException e) {
      return "";
    }
  }

  private static List<JsonObject> deployments(JsonObject registration) {
    JsonValue deployments = registration.get("deployments");
    List<JsonObject> objects = new ArrayList<>();
    if (deployments != null && deployments.getValueType() == JsonValue.ValueType.ARRAY) {
      for (JsonValue deployment : deployments.asJsonArray()) {
        if (deployment.getValueType() == JsonValue.ValueType.OBJECT) {
          objects.add(deployment.asJsonObject());
        }
      }
    }
    return objects;
  }

  private static String deploymentIds(JsonObject registration) {
    return deployments(registration).stream().map(d -> text(d, "deploymentId")).collect(Collectors.joining(", "));
  }

  private static String failureTotal(JsonObject deployment) {
    JsonValue failures = deployment.get("failures");
    if (failures == null || failures.getValueType() != JsonValue.ValueType.OBJECT) {
      return null;
    }
    long total = failures.asJsonObject().values().stream()
        .filter(JsonNumber.class::isInstance).mapToLong(n -> ((JsonNumber) n).longValue()).sum();
    return Long.toString(total);
  }

  private static String failuresByReason(JsonObject deployment) {
    JsonValue failures = deployment.get("failures");
    if (failures == null || failures.getValueType() != JsonValue.ValueType.OBJECT) {
      return null;
    }
    return failures.asJsonObject().entrySet().stream()
        .map((Map.Entry<String, JsonValue> e) -> e.getKey() + " " + e.getValue())
        .collect(Collectors.joining(", "));
  }

  private static String yesNo(JsonObject object, String field) {
    JsonValue value = object.get(field);
    JsonValue.ValueType type = value == null ? JsonValue.ValueType.NULL : value.getValueType();
    return type == JsonValue.ValueType.TRUE ? "yes" : type == JsonValue.ValueType.FALSE ? "no" : null;
  }

  /** The field as text: a string's value, a number's or boolean's JSON text; null when absent or null. */
  static String text(JsonObject object, String field) {
    JsonValue value = object.get(field);
    if (value == null || value == JsonValue.NULL) {
      return null;
    }
    return value instanceof JsonString string ? string.getString() : value.toString();
  }
}
