/* metaethno: the review report, in eMERGe order (France et al. 2019).
 *
 * The report is built once as a document (mte-doc.h) from the project and
 * written by the back-end of each format. Sections follow the seven
 * phases of meta-ethnography and, inside them, the 19 eMERGe items; each
 * item shows the team's own text for it (mte_project_set_emerge_text())
 * and then what the project records for it. An appendix lists every item
 * with where it is reported or that it is missing, so the report can be
 * checked against the guidance item by item.
 *
 * Studies are cited author-year: "Okafor 2021", "Okafor and Smith 2021",
 * "Okafor et al. 2021" from three authors; "n.d." without a year; "a",
 * "b"... after the year when two included or excluded studies would read
 * alike; the study's title (or id) when it has no authors.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "mte-model-private.h"
#include "mte-doc.h"
#include "mte-figure-private.h"
#include "mte-render-private.h"
#include "mte-save-private.h"

#include <string.h>

/* Studies per part of a study-by-column table (grid, translation table):
 * more do not fit an A4 page in portrait. */
#define STUDIES_PER_PART 6
/* Above this many studies, tables with a column per study (the grid, the
 * translation table) become one row per concept and study. */
#define WIDE_LIMIT 60
/* Illustrative quotes shown per finding. */
#define QUOTES_PER_FINDING 3

typedef struct {
  const MteProject  *project;
  MteDoc            *doc;
  GHashTable        *citations;        /* MteStudy* → char* */
  MteStudyOrder      order;
  MteStudy         **studies;          /* included, in @order */
  guint              n_studies;
  MteTranslationTable *table;
  MteLineOfArgument *loa;
  /* Where each eMERGe item is reported: 0 nothing, 1 data, 2 team text,
   * 3 both. */
  guint              item_state[MTE_EMERGE_N_ITEMS + 1];
  guint              current_item;
  GError           **figure_error;     /* the first figure that failed */
} Report;

/* ------------------------------------------------------------------ */
/* Citations                                                          */
/* ------------------------------------------------------------------ */

static GHashTable *
make_citations (const MteProject *project)
{
  guint n = mte_project_get_n_studies (project);
  g_autofree MteStudy **studies = g_new0 (MteStudy *, n + 1);

  for (guint i = 0; i < n; i++)
    studies[i] = mte_project_get_study (project, i);
  return mte_study_citations_new (studies, n);
}

static const char *
cite (const Report   *r,
      const MteStudy *study)
{
  const char *citation = study != NULL ? g_hash_table_lookup (r->citations, study) : NULL;

  return citation != NULL ? citation : study != NULL ? mte_study_get_id (study) : "";
}

static _Thread_local const Report *label_report;

static const char *
figure_label (const MteStudy *study)
{
  return cite (label_report, study);
}

/* ------------------------------------------------------------------ */
/* Sections and items                                                 */
/* ------------------------------------------------------------------ */

static const char *phase_titles[] = {
  NULL,
  "Phase 1. Selecting meta-ethnography and getting started",
  "Phase 2. Deciding what is relevant",
  "Phase 3. Reading included studies",
  "Phase 4. Determining how studies are related",
  "Phase 5. Translating studies into one another",
  "Phase 6. Synthesising translations",
  "Phase 7. Expressing the synthesis",
};

static void
phase (Report *r,
       guint   number)
{
  g_autofree char *anchor = g_strdup_printf ("phase-%u", number);

  mte_doc_heading (r->doc, 1, anchor, phase_titles[number]);
}

/* Paragraphs of @text, split on blank lines. */
static void
paragraphs (Report     *r,
            const char *text)
{
  g_auto (GStrv) parts = g_regex_split_simple ("\\n[ \\t]*\\n", text, 0, 0);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (parts[i][0] != '\0')
        mte_doc_paragraph (r->doc, parts[i]);
    }
}

static void
item (Report        *r,
      MteEmergeItem  which)
{
  g_autofree char *anchor = g_strdup_printf ("item-%d", which);
  g_autofree char *title = g_strdup_printf ("%d. %s", which, mte_emerge_item_get_title (which));
  const char *text = mte_project_get_emerge_text (r->project, which);

  mte_doc_heading (r->doc, 2, anchor, title);
  r->current_item = which;
  if (text != NULL && text[0] != '\0')
    {
      paragraphs (r, text);
      r->item_state[which] |= 2;
    }
}

/* Marks the current item as reported by recorded data. */
static void
has_data (Report *r)
{
  r->item_state[r->current_item] |= 1;
}

static void
no_data (Report     *r,
         const char *what)
{
  mte_doc_note (r->doc, what);
}

/* A field from a possibly NULL string. */
static void
field (Report     *r,
       const char *name,
       const char *value)
{
  if (value != NULL && value[0] != '\0')
    {
      mte_doc_field (r->doc, name, value);
      has_data (r);
    }
}

/* ------------------------------------------------------------------ */
/* Phase 1                                                            */
/* ------------------------------------------------------------------ */

static void
write_phase_1 (Report *r)
{
  const MteProject *p = r->project;

  phase (r, 1);
  item (r, MTE_EMERGE_RATIONALE);
  item (r, MTE_EMERGE_AIM);
  if (mte_project_get_aim (p) != NULL)
    {
      mte_doc_begin_fields (r->doc);
      field (r, "Aim", mte_project_get_aim (p));
    }
  item (r, MTE_EMERGE_FOCUS);
  mte_doc_begin_fields (r->doc);
  field (r, "Review question", mte_project_get_question (p));
  field (r, "Inclusion criteria", mte_project_get_protocol (p, MTE_PROTOCOL_INCLUSION));
  field (r, "Exclusion criteria", mte_project_get_protocol (p, MTE_PROTOCOL_EXCLUSION));
  field (r, "Protocol registration", mte_project_get_protocol (p, MTE_PROTOCOL_REGISTRATION));
  item (r, MTE_EMERGE_WHY_META_ETHNOGRAPHY);
  if (mte_project_get_protocol (p, MTE_PROTOCOL_RATIONALE) != NULL)
    {
      paragraphs (r, mte_project_get_protocol (p, MTE_PROTOCOL_RATIONALE));
      has_data (r);
    }
}

/* ------------------------------------------------------------------ */
/* Phase 2                                                            */
/* ------------------------------------------------------------------ */

static char *
format_date (gint64 when)
{
  g_autoptr (GDateTime) t = when != 0 ? g_date_time_new_from_unix_utc (when) : NULL;

  return t != NULL ? g_date_time_format (t, "%Y-%m-%d") : g_strdup ("");
}

static void
write_searches (Report *r)
{
  const MteProject *p = r->project;
  guint n = mte_project_get_n_searches (p);

  if (n == 0)
    {
      no_data (r, "No searches are recorded in the project.");
      return;
    }
  mte_doc_begin_table (r->doc, "table-searches", "Searches");
  mte_doc_add_column (r->doc, "Source", MTE_CELL_LEFT, 3);
  mte_doc_add_column (r->doc, "Kind", MTE_CELL_LEFT, 2);
  mte_doc_add_column (r->doc, "Date", MTE_CELL_LEFT, 2);
  mte_doc_add_column (r->doc, "Query", MTE_CELL_LEFT, 6);
  mte_doc_add_column (r->doc, "Records", MTE_CELL_RIGHT, 1);
  mte_doc_add_column (r->doc, "Run by", MTE_CELL_LEFT, 2);
  for (guint i = 0; i < n; i++)
    {
      MteSearch *s = mte_project_get_search (p, i);
      gint64 records = mte_search_get_n_records (s);
      MteMember *by = mte_search_get_run_by (s);

      mte_doc_begin_row (r->doc);
      mte_doc_cell (r->doc, mte_search_get_source (s));
      mte_doc_cell (r->doc, mte_source_kind_to_string (mte_search_get_kind (s)));
      mte_doc_cell (r->doc, mte_search_get_date (s));
      mte_doc_begin_cell (r->doc);
      mte_doc_code (r->doc, mte_search_get_query (s));
      if (records == MTE_COUNT_UNKNOWN)
        mte_doc_cell (r->doc, "");
      else
        mte_doc_cell_printf (r->doc, "%" G_GINT64_FORMAT, records);
      mte_doc_cell (r->doc, by != NULL ? mte_member_get_name (by) : "");
    }
  has_data (r);
}

