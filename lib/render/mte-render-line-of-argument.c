/* metaethno: the line of argument as a report and as a Graphviz diagram.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "mte-render-private.h"

#include <string.h>

/* How many illustrative quotes a finding shows. */
#define MAX_QUOTES 3
/* Characters per line of a node label in the diagram. */
#define WRAP_WIDTH 28

/* The project, reached through a finding (the synthesis has no getter). */
static MteProject *
loa_project (const MteLineOfArgument *loa)
{
  if (mte_line_of_argument_get_n_findings (loa) == 0)
    return NULL;
  return mte_entity_get_project (MTE_ENTITY (mte_line_of_argument_get_finding (loa, 0)));
}

static const char *
finding_name (MteThirdOrder *finding)
{
  const char *label = mte_third_order_get_label (finding);

  return label != NULL && *label != '\0' ? label : mte_third_order_get_id (finding);
}

/* "not-assessed" → "not assessed" */
static char *
confidence_words (MteThirdOrder *finding)
{
  const char *name = mte_confidence_to_string (mte_third_order_get_confidence (finding));

  return g_strdelimit (g_strdup (name != NULL ? name : "unknown"), "-", ' ');
}

static MteEntity *
grounding (const MteLineOfArgument *loa,
           guint                    index,
           MteGroundingKind         kind,
           guint                    item)
{
  return mte_line_of_argument_get_grounding (loa, index, kind, item);
}

/* Entity ids of a grounding list, joined with ", ". */
static char *
grounding_ids (const MteLineOfArgument *loa,
               guint                    index,
               MteGroundingKind         kind)
{
  guint n = mte_line_of_argument_get_n_grounding (loa, index, kind);
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (s, "%s%s", i > 0 ? ", " : "",
                            mte_entity_get_id (grounding (loa, index, kind, i)));
  return g_string_free (s, FALSE);
}

static char *
concept_list (const MteLineOfArgument *loa,
              guint                    index)
{
  guint n = mte_line_of_argument_get_n_grounding (loa, index, MTE_GROUNDING_CONCEPTS);
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      MteConcept *c = (MteConcept *) grounding (loa, index, MTE_GROUNDING_CONCEPTS, i);

      g_string_append_printf (s, "%s%s (%s)", i > 0 ? "; " : "",
                              mte_concept_get_label (c), mte_concept_get_id (c));
    }
  return g_string_free (s, FALSE);
}

static char *
unused_list (const MteLineOfArgument *loa)
{
  guint n = mte_line_of_argument_get_n_unused_concepts (loa);
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      MteConcept *c = mte_line_of_argument_get_unused_concept (loa, i);

      g_string_append_printf (s, "%s%s (%s)", i > 0 ? "; " : "",
                              mte_concept_get_label (c), mte_concept_get_id (c));
    }
  return g_string_free (s, FALSE);
}

static char *
coverage_sentence (const MteLineOfArgument *loa)
{
  guint studies = 0, n_studies = 0, concepts = 0, n_concepts = 0;
  double s = mte_line_of_argument_get_study_coverage (loa, &studies, &n_studies);
  double c = mte_line_of_argument_get_concept_coverage (loa, &concepts, &n_concepts);
  char sbuf[MTE_RENDER_NUMBER_SIZE], cbuf[MTE_RENDER_NUMBER_SIZE];

  return g_strdup_printf ("%u of %u studies (%s%%), %u of %u concepts (%s%%)",
                          studies, n_studies, mte_render_fixed (sbuf, 0, 100 * s),
                          concepts, n_concepts, mte_render_fixed (cbuf, 0, 100 * c));
}

