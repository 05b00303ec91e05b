/* metaethno: the report's figures as SVG, drawn by the library.
 *
 * The PRISMA 2020 flow diagram, the saturation curve and the relatedness
 * heat map are laid out here and written as SVG 1.1 text; the line of
 * argument goes through Graphviz's C library (the same DOT the
 * `synthesize --format dot` report prints, laid out in process: no `dot`
 * program is run). Every SVG has a <title> and <desc>, is well-formed
 * XML whatever the labels hold (they pass through mte_doc_clean() and
 * are escaped), and sizes itself with a viewBox so it scales to the page.
 *
 * Text widths are estimated, not measured: 0.62 em per character (0.7
 * in bold), twice that for wide (CJK) characters, which covers DejaVu
 * Sans, the widest of the sans-serif fonts the figures name.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "mte-figure-private.h"
#include "mte-render-private.h"

#include <math.h>
#include <string.h>

#include <graphviz/gvc.h>

#define TEXT_EM 0.62
#define HEATMAP_MAX 100
#define BOLD_EM 0.70

#define FONT "font-family=\"DejaVu Sans, Noto Sans, Helvetica, Arial, sans-serif\""

/* ------------------------------------------------------------------ */
/* SVG text                                                           */
/* ------------------------------------------------------------------ */

static void
svg_text_escaped (GString    *out,
                  const char *text)
{
  g_autofree char *clean = mte_doc_clean (text);

  mte_xml_escape (out, clean, FALSE);
}

/* Display cells of @text: 2 for wide characters, 0 for combining marks. */
static guint
text_cells (const char *text)
{
  guint cells = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iszerowidth (c))
        continue;
      cells += g_unichar_iswide (c) ? 2 : 1;
    }
  return cells;
}

double
mte_figure_text_width (const char *text,
                       double      font_size)
{
  return text_cells (text) * TEXT_EM * font_size;
}

/* @text wrapped into lines of at most @max_cells display cells, on spaces
 * where it can, inside words where it must. */
static GPtrArray *
wrap (const char *text,
      guint       max_cells)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *clean = mte_doc_clean (text);
  g_auto (GStrv) words = NULL;
  GString *line = g_string_new (NULL);
  guint cells = 0;

  for (char *c = clean; *c != '\0'; c++)
    if (*c == '\n' || *c == '\t')
      *c = ' ';
  words = g_strsplit (clean, " ", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      const char *word = words[i];
      guint w = text_cells (word);

      if (word[0] == '\0')
        continue;
      if (cells > 0 && cells + 1 + w > max_cells)
        {
          g_ptr_array_add (lines, g_strdup (line->str));
          g_string_truncate (line, 0);
          cells = 0;
        }
      /* A word longer than a line is cut. */
      while (w > max_cells)
        {
          const char *p = word;
          guint taken = 0;

          while (*p != '\0')
            {
              gunichar ch = g_utf8_get_char (p);
              guint cw = g_unichar_iswide (ch) ? 2 : 1;

              if (taken + cw > max_cells)
                break;
              taken += cw;
              p = g_utf8_next_char (p);
            }
          if (p == word)
            p = g_utf8_next_char (p);
          g_ptr_array_add (lines, g_strndup (word, (gsize) (p - word)));
          word = p;
          w = text_cells (word);
        }
      if (cells > 0)
        {
          g_string_append_c (line, ' ');
          cells++;
        }
      g_string_append (line, word);
      cells += w;
    }
  if (line->len > 0 || lines->len == 0)
    g_ptr_array_add (lines, g_strdup (line->str));
  g_string_free (line, TRUE);
  return lines;
}

/* @text cut to at most @max_cells display cells, with "…" when cut. */
static char *
shorten (const char *text,
         guint       max_cells)
{
  g_autofree char *clean = mte_render_one_line (text);
  GString *out = g_string_new (NULL);
  guint cells = 0;

  if (text_cells (clean) <= max_cells)
    {
      g_string_free (out, TRUE);
      return g_steal_pointer (&clean);
    }
  for (const char *p = clean; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);
      guint cw = g_unichar_iswide (ch) ? 2 : 1;

      if (cells + cw + 1 > max_cells)
        break;
      g_string_append_unichar (out, ch);
      cells += cw;
    }
  g_string_append (out, "…");
  return g_string_free (out, FALSE);
}

