package eu.somework.content;

import eu.somework.web.UiLanguage;
import java.util.List;
import java.util.Map;

/**
 * Holds every language of a unit to the English structure: as many {@code ## } sections, as many
 * self-check questions and as many case sections (headings starting with the language's
 * {@code casePrefix} from its glossary; a language without a glossary is not counted). English
 * itself needs at least one case section. Texts that failed the Markdown checks are not compared.
 */
final class StructureChecker {
  private StructureChecker() {}

  static void check(String folder, List<UiLanguage> languages, Map<UiLanguage, TextStructure> structures,
      Map<UiLanguage, Glossary> glossaries, ProblemList problems) {
    TextStructure english = structures.get(UiLanguage.EN);
    if (english == null) {
      return;
    }
    String englishPrefix = englishCasePrefix(glossaries);
    int englishCases = english.caseSections(englishPrefix);
    if (englishCases == 0) {
      problems.forFile(file(folder, UiLanguage.EN)).addWholeFile(
          "needs at least one case section: a '## ' heading starting with '" + englishPrefix + "'");
    }
    for (UiLanguage language : languages) {
      TextStructure text = structures.get(language);
      if (language == UiLanguage.EN || text == null) {
        continue;
      }
      ProblemList at = problems.forFile(file(folder, language));
      if (text.sections().size() != english.sections().size()) {
        at.addWholeFile("has " + count(text.sections().size(), "'## ' section") + " but en.md has "
            + english.sections().size());
      }
      if (text.selfCheckQuestions() != english.selfCheckQuestions()) {
        at.add(text.selfCheckLine(), "the self-check has " + count(text.selfCheckQuestions(), "question")
            + " but the one in en.md has " + english.selfCheckQuestions());
      }
      Glossary glossary = glossaries.get(language);
      if (glossary != null && text.caseSections(glossary.casePrefix()) != englishCases) {
        at.addWholeFile("has " + count(text.caseSections(glossary.casePrefix()), "case section")
            + " (headings starting with '" + glossary.casePrefix() + "') but en.md has " + englishCases);
      }
    }
  }

  /** English always has a case prefix: its glossary's, or "Case:" until there is a glossary/en.yaml. */
  private static String englishCasePrefix(Map<UiLanguage, Glossary> glossaries) {
    Glossary glossary = glossaries.get(UiLanguage.EN);
    return glossary == null ? Glossary.ENGLISH_CASE_PREFIX : glossary.casePrefix();
  }

  private static String file(String folder, UiLanguage language) {
    return folder + "/" + language.code() + ".md";
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
