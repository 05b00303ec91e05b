/* metaethno: the stop-word lists compiled into the library.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#ifndef MTE_STOPWORDS_PRIVATE_H
#define MTE_STOPWORDS_PRIVATE_H

#include <glib.h>

G_BEGIN_DECLS

/*
 * The stop words of @language (a Snowball stemmer name such as "english"),
 * from lib/analysis/stopwords/LANGUAGE.txt as embed-stopwords.py compiled
 * them: static, NULL-terminated, as written in the list (not yet
 * case-folded). NULL when the library holds no list for @language.
 */
const char * const *mte_stopwords_for (const char *language);

G_END_DECLS

#endif /* MTE_STOPWORDS_PRIVATE_H */