static void
svg_begin (GString    *out,
           double      width,
           double      height,
           const char *title,
           const char *desc)
{
  g_string_append_printf (out,
                          "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" "
                          "width=\"%.0f\" height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\" "
                          "role=\"img\" " FONT ">\n<title>",
                          width, height, width, height);
  svg_text_escaped (out, title);
  g_string_append (out, "</title>\n<desc>");
  svg_text_escaped (out, desc);
  g_string_append (out, "</desc>\n<rect x=\"0\" y=\"0\" width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
}

/* A <text> element; @anchor is "start", "middle" or "end". */
static void
svg_text (GString    *out,
          double      x,
          double      y,
          double      size,
          const char *anchor,
          const char *extra,
          const char *text)
{
  g_string_append_printf (out, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%.1f\" text-anchor=\"%s\"%s%s>",
                          x, y, size, anchor, extra != NULL ? " " : "", extra != NULL ? extra : "");
  svg_text_escaped (out, text);
  g_string_append (out, "</text>\n");
}

/* ------------------------------------------------------------------ */
/* PRISMA 2020 flow diagram                                           */
/* ------------------------------------------------------------------ */

#define BOX_W 236.0
#define BOX_FONT 11.5
#define LINE_H 15.0
#define BOX_PAD 8.0

typedef struct {
  double x, y, w, h;
} Box;

static char *
count_text (gint64 n)
{
  if (n == MTE_COUNT_UNKNOWN)
    return g_strdup ("not recorded");
  return g_strdup_printf ("n = %" G_GINT64_FORMAT, n);
}

/* A box's lines: a heading, then "label (n = N)" lines. */
typedef struct {
  GPtrArray *lines;             /* char*, already wrapped */
  guint      n_bold;            /* the first lines, in bold */
} BoxText;

static void
box_text_add (BoxText    *box,
              const char *text,
              gboolean    bold)
{
  guint max_cells = (guint) ((BOX_W - 2 * BOX_PAD) / ((bold ? BOLD_EM : TEXT_EM) * BOX_FONT));
  g_autoptr (GPtrArray) lines = wrap (text, max_cells);

  for (guint i = 0; i < lines->len; i++)
    {
      g_ptr_array_add (box->lines, g_strdup (g_ptr_array_index (lines, i)));
      if (bold)
        box->n_bold = box->lines->len;
    }
}

static void
box_text_count (BoxText    *box,
                const char *label,
                gint64      n)
{
  g_autofree char *count = count_text (n);
  g_autofree char *line = g_strdup_printf ("%s (%s)", label, count);

  box_text_add (box, line, FALSE);
}

static double
box_text_height (const BoxText *box)
{
  return box->lines->len * LINE_H + 2 * BOX_PAD;
}

static void
draw_box (GString       *out,
          const Box     *box,
          const BoxText *text,
          const char    *fill)
{
  g_string_append_printf (out, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
                          "fill=\"%s\" stroke=\"#3d4852\" stroke-width=\"1\"/>\n",
                          box->x, box->y, box->w, box->h, fill);
  for (guint i = 0; i < text->lines->len; i++)
    svg_text (out, box->x + BOX_PAD, box->y + BOX_PAD + (i + 1) * LINE_H - 4, BOX_FONT,
              "start", i < text->n_bold ? "font-weight=\"bold\"" : NULL,
              g_ptr_array_index (text->lines, i));
}

static void
arrow (GString *out,
       double   x1,
       double   y1,
       double   x2,
       double   y2)
{
  g_string_append_printf (out, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" "
                          "stroke=\"#3d4852\" stroke-width=\"1.2\" marker-end=\"url(#arrow)\"/>\n",
                          x1, y1, x2, y2);
}

static void
free_box_text (BoxText *box)
{
  g_ptr_array_unref (box->lines);
}

static BoxText
box_text_new (void)
{
  BoxText box = { g_ptr_array_new_with_free_func (g_free), 0 };

  return box;
}

static void
add_reasons (BoxText         *box,
             const MtePrisma *prisma,
             MtePrismaCount   count)
{
  for (guint i = 0; i < mte_prisma_get_n_reasons (prisma, count); i++)
    {
      gint64 n;
      const char *reason = mte_prisma_get_reason (prisma, count, i, &n);
      g_autofree char *line = g_strdup_printf ("%s", reason);

      box_text_count (box, line, n);
    }
}

static gboolean
has_count (const MtePrisma *prisma,
           MtePrismaCount   count)
{
  gint64 n = mte_prisma_get_count (prisma, count);

  return n != MTE_COUNT_UNKNOWN && n > 0;
}

char *
mte_figure_prisma (const MtePrisma *prisma,
                   double          *width,
                   double          *height)
{
  gboolean other = FALSE;
  BoxText t[5][4];              /* rows × columns: main, its exclusions, other, its exclusions */
  double row_h[5] = { 0 };
  double col_x[4];
  double top = 40, gap_y = 34, y;
  double w, h;
  GString *out = g_string_new (NULL);
  static const MtePrismaCount other_counts[] = {
    MTE_PRISMA_WEBSITE_RESULTS, MTE_PRISMA_ORGANISATION_RESULTS, MTE_PRISMA_CITATION_RESULTS,
    MTE_PRISMA_OTHER_RESULTS, MTE_PRISMA_OTHER_SOUGHT, MTE_PRISMA_OTHER_ASSESSED,
  };

  for (guint i = 0; i < G_N_ELEMENTS (other_counts); i++)
    other |= has_count (prisma, other_counts[i]);

  for (guint r = 0; r < 5; r++)
    for (guint c = 0; c < 4; c++)
      t[r][c] = box_text_new ();

  /* Identification. */
  box_text_add (&t[0][0], "Records identified from:", TRUE);
  box_text_count (&t[0][0], "Databases", mte_prisma_get_count (prisma, MTE_PRISMA_DATABASE_RESULTS));
  box_text_count (&t[0][0], "Registers", mte_prisma_get_count (prisma, MTE_PRISMA_REGISTER_RESULTS));
  box_text_add (&t[0][1], "Records removed before screening:", TRUE);
  box_text_count (&t[0][1], "Duplicate records", mte_prisma_get_count (prisma, MTE_PRISMA_DUPLICATES));
  box_text_count (&t[0][1], "Marked ineligible by automation tools",
                  mte_prisma_get_count (prisma, MTE_PRISMA_EXCLUDED_AUTOMATIC));
  box_text_count (&t[0][1], "Removed for other reasons",
                  mte_prisma_get_count (prisma, MTE_PRISMA_EXCLUDED_OTHER));
  box_text_add (&t[0][2], "Records identified from:", TRUE);
  box_text_count (&t[0][2], "Websites", mte_prisma_get_count (prisma, MTE_PRISMA_WEBSITE_RESULTS));
  box_text_count (&t[0][2], "Organisations", mte_prisma_get_count (prisma, MTE_PRISMA_ORGANISATION_RESULTS));
  box_text_count (&t[0][2], "Citation searching", mte_prisma_get_count (prisma, MTE_PRISMA_CITATION_RESULTS));
  box_text_count (&t[0][2], "Other methods", mte_prisma_get_count (prisma, MTE_PRISMA_OTHER_RESULTS));

  /* Screening. */
  box_text_count (&t[1][0], "Records screened", mte_prisma_get_count (prisma, MTE_PRISMA_RECORDS_SCREENED));
  box_text_count (&t[1][1], "Records excluded", mte_prisma_get_count (prisma, MTE_PRISMA_RECORDS_EXCLUDED));
  box_text_count (&t[2][0], "Reports sought for retrieval", mte_prisma_get_count (prisma, MTE_PRISMA_DBR_SOUGHT));
  box_text_count (&t[2][1], "Reports not retrieved", mte_prisma_get_count (prisma, MTE_PRISMA_DBR_NOT_RETRIEVED));
  box_text_count (&t[2][2], "Reports sought for retrieval", mte_prisma_get_count (prisma, MTE_PRISMA_OTHER_SOUGHT));
  box_text_count (&t[2][3], "Reports not retrieved", mte_prisma_get_count (prisma, MTE_PRISMA_OTHER_NOT_RETRIEVED));
  box_text_count (&t[3][0], "Reports assessed for eligibility", mte_prisma_get_count (prisma, MTE_PRISMA_DBR_ASSESSED));
  box_text_count (&t[3][1], "Reports excluded", mte_prisma_get_count (prisma, MTE_PRISMA_DBR_EXCLUDED));
  add_reasons (&t[3][1], prisma, MTE_PRISMA_DBR_EXCLUDED);
  box_text_count (&t[3][2], "Reports assessed for eligibility", mte_prisma_get_count (prisma, MTE_PRISMA_OTHER_ASSESSED));
  box_text_count (&t[3][3], "Reports excluded", mte_prisma_get_count (prisma, MTE_PRISMA_OTHER_EXCLUDED));
  add_reasons (&t[3][3], prisma, MTE_PRISMA_OTHER_EXCLUDED);

  /* Included. */
  box_text_count (&t[4][0], "Studies included in review", mte_prisma_get_count (prisma, MTE_PRISMA_TOTAL_STUDIES));
  box_text_count (&t[4][0], "Reports of included studies", mte_prisma_get_count (prisma, MTE_PRISMA_TOTAL_REPORTS));

  for (guint r = 0; r < 5; r++)
    for (guint c = 0; c < (other ? 4u : 2u); c++)
      if (t[r][c].lines->len > 0)
        row_h[r] = MAX (row_h[r], box_text_height (&t[r][c]));

  col_x[0] = 44;
  col_x[1] = col_x[0] + BOX_W + 40;
  col_x[2] = col_x[1] + BOX_W + 56;
  col_x[3] = col_x[2] + BOX_W + 40;
  w = (other ? col_x[3] : col_x[1]) + BOX_W + 16;
  h = top;
  for (guint r = 0; r < 5; r++)
    h += row_h[r] + (r < 4 ? gap_y : 0);
  h += 16;

  svg_begin (out, w, h, "PRISMA 2020 flow diagram",
             "Records identified, screened and assessed, and the studies included, with counts at each stage.");
  g_string_append (out, "<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" "
                        "markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\">"
                        "<path d=\"M0,0 L10,5 L0,10 z\" fill=\"#3d4852\"/></marker></defs>\n");
  svg_text (out, col_x[0] + BOX_W / 2 + (BOX_W + 40) / 2, 24, 12.5, "middle", "font-weight=\"bold\"",
            "Identification of studies via databases and registers");
  if (other)
    svg_text (out, col_x[2] + BOX_W / 2 + (BOX_W + 40) / 2, 24, 12.5, "middle", "font-weight=\"bold\"",
              "Identification of studies via other methods");

  /* Stage bands on the left. */
  {
    static const char *stages[] = { "Identification", "Screening", "Included" };
    double band_top[3], band_bottom[3];
    double ys = top;
    double row_y[5];

    for (guint r = 0; r < 5; r++)
      {
        row_y[r] = ys;
        ys += row_h[r] + gap_y;
      }
    band_top[0] = row_y[0];
    band_bottom[0] = row_y[0] + row_h[0];
    band_top[1] = row_y[1];
    band_bottom[1] = row_y[3] + row_h[3];
    band_top[2] = row_y[4];
    band_bottom[2] = row_y[4] + row_h[4];
    for (guint s = 0; s < 3; s++)
      {
        double mid = (band_top[s] + band_bottom[s]) / 2;

        g_string_append_printf (out, "<rect x=\"6\" y=\"%.1f\" width=\"26\" height=\"%.1f\" rx=\"4\" "
                                "fill=\"#dbe7f0\" stroke=\"#9db4c6\"/>\n",
                                band_top[s], band_bottom[s] - band_top[s]);
        g_string_append_printf (out, "<text x=\"19\" y=\"%.1f\" font-size=\"11.5\" font-weight=\"bold\" "
                                "text-anchor=\"middle\" transform=\"rotate(-90 19 %.1f)\" "
                                "dominant-baseline=\"middle\">%s</text>\n",
                                mid, mid, stages[s]);
      }
  }

  y = top;
  for (guint r = 0; r < 5; r++)
    {
      for (guint c = 0; c < (other ? 4u : 2u); c++)
        {
          Box box = { col_x[c], y, BOX_W, row_h[r] };

          if (t[r][c].lines->len == 0)
            continue;
          draw_box (out, &box, &t[r][c], c % 2 == 0 ? "#f7fafc" : "#ffffff");
          /* Side boxes hang off the box to their left. */
          if (c % 2 == 1)
            arrow (out, col_x[c - 1] + BOX_W, y + row_h[r] / 2, col_x[c], y + row_h[r] / 2);
        }
      if (r < 4)
        {
          double next = y + row_h[r] + gap_y;

          if (t[r + 1][0].lines->len > 0)
            arrow (out, col_x[0] + BOX_W / 2, y + row_h[r], col_x[0] + BOX_W / 2, next);
          if (other && r >= 2 && r < 3)
            arrow (out, col_x[2] + BOX_W / 2, y + row_h[r], col_x[2] + BOX_W / 2, next);
          if (other && r == 0)
            arrow (out, col_x[2] + BOX_W / 2, y + row_h[0], col_x[2] + BOX_W / 2,
                   y + row_h[0] + gap_y + row_h[1] + gap_y);
          if (other && r == 3)
            {
              /* Other methods join the included box. */
              double x = col_x[2] + BOX_W / 2, yi = next + row_h[4] / 2;

              g_string_append_printf (out, "<polyline points=\"%.1f,%.1f %.1f,%.1f %.1f,%.1f\" fill=\"none\" "
                                      "stroke=\"#3d4852\" stroke-width=\"1.2\" marker-end=\"url(#arrow)\"/>\n",
                                      x, y + row_h[3], x, yi, col_x[0] + BOX_W, yi);
            }
          y = next;
        }
    }
  g_string_append (out, "</svg>\n");

  for (guint r = 0; r < 5; r++)
    for (guint c = 0; c < 4; c++)
      free_box_text (&t[r][c]);
  *width = w;
  *height = h;
  return g_string_free (out, FALSE);
}

/* ------------------------------------------------------------------ */
/* Saturation curve                                                   */
/* ------------------------------------------------------------------ */

char *
mte_figure_saturation (const MteTranslationTable *table,
                       MteFigureLabelFunc         label,
                       double                    *width,
                       double                    *height)
{
  guint n = mte_translation_table_get_n_studies (table);
  guint total = mte_translation_table_get_n_concepts (table);
  int saturation = mte_translation_table_get_saturation_column (table);
  double left = 56, right = 20, top = 20;
  double label_space = 0;
  double plot_w, plot_h = 240;
  double w, h;
  guint ymax, step;
  guint cumulative = 0;
  gboolean named = n <= 40;
  GString *out = g_string_new (NULL);
  GString *points = g_string_new (NULL);
  g_autofree char *desc = NULL;

  if (named)
    for (guint i = 0; i < n; i++)
      {
        g_autofree char *name = shorten (label (mte_translation_table_get_study (table, i)), 24);

        label_space = MAX (label_space, mte_figure_text_width (name, 10));
      }
  plot_w = MAX (320.0, MIN (640.0, n * 22.0));
  /* The first label, turned 45 degrees, reaches left of the plot. */
  if (named && n > 0)
    left = MAX (left, label_space * 0.71 - plot_w / (2.0 * n) + 8);
  w = left + plot_w + right;
  h = top + plot_h + 14 + (named ? label_space * 0.72 + 12 : 16) + 30;
  ymax = MAX (total, 1u);
  step = ymax <= 10 ? 1 : ymax <= 25 ? 5 : ymax <= 60 ? 10 : ymax <= 150 ? 25 : (guint) pow (10, floor (log10 (ymax)));

  if (saturation >= 0)
    desc = g_strdup_printf ("Cumulative number of key concepts after each of %u studies in translation order, "
                            "rising to %u; no new concept appeared after study %d (%s).",
                            n, total, saturation + 1,
                            label (mte_translation_table_get_study (table, (guint) saturation)));
  else
    desc = g_strdup_printf ("Cumulative number of key concepts after each of %u studies in translation order, "
                            "rising to %u; the last study still added a concept.", n, total);
  svg_begin (out, w, h, "Conceptual saturation", desc);

  /* Axes and grid. */
  for (guint v = 0; v <= ymax; v += step)
    {
      double y = top + plot_h - plot_h * v / ymax;
      char buf[16];

      g_snprintf (buf, sizeof buf, "%u", v);
      g_string_append_printf (out, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#e3e8ec\"/>\n",
                              left, y, left + plot_w, y);
      svg_text (out, left - 6, y + 4, 10, "end", NULL, buf);
    }
  g_string_append_printf (out, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#3d4852\"/>\n"
                          "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#3d4852\"/>\n",
                          left, top, left, top + plot_h, left, top + plot_h, left + plot_w, top + plot_h);
  g_string_append_printf (out, "<text x=\"14\" y=\"%.1f\" font-size=\"11\" text-anchor=\"middle\" "
                          "transform=\"rotate(-90 14 %.1f)\">Key concepts (cumulative)</text>\n",
                          top + plot_h / 2, top + plot_h / 2);

  for (guint i = 0; i < n; i++)
    {
      double x = left + plot_w * (i + 0.5) / MAX (n, 1u);
      double y;

      cumulative += mte_translation_table_get_new_concepts (table, i);
      y = top + plot_h - plot_h * cumulative / ymax;
      g_string_append_printf (points, "%s%.1f,%.1f", i > 0 ? " " : "", x, y);
      if (saturation >= 0 && (int) i == saturation)
        {
          g_string_append_printf (out, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" "
                                  "stroke=\"#b0413e\" stroke-dasharray=\"4 3\"/>\n",
                                  x, top, x, top + plot_h);
          /* The note on whichever side of the line has room for it. */
          if (x + 4 + mte_figure_text_width ("no new concepts after this study", 10) < left + plot_w)
            svg_text (out, x + 4, top + plot_h - 6, 10, "start", "fill=\"#b0413e\"", "no new concepts after this study");
          else
            svg_text (out, x - 4, top + plot_h - 6, 10, "end", "fill=\"#b0413e\"", "no new concepts after this study");
        }
      if (named)
        {
          g_autofree char *name = shorten (label (mte_translation_table_get_study (table, i)), 24);
          double ly = top + plot_h + 12;

          g_string_append_printf (out, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"10\" text-anchor=\"end\" "
                                  "transform=\"rotate(-45 %.1f %.1f)\">", x, ly, x, ly);
          svg_text_escaped (out, name);
          g_string_append (out, "</text>\n");
        }
      else if ((i + 1) % (n > 200 ? 50 : 10) == 0 || i == 0)
        {
          char buf[16];

          g_snprintf (buf, sizeof buf, "%u", i + 1);
          svg_text (out, x, top + plot_h + 14, 10, "middle", NULL, buf);
        }
    }
  if (n > 0)
    g_string_append_printf (out, "<polyline points=\"%s\" fill=\"none\" stroke=\"#1f5f8b\" stroke-width=\"2\"/>\n",
                            points->str);
  if (n <= 120)
    {
      gchar **pts = g_strsplit (points->str, " ", -1);

      for (guint i = 0; pts[i] != NULL && pts[i][0] != '\0'; i++)
        {
          double x = g_ascii_strtod (pts[i], NULL);
          double y = g_ascii_strtod (strchr (pts[i], ',') + 1, NULL);

          g_string_append_printf (out, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"#1f5f8b\"/>\n", x, y);
        }
      g_strfreev (pts);
    }
  svg_text (out, left + plot_w / 2, h - 8, 11, "middle", NULL,
            named ? "Studies in translation order" : "Position in translation order");
  g_string_append (out, "</svg>\n");
  g_string_free (points, TRUE);
  *width = w;
  *height = h;
  return g_string_free (out, FALSE);
}

/* ------------------------------------------------------------------ */
/* Relatedness heat map                                               */
/* ------------------------------------------------------------------ */

char *
mte_figure_heatmap (const MteRelatedness *relatedness,
                    MteFigureLabelFunc    label,
                    double               *width,
                    double               *height)
{
  guint n = mte_relatedness_get_n_studies (relatedness);
  /* Above HEATMAP_MAX studies, each cell is the mean over a block of
   * consecutive studies, so the figure stays a readable size (and the
   * SVG a few hundred kilobytes) at any number of studies. */
  guint block = n <= HEATMAP_MAX ? 1 : (n + HEATMAP_MAX - 1) / HEATMAP_MAX;
  guint m = (n + block - 1) / block;
  double cell = m == 0 ? 14 : CLAMP (560.0 / m, 4.0, 18.0);
  gboolean named = block == 1 && cell >= 8;
  double label_w = 0;
  double left, top, w, h;
  GString *out = g_string_new (NULL);
  g_autofree char *desc = block == 1
    ? g_strdup_printf ("A %u by %u matrix of studies; the darker a cell, the larger the share of key "
                       "concepts the two studies have in common (Jaccard similarity from 0 to 1).", n, n)
    : g_strdup_printf ("A matrix of %u studies in blocks of %u consecutive studies; the darker a cell, "
                       "the larger the mean share of key concepts between the studies of two blocks "
                       "(Jaccard similarity from 0 to 1).", n, block);

  if (named)
    for (guint i = 0; i < n; i++)
      {
        g_autofree char *name = shorten (label (mte_relatedness_get_study (relatedness, i)), 32);

        label_w = MAX (label_w, mte_figure_text_width (name, MIN (10.0, cell * 0.8)));
      }
  left = 10 + label_w + 6;
  top = 10 + label_w * 0.75 + 6;
  w = left + m * cell + 130;
  h = MAX (top + m * cell + 16, top + 150);
  svg_begin (out, w, h, "Relatedness of studies", desc);

  for (guint bi = 0; bi < m; bi++)
    {
      for (guint bj = 0; bj < m; bj++)
        {
          double v = 0;
          guint count = 0;
          int shade;

          for (guint i = bi * block; i < MIN (n, (bi + 1) * block); i++)
            for (guint j = bj * block; j < MIN (n, (bj + 1) * block); j++)
              {
                double x = mte_relatedness_get_jaccard (relatedness, i, j);

                v += isfinite (x) ? x : 0;
                count++;
              }
          v = count > 0 ? v / count : 0;
          shade = (int) lround (255 - 200 * CLAMP (v, 0.0, 1.0));
          g_string_append_printf (out, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.2f\" height=\"%.2f\" "
                                  "fill=\"rgb(%d,%d,%d)\"/>\n",
                                  left + bj * cell, top + bi * cell, cell, cell,
                                  CLAMP (shade - 40, 0, 255), CLAMP (shade - 10, 0, 255), 255 - (255 - shade) / 3);
        }
      if (named)
        {
          guint i = bi;
          g_autofree char *name = shorten (label (mte_relatedness_get_study (relatedness, i)), 32);
          double fs = MIN (10.0, cell * 0.8);
          double ty = top + i * cell + cell * 0.72;
          double tx = left + i * cell + cell * 0.7;

          svg_text (out, left - 4, ty, fs, "end", NULL, name);
          g_string_append_printf (out, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%.1f\" text-anchor=\"start\" "
                                  "transform=\"rotate(-60 %.1f %.1f)\">", tx, top - 4, fs, tx, top - 4);
          svg_text_escaped (out, name);
          g_string_append (out, "</text>\n");
        }
    }
  g_string_append_printf (out, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"none\" stroke=\"#3d4852\"/>\n",
                          left, top, m * cell, m * cell);

  /* Legend. */
  {
    double lx = left + m * cell + 24, ly = top;

    svg_text (out, lx, ly + 10, 10.5, "start", "font-weight=\"bold\"", "Jaccard");
    for (guint k = 0; k <= 4; k++)
      {
        double v = k / 4.0;
        int shade = (int) lround (255 - 200 * v);
        char buf[8];

        g_string_append_printf (out, "<rect x=\"%.1f\" y=\"%.1f\" width=\"16\" height=\"16\" fill=\"rgb(%d,%d,%d)\" "
                                "stroke=\"#9aa5ae\"/>\n",
                                lx, ly + 20 + k * 22, CLAMP (shade - 40, 0, 255), CLAMP (shade - 10, 0, 255),
                                255 - (255 - shade) / 3);
        g_snprintf (buf, sizeof buf, "%.2f", v);
        svg_text (out, lx + 22, ly + 32 + k * 22, 10, "start", NULL, buf);
      }
  }
  g_string_append (out, "</svg>\n");
  *width = w;
  *height = h;
  return g_string_free (out, FALSE);
}

/* ------------------------------------------------------------------ */
/* Line of argument, through Graphviz                                 */
/* ------------------------------------------------------------------ */

static GString *graphviz_errors;

static int
collect_graphviz_error (char *message)
{
  if (graphviz_errors != NULL)
    g_string_append (graphviz_errors, message);
  return 0;
}

G_LOCK_DEFINE_STATIC (graphviz);

/* One Graphviz context for the life of the process. Graphviz 2.42's
 * pango text plugin caches a font name that gvFreeContext() frees, and
 * reads it again in the next context's layout (a use after free that
 * valgrind shows), so the context is made once and kept, like the
 * plugin's own cache. Only ever used under the lock. */
static GVC_t *graphviz_context;

char *
mte_figure_line_of_argument (const MteLineOfArgument *loa,
                             double                  *width,
                             double                  *height,
                             GError                 **error)
{
  g_autofree char *dot = mte_line_of_argument_render (loa, MTE_REPORT_DOT, error);
  GVC_t *gvc;
  Agraph_t *graph;
  char *data = NULL;
  unsigned int length = 0;
  char *svg = NULL;

  if (dot == NULL)
    return NULL;

  /* Graphviz keeps global state (its error hook, the graph
   * dictionaries): one layout at a time. */
  G_LOCK (graphviz);
  graphviz_errors = g_string_new (NULL);
  agseterr (AGERR);
  agseterrf (collect_graphviz_error);
  if (graphviz_context == NULL)
    graphviz_context = gvContext ();
  gvc = graphviz_context;
  graph = agmemread (dot);
  if (graph != NULL && gvLayout (gvc, graph, "dot") == 0)
    {
      if (gvRenderData (gvc, graph, "svg", &data, &length) == 0 && data != NULL)
        {
          /* From the root element on: Graphviz's doctype names the SVG
           * 1.1 DTD by URL, which no reader of ours should be asked to
           * fetch or even see. */
          g_autofree char *all = g_strndup (data, length);
          const char *root = strstr (all, "<svg");

          if (root != NULL)
            svg = g_strconcat ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", root, NULL);
        }
      if (data != NULL)
        gvFreeRenderData (data);
      gvFreeLayout (gvc, graph);
    }
  if (graph != NULL)
    agclose (graph);
  agseterrf (NULL);
  if (svg == NULL)
    {
      g_autofree char *why = g_string_free (graphviz_errors, FALSE);

      g_strstrip (why);
      g_set_error (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_INVALID_VALUE,
                   "Graphviz could not lay out the line of argument%s%s",
                   why[0] != '\0' ? ": " : "", why);
    }
  else
    g_string_free (graphviz_errors, TRUE);
  graphviz_errors = NULL;
  G_UNLOCK (graphviz);

  if (svg != NULL)
    {
      /* The size in points, from the root element. */
      const char *root = strstr (svg, "<svg");
      const char *wa = root != NULL ? strstr (root, "width=\"") : NULL;
      const char *ha = root != NULL ? strstr (root, "height=\"") : NULL;

      *width = wa != NULL ? g_ascii_strtod (wa + 7, NULL) * 4.0 / 3.0 : 600;
      *height = ha != NULL ? g_ascii_strtod (ha + 8, NULL) * 4.0 / 3.0 : 400;
    }
  return svg;
}
