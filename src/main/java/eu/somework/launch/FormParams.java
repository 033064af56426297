package eu.somework.launch;

import jakarta.ws.rs.core.MultivaluedMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Request parameters as single values (the first of each name). */
final class FormParams {
  private FormParams() {}

  static Map<String, String> single(MultivaluedMap<String, String> params) {
    Map<String, String> single = new HashMap<>();
    if (params != null) {
      params.forEach((name, values) -> {
        List<String> v = values;
        if (v != null && !v.isEmpty() && v.get(0) != null) {
          single.put(name, v.get(0));
        }
      });
    }
    return single;
  }
}
