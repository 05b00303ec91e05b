/* metaethno: report formats and helpers shared by the renderers.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "mte-error-private.h"
#include "mte-render-private.h"

#include <math.h>
#include <string.h>

static const char *const format_names[] = {
  [MTE_REPORT_TEXT] = "text",
  [MTE_REPORT_CSV] = "csv",
  [MTE_REPORT_MARKDOWN] = "markdown",
  [MTE_REPORT_JSON] = "json",
  [MTE_REPORT_DOT] = "dot",
  [MTE_REPORT_HTML] = "html",
  [MTE_REPORT_DOCX] = "docx",
};

const char *
mte_report_format_to_string (MteReportFormat format)
{
  return (guint) format < G_N_ELEMENTS (format_names) ? format_names[format] : NULL;
}

int
mte_report_format_from_string (const char *name)
{
  g_return_val_if_fail (name != NULL, -1);
  if (strcmp (name, "md") == 0)
    return MTE_REPORT_MARKDOWN;
  for (guint i = 0; i < G_N_ELEMENTS (format_names); i++)
    if (strcmp (format_names[i], name) == 0)
      return (int) i;
  return -1;
}

char *
mte_render_unsupported (const char     *what,
                        MteReportFormat format,
                        GError        **error)
{
  const char *name = mte_report_format_to_string (format);

  if (name != NULL)
    mte_set_error (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_INVALID_VALUE,
                 "the %s has no %s format", what, name);
  else
    mte_set_error (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_INVALID_VALUE,
                 "unknown report format %d for the %s", (int) format, what);
  return NULL;
}

char *
mte_render_one_line (const char *text)
{
  g_autofree char *valid = NULL;
  GString *out;
  gboolean in_space = FALSE;

  if (text == NULL)
    return g_strdup ("");
  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);
  out = g_string_sized_new (strlen (text));
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c) || c == 0x2028 || c == 0x2029)
        {
          if (!in_space)
            g_string_append_c (out, ' ');
          in_space = TRUE;
          continue;
        }
      in_space = FALSE;
      g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }
  return g_string_free (out, FALSE);
}

void
mte_render_markdown_inline (GString    *out,
                            const char *text)
{
  g_autofree char *line = mte_render_one_line (text);

  for (const char *p = line; *p != '\0'; p++)
    {
      if (strchr ("\\`*_[]<>|~", *p) != NULL)
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
}

const char *
mte_render_number (char   buf[MTE_RENDER_NUMBER_SIZE],
                   double value)
{
  if (!isfinite (value))
    return strcpy (buf, "null");
  for (int precision = 15; precision <= 17; precision++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", precision);
      g_ascii_formatd (buf, MTE_RENDER_NUMBER_SIZE, format, value);
      if (precision == 17 || g_ascii_strtod (buf, NULL) == value)
        break;
    }
  return buf;
}

const char *
mte_render_fixed (char   buf[MTE_RENDER_NUMBER_SIZE],
                  int    digits,
                  double value)
{
  char format[8];

  if (!isfinite (value))
    return strcpy (buf, "-");
  g_snprintf (format, sizeof format, "%%.%df", CLAMP (digits, 0, 9));
  return g_ascii_formatd (buf, MTE_RENDER_NUMBER_SIZE, format, value);
}

const char *
mte_render_construct_name (const MteConstruct *construct)
{
  const char *label = mte_construct_get_label (construct);

  return label != NULL && *label != '\0' ? label : mte_construct_get_id (construct);
}

void
mte_render_append_order (GString          *out,
                         const MteProject *project,
                         MteStudyOrder     order,
                         MteReportFormat   format)
{
  g_autofree char *text = NULL;

  if (project == NULL || (format != MTE_REPORT_TEXT && format != MTE_REPORT_MARKDOWN))
    return;
  text = mte_study_order_describe (project, order);
  g_string_append_c (out, '\n');
  if (format == MTE_REPORT_MARKDOWN)
    mte_render_markdown_inline (out, text);
  else
    g_string_append (out, text);
  g_string_append_c (out, '\n');
}

void
mte_render_append_excluded (GString          *out,
                            const MteProject *project,
                            MteReportFormat   format)
{
  guint n, n_excluded;

  if (project == NULL || (format != MTE_REPORT_TEXT && format != MTE_REPORT_MARKDOWN))
    return;
  n = mte_project_get_n_studies (project);
  n_excluded = n - mte_project_get_n_included_studies (project);
  if (n_excluded == 0)
    return;

  if (format == MTE_REPORT_MARKDOWN)
    g_string_append_printf (out, "\n**Excluded %s** (left out of this report):\n\n",
                            n_excluded == 1 ? "study" : "studies");
  else
    g_string_append_printf (out, "\nExcluded %s (left out of this report):\n",
                            n_excluded == 1 ? "study" : "studies");
  for (guint i = 0; i < n; i++)
    {
      MteStudy *study = mte_project_get_study (project, i);
      g_autofree char *reason = NULL;

      if (!mte_study_is_excluded (study))
        continue;
      reason = mte_render_one_line (mte_study_get_exclusion_reason (study));
      if (format == MTE_REPORT_MARKDOWN)
        {
          g_string_append_printf (out, "- `%s` (%s): ", mte_study_get_id (study),
                                  mte_exclusion_stage_to_string (mte_study_get_exclusion_stage (study)));
          mte_render_markdown_inline (out, reason);
          g_string_append_c (out, '\n');
        }
      else
        g_string_append_printf (out, "  %s (%s): %s\n", mte_study_get_id (study),
                                mte_exclusion_stage_to_string (mte_study_get_exclusion_stage (study)),
                                reason);
    }
}

char *
mte_render_add_excluded (char             *report,
                         const MteProject *project,
                         MteReportFormat   format)
{
  GString *out;

  if (report == NULL || project == NULL ||
      (format != MTE_REPORT_TEXT && format != MTE_REPORT_MARKDOWN) ||
      mte_project_get_n_included_studies (project) == mte_project_get_n_studies (project))
    return report;
  out = g_string_new (report);
  g_free (report);
  mte_render_append_excluded (out, project, format);
  return g_string_free (out, FALSE);
}

void
mte_render_excluded_json (MteJsonWriter    *w,
                          const MteProject *project)
{
  guint n;

  if (project == NULL || mte_project_get_n_included_studies (project) == mte_project_get_n_studies (project))
    return;
  n = mte_project_get_n_studies (project);
  mte_json_key (w, "excluded_studies");
  mte_json_begin_array (w);
  for (guint i = 0; i < n; i++)
    {
      MteStudy *study = mte_project_get_study (project, i);

      if (!mte_study_is_excluded (study))
        continue;
      mte_json_begin_object (w);
      mte_json_member_string (w, "id", mte_study_get_id (study));
      mte_json_member_string (w, "stage",
                              mte_exclusion_stage_to_string (mte_study_get_exclusion_stage (study)));
      mte_json_member_string (w, "reason", mte_study_get_exclusion_reason (study));
      mte_json_end_object (w);
    }
  mte_json_end_array (w);
}

void
mte_render_order_json (MteJsonWriter    *w,
                       const MteProject *project,
                       MteStudyOrder     order)
{
  MteIndexStudySource source = MTE_INDEX_STUDY_NONE;
  guint n = 0;
  g_autofree MteStudy **index = mte_project_dup_index_studies (project, order, &n, &source);

  mte_json_key (w, "study_order");
  mte_json_begin_object (w);
  mte_json_member_string (w, "order", mte_study_order_to_string (order));
  mte_json_key (w, "index_studies");
  mte_json_begin_array (w);
  for (guint i = 0; i < n; i++)
    mte_json_string (w, mte_study_get_id (index[i]));
  mte_json_end_array (w);
  mte_json_member_string (w, "index_study_chosen_by",
                          source == MTE_INDEX_STUDY_NONE ? NULL : mte_index_study_source_to_string (source));
  mte_json_member_string (w, "ties", mte_study_order_get_ties (order));
  mte_json_end_object (w);
}