static void
write_prisma (Report *r)
{
  g_autoptr (MtePrisma) prisma = mte_prisma_new (r->project);
  double w, h;
  char *svg;
  g_autoptr (GString) alt = g_string_new (NULL);
  static const struct { MtePrismaCount count; const char *text; } said[] = {
    { MTE_PRISMA_DATABASE_RESULTS, "records from databases" },
    { MTE_PRISMA_REGISTER_RESULTS, "from registers" },
    { MTE_PRISMA_DUPLICATES, "duplicates removed" },
    { MTE_PRISMA_RECORDS_SCREENED, "records screened" },
    { MTE_PRISMA_RECORDS_EXCLUDED, "excluded at screening" },
    { MTE_PRISMA_DBR_SOUGHT, "reports sought" },
    { MTE_PRISMA_DBR_NOT_RETRIEVED, "not retrieved" },
    { MTE_PRISMA_DBR_ASSESSED, "assessed for eligibility" },
    { MTE_PRISMA_DBR_EXCLUDED, "excluded with reasons" },
    { MTE_PRISMA_TOTAL_STUDIES, "studies included" },
    { MTE_PRISMA_TOTAL_REPORTS, "reports of included studies" },
  };

  g_string_append (alt, "PRISMA 2020 flow: ");
  for (guint i = 0; i < G_N_ELEMENTS (said); i++)
    {
      gint64 n = mte_prisma_get_count (prisma, said[i].count);

      if (i > 0)
        g_string_append (alt, ", ");
      if (n == MTE_COUNT_UNKNOWN)
        g_string_append_printf (alt, "%s not recorded", said[i].text);
      else
        g_string_append_printf (alt, "%" G_GINT64_FORMAT " %s", n, said[i].text);
    }
  g_string_append_c (alt, '.');
  svg = mte_figure_prisma (prisma, &w, &h);
  mte_doc_figure (r->doc, "figure-prisma", "prisma",
                  "PRISMA 2020 flow diagram of the searches, screening and selection of studies.",
                  alt->str, svg, w, h);
  has_data (r);

  for (guint i = 0; i < mte_prisma_get_n_disagreements (prisma); i++)
    {
      if (i == 0)
        {
          mte_doc_paragraph (r->doc, "Where a count entered by hand and the records disagree:");
          mte_doc_begin_list (r->doc, FALSE);
        }
      gint64 entered, computed;
      const char *what = mte_prisma_get_disagreement (prisma, i, &entered, &computed);

      mte_doc_begin_item (r->doc);
      mte_doc_printf (r->doc, "%s: %" G_GINT64_FORMAT " entered by hand, but the records give %"
                      G_GINT64_FORMAT " (the diagram shows the entered count).", what, entered, computed);
    }
}

static void
write_exclusions (Report *r)
{
  const MteProject *p = r->project;
  guint excluded = 0;

  for (guint i = 0; i < mte_project_get_n_studies (p); i++)
    excluded += mte_study_is_excluded (mte_project_get_study (p, i)) ? 1 : 0;
  if (excluded == 0)
    {
      no_data (r, "No study was excluded after appraisal.");
      return;
    }
  mte_doc_begin_table (r->doc, "table-excluded", "Studies excluded after appraisal, with reasons");
  mte_doc_add_column (r->doc, "Study", MTE_CELL_LEFT, 3);
  mte_doc_add_column (r->doc, "Stage", MTE_CELL_LEFT, 2);
  mte_doc_add_column (r->doc, "Reason", MTE_CELL_LEFT, 6);
  mte_doc_add_column (r->doc, "Decided by", MTE_CELL_LEFT, 2);
  for (guint i = 0; i < mte_project_get_n_studies (p); i++)
    {
      MteStudy *s = mte_project_get_study (p, i);
      MteMember *by;

      if (!mte_study_is_excluded (s))
        continue;
      by = mte_study_get_exclusion_reviewer (s);
      mte_doc_begin_row (r->doc);
      mte_doc_cell (r->doc, cite (r, s));
      mte_doc_cell (r->doc, mte_exclusion_stage_to_string (mte_study_get_exclusion_stage (s)));
      mte_doc_cell (r->doc, mte_study_get_exclusion_reason (s));
      mte_doc_cell (r->doc, by != NULL ? mte_member_get_name (by) : "");
    }
  has_data (r);
}

static void
write_phase_2 (Report *r)
{
  const MteProject *p = r->project;

  phase (r, 2);
  item (r, MTE_EMERGE_SEARCH_STRATEGY);
  if (mte_project_get_protocol (p, MTE_PROTOCOL_SEARCH_STRATEGY) != NULL)
    {
      paragraphs (r, mte_project_get_protocol (p, MTE_PROTOCOL_SEARCH_STRATEGY));
      has_data (r);
    }
  item (r, MTE_EMERGE_SEARCH_PROCESS);
  write_searches (r);
  item (r, MTE_EMERGE_SELECTION);
  mte_doc_begin_fields (r->doc);
  field (r, "Inclusion criteria", mte_project_get_protocol (p, MTE_PROTOCOL_INCLUSION));
  field (r, "Exclusion criteria", mte_project_get_protocol (p, MTE_PROTOCOL_EXCLUSION));
  if (mte_project_get_n_records (p) > 0)
    {
      g_autofree char *n = g_strdup_printf ("%u records, each with its fate and who decided it",
                                            mte_project_get_n_records (p));

      field (r, "Screening", n);
    }
  item (r, MTE_EMERGE_SELECTION_OUTCOME);
  write_prisma (r);
  write_exclusions (r);
}

/* ------------------------------------------------------------------ */
/* Phase 3                                                            */
/* ------------------------------------------------------------------ */

static void
write_characteristics (Report *r)
{
  static const struct { MteStudyField field; const char *title; guint weight; } columns[] = {
    { MTE_STUDY_COUNTRY, "Country", 3 },
    { MTE_STUDY_SETTING, "Setting", 3 },
    { MTE_STUDY_PARTICIPANTS, "Participants", 3 },
    { MTE_STUDY_CONDITION, "Condition", 3 },
    { MTE_STUDY_DATA_COLLECTION, "Data collection", 3 },
    { MTE_STUDY_ANALYSIS, "Analysis", 3 },
  };

  if (r->n_studies == 0)
    {
      no_data (r, "The project has no included studies.");
      return;
    }
  mte_doc_begin_table (r->doc, "table-characteristics", "Characteristics of the included studies");
  mte_doc_set_compact (r->doc);
  mte_doc_add_column (r->doc, "Study", MTE_CELL_LEFT, 3);
  for (guint c = 0; c < 3; c++)
    mte_doc_add_column (r->doc, columns[c].title, MTE_CELL_LEFT, columns[c].weight);
  mte_doc_add_column (r->doc, "Sample", MTE_CELL_RIGHT, 2);
  for (guint c = 3; c < G_N_ELEMENTS (columns); c++)
    mte_doc_add_column (r->doc, columns[c].title, MTE_CELL_LEFT, columns[c].weight);
  for (guint i = 0; i < r->n_studies; i++)
    {
      MteStudy *s = r->studies[i];

      mte_doc_begin_row (r->doc);
      mte_doc_cell (r->doc, cite (r, s));
      for (guint c = 0; c < 3; c++)
        mte_doc_cell (r->doc, mte_study_get_field (s, columns[c].field));
      if (mte_study_get_sample_size (s) > 0)
        mte_doc_cell_printf (r->doc, "%u", mte_study_get_sample_size (s));
      else
        mte_doc_cell (r->doc, "");
      for (guint c = 3; c < G_N_ELEMENTS (columns); c++)
        mte_doc_cell (r->doc, mte_study_get_field (s, columns[c].field));
    }
  has_data (r);
}

/* Whether the answers to question @q are short ("yes", "can't tell"), so
 * that they fit a column of the appraisal matrix; free-text answers are
 * listed after it instead. */
#define SHORT_ANSWER 14

static gboolean
answers_are_short (Report       *r,
                   MteChecklist *checklist,
                   guint         q)
{
  for (guint i = 0; i < r->n_studies; i++)
    {
      const char *answer = NULL;

      if (mte_study_get_appraisal (r->studies[i], mte_checklist_get_id (checklist),
                                   mte_checklist_get_question_key (checklist, q), &answer, NULL) &&
          answer != NULL && g_utf8_strlen (answer, -1) > SHORT_ANSWER)
        return FALSE;
    }
  return TRUE;
}

