/* metaethno: a small streaming JSON writer (indented by two spaces).
 *
 * Strings are escaped as RFC 8259 requires (quote, backslash and every
 * control character below U+0020), plus U+2028 and U+2029 so the output
 * is also valid JavaScript; invalid UTF-8 is repaired. Numbers that are
 * not finite are written as null, as JSON has no NaN or infinity.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "mte-render-private.h"

#include <string.h>

typedef struct {
  char     close;       /* '}' or ']' */
  gboolean has_items;
} Level;

struct _MteJsonWriter {
  GString *out;
  GArray  *stack;       /* Level */
  gboolean after_key;
};

MteJsonWriter *
mte_json_writer_new (void)
{
  MteJsonWriter *writer = g_new0 (MteJsonWriter, 1);

  writer->out = g_string_new (NULL);
  writer->stack = g_array_new (FALSE, FALSE, sizeof (Level));
  return writer;
}

void
mte_json_writer_free (MteJsonWriter *writer)
{
  if (writer == NULL)
    return;
  g_string_free (writer->out, TRUE);
  g_array_unref (writer->stack);
  g_free (writer);
}

char *
mte_json_writer_finish (MteJsonWriter *writer)
{
  char *text;

  g_warn_if_fail (writer->stack->len == 0);
  g_string_append_c (writer->out, '\n');
  text = g_string_free (writer->out, FALSE);
  g_array_unref (writer->stack);
  g_free (writer);
  return text;
}

static void
newline (MteJsonWriter *writer)
{
  g_string_append_c (writer->out, '\n');
  for (guint i = 0; i < writer->stack->len; i++)
    g_string_append (writer->out, "  ");
}

/* Before any value or key: the comma and line break it needs. */
static void
before_item (MteJsonWriter *writer)
{
  Level *level;

  if (writer->after_key)
    {
      writer->after_key = FALSE;
      return;
    }
  if (writer->stack->len == 0)
    return;
  level = &g_array_index (writer->stack, Level, writer->stack->len - 1);
  if (level->has_items)
    g_string_append_c (writer->out, ',');
  level->has_items = TRUE;
  newline (writer);
}

static void
begin (MteJsonWriter *writer,
       char           open,
       char           close)
{
  Level level = { close, FALSE };

  before_item (writer);
  g_string_append_c (writer->out, open);
  g_array_append_val (writer->stack, level);
}

static void
end (MteJsonWriter *writer,
     char           close)
{
  Level level;

  g_return_if_fail (writer->stack->len > 0);
  level = g_array_index (writer->stack, Level, writer->stack->len - 1);
  g_return_if_fail (level.close == close);
  g_array_set_size (writer->stack, writer->stack->len - 1);
  if (level.has_items)
    newline (writer);
  g_string_append_c (writer->out, close);
}

void
mte_json_begin_object (MteJsonWriter *writer)
{
  begin (writer, '{', '}');
}

void
mte_json_end_object (MteJsonWriter *writer)
{
  end (writer, '}');
}

void
mte_json_begin_array (MteJsonWriter *writer)
{
  begin (writer, '[', ']');
}

void
mte_json_end_array (MteJsonWriter *writer)
{
  end (writer, ']');
}

void
mte_json_escape (GString    *out,
                 const char *text)
{
  g_autofree char *valid = NULL;

  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);
  g_string_append_c (out, '"');
  for (const unsigned char *p = (const unsigned char *) text; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\b': g_string_append (out, "\\b"); break;
        case '\f': g_string_append (out, "\\f"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        default:
          if (*p < 0x20)
            g_string_append_printf (out, "\\u%04x", *p);
          /* U+2028 and U+2029 are E2 80 A8 and E2 80 A9. */
          else if (p[0] == 0xE2 && p[1] == 0x80 && (p[2] == 0xA8 || p[2] == 0xA9))
            {
              g_string_append_printf (out, "\\u%04x", p[2] == 0xA8 ? 0x2028 : 0x2029);
              p += 2;
            }
          else
            g_string_append_c (out, (char) *p);
        }
    }
  g_string_append_c (out, '"');
}

void
mte_json_key (MteJsonWriter *writer,
              const char    *key)
{
  g_return_if_fail (!writer->after_key);
  before_item (writer);
  mte_json_escape (writer->out, key);
  g_string_append (writer->out, ": ");
  writer->after_key = TRUE;
}

void
mte_json_string (MteJsonWriter *writer,
                 const char    *value)
{
  before_item (writer);
  if (value == NULL)
    g_string_append (writer->out, "null");
  else
    mte_json_escape (writer->out, value);
}

void
mte_json_uint (MteJsonWriter *writer,
               guint          value)
{
  before_item (writer);
  g_string_append_printf (writer->out, "%u", value);
}

void
mte_json_int (MteJsonWriter *writer,
              gint64         value)
{
  before_item (writer);
  g_string_append_printf (writer->out, "%" G_GINT64_FORMAT, value);
}

void
mte_json_double (MteJsonWriter *writer,
                 double         value)
{
  char buf[MTE_RENDER_NUMBER_SIZE];

  before_item (writer);
  g_string_append (writer->out, mte_render_number (buf, value));
}

void
mte_json_bool (MteJsonWriter *writer,
               gboolean       value)
{
  before_item (writer);
  g_string_append (writer->out, value ? "true" : "false");
}

void
mte_json_null (MteJsonWriter *writer)
{
  before_item (writer);
  g_string_append (writer->out, "null");
}

void
mte_json_member_string (MteJsonWriter *writer,
                        const char    *key,
                        const char    *value)
{
  mte_json_key (writer, key);
  mte_json_string (writer, value);
}

void
mte_json_member_uint (MteJsonWriter *writer,
                      const char    *key,
                      guint          value)
{
  mte_json_key (writer, key);
  mte_json_uint (writer, value);
}

void
mte_json_member_double (MteJsonWriter *writer,
                        const char    *key,
                        double         value)
{
  mte_json_key (writer, key);
  mte_json_double (writer, value);
}

void
mte_json_member_bool (MteJsonWriter *writer,
                      const char    *key,
                      gboolean       value)
{
  mte_json_key (writer, key);
  mte_json_bool (writer, value);
}
