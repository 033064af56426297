package eu.somework.access;

import eu.somework.session.Allow;
import eu.somework.session.Public;
import java.lang.reflect.Method;
import java.util.Optional;

/** The access rule declared on a resource method, or on its class when the method declares none. */
record AccessRule(Optional<Allow> allow, boolean isPublic) {

  static Optional<AccessRule> of(Class<?> resourceClass, Method method) {
    if (method.isAnnotationPresent(Public.class)) {
      return Optional.of(new AccessRule(Optional.empty(), true));
    }
    if (method.isAnnotationPresent(Allow.class)) {
      return Optional.of(new AccessRule(Optional.of(method.getAnnotation(Allow.class)), false));
    }
    if (resourceClass.isAnnotationPresent(Public.class)) {
      return Optional.of(new AccessRule(Optional.empty(), true));
    }
    if (resourceClass.isAnnotationPresent(Allow.class)) {
      return Optional.of(new AccessRule(Optional.of(resourceClass.getAnnotation(Allow.class)), false));
    }
    return Optional.empty();
  }
}
