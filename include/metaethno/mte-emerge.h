/* metaethno: the eMERGe reporting items and the team's own words for them.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#ifndef MTE_EMERGE_H
#define MTE_EMERGE_H

#if !defined(MTE_INSIDE) && !defined(MTE_COMPILATION)
#error "Only <metaethno/metaethno.h> can be included directly."
#endif

#include <metaethno/mte-types.h>

G_BEGIN_DECLS

/**
 * MteEmergeItem:
 * @MTE_EMERGE_RATIONALE: 1, rationale and context for the meta-ethnography
 * @MTE_EMERGE_AIM: 2, aim(s) of the meta-ethnography
 * @MTE_EMERGE_FOCUS: 3, focus of the meta-ethnography (review questions)
 * @MTE_EMERGE_WHY_META_ETHNOGRAPHY: 4, rationale for using meta-ethnography
 * @MTE_EMERGE_SEARCH_STRATEGY: 5, search strategy
 * @MTE_EMERGE_SEARCH_PROCESS: 6, search processes
 * @MTE_EMERGE_SELECTION: 7, selecting primary studies
 * @MTE_EMERGE_SELECTION_OUTCOME: 8, outcome of study selection
 * @MTE_EMERGE_READING: 9, reading and data extraction approach
 * @MTE_EMERGE_STUDY_CHARACTERISTICS: 10, presenting characteristics of
 *   included studies
 * @MTE_EMERGE_RELATING_PROCESS: 11, process for determining how studies
 *   are related
 * @MTE_EMERGE_RELATING_OUTCOME: 12, outcome of relating studies
 * @MTE_EMERGE_TRANSLATION_PROCESS: 13, process of translating studies
 * @MTE_EMERGE_TRANSLATION_OUTCOME: 14, outcome of translation
 * @MTE_EMERGE_SYNTHESIS_PROCESS: 15, synthesis of translations
 * @MTE_EMERGE_SYNTHESIS_OUTCOME: 16, outcome of synthesis process
 * @MTE_EMERGE_SUMMARY: 17, summary of findings
 * @MTE_EMERGE_STRENGTHS_LIMITATIONS: 18, strengths, limitations and
 *   reflexivity
 * @MTE_EMERGE_RECOMMENDATIONS: 19, recommendations and conclusions
 *
 * The 19 items of the eMERGe meta-ethnography reporting guidance (France
 * et al. 2019, BMC Med Res Methodol 19:25, Table 1), numbered as there, in
 * the seven phases of meta-ethnography (mte_emerge_item_get_phase()). A
 * project may hold the review team's own text for each item
 * (mte_project_set_emerge_text()), for a report to place where no recorded
 * data can speak. Since 0.2, file format 1.2.
 */
typedef enum {
  MTE_EMERGE_RATIONALE = 1,
  MTE_EMERGE_AIM,
  MTE_EMERGE_FOCUS,
  MTE_EMERGE_WHY_META_ETHNOGRAPHY,
  MTE_EMERGE_SEARCH_STRATEGY,
  MTE_EMERGE_SEARCH_PROCESS,
  MTE_EMERGE_SELECTION,
  MTE_EMERGE_SELECTION_OUTCOME,
  MTE_EMERGE_READING,
  MTE_EMERGE_STUDY_CHARACTERISTICS,
  MTE_EMERGE_RELATING_PROCESS,
  MTE_EMERGE_RELATING_OUTCOME,
  MTE_EMERGE_TRANSLATION_PROCESS,
  MTE_EMERGE_TRANSLATION_OUTCOME,
  MTE_EMERGE_SYNTHESIS_PROCESS,
  MTE_EMERGE_SYNTHESIS_OUTCOME,
  MTE_EMERGE_SUMMARY,
  MTE_EMERGE_STRENGTHS_LIMITATIONS,
  MTE_EMERGE_RECOMMENDATIONS
} MteEmergeItem;

/** MTE_EMERGE_N_ITEMS: number of #MteEmergeItem values (1 to 19). */
#define MTE_EMERGE_N_ITEMS 19

/**
 * mte_emerge_item_to_string:
 * @item: an eMERGe item
 *
 * Returns: (transfer none) (nullable): the item's stable key, used in the
 *   file format and on the command line: "rationale", "aim", "focus",
 *   "why-meta-ethnography", "search-strategy", "search-process",
 *   "selection", "selection-outcome", "reading",
 *   "study-characteristics", "relating-process", "relating-outcome",
 *   "translation-process", "translation-outcome", "synthesis-process",
 *   "synthesis-outcome", "summary", "strengths-limitations",
 *   "recommendations"; NULL for a value outside 1 to 19.
 */
MTE_API const char *mte_emerge_item_to_string (MteEmergeItem item);

/**
 * mte_emerge_item_from_string:
 * @name: a key as returned by mte_emerge_item_to_string(), or the item's
 *   number written in decimal ("1" to "19")
 *
 * Returns: the item, or -1 when @name is neither.
 */
MTE_API int mte_emerge_item_from_string (const char *name);

/**
 * mte_emerge_item_get_title:
 * @item: an eMERGe item
 *
 * Returns: (transfer none) (nullable): the item's heading in eMERGe's
 *   Table 1, in English (e.g. "Rationale for using meta-ethnography");
 *   NULL for a value outside 1 to 19.
 */
MTE_API const char *mte_emerge_item_get_title (MteEmergeItem item);

/**
 * mte_emerge_item_get_phase:
 * @item: an eMERGe item
 *
 * The phase of meta-ethnography (Noblit and Hare 1988) the item reports:
 * 1 items 1-4, 2 items 5-8, 3 items 9-10, 4 items 11-12, 5 items 13-14,
 * 6 items 15-16, 7 items 17-19.
 *
 * Returns: 1 to 7; 0 for a value outside 1 to 19.
 */
MTE_API guint mte_emerge_item_get_phase (MteEmergeItem item);

/**
 * mte_project_get_emerge_text:
 * @project: a project
 * @item: an eMERGe item, 1 to 19
 *
 * Returns: (transfer none) (nullable): the team's text for @item, or NULL
 *   when none is recorded; valid until the text is set again or the
 *   project is freed.
 */
MTE_API const char *mte_project_get_emerge_text (const MteProject *project,
                                                 MteEmergeItem     item);

/**
 * mte_project_set_emerge_text:
 * @project: a project
 * @item: an eMERGe item, 1 to 19
 * @text: (nullable): the text; NULL or "" clears it
 * @error: return location for a #GError
 *
 * Records the review team's own words for one eMERGe item.
 *
 * Returns: TRUE on success; FALSE with %MTE_MODEL_ERROR_INVALID_VALUE for
 *   an item outside 1 to 19, or when @text is not valid UTF-8 or holds
 *   characters XML cannot.
 */
MTE_API gboolean mte_project_set_emerge_text (MteProject     *project,
                                              MteEmergeItem   item,
                                              const char     *text,
                                              GError        **error);

G_END_DECLS

#endif /* MTE_EMERGE_H */