/* The framework × finding matrix of one framework. */
static MteTable *
framework_table (const MteLineOfArgument *loa,
                 const MteFramework      *framework,
                 const char              *mark)
{
  MteTable *table = mte_table_new ();
  guint n_levels = mte_framework_get_n_levels (framework);

  mte_table_add_column (table, "finding", MTE_ALIGN_LEFT);
  for (guint l = 0; l < n_levels; l++)
    {
      const char *label = mte_framework_get_level_label (framework, l);

      mte_table_add_column (table, label != NULL ? label : mte_framework_get_level_key (framework, l),
                            MTE_ALIGN_LEFT);
    }
  for (guint i = 0; i < mte_line_of_argument_get_n_findings (loa); i++)
    {
      g_auto (GStrv) levels = mte_line_of_argument_dup_levels (loa, i, framework);

      mte_table_begin_row (table);
      mte_table_add_cell_printf (table, "%u. %s", i + 1,
                                 finding_name (mte_line_of_argument_get_finding (loa, i)));
      for (guint l = 0; l < n_levels; l++)
        mte_table_add_cell (table, levels != NULL && g_strv_contains ((const char * const *) levels,
                                                                     mte_framework_get_level_key (framework, l))
                                   ? mark : "");
    }
  return table;
}

/* ------------------------------------------------------------------ */
/* Text and Markdown                                                  */
/* ------------------------------------------------------------------ */

/* Appends @text: as is for text, escaped for Markdown. */
static void
put (GString    *out,
     gboolean    markdown,
     const char *text)
{
  if (markdown)
    mte_render_markdown_inline (out, text);
  else
    {
      g_autofree char *line = mte_render_one_line (text);

      g_string_append (out, line);
    }
}

/* One "Name: value" line of a finding. */
static void
field (GString    *out,
       gboolean    markdown,
       const char *name,
       const char *value)
{
  if (markdown)
    g_string_append_printf (out, "- **%s:** ", name);
  else
    g_string_append_printf (out, "   %s: ", name);
  put (out, markdown, value);
  g_string_append_c (out, '\n');
}

