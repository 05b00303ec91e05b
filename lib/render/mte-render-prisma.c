/* metaethno: the PRISMA 2020 flow counts as a report, and as the input
 * CSV of the PRISMA2020 R package (Haddaway et al. 2022).
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "mte-render-private.h"

#include <string.h>

/* One row of the flow, in the diagram's order. @node and @box are the
 * PRISMA2020 package's identifiers for the row's box ("NA" where its
 * template has none); @count is -1 for a heading row. */
typedef struct {
  int         count;
  const char *data;             /* NULL: the count's own name */
  const char *node;
  const char *box;
  const char *stage;
  const char *text;
} FlowRow;

#define HEADING (-1)

static const FlowRow flow[] = {
  { HEADING, "NA", "node4", "prevstud", NULL, "Previous studies" },
  { MTE_PRISMA_PREVIOUS_STUDIES, NULL, "node5", "box1", "previous", "Studies included in the previous version of the review" },
  { MTE_PRISMA_PREVIOUS_REPORTS, NULL, "NA", "box1", "previous", "Reports of those studies" },
  { HEADING, "NA", "node6", "newstud", NULL, "Identification of new studies via databases and registers" },
  { MTE_PRISMA_DATABASE_RESULTS, NULL, "node7", "box2", "identification", "Records identified from databases" },
  { MTE_PRISMA_REGISTER_RESULTS, NULL, "NA", "box2", "identification", "Records identified from registers" },
  { HEADING, "NA", "node16", "othstud", NULL, "Identification of new studies via other methods" },
  { MTE_PRISMA_WEBSITE_RESULTS, NULL, "node17", "box11", "identification", "Records identified from websites" },
  { MTE_PRISMA_ORGANISATION_RESULTS, NULL, "NA", "box11", "identification", "Records identified from organisations" },
  { MTE_PRISMA_CITATION_RESULTS, NULL, "NA", "box11", "identification", "Records identified by citation searching" },
  { MTE_PRISMA_OTHER_RESULTS, NULL, "NA", "box11", "identification", "Records identified by other methods" },
  { MTE_PRISMA_DUPLICATES, NULL, "node8", "box3", "identification", "Duplicate records removed before screening" },
  { MTE_PRISMA_EXCLUDED_AUTOMATIC, NULL, "NA", "box3", "identification", "Records marked ineligible by automation tools" },
  { MTE_PRISMA_EXCLUDED_OTHER, NULL, "NA", "box3", "identification", "Records removed for other reasons" },
  { MTE_PRISMA_RECORDS_SCREENED, NULL, "node9", "box4", "screening", "Records screened" },
  { MTE_PRISMA_RECORDS_EXCLUDED, NULL, "node10", "box5", "screening", "Records excluded" },
  { MTE_PRISMA_DBR_SOUGHT, NULL, "node11", "box6", "screening", "Reports sought for retrieval" },
  { MTE_PRISMA_DBR_NOT_RETRIEVED, NULL, "node12", "box7", "screening", "Reports not retrieved" },
  { MTE_PRISMA_OTHER_SOUGHT, NULL, "node18", "box12", "screening", "Reports sought for retrieval (other methods)" },
  { MTE_PRISMA_OTHER_NOT_RETRIEVED, NULL, "node19", "box13", "screening", "Reports not retrieved (other methods)" },
  { MTE_PRISMA_DBR_ASSESSED, NULL, "node13", "box8", "screening", "Reports assessed for eligibility" },
  { MTE_PRISMA_DBR_EXCLUDED, NULL, "node14", "box9", "screening", "Reports excluded" },
  { MTE_PRISMA_OTHER_ASSESSED, NULL, "node20", "box14", "screening", "Reports assessed for eligibility (other methods)" },
  { MTE_PRISMA_OTHER_EXCLUDED, NULL, "node21", "box15", "screening", "Reports excluded (other methods)" },
  { MTE_PRISMA_NEW_STUDIES, NULL, "node15", "box10", "included", "New studies included in the review" },
  { MTE_PRISMA_NEW_REPORTS, NULL, "NA", "box10", "included", "Reports of new included studies" },
  { MTE_PRISMA_TOTAL_STUDIES, NULL, "node22", "box16", "included", "Total studies included in the review" },
  { MTE_PRISMA_TOTAL_REPORTS, NULL, "NA", "box16", "included", "Reports of total included studies" },
  { HEADING, "identification", "node1", "identification", NULL, "Identification" },
  { HEADING, "screening", "node2", "screening", NULL, "Screening" },
  { HEADING, "included", "node3", "included", NULL, "Included" },
};

