package eu.somework.content;

/**
 * Which checks the validator runs. {@link #FULL} is everything module-content/README.md describes;
 * {@link #CORE} leaves out what issue 8 added (the reflection's word range and revision rule, the
 * glossaries, the same structure in every language) but still accepts and checks those keys where
 * a text already has them, so content can gain them one language at a time.
 */
public enum ContentRules {
  /** The checks of the first release; the issue 8 keys are optional and nothing is cross-checked. */
  CORE,
  /** Every check: {@code reflection.words} and {@code revisionRule} required, glossaries, structure. */
  FULL;

  /**
   * The rules for the content folder the tool serves, and for ModuleContentTest on module-content/:
   * {@link #FULL} since the module's second edition. {@link #CORE} remains for bringing a new
   * language in step by step. Test fixtures always use {@link #FULL}.
   */
  static final ContentRules IN_FORCE = FULL;

  boolean isFull() {
    return this == FULL;
  }
}
