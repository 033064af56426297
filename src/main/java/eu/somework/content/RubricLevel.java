package eu.somework.content;

/** One level of a rubric criterion: its points and, in one language, what earns them. */
public record RubricLevel(int points, String description) {}
