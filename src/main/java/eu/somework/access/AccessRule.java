package eu.somework.access;

import eu.somework.session.AdminOnly;
import eu.somework.session.Allow;
import eu.somework.session.Public;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.Optional;

/**
 * The access rule declared on a resource method, or on its class when the method declares none:
 * {@link Public}, {@link Allow} (a tool session with one of its roles) or {@link AdminOnly} (a
 * tool administrator). Exactly one kind is present.
 */
record AccessRule(Optional<Allow> allow, boolean isPublic, Optional<AdminOnly> admin) {

  /** A rule of the first two kinds (kept for callers that know no administrators). */
  AccessRule(Optional<Allow> allow, boolean isPublic) {
    this(allow, isPublic, Optional.empty());
  }

  static Optional<AccessRule> of(Class<?> resourceClass, Method method) {
    return declared(method).or(() -> declared(resourceClass));
  }

  private static Optional<AccessRule> declared(AnnotatedElement element) {
    if (element.isAnnotationPresent(Public.class)) {
      return Optional.of(new AccessRule(Optional.empty(), true));
    }
    if (element.isAnnotationPresent(Allow.class)) {
      return Optional.of(new AccessRule(Optional.of(element.getAnnotation(Allow.class)), false));
    }
    if (element.isAnnotationPresent(AdminOnly.class)) {
      return Optional.of(new AccessRule(Optional.empty(), false, Optional.of(element.getAnnotation(AdminOnly.class))));
    }
    return Optional.empty();
  }
}