static void
write_appraisals (Report *r)
{
  const MteProject *p = r->project;

  for (guint k = 0; k < mte_project_get_n_checklists (p); k++)
    {
      MteChecklist *checklist = mte_project_get_checklist (p, k);
      const char *cid = mte_checklist_get_id (checklist);
      guint nq = mte_checklist_get_n_questions (checklist);
      g_autofree char *caption = g_strdup_printf ("Quality appraisal: %s", mte_checklist_get_name (checklist));
      g_autofree gboolean *is_short = g_new0 (gboolean, nq + 1);
      guint n_short = 0;
      gboolean any = FALSE;

      for (guint i = 0; i < r->n_studies && !any; i++)
        for (guint q = 0; q < nq && !any; q++)
          any = mte_study_get_appraisal (r->studies[i], cid, mte_checklist_get_question_key (checklist, q),
                                         NULL, NULL);
      if (!any || nq == 0)
        continue;

      mte_doc_begin_paragraph (r->doc);
      mte_doc_printf (r->doc, "The included studies were appraised with the %s. Its questions:",
                      mte_checklist_get_name (checklist));
      mte_doc_begin_list (r->doc, FALSE);
      for (guint q = 0; q < nq; q++)
        {
          is_short[q] = answers_are_short (r, checklist, q);
          n_short += is_short[q] ? 1 : 0;
          mte_doc_begin_item (r->doc);
          mte_doc_strong (r->doc, mte_checklist_get_question_key (checklist, q));
          mte_doc_text (r->doc, " ");
          mte_doc_text (r->doc, mte_checklist_get_question_text (checklist, q));
        }
      if (n_short > 0)
        {
          mte_doc_begin_table (r->doc, NULL, caption);
          if (n_short > 6)
            mte_doc_set_compact (r->doc);
          mte_doc_add_column (r->doc, "Study", MTE_CELL_LEFT, 4);
          for (guint q = 0; q < nq; q++)
            if (is_short[q])
              mte_doc_add_column (r->doc, mte_checklist_get_question_key (checklist, q), MTE_CELL_CENTER, 2);
          for (guint i = 0; i < r->n_studies; i++)
            {
              mte_doc_begin_row (r->doc);
              mte_doc_cell (r->doc, cite (r, r->studies[i]));
              for (guint q = 0; q < nq; q++)
                {
                  const char *answer = NULL;

                  if (!is_short[q])
                    continue;
                  mte_study_get_appraisal (r->studies[i], cid, mte_checklist_get_question_key (checklist, q),
                                           &answer, NULL);
                  mte_doc_cell (r->doc, answer != NULL ? answer : "–");
                }
            }
        }
      for (guint q = 0; q < nq; q++)
        {
          g_autofree char *long_caption = NULL;

          if (is_short[q])
            continue;
          long_caption = g_strdup_printf ("Quality appraisal: %s, %s %s", mte_checklist_get_name (checklist),
                                          mte_checklist_get_question_key (checklist, q),
                                          mte_checklist_get_question_text (checklist, q));
          mte_doc_begin_table (r->doc, NULL, long_caption);
          mte_doc_add_column (r->doc, "Study", MTE_CELL_LEFT, 1);
          mte_doc_add_column (r->doc, "Answer", MTE_CELL_LEFT, 3);
          for (guint i = 0; i < r->n_studies; i++)
            {
              const char *answer = NULL;

              mte_study_get_appraisal (r->studies[i], cid, mte_checklist_get_question_key (checklist, q),
                                       &answer, NULL);
              mte_doc_begin_row (r->doc);
              mte_doc_cell (r->doc, cite (r, r->studies[i]));
              mte_doc_cell (r->doc, answer != NULL ? answer : "–");
            }
        }
      has_data (r);
    }
}

static void
write_phase_3 (Report *r)
{
  guint first = 0, second = 0;

  phase (r, 3);
  item (r, MTE_EMERGE_READING);
  for (guint i = 0; i < r->n_studies; i++)
    for (guint c = 0; c < mte_study_get_n_constructs (r->studies[i]); c++)
      {
        if (mte_construct_get_order (mte_study_get_construct (r->studies[i], c)) == MTE_CONSTRUCT_FIRST_ORDER)
          first++;
        else
          second++;
      }
  if (r->n_studies > 0)
    {
      mte_doc_begin_paragraph (r->doc);
      mte_doc_printf (r->doc,
                      "From the %u included studies the team extracted %u first-order constructs "
                      "(participants' own words) and %u second-order constructs (the authors' "
                      "interpretations).", r->n_studies, first, second);
      has_data (r);
    }
  item (r, MTE_EMERGE_STUDY_CHARACTERISTICS);
  write_characteristics (r);
  write_appraisals (r);
}

/* ------------------------------------------------------------------ */
/* Phase 4                                                            */
/* ------------------------------------------------------------------ */

static const char *
concept_name (const MteConcept *concept)
{
  const char *label = mte_concept_get_label (concept);

  return label != NULL ? label : mte_concept_get_id (concept);
}

static const char *
construct_name (const MteConstruct *construct)
{
  return mte_render_construct_name (construct);
}

static void
write_grid (Report *r)
{
  g_autoptr (MteGrid) grid = mte_grid_new (r->project, r->order);
  guint nc = mte_grid_get_n_concepts (grid);
  guint ns = mte_grid_get_n_studies (grid);
  guint parts = (ns + STUDIES_PER_PART - 1) / STUDIES_PER_PART;

  if (nc == 0 || ns == 0)
    {
      no_data (r, "No key concepts are recorded yet, so there is no grid.");
      return;
    }
  if (ns > WIDE_LIMIT)
    {
      /* A matrix of this many studies is mostly empty and too wide for
       * any page: one row per study that expresses a concept. */
      mte_doc_begin_table (r->doc, "table-grid",
                           "Key concepts by study: the second-order constructs by which each study "
                           "expresses a concept (one row per concept and study)");
      mte_doc_set_compact (r->doc);
      mte_doc_add_column (r->doc, "Key concept", MTE_CELL_LEFT, 3);
      mte_doc_add_column (r->doc, "Study", MTE_CELL_LEFT, 3);
      mte_doc_add_column (r->doc, "Second-order constructs", MTE_CELL_LEFT, 6);
      for (guint c = 0; c < nc; c++)
        {
          MteConcept *concept = mte_grid_get_concept (grid, c);

          for (guint s = 0; s < ns; s++)
            {
              guint n = mte_grid_get_n_cell_constructs (grid, c, s);

              if (n == 0)
                continue;
              mte_doc_begin_row (r->doc);
              mte_doc_cell (r->doc, concept_name (concept));
              mte_doc_cell (r->doc, cite (r, mte_grid_get_study (grid, s)));
              mte_doc_begin_cell (r->doc);
              for (guint k = 0; k < n; k++)
                mte_doc_printf (r->doc, "%s%s", k > 0 ? "; " : "",
                                construct_name (mte_grid_get_cell_construct (grid, c, s, k)));
            }
        }
      has_data (r);
      return;
    }
  for (guint part = 0; part < parts; part++)
    {
      guint from = part * STUDIES_PER_PART, to = MIN (ns, from + STUDIES_PER_PART);
      g_autofree char *caption =
        parts == 1 ? g_strdup ("Key concepts by study: the second-order constructs by which each study expresses a concept")
                   : g_strdup_printf ("Key concepts by study (studies %u to %u of %u): the second-order "
                                      "constructs by which each study expresses a concept", from + 1, to, ns);
      g_autofree char *anchor = part == 0 ? g_strdup ("table-grid") : NULL;

      mte_doc_begin_table (r->doc, anchor, caption);
      mte_doc_set_compact (r->doc);
      mte_doc_add_column (r->doc, "Key concept", MTE_CELL_LEFT, 3);
      for (guint s = from; s < to; s++)
        mte_doc_add_column (r->doc, cite (r, mte_grid_get_study (grid, s)), MTE_CELL_LEFT, 3);
      for (guint c = 0; c < nc; c++)
        {
          mte_doc_begin_row (r->doc);
          mte_doc_begin_cell (r->doc);
          mte_doc_text (r->doc, concept_name (mte_grid_get_concept (grid, c)));
          for (guint s = from; s < to; s++)
            {
              guint n = mte_grid_get_n_cell_constructs (grid, c, s);

              mte_doc_begin_cell (r->doc);
              for (guint k = 0; k < n; k++)
                {
                  if (k > 0)
                    mte_doc_text (r->doc, "; ");
                  mte_doc_text (r->doc, construct_name (mte_grid_get_cell_construct (grid, c, s, k)));
                }
            }
        }
    }
  has_data (r);
}

static void
write_relatedness (Report *r)
{
  g_autoptr (MteRelatedness) rel = mte_relatedness_new (r->project, r->order, MTE_RELATEDNESS_DEFAULT_THRESHOLD);
  guint n = mte_relatedness_get_n_studies (rel);
  guint nk = mte_relatedness_get_n_clusters (rel);
  double w, h;
  char *svg;
  g_autofree char *alt = NULL;
  double best = -1;
  guint bi = 0, bj = 0;

  if (n < 2)
    return;
  for (guint i = 0; i < n; i++)
    for (guint j = i + 1; j < n; j++)
      if (mte_relatedness_get_jaccard (rel, i, j) > best)
        {
          best = mte_relatedness_get_jaccard (rel, i, j);
          bi = i;
          bj = j;
        }
  alt = g_strdup_printf ("Heat map of the Jaccard similarity of the key concepts of %u studies; the most "
                         "alike pair is %s and %s (%.2f), and the studies form %u cluster%s.",
                         n, cite (r, mte_relatedness_get_study (rel, bi)),
                         cite (r, mte_relatedness_get_study (rel, bj)), best, nk, nk == 1 ? "" : "s");
  label_report = r;
  svg = mte_figure_heatmap (rel, figure_label, &w, &h);
  mte_doc_figure (r->doc, "figure-relatedness", "relatedness",
                  "Relatedness of the included studies: the share of key concepts each pair has in common.",
                  alt, svg, w, h);

  mte_doc_begin_paragraph (r->doc);
  mte_doc_printf (r->doc,
                  "Average-linkage clustering of the studies on the Jaccard similarity of their key "
                  "concepts (threshold %.2f) gives %u cluster%s:", MTE_RELATEDNESS_DEFAULT_THRESHOLD,
                  nk, nk == 1 ? "" : "s");
  mte_doc_begin_list (r->doc, TRUE);
  for (guint k = 0; k < nk; k++)
    {
      gboolean first = TRUE;

      mte_doc_begin_item (r->doc);
      for (guint i = 0; i < n; i++)
        if (mte_relatedness_get_cluster (rel, i) == k)
          {
            if (!first)
              mte_doc_text (r->doc, "; ");
            mte_doc_text (r->doc, cite (r, mte_relatedness_get_study (rel, i)));
            first = FALSE;
          }
    }
  has_data (r);
}

