package eu.somework.content;

import java.util.List;

/** A rubric criterion as {@code reflection.rubric} declares it: its id and the points of its levels. */
record RubricScale(String id, List<Integer> points) {
  int top() {
    return points.get(points.size() - 1);
  }
}