static const char *
row_data (const FlowRow *row)
{
  return row->data != NULL ? row->data : mte_prisma_count_to_string (row->count);
}

static void
append_count (GString *out,
              gint64   n)
{
  if (n == MTE_COUNT_UNKNOWN)
    g_string_append (out, "NA");
  else
    g_string_append_printf (out, "%" G_GINT64_FORMAT, n);
}

/* A name for a "name, n; name, n" list: the package splits on ";" and
 * "," so neither may appear inside a name. */
static void
append_list_name (GString    *out,
                  const char *name)
{
  g_autofree char *flat = mte_render_one_line (name);

  for (char *c = flat; *c != '\0'; c++)
    {
      if (*c == ',' || *c == ';')
        *c = ' ';
    }
  g_strstrip (flat);
  g_string_append (out, flat);
}

static char *
source_list (const MtePrisma *prisma,
             MteSourceKind    kind)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < mte_prisma_get_n_sources (prisma); i++)
    {
      MteSourceKind k;
      gint64 n;
      const char *name = mte_prisma_get_source (prisma, i, &k, &n);

      if (k != kind)
        continue;
      if (out->len > 0)
        g_string_append (out, "; ");
      append_list_name (out, name);
      g_string_append (out, ", ");
      append_count (out, n);
    }
  return g_string_free (out, FALSE);
}

static char *
reason_list (const MtePrisma *prisma,
             MtePrismaCount   box)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < mte_prisma_get_n_reasons (prisma, box); i++)
    {
      gint64 n;
      const char *reason = mte_prisma_get_reason (prisma, box, i, &n);

      if (out->len > 0)
        g_string_append (out, "; ");
      append_list_name (out, reason);
      g_string_append (out, ", ");
      append_count (out, n);
    }
  return g_string_free (out, FALSE);
}

static void
csv_row (GString    *out,
         const char *data,
         const char *node,
         const char *box,
         const char *text,
         const char *n)
{
  mte_csv_field (out, data);
  g_string_append_c (out, ',');
  mte_csv_field (out, node);
  g_string_append_c (out, ',');
  mte_csv_field (out, box);
  g_string_append_c (out, ',');
  mte_csv_field (out, text);       /* description */
  g_string_append_c (out, ',');
  mte_csv_field (out, text);       /* boxtext */
  g_string_append_c (out, ',');
  mte_csv_field (out, text);       /* tooltips */
  g_string_append (out, ",NA,");   /* url */
  mte_csv_field (out, n);
  g_string_append (out, "\r\n");
}

static char *
render_csv (const MtePrisma *prisma)
{
  GString *out = g_string_new ("data,node,box,description,boxtext,tooltips,url,n\r\n");

  for (gsize i = 0; i < G_N_ELEMENTS (flow); i++)
    {
      const FlowRow *row = &flow[i];
      GString *n = g_string_new (NULL);

      if (row->count == HEADING)
        g_string_append (n, "NA");
      else if ((row->count == MTE_PRISMA_DBR_EXCLUDED || row->count == MTE_PRISMA_OTHER_EXCLUDED) &&
               mte_prisma_get_n_reasons (prisma, row->count) > 0)
        {
          g_autofree char *list = reason_list (prisma, row->count);
          g_string_append (n, list);
        }
      else
        append_count (n, mte_prisma_get_count (prisma, row->count));
      csv_row (out, row_data (row), row->node, row->box, row->text, n->str);
      g_string_free (n, TRUE);

      /* The per-source rows follow their kind's total, as in the
       * package's template. */
      if (row->count == MTE_PRISMA_DATABASE_RESULTS || row->count == MTE_PRISMA_REGISTER_RESULTS)
        {
          gboolean db = row->count == MTE_PRISMA_DATABASE_RESULTS;
          g_autofree char *list = source_list (prisma, db ? MTE_SOURCE_DATABASE
                                                          : MTE_SOURCE_REGISTER);

          csv_row (out, db ? "database_specific_results" : "register_specific_results",
                   "NA", "box2",
                   db ? "Records identified from each database"
                      : "Records identified from each register",
                   list[0] != '\0' ? list : "NA");
        }
    }
  return g_string_free (out, FALSE);
}

