/* Writes the sample document (doc-sample.h) as DOCX to the path given, for
 * the python-docx test (tests/python/test_docx.py).
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "doc-sample.h"

#include <stdio.h>

int
main (int   argc,
      char *argv[])
{
  g_autoptr (MteDoc) doc = NULL;
  g_autoptr (GBytes) docx = NULL;
  g_autoptr (GError) error = NULL;

  if (argc != 2)
    {
      fprintf (stderr, "usage: %s OUT.docx\n", argv[0]);
      return 2;
    }
  doc = sample_doc ();
  docx = mte_doc_to_docx (doc, &error);
  if (docx == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  if (!g_file_set_contents (argv[1], g_bytes_get_data (docx, NULL), g_bytes_get_size (docx), &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  return 0;
}