static void
append_finding (const MteLineOfArgument *loa,
                guint                    i,
                gboolean                 markdown,
                GString                 *out)
{
  MteThirdOrder *finding = mte_line_of_argument_get_finding (loa, i);
  const char *statement = mte_third_order_get_statement (finding);
  guint n_studies = mte_line_of_argument_get_n_grounding (loa, i, MTE_GROUNDING_STUDIES);
  guint n_quotes = mte_line_of_argument_get_n_grounding (loa, i, MTE_GROUNDING_QUOTES);
  guint n_refutations = mte_line_of_argument_get_n_grounding (loa, i, MTE_GROUNDING_REFUTATIONS);
  int cycle = mte_line_of_argument_get_cycle (loa, i);
  g_autofree char *studies = grounding_ids (loa, i, MTE_GROUNDING_STUDIES);
  g_autofree char *support = NULL;
  g_autofree char *concepts = concept_list (loa, i);
  g_autofree char *n_constructs = NULL;
  g_autofree char *confidence = confidence_words (finding);

  g_string_append_printf (out, markdown ? "\n### %u. " : "\n%u. ", i + 1);
  put (out, markdown, finding_name (finding));
  g_string_append_printf (out, " (%s)", mte_third_order_get_id (finding));
  if (mte_line_of_argument_is_flagged (loa, i))
    g_string_append (out, " [flagged: few studies]");
  if (cycle >= 0)
    g_string_append_printf (out, " [cycle %d]", cycle + 1);
  g_string_append_c (out, '\n');
  if (markdown)
    g_string_append_c (out, '\n');

  if (statement != NULL && *statement != '\0')
    {
      if (!markdown)
        {
          g_string_append (out, "   ");
          put (out, FALSE, statement);
        }
      else
        {
          g_autoptr (GString) para = g_string_new (NULL);
          gsize digits;

          /* A paragraph must not start a heading, list or thematic break. */
          mte_render_markdown_inline (para, statement);
          digits = strspn (para->str, "0123456789");
          if (para->str[0] != '\0' && strchr ("#+-=", para->str[0]) != NULL)
            g_string_prepend_c (para, '\\');
          else if (digits > 0 && (para->str[digits] == '.' || para->str[digits] == ')'))
            g_string_insert_c (para, (gssize) digits, '\\');
          g_string_append (out, para->str);
        }
      g_string_append (out, markdown ? "\n\n" : "\n");
    }

  support = g_strdup_printf ("%u %s%s%s", n_studies, n_studies == 1 ? "study" : "studies",
                             n_studies > 0 ? ": " : "", studies);
  field (out, markdown, "Support", support);
  field (out, markdown, "Concepts", *concepts != '\0' ? concepts : "none");
  n_constructs = g_strdup_printf ("%u", mte_line_of_argument_get_n_grounding (loa, i, MTE_GROUNDING_CONSTRUCTS));
  field (out, markdown, "Second-order constructs", n_constructs);
  field (out, markdown, "Confidence (GRADE-CERQual)", confidence);

  if (n_refutations > 0)
    {
      g_string_append (out, markdown ? "- **Refutations:**\n" : "   Refutations:\n");
      for (guint r = 0; r < n_refutations; r++)
        {
          MteTranslation *t = (MteTranslation *) grounding (loa, i, MTE_GROUNDING_REFUTATIONS, r);
          const char *rationale = mte_translation_get_rationale (t);

          g_string_append (out, markdown ? "  - " : "     - ");
          put (out, markdown, mte_translation_get_id (t));
          g_string_append (out, ": ");
          put (out, markdown, rationale != NULL && *rationale != '\0' ? rationale : "(no rationale)");
          g_string_append_c (out, '\n');
        }
    }

  if (n_quotes > 0)
    {
      g_string_append_printf (out, markdown ? "- **Quotes** (%u of %u):\n" : "   Quotes (%u of %u):\n",
                              MIN (n_quotes, MAX_QUOTES), n_quotes);
      for (guint q = 0; q < MIN (n_quotes, MAX_QUOTES); q++)
        {
          MteConstruct *quote = (MteConstruct *) grounding (loa, i, MTE_GROUNDING_QUOTES, q);
          const char *speaker = mte_construct_get_speaker (quote);

          g_string_append (out, markdown ? "  - “" : "     “");
          put (out, markdown, mte_construct_get_text (quote));
          g_string_append (out, "”");
          if (speaker != NULL && *speaker != '\0')
            {
              g_string_append (out, markdown ? " — *" : " — ");
              put (out, markdown, speaker);
              if (markdown)
                g_string_append_c (out, '*');
            }
          g_string_append (out, " (");
          put (out, markdown, mte_study_get_id (mte_construct_get_study (quote)));
          g_string_append (out, ")\n");
        }
    }
}