static char *
render_table (const MtePrisma *prisma,
              MteReportFormat  format)
{
  g_autoptr (MteTable) table = mte_table_new ();
  GString *out = g_string_new (NULL);
  gboolean any_entered = FALSE;
  guint n_disagreements = mte_prisma_get_n_disagreements (prisma);

  if (format == MTE_REPORT_MARKDOWN)
    g_string_append (out, "## PRISMA 2020 flow\n\n");
  else
    g_string_append (out, "PRISMA 2020 flow\n\n");
  mte_table_add_column (table, "stage", MTE_ALIGN_LEFT);
  mte_table_add_column (table, "box", MTE_ALIGN_LEFT);
  mte_table_add_column (table, "n", MTE_ALIGN_RIGHT);
  mte_table_add_column (table, "details", MTE_ALIGN_LEFT);
  for (gsize i = 0; i < G_N_ELEMENTS (flow); i++)
    {
      const FlowRow *row = &flow[i];
      gint64 n;
      g_autofree char *details = NULL;
      gboolean entered;

      if (row->count == HEADING)
        continue;
      n = mte_prisma_get_count (prisma, row->count);
      entered = mte_prisma_is_entered (prisma, row->count);
      /* Boxes of an updated review only when there is one; boxes of the
       * other-methods arm only when it was used. */
      if ((row->count == MTE_PRISMA_PREVIOUS_STUDIES || row->count == MTE_PRISMA_PREVIOUS_REPORTS) &&
          n == MTE_COUNT_UNKNOWN)
        continue;
      any_entered |= entered;
      if (row->count == MTE_PRISMA_DATABASE_RESULTS)
        details = source_list (prisma, MTE_SOURCE_DATABASE);
      else if (row->count == MTE_PRISMA_REGISTER_RESULTS)
        details = source_list (prisma, MTE_SOURCE_REGISTER);
      else if (row->count == MTE_PRISMA_DBR_EXCLUDED || row->count == MTE_PRISMA_OTHER_EXCLUDED)
        details = reason_list (prisma, row->count);
      mte_table_begin_row (table);
      mte_table_add_cell (table, row->stage);
      mte_table_add_cell (table, row->text);
      if (n == MTE_COUNT_UNKNOWN)
        mte_table_add_cell (table, entered ? "? *" : "?");
      else
        mte_table_add_cell_printf (table, "%" G_GINT64_FORMAT "%s", n, entered ? " *" : "");
      mte_table_add_cell (table, details != NULL ? details : "");
    }
  mte_table_render (table, format, NULL, out);
  g_string_append (out, "\n? not recorded and not computable from the project\n");
  if (any_entered)
    g_string_append (out, "* entered by hand\n");
  if (n_disagreements > 0)
    {
      g_string_append_printf (out, "\n%u %s with the records:\n", n_disagreements,
                              n_disagreements == 1 ? "count disagrees" : "counts disagree");
      for (guint i = 0; i < n_disagreements; i++)
        {
          gint64 entered, computed;
          const char *what = mte_prisma_get_disagreement (prisma, i, &entered, &computed);

          g_string_append_printf (out, "%s %s: entered %" G_GINT64_FORMAT
                                  ", the records give %" G_GINT64_FORMAT "\n",
                                  format == MTE_REPORT_MARKDOWN ? "-" : " ",
                                  what, entered, computed);
        }
    }
  return g_string_free (out, FALSE);
}