static void
write_phase_4 (Report *r)
{
  phase (r, 4);
  item (r, MTE_EMERGE_RELATING_PROCESS);
  if (r->n_studies > 0)
    {
      mte_doc_paragraph (r->doc,
                         "Studies were related by the key concepts their second-order constructs "
                         "express: the grid below sets each concept against each study, the heat map "
                         "shows the Jaccard similarity of every pair of studies (concepts in common "
                         "over concepts in either), and average-linkage clustering groups the studies.");
      has_data (r);
    }
  item (r, MTE_EMERGE_RELATING_OUTCOME);
  write_grid (r);
  write_relatedness (r);
}

/* ------------------------------------------------------------------ */
/* Phase 5                                                            */
/* ------------------------------------------------------------------ */

static const char *
cell_symbol (MteCellState state)
{
  switch (state)
    {
    case MTE_CELL_EXPRESSES: return "✓";
    case MTE_CELL_REFUTES: return "✗";
    case MTE_CELL_EXPRESSES_AND_REFUTES: return "±";
    case MTE_CELL_ABSENT:
    default: return "";
    }
}

/* Studies per part of the translation table, whose columns are narrow:
 * a study's position in the translation order, with a key. */
#define POSITIONS_PER_PART 15

/* The "First in" cell: the study's position and citation. */
static void
first_in_cell (Report *r,
               int     first)
{
  if (first >= 0)
    mte_doc_cell_printf (r->doc, "%d %s", first + 1,
                         cite (r, mte_translation_table_get_study (r->table, (guint) first)));
  else
    mte_doc_cell (r->doc, "");
}

static void
write_translation_table (Report *r)
{
  MteTranslationTable *t = r->table;
  guint nc = mte_translation_table_get_n_concepts (t);
  guint ns = mte_translation_table_get_n_studies (t);
  guint parts = (ns + POSITIONS_PER_PART - 1) / POSITIONS_PER_PART;

  if (nc == 0 || ns == 0)
    {
      no_data (r, "No key concepts are recorded yet, so there is no translation table.");
      return;
    }
  mte_doc_begin_paragraph (r->doc);
  mte_doc_text (r->doc, "In the translation table, studies are numbered by their position in the "
                        "translation order: ");
  for (guint s = 0; s < ns; s++)
    mte_doc_printf (r->doc, "%s%u %s", s == 0 ? "" : "; ", s + 1, cite (r, mte_translation_table_get_study (t, s)));
  mte_doc_text (r->doc, ".");
  if (ns > WIDE_LIMIT)
    {
      mte_doc_begin_table (r->doc, "table-translation",
                           "Translation table: for each key concept, the study it first appeared in and "
                           "the studies that express or refute it (by position in the translation order)");
      mte_doc_set_compact (r->doc);
      mte_doc_add_column (r->doc, "Key concept", MTE_CELL_LEFT, 3);
      mte_doc_add_column (r->doc, "First in", MTE_CELL_LEFT, 3);
      mte_doc_add_column (r->doc, "Expressed by", MTE_CELL_LEFT, 5);
      mte_doc_add_column (r->doc, "Refuted by", MTE_CELL_LEFT, 3);
      for (guint c = 0; c < nc; c++)
        {
          MteConcept *concept = mte_translation_table_get_concept (t, c);
          int first = mte_translation_table_get_first_column (t, c);
          g_autoptr (GString) expressed = g_string_new (NULL);
          g_autoptr (GString) refuted = g_string_new (NULL);
          guint n_expressed = 0, n_refuted = 0;

          for (guint s = 0; s < ns; s++)
            {
              MteCellState state = mte_translation_table_get_cell (t, c, s);

              if (state == MTE_CELL_EXPRESSES || state == MTE_CELL_EXPRESSES_AND_REFUTES)
                g_string_append_printf (expressed, "%s%u", n_expressed++ > 0 ? ", " : "", s + 1);
              if (state == MTE_CELL_REFUTES || state == MTE_CELL_EXPRESSES_AND_REFUTES)
                g_string_append_printf (refuted, "%s%u", n_refuted++ > 0 ? ", " : "", s + 1);
            }
          mte_doc_begin_row (r->doc);
          mte_doc_cell (r->doc, concept_name (concept));
          first_in_cell (r, first);
          mte_doc_cell_printf (r->doc, "%u: %s", n_expressed, expressed->str);
          if (n_refuted > 0)
            mte_doc_cell_printf (r->doc, "%u: %s", n_refuted, refuted->str);
          else
            mte_doc_cell (r->doc, "");
        }
      has_data (r);
      return;
    }
  for (guint part = 0; part < parts; part++)
    {
      guint from = part * POSITIONS_PER_PART, to = MIN (ns, from + POSITIONS_PER_PART);
      g_autofree char *caption =
        parts == 1 ? g_strdup ("Translation table: ✓ the study expresses the concept, ✗ it refutes it, ± both")
                   : g_strdup_printf ("Translation table (studies %u to %u of %u): ✓ the study expresses the "
                                      "concept, ✗ it refutes it, ± both", from + 1, to, ns);

      mte_doc_begin_table (r->doc, part == 0 ? "table-translation" : NULL, caption);
      mte_doc_set_compact (r->doc);
      mte_doc_add_column (r->doc, "Key concept", MTE_CELL_LEFT, 6);
      mte_doc_add_column (r->doc, "First in", MTE_CELL_LEFT, 5);
      for (guint s = from; s < to; s++)
        {
          char number[16];

          g_snprintf (number, sizeof number, "%u", s + 1);
          mte_doc_add_column (r->doc, number, MTE_CELL_CENTER, 1);
        }
      for (guint c = 0; c < nc; c++)
        {
          MteConcept *concept = mte_translation_table_get_concept (t, c);
          int first = mte_translation_table_get_first_column (t, c);

          mte_doc_begin_row (r->doc);
          mte_doc_cell (r->doc, concept_name (concept));
          first_in_cell (r, first);
          for (guint s = from; s < to; s++)
            mte_doc_cell (r->doc, cell_symbol (mte_translation_table_get_cell (t, c, s)));
        }
    }
  has_data (r);
}

static void
write_saturation (Report *r)
{
  MteTranslationTable *t = r->table;
  guint ns = mte_translation_table_get_n_studies (t);
  int at = mte_translation_table_get_saturation_column (t);
  double w, h;
  char *svg;
  g_autofree char *alt = NULL;

  if (ns == 0 || mte_translation_table_get_n_concepts (t) == 0)
    return;
  label_report = r;
  svg = mte_figure_saturation (t, figure_label, &w, &h);
  if (at >= 0)
    alt = g_strdup_printf ("A curve of the cumulative number of key concepts over %u studies in translation "
                           "order; it reaches %u and no new concept appears after %s (position %d).",
                           ns, mte_translation_table_get_n_concepts (t),
                           cite (r, mte_translation_table_get_study (t, (guint) at)), at + 1);
  else
    alt = g_strdup_printf ("A curve of the cumulative number of key concepts over %u studies in translation "
                           "order; it reaches %u and the last study still adds a concept.",
                           ns, mte_translation_table_get_n_concepts (t));
  mte_doc_figure (r->doc, "figure-saturation", "saturation",
                  "Conceptual saturation: key concepts found so far, study by study in translation order.",
                  alt, svg, w, h);
}

static const char *
entity_name (const MteEntity *entity)
{
  if (entity == NULL)
    return "";
  switch (mte_entity_get_kind (entity))
    {
    case MTE_ENTITY_CONSTRUCT:
      return mte_render_construct_name ((const MteConstruct *) entity);
    case MTE_ENTITY_CONCEPT:
      return concept_name ((const MteConcept *) entity);
    default:
      return mte_entity_get_id (entity);
    }
}

static void
write_refutations (Report *r)
{
  const MteProject *p = r->project;
  gboolean any = FALSE;

  for (guint i = 0; i < mte_project_get_n_translations (p); i++)
    {
      MteTranslation *t = mte_project_get_translation (p, i);
      MteStudy *a, *b;

      if (mte_translation_get_kind (t) != MTE_TRANSLATION_REFUTATIONAL)
        continue;
      if (!any)
        {
          mte_doc_heading (r->doc, 3, "refutations", "Refutations");
          mte_doc_begin_list (r->doc, FALSE);
          any = TRUE;
        }
      a = mte_translation_get_source_study (t);
      b = mte_translation_get_target_study (t);
      mte_doc_begin_item (r->doc);
      mte_doc_strong (r->doc, entity_name (mte_translation_get_source (t)));
      mte_doc_printf (r->doc, " (%s) refutes ", cite (r, a));
      mte_doc_strong (r->doc, entity_name (mte_translation_get_target (t)));
      if (b != NULL)
        mte_doc_printf (r->doc, " (%s)", cite (r, b));
      if (mte_translation_get_rationale (t) != NULL)
        {
          mte_doc_text (r->doc, ": ");
          mte_doc_text (r->doc, mte_translation_get_rationale (t));
        }
    }
  if (!any)
    no_data (r, "No refutational translation is recorded.");
}

