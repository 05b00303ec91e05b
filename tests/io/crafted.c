/* metaethno: crafted inputs for the loader's cost tests and benchmark.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <string.h>

#include "crafted.h"

#define HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
             "<project xmlns=\"urn:metaethno:project:1\" version=\"1.0\">\n"
#define TAIL "\n</project>\n"

typedef struct {
  const char *prefix;           /* after HEAD */
  const char *unit;             /* repeated to fill n bytes (cut at a unit) */
  const char *suffix;           /* before TAIL */
} Fill;

const MteCraftedKind mte_crafted_kinds[] = {
  { "attributes", "one element with N attributes", TRUE },
  { "attribute", "an attribute value of N bytes (a member's name)", FALSE },
  { "attribute-gt", "an attribute value of N bytes, every eighth one '>'", FALSE },
  { "comment", "a comment of N bytes", FALSE },
  { "comment-gt", "a comment of N bytes, every eighth one '>'", FALSE },
  { "pi", "a processing instruction of N bytes", FALSE },
  { "pi-gt", "a processing instruction of N bytes, every eighth one '>'", FALSE },
  { "cdata", "a CDATA section of N bytes (a title)", FALSE },
  { "cdata-gt", "a CDATA section of N bytes, every eighth one '>'", FALSE },
  { "text", "element content of N bytes (a title)", FALSE },
  { "text-gt", "element content of N bytes, every eighth one '>'", FALSE },
  { "text-amp", "element content of N bytes, every other character &amp;", FALSE },
  { "text-utf8", "element content of N bytes of two-byte UTF-8 characters", FALSE },
  { "text-lines", "element content of N bytes in lines of 8", FALSE },
  { "text-crlf", "element content of N bytes in CR LF lines of 8", FALSE },
  { "space", "N bytes of white space between elements", FALSE },
  { "tag-space", "a start tag with N bytes of white space before its '>'", FALSE },
  { "end-tag-space", "an end tag with N bytes of white space before its '>'", FALSE },
  { "reference", "an entity reference with a name of N bytes", FALSE },
  { "baseline", "an ordinary project of N bytes: members with names and roles", FALSE },
  { NULL, NULL, FALSE },
};

static const struct {
  const char *name;
  Fill        fill;
} fills[] = {
  { "attribute", { "<members><member id=\"m\" name=\"", "abcdefgh", "\"/></members>" } },
  { "attribute-gt", { "<members><member id=\"m\" name=\"", "abcdefg>", "\"/></members>" } },
  { "comment", { "<!--", "abcdefgh", "-->" } },
  { "comment-gt", { "<!--", "abcdefg>", "-->" } },
  { "pi", { "<?mte-pi ", "abcdefgh", "?>" } },
  { "pi-gt", { "<?mte-pi ", "abcdefg>", "?>" } },
  { "cdata", { "<title><![CDATA[", "abcdefgh", "]]></title>" } },
  { "cdata-gt", { "<title><![CDATA[", "abcdefg>", "]]></title>" } },
  { "text", { "<title>", "abcdefgh", "</title>" } },
  { "text-gt", { "<title>", "abcdefg>", "</title>" } },
  { "text-amp", { "<title>", "a&amp;b&amp;", "</title>" } },
  { "text-utf8", { "<title>", "\xc3\xa9\xc3\xa8\xc3\xa0\xc3\xbc", "</title>" } },
  { "text-lines", { "<title>", "abcdefg\n", "</title>" } },
  { "text-crlf", { "<title>", "abcdef\r\n", "</title>" } },
  { "space", { "<members>", "        ", "</members>" } },
  { "tag-space", { "<title", "        ", ">t</title>" } },
  { "end-tag-space", { "<title>t</title", "        ", ">" } },
  { "reference", { "<title>&", "abcdefgh", ";</title>" } },
};

static void
append_fill (GString *s, const char *unit, guint64 n)
{
  gsize unit_len = strlen (unit);
  guint64 units = n / unit_len;
  gsize start = s->len;

  /* Doubling copies: a few memcpy calls rather than n / 8 appends. */
  g_string_set_size (s, start + units * unit_len);
  if (units == 0)
    return;
  memcpy (s->str + start, unit, unit_len);
  for (guint64 done = 1; done < units;)
    {
      guint64 take = MIN (done, units - done);

      memcpy (s->str + start + done * unit_len, s->str + start, take * unit_len);
      done += take;
    }
}

char *
mte_crafted_make (const char *kind, guint64 n, gsize *length)
{
  GString *s = g_string_new (HEAD);

  if (strcmp (kind, "attributes") == 0)
    {
      g_string_append (s, "<title");
      for (guint64 i = 0; i < n; i++)
        g_string_append_printf (s, " a%" G_GUINT64_FORMAT "=\"\"", i);
      g_string_append (s, ">t</title>");
    }
  else if (strcmp (kind, "baseline") == 0)
    {
      guint64 start;

      g_string_append (s, "<members>\n");
      start = s->len;
      for (guint64 i = 0; s->len - start < n; i++)
        g_string_append_printf (s, "  <member id=\"m%" G_GUINT64_FORMAT "\" name=\"Reviewer %"
                                G_GUINT64_FORMAT "\" role=\"second reviewer\"/>\n", i, i);
      g_string_append (s, "</members>");
    }
  else
    {
      gsize i;

      for (i = 0; i < G_N_ELEMENTS (fills); i++)
        if (strcmp (kind, fills[i].name) == 0)
          break;
      if (i == G_N_ELEMENTS (fills))
        {
          g_string_free (s, TRUE);
          return NULL;
        }
      g_string_append (s, fills[i].fill.prefix);
      append_fill (s, fills[i].fill.unit, n);
      g_string_append (s, fills[i].fill.suffix);
    }
  g_string_append (s, TAIL);
  if (length != NULL)
    *length = s->len;
  return g_string_free (s, FALSE);
}
