/* mte-refi-report.c: the data-loss report of REFI-QDA imports and exports.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <stdarg.h>
#include <string.h>

#include "mte-refi-private.h"
#include "mte-render-private.h"

/* Details kept per kind of loss: enough to find every element of a
 * typical file, bounded so that a crafted file of a million unmapped
 * selections cannot make the report the largest thing in memory. The
 * count stays exact past the bound, and the report says how many details
 * were left out. */
#define MAX_DETAILS 10000u

typedef struct {
  char *what;
  char *why;
  guint count;
  guint omitted;                /* details not kept: past MAX_DETAILS */
  GPtrArray *details;           /* char* */
} Loss;

typedef struct {
  char *what;
  guint count;
} Made;

struct _MteRefiReport {
  GArray *made;                 /* Made */
  GPtrArray *losses;            /* Loss* */
  GHashTable *by_what;          /* what -> Loss*, borrowed */
};

static void
loss_free (gpointer data)
{
  Loss *loss = data;

  g_free (loss->what);
  g_free (loss->why);
  g_ptr_array_unref (loss->details);
  g_free (loss);
}

static void
made_clear (gpointer data)
{
  g_free (((Made *) data)->what);
}

MteRefiReport *
mte_refi_report_new (void)
{
  MteRefiReport *report = g_new0 (MteRefiReport, 1);

  report->made = g_array_new (FALSE, TRUE, sizeof (Made));
  g_array_set_clear_func (report->made, made_clear);
  report->losses = g_ptr_array_new_with_free_func (loss_free);
  report->by_what = g_hash_table_new (g_str_hash, g_str_equal);
  return report;
}

void
mte_refi_report_free (MteRefiReport *report)
{
  if (report == NULL)
    return;
  g_array_unref (report->made);
  g_hash_table_unref (report->by_what);
  g_ptr_array_unref (report->losses);
  g_free (report);
}

static Loss *
lookup_loss (MteRefiReport *report,
             const char    *what,
             const char    *why)
{
  Loss *loss = g_hash_table_lookup (report->by_what, what);

  if (loss == NULL)
    {
      loss = g_new0 (Loss, 1);
      loss->what = g_strdup (what);
      loss->why = g_strdup (why);
      loss->details = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (report->losses, loss);
      g_hash_table_insert (report->by_what, loss->what, loss);
    }
  return loss;
}

void
mte_refi_loss (MteRefiReport *report,
               const char    *what,
               const char    *why,
               const char    *detail_format,
               ...)
{
  Loss *loss;

  if (report == NULL)
    return;
  loss = lookup_loss (report, what, why);
  loss->count++;
  if (detail_format != NULL && loss->details->len >= MAX_DETAILS)
    loss->omitted++;
  else if (detail_format != NULL)
    {
      va_list args;

      va_start (args, detail_format);
      g_ptr_array_add (loss->details, g_strdup_vprintf (detail_format, args));
      va_end (args);
    }
}

void
mte_refi_loss_n (MteRefiReport *report,
                 const char    *what,
                 const char    *why,
                 guint          n,
                 const char    *detail_format,
                 ...)
{
  Loss *loss;

  if (report == NULL || n == 0)
    return;
  loss = lookup_loss (report, what, why);
  loss->count += n;
  if (detail_format != NULL && loss->details->len >= MAX_DETAILS)
    loss->omitted++;
  else if (detail_format != NULL)
    {
      va_list args;

      va_start (args, detail_format);
      g_ptr_array_add (loss->details, g_strdup_vprintf (detail_format, args));
      va_end (args);
    }
}

void
mte_refi_loss_count (MteRefiReport *report,
                     const char    *what,
                     const char    *why,
                     guint          n)
{
  if (report == NULL || n == 0)
    return;
  lookup_loss (report, what, why)->count += n;
}

void
mte_refi_made (MteRefiReport *report,
               const char    *what,
               guint          n)
{
  Made made;

  if (report == NULL)
    return;
  for (guint i = 0; i < report->made->len; i++)
    {
      Made *m = &g_array_index (report->made, Made, i);

      if (strcmp (m->what, what) == 0)
        {
          m->count += n;
          return;
        }
    }
  made.what = g_strdup (what);
  made.count = n;
  g_array_append_val (report->made, made);
}