static void
write_decision_summary (Report *r)
{
  const MteProject *p = r->project;
  guint n = mte_project_get_n_translations (p);
  g_autoptr (GHashTable) by = g_hash_table_new (NULL, NULL);
  guint recip = 0, refut = 0;
  g_autoptr (GPtrArray) reviewers = g_ptr_array_new ();

  if (n == 0)
    return;
  for (guint i = 0; i < n; i++)
    {
      MteTranslation *t = mte_project_get_translation (p, i);
      MteMember *m = mte_translation_get_reviewer (t);
      guint *counts = g_hash_table_lookup (by, m);

      if (counts == NULL)
        {
          counts = g_new0 (guint, 2);
          g_hash_table_insert (by, m, counts);
          g_ptr_array_add (reviewers, m);
        }
      if (mte_translation_get_kind (t) == MTE_TRANSLATION_REFUTATIONAL)
        {
          counts[1]++;
          refut++;
        }
      else
        {
          counts[0]++;
          recip++;
        }
    }
  mte_doc_heading (r->doc, 3, "decisions", "Translation decisions");
  mte_doc_begin_table (r->doc, "table-decisions", "Translation decisions by reviewer and kind (the full log is in the appendix)");
  mte_doc_add_column (r->doc, "Reviewer", MTE_CELL_LEFT, 4);
  mte_doc_add_column (r->doc, "Reciprocal", MTE_CELL_RIGHT, 2);
  mte_doc_add_column (r->doc, "Refutational", MTE_CELL_RIGHT, 2);
  mte_doc_add_column (r->doc, "All", MTE_CELL_RIGHT, 2);
  for (guint i = 0; i < reviewers->len; i++)
    {
      MteMember *m = g_ptr_array_index (reviewers, i);
      guint *counts = g_hash_table_lookup (by, m);

      mte_doc_begin_row (r->doc);
      mte_doc_cell (r->doc, m != NULL ? mte_member_get_name (m) : "(not recorded)");
      mte_doc_cell_printf (r->doc, "%u", counts[0]);
      mte_doc_cell_printf (r->doc, "%u", counts[1]);
      mte_doc_cell_printf (r->doc, "%u", counts[0] + counts[1]);
      g_free (counts);
    }
  mte_doc_begin_row (r->doc);
  mte_doc_begin_cell (r->doc);
  mte_doc_strong (r->doc, "Total");
  mte_doc_cell_printf (r->doc, "%u", recip);
  mte_doc_cell_printf (r->doc, "%u", refut);
  mte_doc_cell_printf (r->doc, "%u", recip + refut);
}

static void
write_phase_5 (Report *r)
{
  g_autofree char *order = mte_study_order_describe (r->project, r->order);

  phase (r, 5);
  item (r, MTE_EMERGE_TRANSLATION_PROCESS);
  if (r->n_studies > 0)
    {
      mte_doc_begin_paragraph (r->doc);
      mte_doc_text (r->doc, "Studies were translated into one another in this order: ");
      for (guint i = 0; i < r->n_studies; i++)
        mte_doc_printf (r->doc, "%s%s", i > 0 ? ", " : "", cite (r, r->studies[i]));
      mte_doc_text (r->doc, ". ");
      mte_doc_text (r->doc, order);
      has_data (r);
    }
  item (r, MTE_EMERGE_TRANSLATION_OUTCOME);
  write_translation_table (r);
  write_saturation (r);
  write_refutations (r);
  write_decision_summary (r);
}

/* ------------------------------------------------------------------ */
/* Phase 6                                                            */
/* ------------------------------------------------------------------ */

/* GRADE-CERQual's own words for a concern and a confidence. */
static const char *
concern_text (MteConcern concern)
{
  switch (concern)
    {
    case MTE_CONCERN_NONE_OR_VERY_MINOR: return "No or very minor concerns";
    case MTE_CONCERN_MINOR: return "Minor concerns";
    case MTE_CONCERN_MODERATE: return "Moderate concerns";
    case MTE_CONCERN_SERIOUS: return "Serious concerns";
    case MTE_CONCERN_NOT_ASSESSED:
    default: return "Not assessed";
    }
}

static const char *
confidence_text (MteConfidence confidence)
{
  switch (confidence)
    {
    case MTE_CONFIDENCE_HIGH: return "High confidence";
    case MTE_CONFIDENCE_MODERATE: return "Moderate confidence";
    case MTE_CONFIDENCE_LOW: return "Low confidence";
    case MTE_CONFIDENCE_VERY_LOW: return "Very low confidence";
    case MTE_CONFIDENCE_NOT_ASSESSED:
    default: return "Not assessed";
    }
}

static const char *
third_order_name (const MteThirdOrder *t)
{
  return mte_third_order_get_label (t) != NULL ? mte_third_order_get_label (t) : mte_third_order_get_id (t);
}

/* The studies a finding rests on: every citation, or with many studies
 * "28 of 29 included studies: all but Kaur et al. 2014" when that is
 * shorter to read. */
static void
write_support (Report *r,
               guint   index)
{
  guint n = mte_line_of_argument_get_n_grounding (r->loa, index, MTE_GROUNDING_STUDIES);

  if (r->n_studies >= 8 && n * 2 > r->n_studies && n < r->n_studies)
    {
      g_autoptr (GHashTable) in = g_hash_table_new (NULL, NULL);
      gboolean first = TRUE;

      for (guint k = 0; k < n; k++)
        g_hash_table_add (in, mte_line_of_argument_get_grounding (r->loa, index, MTE_GROUNDING_STUDIES, k));
      mte_doc_printf (r->doc, "%u of %u included studies: all but ", n, r->n_studies);
      for (guint i = 0; i < r->n_studies; i++)
        if (!g_hash_table_contains (in, r->studies[i]))
          {
            mte_doc_printf (r->doc, "%s%s", first ? "" : "; ", cite (r, r->studies[i]));
            first = FALSE;
          }
      return;
    }
  if (n == r->n_studies && n >= 8)
    {
      mte_doc_printf (r->doc, "all %u included studies", n);
      return;
    }
  mte_doc_printf (r->doc, "%u stud%s", n, n == 1 ? "y" : "ies");
  for (guint k = 0; k < n; k++)
    mte_doc_printf (r->doc, "%s%s", k == 0 ? ": " : "; ",
                    cite (r, (MteStudy *) mte_line_of_argument_get_grounding (r->loa, index, MTE_GROUNDING_STUDIES, k)));
}

static void
write_finding (Report *r,
               guint   index)
{
  MteLineOfArgument *loa = r->loa;
  MteThirdOrder *t = mte_line_of_argument_get_finding (loa, index);
  const MteProject *p = r->project;
  g_autofree char *anchor = g_strdup_printf ("finding-%s", mte_third_order_get_id (t));
  g_autofree char *title = g_strdup_printf ("Finding %u. %s", index + 1, third_order_name (t));
  guint n;

  mte_doc_heading (r->doc, 3, anchor, title);
  if (mte_third_order_get_statement (t) != NULL)
    paragraphs (r, mte_third_order_get_statement (t));
  mte_doc_begin_fields (r->doc);

  mte_doc_begin_field (r->doc, "Support");
  write_support (r, index);
  if (mte_line_of_argument_is_flagged (loa, index))
    mte_doc_emph (r->doc, " (fewer studies than the review requires)");

  n = mte_line_of_argument_get_n_grounding (loa, index, MTE_GROUNDING_CONCEPTS);
  mte_doc_begin_field (r->doc, "Key concepts");
  for (guint k = 0; k < n; k++)
    mte_doc_printf (r->doc, "%s%s", k == 0 ? "" : "; ",
                    entity_name (mte_line_of_argument_get_grounding (loa, index, MTE_GROUNDING_CONCEPTS, k)));

  n = mte_line_of_argument_get_n_grounding (loa, index, MTE_GROUNDING_CONSTRUCTS);
  mte_doc_begin_field (r->doc, "Second-order constructs");
  for (guint k = 0; k < n; k++)
    {
      MteConstruct *c = (MteConstruct *) mte_line_of_argument_get_grounding (loa, index, MTE_GROUNDING_CONSTRUCTS, k);

      mte_doc_printf (r->doc, "%s%s (%s)", k == 0 ? "" : "; ", construct_name (c),
                      cite (r, mte_construct_get_study (c)));
    }

  for (guint f = 0; f < mte_project_get_n_frameworks (p); f++)
    {
      MteFramework *framework = mte_project_get_framework (p, f);
      g_auto (GStrv) levels = mte_line_of_argument_dup_levels (loa, index, framework);

      if (levels != NULL && levels[0] != NULL)
        {
          g_autofree char *joined = g_strjoinv ("; ", levels);

          mte_doc_field (r->doc, mte_framework_get_name (framework), joined);
        }
    }
  if (mte_third_order_get_confidence (t) != MTE_CONFIDENCE_NOT_ASSESSED)
    {
      mte_doc_begin_field (r->doc, "GRADE-CERQual confidence");
      mte_doc_text (r->doc, confidence_text (mte_third_order_get_confidence (t)));
      mte_doc_link (r->doc, "table-soqf", " (Summary of Qualitative Findings)");
    }

  n = mte_line_of_argument_get_n_grounding (loa, index, MTE_GROUNDING_QUOTES);
  for (guint k = 0; k < MIN (n, (guint) QUOTES_PER_FINDING); k++)
    {
      MteConstruct *q = (MteConstruct *) mte_line_of_argument_get_grounding (loa, index, MTE_GROUNDING_QUOTES, k);
      const char *speaker = mte_construct_get_speaker (q);

      mte_doc_begin_quote (r->doc);
      mte_doc_text (r->doc, "“");
      mte_doc_text (r->doc, mte_construct_get_text (q));
      mte_doc_text (r->doc, "” — ");
      if (speaker != NULL)
        mte_doc_printf (r->doc, "%s, ", speaker);
      mte_doc_text (r->doc, cite (r, mte_construct_get_study (q)));
      if (mte_construct_get_page (q) != NULL)
        mte_doc_printf (r->doc, ", p. %s", mte_construct_get_page (q));
    }
  if (n > QUOTES_PER_FINDING)
    {
      mte_doc_begin_note (r->doc);
      mte_doc_printf (r->doc, "%u more quotes ground this finding.", n - QUOTES_PER_FINDING);
    }

  n = mte_line_of_argument_get_n_grounding (loa, index, MTE_GROUNDING_REFUTATIONS);
  if (n > 0)
    {
      mte_doc_begin_paragraph (r->doc);
      mte_doc_strong (r->doc, "Refutations:");
      mte_doc_begin_list (r->doc, FALSE);
      for (guint k = 0; k < n; k++)
        {
          MteTranslation *tr = (MteTranslation *) mte_line_of_argument_get_grounding (loa, index,
                                                                                      MTE_GROUNDING_REFUTATIONS, k);

          mte_doc_begin_item (r->doc);
          mte_doc_printf (r->doc, "%s (%s) against %s", entity_name (mte_translation_get_source (tr)),
                          cite (r, mte_translation_get_source_study (tr)),
                          entity_name (mte_translation_get_target (tr)));
          if (mte_translation_get_rationale (tr) != NULL)
            mte_doc_printf (r->doc, ": %s", mte_translation_get_rationale (tr));
        }
    }
}