static char *
render_report (const MteLineOfArgument *loa,
               gboolean                 markdown)
{
  MteProject *project = loa_project (loa);
  guint n = mte_line_of_argument_get_n_findings (loa);
  guint n_cycles = mte_line_of_argument_get_n_cycles (loa);
  g_autofree char *unused = unused_list (loa);
  g_autofree char *coverage = coverage_sentence (loa);
  GString *out = g_string_new (NULL);

  g_string_append_printf (out, markdown ? "## Line of argument\n\n%u %s" : "Line of argument: %u %s",
                          n, n == 1 ? "finding" : "findings");
  if (n_cycles > 0)
    g_string_append_printf (out, ", %u %s", n_cycles, n_cycles == 1 ? "cycle" : "cycles");
  g_string_append_c (out, '\n');

  for (guint i = 0; i < n; i++)
    append_finding (loa, i, markdown, out);

  if (project != NULL && mte_project_get_n_argument_links (project) > 0)
    {
      g_string_append (out, markdown ? "\n### Links\n\n" : "\nLinks\n");
      for (guint l = 0; l < mte_project_get_n_argument_links (project); l++)
        {
          MteArgumentLink *link = mte_project_get_argument_link (project, l);
          MteThirdOrder *from = mte_argument_link_get_from (link);
          MteThirdOrder *to = mte_argument_link_get_to (link);

          if (from == NULL || to == NULL)
            continue;
          g_string_append (out, markdown ? "- " : "  ");
          put (out, markdown, finding_name (from));
          g_string_append (out, " → ");
          put (out, markdown, mte_argument_link_get_relation (link));
          g_string_append (out, " → ");
          put (out, markdown, finding_name (to));
          g_string_append_c (out, '\n');
        }
    }

  g_string_append (out, markdown ? "\n### Unused concepts\n\n" : "\nUnused concepts: ");
  put (out, markdown, *unused != '\0' ? unused : "none");
  g_string_append (out, markdown ? "\n\n### Coverage\n\n" : "\nCoverage: ");
  g_string_append (out, coverage);
  g_string_append_c (out, '\n');

  for (guint f = 0; project != NULL && f < mte_project_get_n_frameworks (project); f++)
    {
      MteFramework *framework = mte_project_get_framework (project, f);
      g_autoptr (MteTable) table = framework_table (loa, framework, "✓");

      g_string_append (out, markdown ? "\n### Framework: " : "\nFramework: ");
      put (out, markdown, mte_framework_get_name (framework));
      g_string_append (out, markdown ? "\n\n" : "\n");
      mte_table_render (table, markdown ? MTE_REPORT_MARKDOWN : MTE_REPORT_TEXT, "  ", out);
    }
  return g_string_free (out, FALSE);
}

/* ------------------------------------------------------------------ */
/* JSON                                                               */
/* ------------------------------------------------------------------ */

static void
json_ids (MteJsonWriter           *w,
          const MteLineOfArgument *loa,
          guint                    i,
          MteGroundingKind         kind)
{
  mte_json_begin_array (w);
  for (guint k = 0; k < mte_line_of_argument_get_n_grounding (loa, i, kind); k++)
    mte_json_string (w, mte_entity_get_id (grounding (loa, i, kind, k)));
  mte_json_end_array (w);
}

static void
json_concept (MteJsonWriter *w,
              MteConcept    *concept)
{
  mte_json_begin_object (w);
  mte_json_member_string (w, "id", mte_concept_get_id (concept));
  mte_json_member_string (w, "label", mte_concept_get_label (concept));
  mte_json_end_object (w);
}

