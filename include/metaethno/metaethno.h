/* metaethno: software for meta-ethnography.
 *
 * The only header applications include:
 *
 *     #include <metaethno/metaethno.h>
 *
 * and link with `pkg-config --cflags --libs metaethno`.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#ifndef METAETHNO_H
#define METAETHNO_H

#define MTE_INSIDE

#include <metaethno/mte-macros.h>
#include <metaethno/mte-version.h>
#include <metaethno/mte-types.h>
#include <metaethno/mte-error.h>
#include <metaethno/mte-project.h>
#include <metaethno/mte-study.h>
#include <metaethno/mte-review.h>
#include <metaethno/mte-emerge.h>
#include <metaethno/mte-references.h>
#include <metaethno/mte-refi.h>
#include <metaethno/mte-construct.h>
#include <metaethno/mte-concept.h>
#include <metaethno/mte-synthesis.h>
#include <metaethno/mte-framework.h>
#include <metaethno/mte-file.h>
#include <metaethno/mte-analysis.h>
#include <metaethno/mte-similarity.h>
#include <metaethno/mte-check.h>
#include <metaethno/mte-line-of-argument.h>
#include <metaethno/mte-conqual.h>
#include <metaethno/mte-render.h>
#include <metaethno/mte-session.h>
#include <metaethno/mte-deprecated.h>

#undef MTE_INSIDE

#endif /* METAETHNO_H */