static void
write_framework_matrix (Report *r)
{
  const MteProject *p = r->project;
  guint nf = mte_line_of_argument_get_n_findings (r->loa);

  for (guint f = 0; f < mte_project_get_n_frameworks (p); f++)
    {
      MteFramework *framework = mte_project_get_framework (p, f);
      guint nl = mte_framework_get_n_levels (framework);
      g_autofree char *caption = g_strdup_printf ("%s × finding", mte_framework_get_name (framework));

      if (nl == 0 || nf == 0)
        continue;
      mte_doc_begin_table (r->doc, NULL, caption);
      if (nl > 3)
        mte_doc_set_compact (r->doc);
      mte_doc_add_column (r->doc, "Finding", MTE_CELL_LEFT, 6);
      for (guint l = 0; l < nl; l++)
        mte_doc_add_column (r->doc, mte_framework_get_level_label (framework, l), MTE_CELL_CENTER, 2);
      for (guint i = 0; i < nf; i++)
        {
          g_auto (GStrv) levels = mte_line_of_argument_dup_levels (r->loa, i, framework);

          mte_doc_begin_row (r->doc);
          mte_doc_cell_printf (r->doc, "%u. %s", i + 1, third_order_name (mte_line_of_argument_get_finding (r->loa, i)));
          for (guint l = 0; l < nl; l++)
            {
              gboolean hit = FALSE;

              for (guint k = 0; levels != NULL && levels[k] != NULL; k++)
                hit |= g_strcmp0 (levels[k], mte_framework_get_level_key (framework, l)) == 0 ||
                       g_strcmp0 (levels[k], mte_framework_get_level_label (framework, l)) == 0;
              mte_doc_cell (r->doc, hit ? "●" : "");
            }
        }
    }
}

static void
write_phase_6 (Report *r)
{
  const char *statement = mte_project_get_line_of_argument (r->project);
  guint nf = mte_line_of_argument_get_n_findings (r->loa);

  phase (r, 6);
  item (r, MTE_EMERGE_SYNTHESIS_PROCESS);
  if (nf > 0)
    {
      mte_doc_begin_paragraph (r->doc);
      mte_doc_printf (r->doc,
                      "The team built %u third-order construct%s from the key concepts and joined them "
                      "into a line of argument by %u argument link%s.", nf, nf == 1 ? "" : "s",
                      mte_project_get_n_argument_links (r->project),
                      mte_project_get_n_argument_links (r->project) == 1 ? "" : "s");
      has_data (r);
    }
  item (r, MTE_EMERGE_SYNTHESIS_OUTCOME);
  if (statement != NULL)
    {
      mte_doc_heading (r->doc, 3, "line-of-argument", "The line of argument");
      paragraphs (r, statement);
      has_data (r);
    }
  if (nf == 0)
    {
      no_data (r, "No third-order constructs are recorded yet.");
      return;
    }
  {
    GError *error = NULL;
    double w, h;
    char *svg = mte_figure_line_of_argument (r->loa, &w, &h, &error);

    if (svg != NULL)
      {
        g_autoptr (GString) alt = g_string_new (NULL);

        g_string_append_printf (alt, "A diagram of the line of argument: %u findings", nf);
        for (guint i = 0; i < nf; i++)
          g_string_append_printf (alt, "%s%s", i == 0 ? " (" : "; ",
                                  third_order_name (mte_line_of_argument_get_finding (r->loa, i)));
        g_string_append_printf (alt, ") joined by %u argument links.", mte_project_get_n_argument_links (r->project));
        mte_doc_figure (r->doc, "figure-line-of-argument", "line-of-argument",
                        "The line of argument: third-order constructs and the links between them.",
                        alt->str, svg, w, h);
      }
    else
      g_propagate_error (r->figure_error, error);
  }
  for (guint i = 0; i < nf; i++)
    write_finding (r, i);
  write_framework_matrix (r);
  has_data (r);
}

/* ------------------------------------------------------------------ */
/* Phase 7                                                            */
/* ------------------------------------------------------------------ */

static void
write_soqf (Report *r)
{
  guint nf = mte_line_of_argument_get_n_findings (r->loa);
  gboolean any = FALSE;

  for (guint i = 0; i < nf; i++)
    any |= mte_third_order_get_confidence (mte_line_of_argument_get_finding (r->loa, i)) != MTE_CONFIDENCE_NOT_ASSESSED;
  if (!any)
    {
      no_data (r, "No finding has a GRADE-CERQual assessment yet.");
      return;
    }
  mte_doc_begin_table (r->doc, "table-soqf", "GRADE-CERQual Summary of Qualitative Findings");
  mte_doc_set_compact (r->doc);
  mte_doc_add_column (r->doc, "#", MTE_CELL_RIGHT, 1);
  mte_doc_add_column (r->doc, "Summarised review finding", MTE_CELL_LEFT, 7);
  mte_doc_add_column (r->doc, "Studies contributing", MTE_CELL_LEFT, 4);
  mte_doc_add_column (r->doc, "Confidence", MTE_CELL_LEFT, 2);
  mte_doc_add_column (r->doc, "Explanation", MTE_CELL_LEFT, 5);
  for (guint i = 0; i < nf; i++)
    {
      MteThirdOrder *t = mte_line_of_argument_get_finding (r->loa, i);

      mte_doc_begin_row (r->doc);
      mte_doc_cell_printf (r->doc, "%u", i + 1);
      mte_doc_begin_cell (r->doc);
      mte_doc_strong (r->doc, third_order_name (t));
      if (mte_third_order_get_statement (t) != NULL)
        {
          mte_doc_text (r->doc, ": ");
          mte_doc_text (r->doc, mte_third_order_get_statement (t));
        }
      mte_doc_begin_cell (r->doc);
      write_support (r, i);
      mte_doc_cell (r->doc, confidence_text (mte_third_order_get_confidence (t)));
      mte_doc_cell (r->doc, mte_third_order_get_confidence_explanation (t));
    }
  has_data (r);
}

static void
write_evidence_profile (Report *r)
{
  guint nf = mte_line_of_argument_get_n_findings (r->loa);
  static const char *component_titles[] = {
    "Methodological limitations", "Coherence", "Adequacy", "Relevance",
  };
  gboolean any = FALSE;

  for (guint i = 0; i < nf && !any; i++)
    for (guint c = 0; c < MTE_CERQUAL_N_COMPONENTS && !any; c++)
      any = mte_third_order_get_concern (mte_line_of_argument_get_finding (r->loa, i), c) != MTE_CONCERN_NOT_ASSESSED;
  if (!any)
    return;
  mte_doc_begin_table (r->doc, "table-evidence-profile", "GRADE-CERQual Evidence Profile");
  mte_doc_set_compact (r->doc);
  mte_doc_add_column (r->doc, "Finding", MTE_CELL_LEFT, 4);
  for (guint c = 0; c < MTE_CERQUAL_N_COMPONENTS; c++)
    mte_doc_add_column (r->doc, component_titles[c], MTE_CELL_LEFT, 4);
  mte_doc_add_column (r->doc, "Overall assessment", MTE_CELL_LEFT, 4);
  for (guint i = 0; i < nf; i++)
    {
      MteThirdOrder *t = mte_line_of_argument_get_finding (r->loa, i);

      mte_doc_begin_row (r->doc);
      mte_doc_cell_printf (r->doc, "%u. %s", i + 1, third_order_name (t));
      for (guint c = 0; c < MTE_CERQUAL_N_COMPONENTS; c++)
        {
          MteConcern concern = mte_third_order_get_concern (t, c);
          const char *why = mte_third_order_get_concern_explanation (t, c);

          mte_doc_begin_cell (r->doc);
          mte_doc_strong (r->doc, concern_text (concern));
          if (why != NULL)
            {
              mte_doc_break (r->doc);
              mte_doc_text (r->doc, why);
            }
        }
      mte_doc_begin_cell (r->doc);
      mte_doc_strong (r->doc, confidence_text (mte_third_order_get_confidence (t)));
      if (mte_third_order_get_confidence_explanation (t) != NULL)
        {
          mte_doc_break (r->doc);
          mte_doc_text (r->doc, mte_third_order_get_confidence_explanation (t));
        }
    }
}

