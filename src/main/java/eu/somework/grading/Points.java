package eu.somework.grading;

/** Points as pages print them: whole numbers without a decimal part, others with one decimal. */
final class Points {
  private Points() {}

  static String format(double points) {
    if (points == Math.rint(points)) {
      return String.valueOf((long) points);
    }
    return String.valueOf(Math.round(points * 10) / 10.0);
  }
}