guint
mte_refi_report_get_n_made (const MteRefiReport *report)
{
  g_return_val_if_fail (report != NULL, 0);
  return report->made->len;
}

const char *
mte_refi_report_get_made (const MteRefiReport *report,
                          guint                index,
                          guint               *count)
{
  const Made *m;

  g_return_val_if_fail (report != NULL, NULL);
  g_return_val_if_fail (index < report->made->len, NULL);
  m = &g_array_index (report->made, Made, index);
  if (count != NULL)
    *count = m->count;
  return m->what;
}

guint
mte_refi_report_get_n_losses (const MteRefiReport *report)
{
  g_return_val_if_fail (report != NULL, 0);
  return report->losses->len;
}

const char *
mte_refi_report_get_loss (const MteRefiReport *report,
                          guint                index,
                          const char         **why,
                          guint               *count)
{
  const Loss *loss;

  g_return_val_if_fail (report != NULL, NULL);
  g_return_val_if_fail (index < report->losses->len, NULL);
  loss = g_ptr_array_index (report->losses, index);
  if (why != NULL)
    *why = loss->why;
  if (count != NULL)
    *count = loss->count;
  return loss->what;
}

guint
mte_refi_report_get_n_details (const MteRefiReport *report,
                               guint                index)
{
  g_return_val_if_fail (report != NULL, 0);
  g_return_val_if_fail (index < report->losses->len, 0);
  return ((const Loss *) g_ptr_array_index (report->losses, index))->details->len;
}

const char *
mte_refi_report_get_detail (const MteRefiReport *report,
                            guint                index,
                            guint                detail)
{
  const Loss *loss;

  g_return_val_if_fail (report != NULL, NULL);
  g_return_val_if_fail (index < report->losses->len, NULL);
  loss = g_ptr_array_index (report->losses, index);
  g_return_val_if_fail (detail < loss->details->len, NULL);
  return g_ptr_array_index (loss->details, detail);
}

char *
mte_refi_report_to_text (const MteRefiReport *report)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (report != NULL, NULL);
  if (report->made->len == 0)
    g_string_append (out, "made nothing");
  else
    {
      g_string_append (out, "made ");
      for (guint i = 0; i < report->made->len; i++)
        {
          const Made *m = &g_array_index (report->made, Made, i);

          g_string_append_printf (out, "%s%u %s", i > 0 ? ", " : "", m->count, m->what);
        }
    }
  g_string_append_c (out, '\n');
  if (report->losses->len == 0)
    g_string_append (out, "nothing was lost\n");
  for (guint i = 0; i < report->losses->len; i++)
    {
      const Loss *loss = g_ptr_array_index (report->losses, i);

      g_string_append_printf (out, "not carried: %u %s: %s\n", loss->count, loss->what, loss->why);
      for (guint j = 0; j < loss->details->len; j++)
        g_string_append_printf (out, "  %s\n", (const char *) g_ptr_array_index (loss->details, j));
      if (loss->omitted > 0)
        g_string_append_printf (out, "  (and %u more not listed)\n", loss->omitted);
    }
  return g_string_free (out, FALSE);
}

char *
mte_refi_report_to_json (const MteRefiReport *report)
{
  MteJsonWriter *w;

  g_return_val_if_fail (report != NULL, NULL);
  w = mte_json_writer_new ();
  mte_json_begin_object (w);
  mte_json_key (w, "made");
  mte_json_begin_object (w);
  for (guint i = 0; i < report->made->len; i++)
    {
      const Made *m = &g_array_index (report->made, Made, i);

      mte_json_member_uint (w, m->what, m->count);
    }
  mte_json_end_object (w);
  mte_json_key (w, "losses");
  mte_json_begin_array (w);
  for (guint i = 0; i < report->losses->len; i++)
    {
      const Loss *loss = g_ptr_array_index (report->losses, i);

      mte_json_begin_object (w);
      mte_json_member_string (w, "what", loss->what);
      mte_json_member_string (w, "why", loss->why);
      mte_json_member_uint (w, "count", loss->count);
      mte_json_key (w, "details");
      mte_json_begin_array (w);
      for (guint j = 0; j < loss->details->len; j++)
        mte_json_string (w, g_ptr_array_index (loss->details, j));
      mte_json_end_array (w);
      mte_json_end_object (w);
    }
  mte_json_end_array (w);
  mte_json_end_object (w);
  return mte_json_writer_finish (w);
}