static const char *
downgrade_text (guint steps)
{
  static const char *texts[] = { "not downgraded", "downgraded one level", "downgraded two levels",
                                 "downgraded three levels", "downgraded four levels" };

  return texts[MIN (steps, G_N_ELEMENTS (texts) - 1)];
}

/* ConQual (Munn et al. 2014), where the studies were appraised with the
 * JBI checklist: one row per finding. Nothing when the project has no
 * JBI checklist, or no finding has any of its inputs. */
static void
write_conqual (Report *r)
{
  guint nf = mte_line_of_argument_get_n_findings (r->loa);
  g_autoptr (GPtrArray) results = g_ptr_array_new_with_free_func ((GDestroyNotify) mte_conqual_free);
  gboolean any = FALSE;

  for (guint i = 0; i < nf; i++)
    {
      MteConqual *c = mte_conqual_new (r->project, mte_line_of_argument_get_finding (r->loa, i), NULL);

      if (c == NULL)
        return;                 /* no JBI checklist: ConQual does not apply */
      any |= mte_conqual_get_n_unappraised (c) < mte_conqual_get_n_studies (c) ||
             mte_conqual_get_n_unassessed (c) < mte_conqual_get_n_constructs (c);
      g_ptr_array_add (results, c);
    }
  if (!any)
    return;
  mte_doc_begin_table (r->doc, "table-conqual",
                       "ConQual: dependability from the JBI appraisal (questions 2, 3, 4, 6 and 7) and "
                       "credibility of the supporting findings (Munn et al. 2014)");
  mte_doc_set_compact (r->doc);
  mte_doc_add_column (r->doc, "Finding", MTE_CELL_LEFT, 5);
  mte_doc_add_column (r->doc, "Dependability", MTE_CELL_LEFT, 4);
  mte_doc_add_column (r->doc, "Credibility", MTE_CELL_LEFT, 4);
  mte_doc_add_column (r->doc, "ConQual score", MTE_CELL_LEFT, 3);
  for (guint i = 0; i < results->len; i++)
    {
      MteConqual *c = g_ptr_array_index (results, i);
      guint unappraised = mte_conqual_get_n_unappraised (c);
      guint unassessed = mte_conqual_get_n_unassessed (c);

      mte_doc_begin_row (r->doc);
      mte_doc_cell_printf (r->doc, "%u. %s", i + 1, third_order_name (mte_conqual_get_third_order (c)));
      if (unappraised > 0)
        mte_doc_cell_printf (r->doc, "%u of %u studies not appraised with the JBI checklist",
                             unappraised, mte_conqual_get_n_studies (c));
      else
        mte_doc_cell (r->doc, downgrade_text (mte_conqual_get_dependability_downgrade (c)));
      if (unassessed > 0)
        mte_doc_cell_printf (r->doc, "%u of %u supporting findings without a credibility",
                             unassessed, mte_conqual_get_n_constructs (c));
      else
        mte_doc_cell (r->doc, downgrade_text (mte_conqual_get_credibility_downgrade (c)));
      mte_doc_cell (r->doc, mte_conqual_is_computable (c) ? confidence_text (mte_conqual_get_score (c))
                                                          : "Not computable");
    }
}

static void
write_phase_7 (Report *r)
{
  phase (r, 7);
  item (r, MTE_EMERGE_SUMMARY);
  write_soqf (r);
  write_evidence_profile (r);
  write_conqual (r);
  item (r, MTE_EMERGE_STRENGTHS_LIMITATIONS);
  item (r, MTE_EMERGE_RECOMMENDATIONS);
}

/* ------------------------------------------------------------------ */
/* Appendices                                                         */
/* ------------------------------------------------------------------ */

static void
write_decision_log (Report *r)
{
  const MteProject *p = r->project;
  guint n = mte_project_get_n_translations (p);

  mte_doc_heading (r->doc, 1, "appendix-decisions", "Appendix A. Translation decisions");
  if (n == 0)
    {
      no_data (r, "No translation decision is recorded.");
      return;
    }
  mte_doc_begin_table (r->doc, "table-decision-log", "Every translation decision, in the order recorded");
  mte_doc_set_compact (r->doc);
  mte_doc_add_column (r->doc, "Id", MTE_CELL_LEFT, 3);
  mte_doc_add_column (r->doc, "Kind", MTE_CELL_LEFT, 2);
  mte_doc_add_column (r->doc, "From", MTE_CELL_LEFT, 4);
  mte_doc_add_column (r->doc, "To", MTE_CELL_LEFT, 4);
  mte_doc_add_column (r->doc, "Rationale", MTE_CELL_LEFT, 7);
  mte_doc_add_column (r->doc, "Reviewer", MTE_CELL_LEFT, 3);
  mte_doc_add_column (r->doc, "Date", MTE_CELL_LEFT, 3);
  for (guint i = 0; i < n; i++)
    {
      MteTranslation *t = mte_project_get_translation (p, i);
      MteMember *m = mte_translation_get_reviewer (t);
      g_autofree char *date = format_date (mte_translation_get_created (t));
      MteStudy *a = mte_translation_get_source_study (t), *b = mte_translation_get_target_study (t);

      mte_doc_begin_row (r->doc);
      mte_doc_cell (r->doc, mte_translation_get_id (t));
      mte_doc_cell (r->doc, mte_translation_get_kind (t) == MTE_TRANSLATION_REFUTATIONAL ? "refutational" : "reciprocal");
      mte_doc_begin_cell (r->doc);
      mte_doc_text (r->doc, entity_name (mte_translation_get_source (t)));
      if (a != NULL)
        mte_doc_printf (r->doc, " (%s)", cite (r, a));
      mte_doc_begin_cell (r->doc);
      mte_doc_text (r->doc, entity_name (mte_translation_get_target (t)));
      if (b != NULL)
        mte_doc_printf (r->doc, " (%s)", cite (r, b));
      mte_doc_cell (r->doc, mte_translation_get_rationale (t));
      mte_doc_cell (r->doc, m != NULL ? mte_member_get_name (m) : "");
      mte_doc_cell (r->doc, date);
    }
}

static void
write_memos (Report *r)
{
  const MteProject *p = r->project;
  guint n = mte_project_get_n_memos (p);

  mte_doc_heading (r->doc, 1, "appendix-memos", "Appendix B. Memos");
  if (n == 0)
    {
      no_data (r, "The project holds no memos.");
      return;
    }
  for (guint i = 0; i < n; i++)
    {
      MteMemo *memo = mte_project_get_memo (p, i);
      MteEntity *subject = mte_memo_get_subject (memo);
      MteMember *author = mte_memo_get_author (memo);
      g_autofree char *date = format_date (mte_memo_get_created (memo));

      mte_doc_begin_paragraph (r->doc);
      mte_doc_strong (r->doc, subject != NULL ? entity_name (subject) : "The review");
      if (author != NULL || date[0] != '\0')
        mte_doc_printf (r->doc, " (%s%s%s)", author != NULL ? mte_member_get_name (author) : "",
                        author != NULL && date[0] != '\0' ? ", " : "", date);
      mte_doc_text (r->doc, ": ");
      mte_doc_text (r->doc, mte_memo_get_text (memo));
    }
}

static void
write_checklist (Report *r)
{
  mte_doc_heading (r->doc, 1, "appendix-emerge", "Appendix C. eMERGe reporting checklist");
  mte_doc_begin_table (r->doc, "table-emerge", "The 19 eMERGe items and where this report covers them");
  mte_doc_add_column (r->doc, "Item", MTE_CELL_RIGHT, 1);
  mte_doc_add_column (r->doc, "Title", MTE_CELL_LEFT, 6);
  mte_doc_add_column (r->doc, "Reported", MTE_CELL_LEFT, 6);
  for (int i = 1; i <= MTE_EMERGE_N_ITEMS; i++)
    {
      g_autofree char *anchor = g_strdup_printf ("item-%d", i);
      static const char *states[] = {
        "missing: no text from the team and no recorded data",
        "from the recorded data",
        "in the team's words",
        "in the team's words and from the recorded data",
      };

      mte_doc_begin_row (r->doc);
      mte_doc_cell_printf (r->doc, "%d", i);
      mte_doc_begin_cell (r->doc);
      mte_doc_link (r->doc, anchor, mte_emerge_item_get_title (i));
      mte_doc_cell (r->doc, states[r->item_state[i] & 3]);
    }
}