static void
json_finding (MteJsonWriter           *w,
              const MteLineOfArgument *loa,
              guint                    i)
{
  MteThirdOrder *finding = mte_line_of_argument_get_finding (loa, i);
  guint n_quotes = mte_line_of_argument_get_n_grounding (loa, i, MTE_GROUNDING_QUOTES);
  int cycle = mte_line_of_argument_get_cycle (loa, i);

  mte_json_begin_object (w);
  mte_json_member_uint (w, "position", i + 1);
  mte_json_member_string (w, "id", mte_third_order_get_id (finding));
  mte_json_member_string (w, "label", mte_third_order_get_label (finding));
  mte_json_member_string (w, "statement", mte_third_order_get_statement (finding));
  mte_json_member_uint (w, "support", mte_line_of_argument_get_n_grounding (loa, i, MTE_GROUNDING_STUDIES));
  mte_json_key (w, "studies");
  json_ids (w, loa, i, MTE_GROUNDING_STUDIES);
  mte_json_key (w, "concepts");
  mte_json_begin_array (w);
  for (guint k = 0; k < mte_line_of_argument_get_n_grounding (loa, i, MTE_GROUNDING_CONCEPTS); k++)
    json_concept (w, (MteConcept *) grounding (loa, i, MTE_GROUNDING_CONCEPTS, k));
  mte_json_end_array (w);
  mte_json_member_uint (w, "constructs", mte_line_of_argument_get_n_grounding (loa, i, MTE_GROUNDING_CONSTRUCTS));
  mte_json_member_uint (w, "n_quotes", n_quotes);
  mte_json_key (w, "quotes");
  mte_json_begin_array (w);
  for (guint q = 0; q < MIN (n_quotes, MAX_QUOTES); q++)
    {
      MteConstruct *quote = (MteConstruct *) grounding (loa, i, MTE_GROUNDING_QUOTES, q);

      mte_json_begin_object (w);
      mte_json_member_string (w, "id", mte_construct_get_id (quote));
      mte_json_member_string (w, "study", mte_study_get_id (mte_construct_get_study (quote)));
      mte_json_member_string (w, "text", mte_construct_get_text (quote));
      mte_json_member_string (w, "speaker", mte_construct_get_speaker (quote));
      mte_json_end_object (w);
    }
  mte_json_end_array (w);
  mte_json_key (w, "refutations");
  mte_json_begin_array (w);
  for (guint k = 0; k < mte_line_of_argument_get_n_grounding (loa, i, MTE_GROUNDING_REFUTATIONS); k++)
    {
      MteTranslation *t = (MteTranslation *) grounding (loa, i, MTE_GROUNDING_REFUTATIONS, k);

      mte_json_begin_object (w);
      mte_json_member_string (w, "id", mte_translation_get_id (t));
      mte_json_member_string (w, "rationale", mte_translation_get_rationale (t));
      mte_json_end_object (w);
    }
  mte_json_end_array (w);
  mte_json_member_string (w, "confidence",
                          mte_confidence_to_string (mte_third_order_get_confidence (finding)));
  mte_json_member_bool (w, "flagged", mte_line_of_argument_is_flagged (loa, i));
  mte_json_key (w, "cycle");
  if (cycle >= 0)
    mte_json_uint (w, (guint) cycle + 1);
  else
    mte_json_null (w);
  mte_json_end_object (w);
}

static void
json_coverage (MteJsonWriter *w,
               const char    *key,
               double         share,
               guint          covered,
               guint          total)
{
  mte_json_key (w, key);
  mte_json_begin_object (w);
  mte_json_member_uint (w, "covered", covered);
  mte_json_member_uint (w, "total", total);
  mte_json_member_double (w, "share", share);
  mte_json_end_object (w);
}

