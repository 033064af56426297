package eu.somework.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;

/**
 * JAX-RS at the root: every page and endpoint of the tool is a resource. Jersey's generated WADL
 * description is off: it would list every route to anyone who asks with OPTIONS.
 */
@ApplicationPath("/")
public class SomeWorkApplication extends Application {
  @Override
  public Map<String, Object> getProperties() {
    return Map.of("jersey.config.server.wadl.disableWadl", true);
  }
}