static void
append_reference (Report         *r,
                  const MteStudy *s)
{
  const char * const *authors = mte_study_get_authors (s);
  guint n = authors != NULL ? g_strv_length ((char **) authors) : 0;
  const char *title = mte_study_get_field (s, MTE_STUDY_TITLE);
  const char *source = mte_study_get_field (s, MTE_STUDY_SOURCE);
  const char *volume = mte_study_get_field (s, MTE_STUDY_VOLUME);
  const char *issue = mte_study_get_field (s, MTE_STUDY_ISSUE);
  const char *pages = mte_study_get_field (s, MTE_STUDY_PAGES);
  const char *doi = mte_study_get_field (s, MTE_STUDY_DOI);
  const char *url = mte_study_get_field (s, MTE_STUDY_URL);
  const char *citation = cite (r, s);
  const char *year_part = strrchr (citation, ' ');

  mte_doc_begin_item (r->doc);
  for (guint i = 0; i < n; i++)
    mte_doc_printf (r->doc, "%s%s", i == 0 ? "" : i + 1 == n ? " and " : ", ", authors[i]);
  if (n == 0)
    mte_doc_text (r->doc, title != NULL ? title : mte_study_get_id (s));
  /* The year as cited, with its letter. */
  mte_doc_printf (r->doc, " (%s)", year_part != NULL ? year_part + 1 : "n.d.");
  if (title != NULL && n > 0)
    mte_doc_printf (r->doc, " %s.", title);
  else
    mte_doc_text (r->doc, ".");
  if (source != NULL)
    {
      mte_doc_text (r->doc, " ");
      mte_doc_emph (r->doc, source);
      if (volume != NULL)
        mte_doc_printf (r->doc, ", %s", volume);
      if (issue != NULL)
        mte_doc_printf (r->doc, "(%s)", issue);
      if (pages != NULL)
        mte_doc_printf (r->doc, ", %s", pages);
      mte_doc_text (r->doc, ".");
    }
  if (doi != NULL)
    mte_doc_printf (r->doc, " https://doi.org/%s", doi);
  else if (url != NULL)
    mte_doc_printf (r->doc, " %s", url);
}

static gint
compare_reference (gconstpointer a,
                   gconstpointer b,
                   gpointer      data)
{
  const Report *r = data;

  return g_utf8_collate (cite (r, *(MteStudy **) a), cite (r, *(MteStudy **) b));
}

static void
write_references (Report *r)
{
  const MteProject *p = r->project;
  g_autoptr (GPtrArray) included = g_ptr_array_new ();
  g_autoptr (GPtrArray) excluded = g_ptr_array_new ();

  for (guint i = 0; i < mte_project_get_n_studies (p); i++)
    {
      MteStudy *s = mte_project_get_study (p, i);

      g_ptr_array_add (mte_study_is_excluded (s) ? excluded : included, s);
    }
  g_ptr_array_sort_with_data (included, compare_reference, r);
  g_ptr_array_sort_with_data (excluded, compare_reference, r);

  mte_doc_heading (r->doc, 1, "references", "References");
  mte_doc_heading (r->doc, 2, "references-included", "Included studies");
  if (included->len == 0)
    no_data (r, "None.");
  else
    mte_doc_begin_list (r->doc, FALSE);
  for (guint i = 0; i < included->len; i++)
    append_reference (r, g_ptr_array_index (included, i));
  if (excluded->len > 0)
    {
      mte_doc_heading (r->doc, 2, "references-excluded", "Studies excluded after appraisal");
      mte_doc_begin_list (r->doc, FALSE);
      for (guint i = 0; i < excluded->len; i++)
        append_reference (r, g_ptr_array_index (excluded, i));
    }
}

/* ------------------------------------------------------------------ */
/* The report                                                         */
/* ------------------------------------------------------------------ */

/* The order the team set: custom when any study has a translation
 * position, else index. */
static MteStudyOrder
team_order (const MteProject *project)
{
  for (guint i = 0; i < mte_project_get_n_studies (project); i++)
    if (mte_study_get_translation_position (mte_project_get_study (project, i)) > 0)
      return MTE_STUDY_ORDER_CUSTOM;
  return MTE_STUDY_ORDER_INDEX;
}

MteDoc *
mte_report_build (const MteProject *project,
                  GError          **error)
{
  Report r = { 0 };
  MteStudy **all;
  guint n_all;
  g_autofree char *subtitle = NULL;
  g_autofree char *changed = NULL;
  g_autoptr (GDateTime) modified = NULL;

  r.project = project;
  r.figure_error = error;
  r.doc = mte_doc_new (mte_project_get_title (project) != NULL ? mte_project_get_title (project)
                                                                 : "Meta-ethnography",
                       "en");
  r.citations = make_citations (project);
  r.order = team_order (project);
  all = mte_project_dup_study_order (project, r.order, &n_all);
  r.studies = g_new0 (MteStudy *, n_all + 1);
  for (guint i = 0; i < n_all; i++)
    if (!mte_study_is_excluded (all[i]))
      r.studies[r.n_studies++] = all[i];
  g_free (all);
  r.table = mte_translation_table_new (project, r.order);
  r.loa = mte_line_of_argument_new (project, MTE_CHECK_DEFAULT_MIN_STUDIES);

  modified = mte_project_get_modified (project) != 0
             ? g_date_time_new_from_unix_utc (mte_project_get_modified (project)) : NULL;
  changed = modified != NULL ? g_date_time_format (modified, "; project last changed %Y-%m-%d") : g_strdup ("");
  subtitle = g_strdup_printf ("A meta-ethnography of %u included stud%s, reported in the order of the eMERGe "
                              "guidance (France et al. 2019)%s.",
                              r.n_studies, r.n_studies == 1 ? "y" : "ies", changed);
  mte_doc_set_subtitle (r.doc, subtitle);

  write_phase_1 (&r);
  write_phase_2 (&r);
  write_phase_3 (&r);
  write_phase_4 (&r);
  write_phase_5 (&r);
  write_phase_6 (&r);
  write_phase_7 (&r);
  write_decision_log (&r);
  write_memos (&r);
  write_checklist (&r);
  write_references (&r);

  mte_line_of_argument_free (r.loa);
  mte_translation_table_free (r.table);
  g_free (r.studies);
  g_hash_table_unref (r.citations);
  if (error != NULL && *error != NULL)
    {
      mte_doc_free (r.doc);
      return NULL;
    }
  return r.doc;
}

/* "OUT.md" → "OUT": the stem the figures of a Markdown report are named
 * after, in the same folder. */
static char *
figure_stem (const char *path)
{
  g_autofree char *base = g_path_get_basename (path);
  char *dot = strrchr (base, '.');

  if (dot != NULL && dot != base)
    *dot = '\0';
  return g_steal_pointer (&base);
}

char *
mte_project_render_report (const MteProject *project,
                           MteReportFormat   format,
                           GError          **error)
{
  g_autoptr (MteDoc) doc = NULL;

  g_return_val_if_fail (project != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (format != MTE_REPORT_HTML && format != MTE_REPORT_MARKDOWN)
    return mte_render_unsupported ("review report as a string", format, error);
  doc = mte_report_build (project, error);
  if (doc == NULL)
    return NULL;
  return format == MTE_REPORT_HTML ? mte_doc_to_html (doc) : mte_doc_to_markdown (doc, "report");
}

gboolean
mte_project_write_report (const MteProject *project,
                          const char       *path,
                          MteReportFormat   format,
                          GError          **error)
{
  g_autoptr (MteDoc) doc = NULL;
  g_autoptr (GBytes) bytes = NULL;

  g_return_val_if_fail (project != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (format != MTE_REPORT_HTML && format != MTE_REPORT_MARKDOWN && format != MTE_REPORT_DOCX)
    {
      g_autofree char *unused = mte_render_unsupported ("review report", format, error);

      return FALSE;
    }
  doc = mte_report_build (project, error);
  if (doc == NULL)
    return FALSE;

  if (format == MTE_REPORT_DOCX)
    {
      bytes = mte_doc_to_docx (doc, error);
      if (bytes == NULL)
        return FALSE;
    }
  else if (format == MTE_REPORT_HTML)
    {
      char *html = mte_doc_to_html (doc);

      bytes = g_bytes_new_take (html, strlen (html));
    }
  else
    {
      g_autofree char *stem = figure_stem (path);
      g_autofree char *dir = g_path_get_dirname (path);
      char *md = mte_doc_to_markdown (doc, stem);

      bytes = g_bytes_new_take (md, strlen (md));
      /* The figures first: a Markdown file never refers to a figure that
       * is not there. */
      for (guint i = 0; i < doc->blocks->len; i++)
        {
          const MteBlock *block = g_ptr_array_index (doc->blocks, i);
          g_autofree char *name = NULL;
          g_autofree char *figure = NULL;

          if (block->kind != MTE_BLOCK_FIGURE)
            continue;
          name = g_strdup_printf ("%s-%s.svg", stem, block->name);
          figure = g_build_filename (dir, name, NULL);
          if (!mte_io_save_data (block->svg, strlen (block->svg), figure, MTE_SAVE_FLAGS_NONE, NULL, error))
            return FALSE;
        }
    }
  {
    gsize length;
    const char *data = g_bytes_get_data (bytes, &length);

    return mte_io_save_data (data, length, path, MTE_SAVE_FLAGS_NONE, NULL, error);
  }
}