static char *
render_json (const MteLineOfArgument *loa)
{
  MteProject *project = loa_project (loa);
  guint n = mte_line_of_argument_get_n_findings (loa);
  MteJsonWriter *w = mte_json_writer_new ();
  guint covered, total;
  double share;

  mte_json_begin_object (w);
  mte_json_key (w, "findings");
  mte_json_begin_array (w);
  for (guint i = 0; i < n; i++)
    json_finding (w, loa, i);
  mte_json_end_array (w);
  mte_json_member_uint (w, "cycles", mte_line_of_argument_get_n_cycles (loa));

  mte_json_key (w, "links");
  mte_json_begin_array (w);
  for (guint l = 0; project != NULL && l < mte_project_get_n_argument_links (project); l++)
    {
      MteArgumentLink *link = mte_project_get_argument_link (project, l);
      MteThirdOrder *from = mte_argument_link_get_from (link);
      MteThirdOrder *to = mte_argument_link_get_to (link);

      if (from == NULL || to == NULL)
        continue;
      mte_json_begin_object (w);
      mte_json_member_string (w, "id", mte_argument_link_get_id (link));
      mte_json_member_string (w, "from", mte_third_order_get_id (from));
      mte_json_member_string (w, "to", mte_third_order_get_id (to));
      mte_json_member_string (w, "relation", mte_argument_link_get_relation (link));
      mte_json_end_object (w);
    }
  mte_json_end_array (w);

  mte_json_key (w, "unused_concepts");
  mte_json_begin_array (w);
  for (guint k = 0; k < mte_line_of_argument_get_n_unused_concepts (loa); k++)
    json_concept (w, mte_line_of_argument_get_unused_concept (loa, k));
  mte_json_end_array (w);

  mte_json_key (w, "coverage");
  mte_json_begin_object (w);
  share = mte_line_of_argument_get_study_coverage (loa, &covered, &total);
  json_coverage (w, "studies", share, covered, total);
  share = mte_line_of_argument_get_concept_coverage (loa, &covered, &total);
  json_coverage (w, "concepts", share, covered, total);
  mte_json_end_object (w);

  mte_json_key (w, "frameworks");
  mte_json_begin_array (w);
  for (guint f = 0; project != NULL && f < mte_project_get_n_frameworks (project); f++)
    {
      MteFramework *framework = mte_project_get_framework (project, f);

      mte_json_begin_object (w);
      mte_json_member_string (w, "id", mte_framework_get_id (framework));
      mte_json_member_string (w, "name", mte_framework_get_name (framework));
      mte_json_key (w, "levels");
      mte_json_begin_array (w);
      for (guint l = 0; l < mte_framework_get_n_levels (framework); l++)
        {
          mte_json_begin_object (w);
          mte_json_member_string (w, "key", mte_framework_get_level_key (framework, l));
          mte_json_member_string (w, "label", mte_framework_get_level_label (framework, l));
          mte_json_end_object (w);
        }
      mte_json_end_array (w);
      mte_json_key (w, "findings");
      mte_json_begin_array (w);
      for (guint i = 0; i < n; i++)
        {
          g_auto (GStrv) levels = mte_line_of_argument_dup_levels (loa, i, framework);

          mte_json_begin_object (w);
          mte_json_member_string (w, "id", mte_third_order_get_id (mte_line_of_argument_get_finding (loa, i)));
          mte_json_key (w, "levels");
          mte_json_begin_array (w);
          for (guint k = 0; levels != NULL && levels[k] != NULL; k++)
            mte_json_string (w, levels[k]);
          mte_json_end_array (w);
          mte_json_end_object (w);
        }
      mte_json_end_array (w);
      mte_json_end_object (w);
    }
  mte_json_end_array (w);
  mte_render_excluded_json (w, mte_line_of_argument_get_project (loa));
  mte_json_end_object (w);
  return mte_json_writer_finish (w);
}

/* ------------------------------------------------------------------ */
/* DOT                                                                */
/* ------------------------------------------------------------------ */

/* Appends @text for a double-quoted DOT string: quotes and backslashes
 * escaped, so that no escString sequence (\N, \G, \l...) is formed;
 * control characters become spaces. */
