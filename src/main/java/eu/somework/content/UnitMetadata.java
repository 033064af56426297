package eu.somework.content;

import eu.somework.web.UiLanguage;
import java.util.List;
import java.util.Map;

/** A unit's {@code unit.yaml} after it passed validation; {@code orderLine} points back at the file. */
record UnitMetadata(String id, int order, int orderLine, int estimatedMinutes, List<UiLanguage> languages,
    int maxPoints, Map<UiLanguage, UnitText> texts) {}
