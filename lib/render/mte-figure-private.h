/* metaethno: the report's figures (mte-figure.c).
 *
 * Each function returns a new SVG document (free with g_free()) and its
 * natural size in CSS pixels.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#ifndef MTE_FIGURE_PRIVATE_H
#define MTE_FIGURE_PRIVATE_H

#include "mte-doc.h"

G_BEGIN_DECLS

/* The name a figure shows for a study, e.g. "Okafor et al. 2021";
 * borrowed, valid until the next call. */
typedef const char *(*MteFigureLabelFunc) (const MteStudy *study);

/* An estimate of the width of @text at @font_size pixels. */
double mte_figure_text_width (const char *text, double font_size);

/* The PRISMA 2020 flow diagram for new reviews: databases and registers,
 * and other methods when any of their counts is recorded. */
char *mte_figure_prisma (const MtePrisma *prisma, double *width, double *height);

/* The cumulative number of key concepts after each study, in translation
 * order, with the point of saturation marked. */
char *mte_figure_saturation (const MteTranslationTable *table, MteFigureLabelFunc label,
                             double *width, double *height);

/* The study × study Jaccard similarity as a heat map. */
char *mte_figure_heatmap (const MteRelatedness *relatedness, MteFigureLabelFunc label,
                          double *width, double *height);

/* The line of argument laid out by Graphviz's C library (dot). NULL with
 * @error when Graphviz fails. */
char *mte_figure_line_of_argument (const MteLineOfArgument *loa, double *width, double *height,
                                   GError **error);

G_END_DECLS

#endif /* MTE_FIGURE_PRIVATE_H */