static void
dot_escape (GString    *out,
            const char *text)
{
  g_autofree char *line = mte_render_one_line (text);

  for (const char *p = line; *p != '\0'; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
}

/* Appends @text wrapped at about @width characters per line, lines joined
 * by DOT's centred line break "\n"; a word longer than a line is kept
 * whole. */
static void
dot_wrapped (GString    *out,
             const char *text,
             guint       width)
{
  g_autofree char *line = mte_render_one_line (text);
  g_auto (GStrv) words = g_strsplit (line, " ", -1);
  guint column = 0;

  for (guint i = 0; words[i] != NULL; i++)
    {
      guint length = (guint) g_utf8_strlen (words[i], -1);

      if (length == 0)
        continue;
      if (column > 0 && column + 1 + length > width)
        {
          g_string_append (out, "\\n");
          column = 0;
        }
      else if (column > 0)
        {
          g_string_append_c (out, ' ');
          column++;
        }
      dot_escape (out, words[i]);
      column += length;
    }
}

static char *
render_dot (const MteLineOfArgument *loa)
{
  MteProject *project = loa_project (loa);
  guint n = mte_line_of_argument_get_n_findings (loa);
  guint n_cycles = mte_line_of_argument_get_n_cycles (loa);
  g_autoptr (GHashTable) nodes = g_hash_table_new (NULL, NULL);
  GString *out = g_string_new (NULL);

  g_string_append (out,
                   "digraph line_of_argument {\n"
                   "  graph [rankdir=LR, fontname=\"Helvetica\", fontsize=12, nodesep=0.4, ranksep=0.7];\n"
                   "  node [shape=box, style=\"rounded,filled\", fillcolor=\"white\", "
                   "fontname=\"Helvetica\", fontsize=11, margin=\"0.15,0.08\"];\n"
                   "  edge [fontname=\"Helvetica\", fontsize=10, color=\"gray30\"];\n");

  /* Nodes are named by position, so ids need no escaping. */
  for (guint i = 0; i < n; i++)
    g_hash_table_insert (nodes, mte_line_of_argument_get_finding (loa, i), GUINT_TO_POINTER (i + 1));

  for (guint k = 0; k <= n_cycles; k++)
    {
      /* k < n_cycles: the findings of cycle k, in a cluster; then the rest. */
      const char *indent = k < n_cycles ? "    " : "  ";

      if (k < n_cycles)
        g_string_append_printf (out,
                                "  subgraph cluster_cycle%u {\n"
                                "    label=\"cycle %u\"; style=\"rounded,filled\"; "
                                "fillcolor=\"gray95\"; color=\"gray60\";\n",
                                k + 1, k + 1);
      for (guint i = 0; i < n; i++)
        {
          MteThirdOrder *finding = mte_line_of_argument_get_finding (loa, i);
          int cycle = mte_line_of_argument_get_cycle (loa, i);
          guint support = mte_line_of_argument_get_n_grounding (loa, i, MTE_GROUNDING_STUDIES);

          if (k < n_cycles ? cycle != (int) k : (cycle >= 0 && (guint) cycle < n_cycles))
            continue;
          g_string_append_printf (out, "%sf%u [label=\"", indent, i + 1);
          dot_wrapped (out, finding_name (finding), WRAP_WIDTH);
          g_string_append_printf (out, "\\n(%u %s)\", tooltip=\"", support, support == 1 ? "study" : "studies");
          dot_escape (out, mte_third_order_get_id (finding));
          g_string_append_c (out, '"');
          if (mte_line_of_argument_is_flagged (loa, i))
            g_string_append (out, ", style=\"rounded,filled,dashed\", color=\"firebrick\"");
          g_string_append (out, "];\n");
        }
      if (k < n_cycles)
        g_string_append (out, "  }\n");
    }

  for (guint l = 0; project != NULL && l < mte_project_get_n_argument_links (project); l++)
    {
      MteArgumentLink *link = mte_project_get_argument_link (project, l);
      guint from = GPOINTER_TO_UINT (g_hash_table_lookup (nodes, mte_argument_link_get_from (link)));
      guint to = GPOINTER_TO_UINT (g_hash_table_lookup (nodes, mte_argument_link_get_to (link)));

      if (from == 0 || to == 0)
        continue;
      g_string_append_printf (out, "  f%u -> f%u [label=\"", from, to);
      dot_wrapped (out, mte_argument_link_get_relation (link), WRAP_WIDTH);
      g_string_append (out, "\"];\n");
    }
  g_string_append (out, "}\n");
  return g_string_free (out, FALSE);
}

char *
mte_line_of_argument_render (const MteLineOfArgument *loa,
                             MteReportFormat          format,
                             GError                 **error)
{
  g_return_val_if_fail (loa != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  switch (format)
    {
    case MTE_REPORT_TEXT:
      return mte_render_add_excluded (render_report (loa, FALSE), mte_line_of_argument_get_project (loa), format);
    case MTE_REPORT_MARKDOWN:
      return mte_render_add_excluded (render_report (loa, TRUE), mte_line_of_argument_get_project (loa), format);
    case MTE_REPORT_JSON:
      return render_json (loa);
    case MTE_REPORT_DOT:
      return render_dot (loa);
    case MTE_REPORT_CSV:
    default:
      return mte_render_unsupported ("line of argument", format, error);
    }
}