static void
json_count (MteJsonWriter *w,
            gint64         n)
{
  if (n == MTE_COUNT_UNKNOWN)
    mte_json_null (w);
  else
    mte_json_int (w, n);
}

static char *
render_json (const MtePrisma *prisma)
{
  MteJsonWriter *w = mte_json_writer_new ();

  mte_json_begin_object (w);
  mte_json_key (w, "counts");
  mte_json_begin_object (w);
  for (guint i = 0; i < MTE_PRISMA_N_COUNTS; i++)
    {
      mte_json_key (w, mte_prisma_count_to_string (i));
      json_count (w, mte_prisma_get_count (prisma, i));
    }
  mte_json_end_object (w);
  mte_json_key (w, "entered");
  mte_json_begin_array (w);
  for (guint i = 0; i < MTE_PRISMA_N_COUNTS; i++)
    {
      if (mte_prisma_is_entered (prisma, i))
        mte_json_string (w, mte_prisma_count_to_string (i));
    }
  mte_json_end_array (w);
  mte_json_key (w, "sources");
  mte_json_begin_array (w);
  for (guint i = 0; i < mte_prisma_get_n_sources (prisma); i++)
    {
      MteSourceKind kind;
      gint64 n;
      const char *name = mte_prisma_get_source (prisma, i, &kind, &n);

      mte_json_begin_object (w);
      mte_json_member_string (w, "source", name);
      mte_json_member_string (w, "kind", mte_source_kind_to_string (kind));
      mte_json_key (w, "records");
      json_count (w, n);
      mte_json_end_object (w);
    }
  mte_json_end_array (w);
  mte_json_key (w, "reasons");
  mte_json_begin_object (w);
  for (guint box = MTE_PRISMA_DBR_EXCLUDED; box <= MTE_PRISMA_OTHER_EXCLUDED;
       box += MTE_PRISMA_OTHER_EXCLUDED - MTE_PRISMA_DBR_EXCLUDED)
    {
      mte_json_key (w, mte_prisma_count_to_string (box));
      mte_json_begin_array (w);
      for (guint i = 0; i < mte_prisma_get_n_reasons (prisma, box); i++)
        {
          gint64 n;
          const char *reason = mte_prisma_get_reason (prisma, box, i, &n);

          mte_json_begin_object (w);
          mte_json_member_string (w, "reason", reason);
          mte_json_key (w, "reports");
          mte_json_int (w, n);
          mte_json_end_object (w);
        }
      mte_json_end_array (w);
    }
  mte_json_end_object (w);
  mte_json_key (w, "disagreements");
  mte_json_begin_array (w);
  for (guint i = 0; i < mte_prisma_get_n_disagreements (prisma); i++)
    {
      gint64 entered, computed;
      const char *what = mte_prisma_get_disagreement (prisma, i, &entered, &computed);

      mte_json_begin_object (w);
      mte_json_member_string (w, "count", what);
      mte_json_key (w, "entered");
      mte_json_int (w, entered);
      mte_json_key (w, "computed");
      mte_json_int (w, computed);
      mte_json_end_object (w);
    }
  mte_json_end_array (w);
  mte_json_end_object (w);
  return mte_json_writer_finish (w);
}

char *
mte_prisma_render (const MtePrisma *prisma,
                   MteReportFormat  format,
                   GError         **error)
{
  g_return_val_if_fail (prisma != NULL, NULL);

  switch (format)
    {
    case MTE_REPORT_TEXT:
    case MTE_REPORT_MARKDOWN:
      return render_table (prisma, format);
    case MTE_REPORT_CSV:
      return render_csv (prisma);
    case MTE_REPORT_JSON:
      return render_json (prisma);
    case MTE_REPORT_DOT:
    default:
      return mte_render_unsupported ("the PRISMA flow", format, error);
    }
}
