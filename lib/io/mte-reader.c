/* metaethno: the project file reader (format 1.x).
 *
 * One streaming pass: libxml2's push parser is fed the input in chunks, the
 * bundled XSD validates the SAX2 event stream (xmlSchemaSAXPlug) and our
 * own callbacks build the model through the public API as elements go by.
 * The plug calls our callback for an element before the validator sees it,
 * so our callbacks never trust structure: anything unexpected is skipped
 * and left for the validator to report a moment later.
 *
 * The input is untrusted. A DOCTYPE stops the load, entity references other
 * than the five predefined ones are refused, no external resource is ever
 * loaded, and size and depth are bounded.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#define _GNU_SOURCE 1

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/xmlschemas.h>

#include "mte-error-private.h"
#include "mte-io-private.h"
#include "mte-model-private.h"
#include "mte-names-private.h"

#define CHUNK_SIZE MTE_IO_READ_SIZE_MAX
#define PARSE_OPTIONS (XML_PARSE_NONET | XML_PARSE_HUGE)

/* ------------------------------------------------------------------ */
/* Names                                                              */
/* ------------------------------------------------------------------ */

/* What an open element is in its context: one of the format's element
 * names (MteIoElement, from the table the writer uses too), or one of
 * these where the name alone does not say. */
typedef int ElementId;

enum {
  EL_CHECKLIST_QUESTION = MTE_EL_N,     /* "question" inside a checklist */
  /* A study's text fields (its title included): + MteStudyField. */
  EL_STUDY_FIELD,
  /* A record's citation fields (1.1): + MteRecordField. */
  EL_RECORD_FIELD = EL_STUDY_FIELD + MTE_STUDY_N_FIELDS,
  /* The protocol's texts (1.1): + MteProtocolField. */
  EL_PROTOCOL_FIELD = EL_RECORD_FIELD + MTE_RECORD_N_FIELDS,
  EL_LAST = EL_PROTOCOL_FIELD + MTE_PROTOCOL_N_FIELDS
};

typedef MteIoAttribute AttrId;

/* Lists whose references may point forward; see queue_ref(). */
typedef enum {
  REF_GROUNDING,
  REF_EXPRESSION,
  REF_BASIS,
  REF_CLASSIFICATION,
  N_REF_KINDS
} RefKind;

typedef struct {
  RefKind   kind;
  gpointer  owner;
  char     *id;
  char     *level;              /* classification only */
  int       line;
  int       column;
} PendingRef;

/* A record's fate, applied once the document has ended: the record it
 * duplicates or the study it reports may come later in the file. */
typedef struct {
  MteRecord     *record;
  MteRecordFate  fate;
  AttrId         target_attr;   /* MTE_AT_DUPLICATE_OF or MTE_AT_STUDY */
  char          *target;
  char          *reason;
  char          *reviewer;
  gint64         created;
  int            line;
  int            column;
} PendingFate;

typedef struct {
  ElementId id;
} Frame;

typedef struct {
  xmlParserCtxtPtr  ctxt;
  const char       *name;       /* for messages */
  GError           *error;      /* the first problem; nothing after counts */

  /* Something our callbacks could not use but the validator has not
   * complained about yet; reported at the next event if it stays quiet. */
  char             *suspect;
  int               suspect_line;
  int               suspect_column;

  GHashTable       *elements;   /* interned name → ElementId */
  GHashTable       *attributes; /* interned name → AttrId + 1 */
  const xmlChar    *ns;         /* interned namespace */

  int               depth;
  Frame             frames[MTE_LOAD_MAX_DEPTH + 1];
  gboolean          root_seen;
  gboolean          at_end;     /* the parser has been told the input ended */

  /* Attribute values of the current start tag, NUL-terminated copies. */
  GString          *attr_buf;
  gsize             attr_offset[MTE_AT_N];
  const char       *attrs[MTE_AT_N];

  /* Attributes of an element built at its end (construct, memo, question,
   * appraisal, study attribute, concern, confidence). */
  GString          *saved_buf;
  gsize             saved_offset[MTE_AT_N];
  guint64           saved_mask;

  gboolean          capture;
  GString          *text;

  MteProject       *project;
  gint64            created;
  gint64            modified;
  MteChecklist     *checklist;
  MteStudy         *study;
  MteConstruct     *construct;
  gboolean          construct_made;
  MteConcept       *concept;
  MteTranslation   *translation;
  MteThirdOrder    *third_order;
  MteArgumentLink  *link;
  MteFramework     *framework;
  MteSearch        *search;
  MteRecord        *record;

  GPtrArray        *strings;    /* authors of a study or a record, answers of a question */
  GPtrArray        *keywords;   /* of a record */
  char             *question_text;
  char             *answer;
  char             *note;
  char             *explanation;
  guint             concerns_seen;

  MteSession       *session;
  MteDecisionKind   decision_kind;
  gboolean          expression_added;
  gint64            decision_created;
  char             *rationale;  /* of the decision being read */
  int               decision_line;
  int               decision_column;

  GArray           *pending;    /* PendingRef */
  GArray           *fates;      /* PendingFate, applied at the end */
  PendingFate       fate;       /* of the record being read */
  gpointer          pending_owner[N_REF_KINDS];

  /* Text gathered for the validator (see flush_text()). */
  const xmlSAXHandler *plug_sax;
  GString          *pending_text;
  int               pending_kind;
} Loader;

/* ------------------------------------------------------------------ */
/* Process-wide set-up                                                */
/* ------------------------------------------------------------------ */

static xmlSchemaPtr mte_schema;
static GHashTable *element_by_name;      /* const char * → ElementId */
static xmlExternalEntityLoader previous_entity_loader;
static GPrivate loading_here;            /* non-NULL while this thread loads */

static void
ignore_structured_error (void *data, xmlErrorPtr err)
{
}

static void
ignore_generic_error (void *data, const char *msg, ...)
{
}

/* Installed once for the process. Inside a metaethno load nothing external
 * is ever fetched; other users of libxml2 in the process keep the loader
 * that was there before. */
static xmlParserInputPtr
refusing_entity_loader (const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
  Loader *l = g_private_get (&loading_here);

  if (l != NULL)
    {
      if (l->error == NULL)
        {
          int line = ctxt != NULL ? xmlSAX2GetLineNumber (ctxt) : 0;
          int column = ctxt != NULL ? xmlSAX2GetColumnNumber (ctxt) : 0;

          mte_format_error_set (&l->error, MTE_FORMAT_ERROR_FORBIDDEN,
                                l->name, MAX (line, 1), MAX (column, 1),
                                "external resources are never loaded");
        }
      if (l->ctxt != NULL)
        l->ctxt->disableSAX = 1;
      return NULL;
    }
  return previous_entity_loader != NULL ? previous_entity_loader (url, id, ctxt) : NULL;
}

static void init_byte_classes (void);

static gpointer
init_once (gpointer data)
{
  xmlSchemaParserCtxtPtr pctxt;

  xmlInitParser ();

  previous_entity_loader = xmlGetExternalEntityLoader ();
  xmlSetExternalEntityLoader (refusing_entity_loader);

  element_by_name = g_hash_table_new (g_str_hash, g_str_equal);
  for (int el = MTE_EL_UNKNOWN + 1; el < MTE_EL_N; el++)
    g_hash_table_insert (element_by_name, (gpointer) mte_io_element_names[el],
                         GINT_TO_POINTER (el));
  init_byte_classes ();

  pctxt = xmlSchemaNewMemParserCtxt (mte_schema_text, (int) mte_schema_length);
  if (pctxt != NULL)
    {
      xmlSchemaSetParserStructuredErrors (pctxt, ignore_structured_error, NULL);
      mte_schema = xmlSchemaParse (pctxt);
      xmlSchemaFreeParserCtxt (pctxt);
    }
  return NULL;
}

static void
ensure_initialized (void)
{
  static GOnce once = G_ONCE_INIT;

  g_once (&once, init_once, NULL);
}

/* ------------------------------------------------------------------ */
/* Errors                                                             */
/* ------------------------------------------------------------------ */

static void
stop (Loader *l)
{
  /* Never xmlStopParser() from inside a callback: it frees the input the
   * validator is about to read. Silencing SAX is enough; the driver stops
   * feeding the parser as soon as the current chunk is done. */
  if (l->ctxt != NULL)
    l->ctxt->disableSAX = 1;
}

static void
here (Loader *l, int *line, int *column)
{
  *line = l->ctxt != NULL ? xmlSAX2GetLineNumber (l->ctxt) : 0;
  *column = l->ctxt != NULL ? xmlSAX2GetColumnNumber (l->ctxt) : 0;
  if (*line <= 0)
    *line = 1;
  if (*column <= 0)
    *column = 1;
}

static void fail_at (Loader *l, MteFormatError code, int line, int column,
                     const char *format, ...) G_GNUC_PRINTF (5, 6);

static void
fail_at (Loader *l, MteFormatError code, int line, int column,
         const char *format, ...)
{
  g_autofree char *message = NULL;
  va_list args;

  if (l->error != NULL)
    return;
  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  mte_format_error_set (&l->error, code, l->name, line, column, "%s", message);
  stop (l);
}

static void fail (Loader *l, MteFormatError code, const char *format, ...)
  G_GNUC_PRINTF (3, 4);

static void
fail (Loader *l, MteFormatError code, const char *format, ...)
{
  g_autofree char *message = NULL;
  int line, column;
  va_list args;

  if (l->error != NULL)
    return;
  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  here (l, &line, &column);
  fail_at (l, code, line, column, "%s", message);
}

/* A libxml2 message as one trimmed line. */
static char *
one_line (const char *message)
{
  char *text = g_strdup (message != NULL ? message : "error");

  for (char *p = text; *p != '\0'; p++)
    if (*p == '\n' || *p == '\r' || *p == '\t')
      *p = ' ';
  return g_strstrip (text);
}

/* A model refusal, mapped onto the format's codes. */
static void
fail_model (Loader *l, GError *err)
{
  MteFormatError code = MTE_FORMAT_ERROR_INVALID_VALUE;

  if (err == NULL)
    {
      fail (l, code, "the model refused a value");
      return;
    }
  if (err->domain == MTE_MODEL_ERROR)
    switch ((MteModelError) err->code)
      {
      case MTE_MODEL_ERROR_DUPLICATE_ID:
        code = MTE_FORMAT_ERROR_DUPLICATE_ID;
        break;
      case MTE_MODEL_ERROR_NOT_FOUND:
      case MTE_MODEL_ERROR_WRONG_KIND:
        code = MTE_FORMAT_ERROR_UNKNOWN_REFERENCE;
        break;
      case MTE_MODEL_ERROR_INVALID_ID:
        code = MTE_FORMAT_ERROR_SCHEMA;
        break;
      case MTE_MODEL_ERROR_FAILED:
      case MTE_MODEL_ERROR_HAS_DEPENDENTS:
      case MTE_MODEL_ERROR_INVALID_VALUE:
      default:
        break;
      }
  fail (l, code, "%s", err->message);
  g_error_free (err);
}

/* Parser, encoding and I/O errors of libxml2 (thread-local handler). */
static void
on_xml_error (void *data, xmlErrorPtr err)
{
  Loader *l = data;
  g_autofree char *message = NULL;
  MteFormatError code = MTE_FORMAT_ERROR_MALFORMED;
  int line, column;

  if (l == NULL || l->error != NULL || err == NULL || err->level == XML_ERR_WARNING)
    return;
  message = one_line (err->message);
  switch (err->domain)
    {
    case XML_FROM_SCHEMASV:
    case XML_FROM_SCHEMASP:
      code = MTE_FORMAT_ERROR_SCHEMA;
      break;
    case XML_FROM_MEMORY:
      code = MTE_FORMAT_ERROR_FAILED;
      break;
    default:
      break;
    }
  switch (err->code)
    {
    case XML_ERR_ENTITY_LOOP:
    case XML_ERR_UNDECLARED_ENTITY:
    case XML_WAR_UNDECLARED_ENTITY:
    case XML_ERR_ENTITY_BOUNDARY:
    case XML_ERR_EXT_ENTITY_STANDALONE:
      code = MTE_FORMAT_ERROR_FORBIDDEN;
      break;
    case XML_ERR_INTERNAL_ERROR:
      if (err->message != NULL && strstr (err->message, "depth") != NULL)
        code = MTE_FORMAT_ERROR_TOO_LARGE;
      break;
    default:
      break;
    }
  here (l, &line, &column);
  if (err->line > 0)
    {
      line = err->line;
      column = err->int2 > 0 ? err->int2 : 1;
    }
  if (l->at_end && l->depth > 0 && code == MTE_FORMAT_ERROR_MALFORMED)
    {
      /* libxml2 words a truncated document as extra content */
      fail_at (l, code, line, column,
               "the document ends with %d element%s still open", l->depth,
               l->depth == 1 ? "" : "s");
      return;
    }
  fail_at (l, code, line, column, "%s", message);
}

/* Validation errors of the bundled schema. */
static void
on_schema_error (void *data, xmlErrorPtr err)
{
  Loader *l = data;
  g_autofree char *message = NULL;
  int line, column;

  if (l->error != NULL || err == NULL || err->level == XML_ERR_WARNING)
    return;
  message = one_line (err->message);
  {
    /* Every name is in our namespace; "{urn:...}" before each one only
     * makes the message harder to read. */
    g_auto (GStrv) parts = g_strsplit (message, "{" MTE_FORMAT_NAMESPACE "}", -1);

    g_free (message);
    message = g_strjoinv ("", parts);
  }
  here (l, &line, &column);
  fail_at (l, MTE_FORMAT_ERROR_SCHEMA, line, column, "%s", message);
}

/* Records something our callbacks could not use. The validator gets the
 * element right after us and normally reports it; if it does not, the
 * suspicion becomes the error at the next event. */
static void suspect (Loader *l, const char *format, ...) G_GNUC_PRINTF (2, 3);

static void
suspect (Loader *l, const char *format, ...)
{
  va_list args;

  if (l->error != NULL || l->suspect != NULL)
    return;
  va_start (args, format);
  l->suspect = g_strdup_vprintf (format, args);
  va_end (args);
  here (l, &l->suspect_line, &l->suspect_column);
}

static inline gboolean
check_suspect (Loader *l)
{
  if (G_UNLIKELY (l->suspect != NULL))
    {
      fail_at (l, MTE_FORMAT_ERROR_SCHEMA, l->suspect_line, l->suspect_column,
               "%s", l->suspect);
      g_clear_pointer (&l->suspect, g_free);
    }
  return l->error == NULL;
}

/* ------------------------------------------------------------------ */
/* Values                                                             */
/* ------------------------------------------------------------------ */

/* XSD's whitespace "collapse" for numbers, booleans and times. */
static const char *
trimmed (const char *value, char *buf, gsize size)
{
  gsize len;

  while (*value == ' ' || *value == '\t' || *value == '\n' || *value == '\r')
    value++;
  len = strlen (value);
  while (len > 0 && (value[len - 1] == ' ' || value[len - 1] == '\t' ||
                     value[len - 1] == '\n' || value[len - 1] == '\r'))
    len--;
  if (len >= size)
    return NULL;
  memcpy (buf, value, len);
  buf[len] = '\0';
  return buf;
}

static gboolean
parse_uint (const char *value, guint64 max, guint64 *result)
{
  char buf[64];
  const char *p = trimmed (value, buf, sizeof buf);
  guint64 v = 0;

  if (p == NULL)
    return FALSE;
  if (*p == '+')
    p++;
  if (*p == '\0')
    return FALSE;
  for (; *p != '\0'; p++)
    {
      if (*p < '0' || *p > '9')
        return FALSE;
      v = v * 10 + (guint64) (*p - '0');
      if (v > max)
        return FALSE;
    }
  *result = v;
  return TRUE;
}

static gboolean
parse_bool (const char *value, gboolean *result)
{
  char buf[16];
  const char *p = trimmed (value, buf, sizeof buf);

  if (p == NULL)
    return FALSE;
  if (strcmp (p, "true") == 0 || strcmp (p, "1") == 0)
    *result = TRUE;
  else if (strcmp (p, "false") == 0 || strcmp (p, "0") == 0)
    *result = FALSE;
  else
    return FALSE;
  return TRUE;
}

static gboolean
parse_time (const char *value, gint64 *result)
{
  char buf[32];
  const char *p = trimmed (value, buf, sizeof buf);

  return p != NULL && mte_timestamp_parse (p, result);
}

static int
lookup_name (const char *value, const char * (*to_string) (int), int n)
{
  for (int i = 0; i < n; i++)
    {
      const char *name = to_string (i);

      if (name != NULL && strcmp (name, value) == 0)
        return i;
    }
  return -1;
}

static const char *
component_name (int i)
{
  static const char * const names[] = {
    "methodological-limitations", "coherence", "adequacy", "relevance",
  };
  return names[i];
}

static const char *
concern_name (int i)
{
  static const char * const names[] = {
    "not-assessed", "none-or-very-minor", "minor", "moderate", "serious",
  };
  return names[i];
}

static const char *
confidence_name (int i)
{
  static const char * const names[] = {
    "not-assessed", "high", "moderate", "low", "very-low",
  };
  return names[i];
}

static const char *
kind_name (MteEntityKind kind)
{
  return mte_entity_kind_to_string (kind);
}

/* ------------------------------------------------------------------ */
/* Attributes                                                         */
/* ------------------------------------------------------------------ */

/* Without entity substitution, libxml2 hands attribute values over with
 * every '&' written as "&#38;" (so that a tree builder could re-parse
 * them). No other '&' can occur, so turning those back is exact. */
static void
append_attribute_value (GString *buf, const char *value, gsize length)
{
  const char *end = value + length;
  const char *amp;

  while ((amp = memchr (value, '&', end - value)) != NULL)
    {
      g_string_append_len (buf, value, amp - value);
      g_string_append_c (buf, '&');
      value = amp + 1;
      if (end - value >= 4 && memcmp (value, "#38;", 4) == 0)
        value += 4;
    }
  g_string_append_len (buf, value, end - value);
}

static void
collect_attributes (Loader *l, int n, const xmlChar **attributes)
{
  memset (l->attrs, 0, sizeof l->attrs);
  if (n == 0)
    return;
  g_string_truncate (l->attr_buf, 0);
  for (int i = 0; i < n; i++)
    {
      const xmlChar **a = attributes + 5 * i;
      gpointer found;
      int id;

      if (a[2] != NULL)         /* qualified (xsi:...): the validator's */
        continue;
      found = g_hash_table_lookup (l->attributes, a[0]);
      if (found == NULL)
        {
          for (id = 0; id < MTE_AT_N; id++)
            if (strcmp ((const char *) a[0], mte_io_attribute_names[id]) == 0)
              break;
          if (id == MTE_AT_N)
            continue;
        }
      else
        id = GPOINTER_TO_INT (found) - 1;
      l->attr_offset[id] = l->attr_buf->len;
      append_attribute_value (l->attr_buf, (const char *) a[3], a[4] - a[3]);
      g_string_append_c (l->attr_buf, '\0');
      l->attrs[id] = "";        /* marks presence; fixed up below */
    }
  for (int id = 0; id < MTE_AT_N; id++)
    if (l->attrs[id] != NULL)
      l->attrs[id] = l->attr_buf->str + l->attr_offset[id];
}

/* Keeps the current attributes for an element that is built at its end. */
static void
save_attributes (Loader *l)
{
  l->saved_mask = 0;
  g_string_truncate (l->saved_buf, 0);
  for (int id = 0; id < MTE_AT_N; id++)
    if (l->attrs[id] != NULL)
      {
        l->saved_offset[id] = l->saved_buf->len;
        g_string_append_len (l->saved_buf, l->attrs[id], strlen (l->attrs[id]) + 1);
        l->saved_mask |= G_GUINT64_CONSTANT (1) << id;
      }
}

static const char *
saved (Loader *l, AttrId id)
{
  if ((l->saved_mask & (G_GUINT64_CONSTANT (1) << id)) == 0)
    return NULL;
  return l->saved_buf->str + l->saved_offset[id];
}

/* A required attribute, or NULL (and a suspicion) when it is missing. */
static const char *
required (Loader *l, AttrId id, const char *element)
{
  const char *value = l->attrs[id];

  if (value == NULL)
    suspect (l, "<%s> lacks the required attribute '%s'", element, mte_io_attribute_names[id]);
  return value;
}

static const char *
required_id (Loader *l, AttrId id, const char *element)
{
  const char *value = required (l, id, element);

  if (value != NULL && !mte_id_is_valid (value))
    {
      suspect (l, "<%s>: '%s' is not a valid id", element, value);
      return NULL;
    }
  return value;
}

/* Fails unless @id is still free. */
static gboolean
check_new_id (Loader *l, const char *id)
{
  MteEntity *other = mte_project_lookup (l->project, id);

  if (other == NULL)
    return TRUE;
  fail (l, MTE_FORMAT_ERROR_DUPLICATE_ID, "duplicate id '%s': already used by a %s",
        id, kind_name (mte_entity_get_kind (other)));
  return FALSE;
}

/* Looks up a reference that must already exist and be one of @kinds (a
 * bit mask of 1 << MteEntityKind). */
static MteEntity *
resolve_now (Loader *l, const char *id, guint kinds, const char *role,
             const char *expected)
{
  MteEntity *entity = mte_project_lookup (l->project, id);

  if (entity == NULL)
    {
      fail (l, MTE_FORMAT_ERROR_UNKNOWN_REFERENCE,
            "unknown %s '%s': no %s has this id", role, id, expected);
      return NULL;
    }
  if ((kinds & (1u << mte_entity_get_kind (entity))) == 0)
    {
      fail (l, MTE_FORMAT_ERROR_UNKNOWN_REFERENCE,
            "%s '%s' names a %s; expected a %s", role, id,
            kind_name (mte_entity_get_kind (entity)), expected);
      return NULL;
    }
  return entity;
}

/* ------------------------------------------------------------------ */
/* References that may point forward                                  */
/* ------------------------------------------------------------------ */

static const char *
ref_role (RefKind kind)
{
  static const char * const roles[] = { "grounding", "expression", "basis", "classified entity" };
  return roles[kind];
}

static const char *
ref_expected (RefKind kind)
{
  static const char * const expected[] = {
    "first-order construct", "second-order construct",
    "concept or construct", "construct, concept or third-order construct",
  };
  return expected[kind];
}

/* Checks @target against what @kind needs; returns FALSE (with the error
 * set at @line:@column) otherwise. */
static gboolean
check_ref_target (Loader *l, RefKind kind, const char *id, MteEntity *target,
                  int line, int column)
{
  MteEntityKind k;
  gboolean ok;

  if (target == NULL)
    {
      fail_at (l, MTE_FORMAT_ERROR_UNKNOWN_REFERENCE, line, column,
               "unknown %s '%s': no %s has this id",
               ref_role (kind), id, ref_expected (kind));
      return FALSE;
    }
  k = mte_entity_get_kind (target);
  switch (kind)
    {
    case REF_GROUNDING:
      ok = k == MTE_ENTITY_CONSTRUCT &&
           mte_construct_get_order ((MteConstruct *) target) == MTE_CONSTRUCT_FIRST_ORDER;
      break;
    case REF_EXPRESSION:
      ok = k == MTE_ENTITY_CONSTRUCT &&
           mte_construct_get_order ((MteConstruct *) target) == MTE_CONSTRUCT_SECOND_ORDER;
      break;
    case REF_BASIS:
      ok = k == MTE_ENTITY_CONSTRUCT || k == MTE_ENTITY_CONCEPT;
      break;
    case REF_CLASSIFICATION:
    case N_REF_KINDS:
    default:
      ok = k == MTE_ENTITY_CONSTRUCT || k == MTE_ENTITY_CONCEPT ||
           k == MTE_ENTITY_THIRD_ORDER;
      break;
    }
  if (!ok)
    {
      const char *what = kind_name (k);

      if (k == MTE_ENTITY_CONSTRUCT)
        what = mte_construct_get_order ((MteConstruct *) target) == MTE_CONSTRUCT_FIRST_ORDER
               ? "first-order construct" : "second-order construct";
      fail_at (l, MTE_FORMAT_ERROR_UNKNOWN_REFERENCE, line, column,
               "%s '%s' names a %s; expected a %s",
               ref_role (kind), id, what, ref_expected (kind));
      return FALSE;
    }
  return TRUE;
}

static void
apply_ref (Loader *l, RefKind kind, gpointer owner, const char *id,
           const char *level, int line, int column)
{
  GError *err = NULL;
  gboolean ok = FALSE;

  if (!check_ref_target (l, kind, id, mte_project_lookup (l->project, id), line, column))
    return;
  switch (kind)
    {
    case REF_GROUNDING:
      ok = mte_construct_add_grounding (owner, id, &err);
      break;
    case REF_EXPRESSION:
      ok = mte_concept_add_expression (owner, id, &err);
      break;
    case REF_BASIS:
      ok = mte_third_order_add_basis (owner, id, &err);
      break;
    case REF_CLASSIFICATION:
    case N_REF_KINDS:
    default:
      ok = mte_framework_classify (owner, id, level, &err);
      break;
    }
  if (!ok)
    {
      MteFormatError code = MTE_FORMAT_ERROR_INVALID_VALUE;

      if (err->domain == MTE_MODEL_ERROR &&
          (err->code == MTE_MODEL_ERROR_NOT_FOUND || err->code == MTE_MODEL_ERROR_WRONG_KIND))
        code = MTE_FORMAT_ERROR_UNKNOWN_REFERENCE;
      fail_at (l, code, line, column, "%s", err->message);
      g_error_free (err);
    }
}

/* A reference in one of the ordered reference lists. It is applied at
 * once when its target exists; otherwise it waits for the end of the
 * document. Once one reference of a list waits, the rest of that list
 * waits too, so that the list keeps the order of the file. */
static void
queue_ref (Loader *l, RefKind kind, gpointer owner, const char *id, const char *level)
{
  int line, column;

  here (l, &line, &column);
  if (l->pending_owner[kind] != owner && mte_project_lookup (l->project, id) != NULL)
    {
      apply_ref (l, kind, owner, id, level, line, column);
      return;
    }
  {
    PendingRef ref = { kind, owner, g_strdup (id), g_strdup (level), line, column };

    g_array_append_val (l->pending, ref);
    l->pending_owner[kind] = owner;
  }
}

static void
resolve_pending (Loader *l)
{
  for (guint i = 0; i < l->pending->len && l->error == NULL; i++)
    {
      PendingRef *ref = &g_array_index (l->pending, PendingRef, i);

      apply_ref (l, ref->kind, ref->owner, ref->id, ref->level, ref->line, ref->column);
    }
}

static void
pending_ref_clear (gpointer data)
{
  PendingRef *ref = data;

  g_free (ref->id);
  g_free (ref->level);
}

/* ------------------------------------------------------------------ */
/* Start tags                                                         */
/* ------------------------------------------------------------------ */

/* The newest minor version this library reads: its own. */
static guint
supported_minor (void)
{
  return (guint) atoi (strchr (MTE_FORMAT_VERSION_S, '.') + 1);
}

/* Elements new in a minor version are accepted in a file of any 1.x
 * version (docs/file-format.md, "Versions"). */
static void
start_project (Loader *l)
{
  const char *version = l->attrs[MTE_AT_VERSION];
  guint major = 0, minor = 0;
  const char *dot;

  if (version == NULL)
    {
      suspect (l, "<project> lacks the required attribute 'version'");
      return;
    }
  dot = strchr (version, '.');
  if (dot == NULL || dot == version || dot[1] == '\0' ||
      strspn (version, "0123456789") != (gsize) (dot - version) ||
      strspn (dot + 1, "0123456789") != strlen (dot + 1) ||
      dot - version > 4 || strlen (dot + 1) > 4)
    {
      fail (l, MTE_FORMAT_ERROR_UNSUPPORTED_VERSION,
            "'%s' is not a format version", version);
      return;
    }
  major = (guint) atoi (version);
  minor = (guint) atoi (dot + 1);
  if (major != 1)
    {
      fail (l, MTE_FORMAT_ERROR_UNSUPPORTED_VERSION,
            "format version %s is not supported: this library reads 1.x up to %s",
            version, MTE_FORMAT_VERSION_S);
      return;
    }
  if (minor > supported_minor ())
    {
      fail (l, MTE_FORMAT_ERROR_UNSUPPORTED_VERSION,
            "format version %s is newer than this library reads (up to %s)",
            version, MTE_FORMAT_VERSION_S);
      return;
    }
  if (l->attrs[MTE_AT_CREATED] != NULL && !parse_time (l->attrs[MTE_AT_CREATED], &l->created))
    suspect (l, "<project>: invalid time '%s'", l->attrs[MTE_AT_CREATED]);
  if (l->attrs[MTE_AT_MODIFIED] != NULL && !parse_time (l->attrs[MTE_AT_MODIFIED], &l->modified))
    suspect (l, "<project>: invalid time '%s'", l->attrs[MTE_AT_MODIFIED]);
}

static gboolean
start_member (Loader *l)
{
  const char *id = required_id (l, MTE_AT_ID, "member");
  const char *name = required (l, MTE_AT_NAME, "member");
  GError *err = NULL;

  if (id == NULL || name == NULL || !check_new_id (l, id))
    return FALSE;
  if (mte_project_add_member (l->project, id, name, l->attrs[MTE_AT_ROLE], &err) == NULL)
    {
      fail_model (l, err);
      return FALSE;
    }
  return TRUE;
}

static gboolean
start_checklist (Loader *l)
{
  const char *id = required_id (l, MTE_AT_ID, "checklist");
  const char *name = required (l, MTE_AT_NAME, "checklist");
  GError *err = NULL;

  if (id == NULL || name == NULL || !check_new_id (l, id))
    return FALSE;
  l->checklist = mte_project_add_checklist (l->project, id, name, &err);
  if (l->checklist == NULL)
    {
      fail_model (l, err);
      return FALSE;
    }
  return TRUE;
}

static gboolean
start_study (Loader *l)
{
  const char *id = required_id (l, MTE_AT_ID, "study");
  GError *err = NULL;
  guint64 n;
  gboolean b;

  if (id == NULL || !check_new_id (l, id))
    return FALSE;
  l->study = mte_project_add_study (l->project, id, &err);
  if (l->study == NULL)
    {
      fail_model (l, err);
      return FALSE;
    }
  g_ptr_array_set_size (l->strings, 0);
  if (l->attrs[MTE_AT_YEAR] != NULL)
    {
      if (!parse_uint (l->attrs[MTE_AT_YEAR], 9999, &n) || n == 0)
        suspect (l, "<study>: invalid year '%s'", l->attrs[MTE_AT_YEAR]);
      else if (!mte_study_set_year (l->study, (int) n, &err))
        fail_model (l, err);
    }
  if (l->attrs[MTE_AT_SAMPLE_SIZE] != NULL)
    {
      if (!parse_uint (l->attrs[MTE_AT_SAMPLE_SIZE], G_MAXUINT, &n) || n == 0)
        suspect (l, "<study>: invalid sample size '%s'", l->attrs[MTE_AT_SAMPLE_SIZE]);
      else
        mte_study_set_sample_size (l->study, (guint) n);
    }
  if (l->attrs[MTE_AT_INDEX_STUDY] != NULL)
    {
      if (!parse_bool (l->attrs[MTE_AT_INDEX_STUDY], &b))
        suspect (l, "<study>: invalid index-study '%s'", l->attrs[MTE_AT_INDEX_STUDY]);
      else
        mte_study_set_index_study (l->study, b);
    }
  if (l->attrs[MTE_AT_POSITION] != NULL)
    {
      if (!parse_uint (l->attrs[MTE_AT_POSITION], G_MAXUINT, &n) || n == 0)
        suspect (l, "<study>: invalid position '%s'", l->attrs[MTE_AT_POSITION]);
      else
        mte_study_set_translation_position (l->study, (guint) n);
    }
  return l->error == NULL;
}

static gboolean
start_appraisal (Loader *l)
{
  const char *checklist_id = required_id (l, MTE_AT_CHECKLIST, "appraisal");
  const char *key = required_id (l, MTE_AT_QUESTION, "appraisal");
  MteEntity *checklist;

  if (checklist_id == NULL || key == NULL)
    return FALSE;
  checklist = resolve_now (l, checklist_id, 1u << MTE_ENTITY_CHECKLIST,
                           "appraisal checklist", "checklist");
  if (checklist == NULL)
    return FALSE;
  if (mte_checklist_find_question ((MteChecklist *) checklist, key) < 0)
    {
      fail (l, MTE_FORMAT_ERROR_UNKNOWN_REFERENCE,
            "checklist '%s' has no question '%s'", checklist_id, key);
      return FALSE;
    }
  if (mte_study_get_appraisal (l->study, checklist_id, key, NULL, NULL))
    {
      fail (l, MTE_FORMAT_ERROR_INVALID_VALUE,
            "study '%s' answers question '%s' of checklist '%s' twice",
            mte_study_get_id (l->study), key, checklist_id);
      return FALSE;
    }
  save_attributes (l);
  g_clear_pointer (&l->answer, g_free);
  g_clear_pointer (&l->note, g_free);
  return TRUE;
}

/* <item key="..."> of <emerge> (1.2): one per eMERGe item. */
static gboolean
start_emerge_item (Loader *l)
{
  const char *key = required (l, MTE_AT_KEY, "item");
  int item;

  if (key == NULL)
    return FALSE;
  item = mte_emerge_item_from_string (key);
  /* only the keys: the schema does not allow the items' numbers */
  if (item < 0 || g_ascii_isdigit (key[0]))
    {
      g_autofree char *shown = mte_message_text (key, 80);

      suspect (l, "<item>: '%s' is not an eMERGe item", shown);
      return FALSE;
    }
  if (mte_project_get_emerge_text (l->project, (MteEmergeItem) item) != NULL)
    {
      fail (l, MTE_FORMAT_ERROR_INVALID_VALUE, "two texts for eMERGe item '%s'", key);
      return FALSE;
    }
  save_attributes (l);
  return TRUE;
}

static gboolean
start_construct (Loader *l)
{
  const char *id = required_id (l, MTE_AT_ID, "construct");
  const char *order = required (l, MTE_AT_ORDER, "construct");

  if (id == NULL || order == NULL)
    return FALSE;
  if (strcmp (order, "first") != 0 && strcmp (order, "second") != 0)
    {
      suspect (l, "<construct>: invalid order '%s'", order);
      return FALSE;
    }
  if (!check_new_id (l, id))
    return FALSE;
  save_attributes (l);
  l->construct = NULL;
  l->construct_made = FALSE;
  return TRUE;
}

/* Constructs are created once their text is known. */
static gboolean
make_construct (Loader *l, const char *text)
{
  MteConstructOrder order;
  GError *err = NULL;
  const char *value;

  if (l->construct_made)
    return l->construct != NULL;
  l->construct_made = TRUE;
  order = strcmp (saved (l, MTE_AT_ORDER), "first") == 0
          ? MTE_CONSTRUCT_FIRST_ORDER : MTE_CONSTRUCT_SECOND_ORDER;
  l->construct = mte_study_add_construct (l->study, saved (l, MTE_AT_ID), order, text, &err);
  if (l->construct == NULL)
    {
      fail_model (l, err);
      return FALSE;
    }
  if (((value = saved (l, MTE_AT_LABEL)) != NULL &&
       !mte_construct_set_label (l->construct, value, &err)) ||
      ((value = saved (l, MTE_AT_PAGE)) != NULL &&
       !mte_construct_set_page (l->construct, value, &err)) ||
      ((value = saved (l, MTE_AT_SECTION)) != NULL &&
       !mte_construct_set_section (l->construct, value, &err)))
    {
      fail_model (l, err);
      return FALSE;
    }
  if ((value = saved (l, MTE_AT_SPEAKER)) != NULL)
    {
      if (order != MTE_CONSTRUCT_FIRST_ORDER)
        {
          fail (l, MTE_FORMAT_ERROR_INVALID_VALUE,
                "construct '%s': only first-order constructs have a speaker",
                saved (l, MTE_AT_ID));
          return FALSE;
        }
      if (!mte_construct_set_speaker (l->construct, value, &err))
        {
          fail_model (l, err);
          return FALSE;
        }
    }
  if ((value = saved (l, MTE_AT_CREDIBILITY)) != NULL)
    {
      int credibility = mte_credibility_from_string (value);

      if (order != MTE_CONSTRUCT_SECOND_ORDER)
        {
          fail (l, MTE_FORMAT_ERROR_INVALID_VALUE,
                "construct '%s': only second-order constructs have a credibility",
                saved (l, MTE_AT_ID));
          return FALSE;
        }
      if (credibility <= MTE_CREDIBILITY_NOT_ASSESSED)
        {
          g_autofree char *shown = mte_message_text (value, 80);

          fail (l, MTE_FORMAT_ERROR_INVALID_VALUE,
                "construct '%s': '%s' is not a credibility", saved (l, MTE_AT_ID), shown);
          return FALSE;
        }
      if (!mte_construct_set_credibility (l->construct, (MteCredibility) credibility, &err))
        {
          fail_model (l, err);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
start_concept (Loader *l)
{
  const char *id = required_id (l, MTE_AT_ID, "concept");
  const char *label = required (l, MTE_AT_LABEL, "concept");
  GError *err = NULL;

  if (id == NULL || label == NULL || !check_new_id (l, id))
    return FALSE;
  l->concept = mte_project_add_concept (l->project, id, label, &err);
  if (l->concept == NULL)
    {
      fail_model (l, err);
      return FALSE;
    }
  return TRUE;
}

static gboolean
start_translation (Loader *l)
{
  const char *id = required_id (l, MTE_AT_ID, "translation");
  const char *kind = required (l, MTE_AT_KIND, "translation");
  const char *source = required_id (l, MTE_AT_SOURCE, "translation");
  const char *target = required_id (l, MTE_AT_TARGET, "translation");
  const guint sides = (1u << MTE_ENTITY_CONSTRUCT) | (1u << MTE_ENTITY_CONCEPT);
  MteTranslationKind k;
  GError *err = NULL;
  gint64 created = 0;
  const char *value;

  if (id == NULL || kind == NULL || source == NULL || target == NULL)
    return FALSE;
  if (strcmp (kind, "reciprocal") == 0)
    k = MTE_TRANSLATION_RECIPROCAL;
  else if (strcmp (kind, "refutational") == 0)
    k = MTE_TRANSLATION_REFUTATIONAL;
  else
    {
      suspect (l, "<translation>: invalid kind '%s'", kind);
      return FALSE;
    }
  if (l->attrs[MTE_AT_CREATED] != NULL && !parse_time (l->attrs[MTE_AT_CREATED], &created))
    {
      suspect (l, "<translation>: invalid time '%s'", l->attrs[MTE_AT_CREATED]);
      return FALSE;
    }
  if (!check_new_id (l, id) ||
      resolve_now (l, source, sides, "translation source", "construct or concept") == NULL ||
      resolve_now (l, target, sides, "translation target", "construct or concept") == NULL)
    return FALSE;
  l->translation = mte_project_add_translation (l->project, id, k, source, target, &err);
  if (l->translation == NULL)
    {
      fail_model (l, err);
      return FALSE;
    }
  mte_translation_set_created (l->translation, created);
  if ((value = l->attrs[MTE_AT_SOURCE_STUDY]) != NULL)
    {
      if (resolve_now (l, value, 1u << MTE_ENTITY_STUDY, "source study", "study") == NULL)
        return FALSE;
      if (!mte_translation_set_source_study (l->translation, value, &err))
        {
          fail_model (l, err);
          return FALSE;
        }
    }
  if ((value = l->attrs[MTE_AT_TARGET_STUDY]) != NULL)
    {
      if (resolve_now (l, value, 1u << MTE_ENTITY_STUDY, "target study", "study") == NULL)
        return FALSE;
      if (!mte_translation_set_target_study (l->translation, value, &err))
        {
          fail_model (l, err);
          return FALSE;
        }
    }
  if ((value = l->attrs[MTE_AT_REVIEWER]) != NULL)
    {
      if (resolve_now (l, value, 1u << MTE_ENTITY_MEMBER, "reviewer", "team member") == NULL)
        return FALSE;
      if (!mte_translation_set_reviewer (l->translation, value, &err))
        {
          fail_model (l, err);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
start_third_order (Loader *l)
{
  const char *id = required_id (l, MTE_AT_ID, "third-order");
  const char *label = required (l, MTE_AT_LABEL, "third-order");
  GError *err = NULL;

  if (id == NULL || label == NULL || !check_new_id (l, id))
    return FALSE;
  l->third_order = mte_project_add_third_order (l->project, id, label, &err);
  if (l->third_order == NULL)
    {
      fail_model (l, err);
      return FALSE;
    }
  l->concerns_seen = 0;
  return TRUE;
}

static gboolean
start_concern (Loader *l, gboolean is_confidence)
{
  const char *level = required (l, MTE_AT_LEVEL, is_confidence ? "confidence" : "concern");
  int component = 0;

  if (level == NULL)
    return FALSE;
  if (is_confidence)
    {
      if (lookup_name (level, confidence_name, 5) < 0)
        {
          suspect (l, "<confidence>: invalid level '%s'", level);
          return FALSE;
        }
    }
  else
    {
      const char *name = required (l, MTE_AT_COMPONENT, "concern");

      if (name == NULL)
        return FALSE;
      component = lookup_name (name, component_name, MTE_CERQUAL_N_COMPONENTS);
      if (component < 0 || lookup_name (level, concern_name, 5) < 0)
        {
          suspect (l, "<concern>: invalid component or level");
          return FALSE;
        }
      if (l->concerns_seen & (1u << component))
        {
          fail (l, MTE_FORMAT_ERROR_INVALID_VALUE,
                "third-order construct '%s' has two concerns for %s",
                mte_third_order_get_id (l->third_order), name);
          return FALSE;
        }
      l->concerns_seen |= 1u << component;
    }
  save_attributes (l);
  g_clear_pointer (&l->explanation, g_free);
  return TRUE;
}

static gboolean
start_argument_link (Loader *l)
{
  const char *id = required_id (l, MTE_AT_ID, "argument-link");
  const char *from = required_id (l, MTE_AT_FROM, "argument-link");
  const char *to = required_id (l, MTE_AT_TO, "argument-link");
  const char *relation = required (l, MTE_AT_RELATION, "argument-link");
  GError *err = NULL;

  if (id == NULL || from == NULL || to == NULL || relation == NULL)
    return FALSE;
  if (*relation == '\0')
    {
      suspect (l, "<argument-link>: the relation is empty");
      return FALSE;
    }
  if (!check_new_id (l, id) ||
      resolve_now (l, from, 1u << MTE_ENTITY_THIRD_ORDER, "argument link start",
                   "third-order construct") == NULL ||
      resolve_now (l, to, 1u << MTE_ENTITY_THIRD_ORDER, "argument link end",
                   "third-order construct") == NULL)
    return FALSE;
  l->link = mte_project_add_argument_link (l->project, id, from, to, relation, &err);
  if (l->link == NULL)
    {
      fail_model (l, err);
      return FALSE;
    }
  return TRUE;
}

static gboolean
start_framework (Loader *l)
{
  const char *id = required_id (l, MTE_AT_ID, "framework");
  const char *name = required (l, MTE_AT_NAME, "framework");
  GError *err = NULL;

  if (id == NULL || name == NULL || !check_new_id (l, id))
    return FALSE;
  l->framework = mte_project_add_framework (l->project, id, name, &err);
  if (l->framework == NULL)
    {
      fail_model (l, err);
      return FALSE;
    }
  return TRUE;
}

static gboolean
start_level (Loader *l)
{
  const char *key = required_id (l, MTE_AT_KEY, "level");
  GError *err = NULL;

  if (key == NULL)
    return FALSE;
  if (mte_framework_find_level (l->framework, key) >= 0)
    {
      fail (l, MTE_FORMAT_ERROR_DUPLICATE_ID,
            "framework '%s' has two levels '%s'", mte_framework_get_id (l->framework), key);
      return FALSE;
    }
  if (!mte_framework_add_level (l->framework, key, l->attrs[MTE_AT_LABEL], &err))
    {
      fail_model (l, err);
      return FALSE;
    }
  return TRUE;
}

static gboolean
start_classification (Loader *l)
{
  const char *ref = required_id (l, MTE_AT_REF, "classification");
  const char *level = required_id (l, MTE_AT_LEVEL, "classification");

  if (ref == NULL || level == NULL)
    return FALSE;
  if (mte_framework_find_level (l->framework, level) < 0)
    {
      fail (l, MTE_FORMAT_ERROR_UNKNOWN_REFERENCE,
            "framework '%s' has no level '%s'", mte_framework_get_id (l->framework), level);
      return FALSE;
    }
  queue_ref (l, REF_CLASSIFICATION, l->framework, ref, level);
  return l->error == NULL;
}

static gboolean
start_memo (Loader *l)
{
  const char *id = required_id (l, MTE_AT_ID, "memo");
  const char *value;
  gint64 created;

  if (id == NULL || !check_new_id (l, id))
    return FALSE;
  if ((value = l->attrs[MTE_AT_SUBJECT]) != NULL &&
      resolve_now (l, value, ~0u, "memo subject", "entity") == NULL)
    return FALSE;
  if ((value = l->attrs[MTE_AT_AUTHOR]) != NULL &&
      resolve_now (l, value, 1u << MTE_ENTITY_MEMBER, "memo author", "team member") == NULL)
    return FALSE;
  if ((value = l->attrs[MTE_AT_CREATED]) != NULL && !parse_time (value, &created))
    {
      suspect (l, "<memo>: invalid time '%s'", value);
      return FALSE;
    }
  save_attributes (l);
  return TRUE;
}

static gboolean
start_session (Loader *l)
{
  const char *order = required (l, MTE_AT_ORDER, "translation-session");
  int value;

  if (order == NULL)
    return FALSE;
  if (mte_project_get_session (l->project) != NULL)
    {
      suspect (l, "a second <translation-session>");
      return FALSE;
    }
  if ((value = mte_study_order_from_string (order)) < 0)
    {
      suspect (l, "<translation-session>: invalid order '%s'", order);
      return FALSE;
    }
  /* As the file has it: starting a session anew would mark an index
   * study the file may not mark, and the copy would differ. */
  l->session = mte_project_restore_session (l->project, (MteStudyOrder) value);
  return TRUE;
}

/* Checks the references of a decision where its start tag is; the rules
 * that join them (what each kind takes, one decision per construct) are
 * the model's, applied at the end tag once the rationale is known. */
static gboolean
start_decision (Loader *l)
{
  const char *construct = required_id (l, MTE_AT_CONSTRUCT, "decision");
  const char *kind = required (l, MTE_AT_KIND, "decision");
  const char *value;
  MteEntity *entity;
  int k;

  if (construct == NULL || kind == NULL)
    return FALSE;
  for (k = MTE_DECISION_RECIPROCAL; k <= MTE_DECISION_SET_ASIDE; k++)
    if (strcmp (kind, mte_decision_kind_to_string ((MteDecisionKind) k)) == 0)
      break;
  if (k > MTE_DECISION_SET_ASIDE)
    {
      suspect (l, "<decision>: invalid kind '%s'", kind);
      return FALSE;
    }
  l->decision_kind = (MteDecisionKind) k;
  l->expression_added = FALSE;
  if ((value = l->attrs[MTE_AT_EXPRESSION_ADDED]) != NULL &&
      !parse_bool (value, &l->expression_added))
    {
      suspect (l, "<decision>: invalid boolean '%s'", value);
      return FALSE;
    }
  l->decision_created = 0;
  if ((value = l->attrs[MTE_AT_CREATED]) != NULL && !parse_time (value, &l->decision_created))
    {
      suspect (l, "<decision>: invalid time '%s'", value);
      return FALSE;
    }
  entity = resolve_now (l, construct, 1u << MTE_ENTITY_CONSTRUCT, "decision construct",
                        "second-order construct");
  if (entity == NULL)
    return FALSE;
  if (mte_construct_get_order ((MteConstruct *) entity) != MTE_CONSTRUCT_SECOND_ORDER)
    {
      fail (l, MTE_FORMAT_ERROR_UNKNOWN_REFERENCE,
            "decision construct '%s' names a first-order construct; expected a "
            "second-order construct", construct);
      return FALSE;
    }
  if ((value = l->attrs[MTE_AT_CONCEPT]) != NULL &&
      resolve_now (l, value, 1u << MTE_ENTITY_CONCEPT, "decision concept", "concept") == NULL)
    return FALSE;
  if ((value = l->attrs[MTE_AT_TRANSLATION]) != NULL &&
      resolve_now (l, value, 1u << MTE_ENTITY_TRANSLATION, "decision translation",
                   "translation") == NULL)
    return FALSE;
  if ((value = l->attrs[MTE_AT_REVIEWER]) != NULL &&
      resolve_now (l, value, 1u << MTE_ENTITY_MEMBER, "reviewer", "team member") == NULL)
    return FALSE;
  save_attributes (l);
  g_clear_pointer (&l->rationale, g_free);
  here (l, &l->decision_line, &l->decision_column);
  return TRUE;
}

static void
end_decision (Loader *l)
{
  GError *err = NULL;

  if (!mte_session_restore_decision (l->session, saved (l, MTE_AT_CONSTRUCT), l->decision_kind,
                                     saved (l, MTE_AT_CONCEPT), saved (l, MTE_AT_TRANSLATION),
                                     l->expression_added, l->rationale,
                                     saved (l, MTE_AT_REVIEWER), l->decision_created, &err))
    {
      MteFormatError code = MTE_FORMAT_ERROR_INVALID_VALUE;

      if (err->domain == MTE_MODEL_ERROR &&
          (err->code == MTE_MODEL_ERROR_NOT_FOUND || err->code == MTE_MODEL_ERROR_WRONG_KIND))
        code = MTE_FORMAT_ERROR_UNKNOWN_REFERENCE;
      fail_at (l, code, l->decision_line, l->decision_column, "%s", err->message);
      g_error_free (err);
    }
  g_clear_pointer (&l->rationale, g_free);
}

/* ------------------------------------------------------------------ */
/* The protocol, searches, records and entered counts (1.1)           */
/* ------------------------------------------------------------------ */

/* A count that may be 0: "0" to G_MAXINT64. */
static gboolean
parse_count (const char *value, gint64 *result)
{
  guint64 n;

  if (!parse_uint (value, G_MAXINT64, &n))
    return FALSE;
  *result = (gint64) n;
  return TRUE;
}

/* The schema's date form, YYYY[-MM[-DD]]; the model checks the calendar. */
static gboolean
is_date_form (const char *value)
{
  gsize length = strlen (value);

  if (length != 4 && length != 7 && length != 10)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    if ((i == 4 || i == 7) ? value[i] != '-' : !g_ascii_isdigit (value[i]))
      return FALSE;
  return TRUE;
}

static gboolean
start_search (Loader *l)
{
  const char *id = required_id (l, MTE_AT_ID, "search");
  const char *kind = required (l, MTE_AT_KIND, "search");
  const char *source = required (l, MTE_AT_SOURCE, "search");
  const char *value;
  int k;
  GError *err = NULL;
  gint64 n = MTE_COUNT_UNKNOWN;

  if (id == NULL || kind == NULL || source == NULL)
    return FALSE;
  if ((k = mte_source_kind_from_string (kind)) < 0)
    {
      suspect (l, "<search>: invalid kind '%s'", kind);
      return FALSE;
    }
  if (*source == '\0')
    {
      suspect (l, "<search>: the source is empty");
      return FALSE;
    }
  if ((value = l->attrs[MTE_AT_DATE]) != NULL && !is_date_form (value))
    {
      suspect (l, "<search>: invalid date '%s'", value);
      return FALSE;
    }
  if ((value = l->attrs[MTE_AT_N_RECORDS]) != NULL && !parse_count (value, &n))
    {
      suspect (l, "<search>: invalid number of records '%s'", value);
      return FALSE;
    }
  if (!check_new_id (l, id))
    return FALSE;
  if ((value = l->attrs[MTE_AT_RUN_BY]) != NULL &&
      resolve_now (l, value, 1u << MTE_ENTITY_MEMBER, "searcher", "team member") == NULL)
    return FALSE;
  l->search = mte_project_add_search (l->project, id, k, source, &err);
  if (l->search == NULL)
    {
      fail_model (l, err);
      return FALSE;
    }
  mte_search_set_n_records (l->search, n);
  if (((value = l->attrs[MTE_AT_DATE]) != NULL &&
       !mte_search_set_date (l->search, value, &err)) ||
      ((value = l->attrs[MTE_AT_RUN_BY]) != NULL &&
       !mte_search_set_run_by (l->search, value, &err)))
    {
      fail_model (l, err);
      return FALSE;
    }
  return TRUE;
}

/* A record is made at its start tag; its fate waits for the end of the
 * document (PendingFate). */
static gboolean
start_record (Loader *l)
{
  const char *id = required_id (l, MTE_AT_ID, "record");
  const char *value;
  GError *err = NULL;
  guint64 year;
  int fate = MTE_FATE_UNSCREENED;
  gint64 created = 0;

  if (id == NULL)
    return FALSE;
  if ((value = l->attrs[MTE_AT_FATE]) != NULL &&
      (fate = mte_record_fate_from_string (value)) < 0)
    {
      suspect (l, "<record>: invalid fate '%s'", value);
      return FALSE;
    }
  if ((value = l->attrs[MTE_AT_CREATED]) != NULL && !parse_time (value, &created))
    {
      suspect (l, "<record>: invalid time '%s'", value);
      return FALSE;
    }
  if ((l->attrs[MTE_AT_DUPLICATE_OF] != NULL &&
       required_id (l, MTE_AT_DUPLICATE_OF, "record") == NULL) ||
      (l->attrs[MTE_AT_STUDY] != NULL && required_id (l, MTE_AT_STUDY, "record") == NULL))
    return FALSE;
  if (!check_new_id (l, id))
    return FALSE;
  if (l->attrs[MTE_AT_DUPLICATE_OF] != NULL && fate != MTE_FATE_DUPLICATE)
    {
      fail (l, MTE_FORMAT_ERROR_INVALID_VALUE,
            "record '%s': only a duplicate names the record it duplicates, not one %s",
            id, mte_record_fate_to_string ((MteRecordFate) fate));
      return FALSE;
    }
  if (l->attrs[MTE_AT_STUDY] != NULL && fate != MTE_FATE_INCLUDED)
    {
      fail (l, MTE_FORMAT_ERROR_INVALID_VALUE,
            "record '%s': only an included record names the study it reports, not one %s",
            id, mte_record_fate_to_string ((MteRecordFate) fate));
      return FALSE;
    }
  if ((value = l->attrs[MTE_AT_REVIEWER]) != NULL &&
      resolve_now (l, value, 1u << MTE_ENTITY_MEMBER, "reviewer", "team member") == NULL)
    return FALSE;
  l->record = mte_project_add_record (l->project, id, &err);
  if (l->record == NULL)
    {
      fail_model (l, err);
      return FALSE;
    }
  if ((value = l->attrs[MTE_AT_YEAR]) != NULL)
    {
      if (!parse_uint (value, 9999, &year) || year == 0)
        {
          suspect (l, "<record>: invalid year '%s'", value);
          return FALSE;
        }
      if (!mte_record_set_year (l->record, (int) year, &err))
        {
          fail_model (l, err);
          return FALSE;
        }
    }
  g_ptr_array_set_size (l->strings, 0);
  g_ptr_array_set_size (l->keywords, 0);
  l->fate.record = l->record;
  l->fate.fate = (MteRecordFate) fate;
  l->fate.target_attr = fate == MTE_FATE_DUPLICATE ? MTE_AT_DUPLICATE_OF : MTE_AT_STUDY;
  l->fate.target = g_strdup (l->attrs[l->fate.target_attr]);
  l->fate.reason = NULL;
  l->fate.reviewer = g_strdup (l->attrs[MTE_AT_REVIEWER]);
  l->fate.created = created;
  here (l, &l->fate.line, &l->fate.column);
  return TRUE;
}

static gboolean
start_found_by (Loader *l)
{
  const char *ref = required_id (l, MTE_AT_REF, "found-by");
  MteEntity *search;
  GError *err = NULL;

  if (ref == NULL)
    return FALSE;
  search = resolve_now (l, ref, 1u << MTE_ENTITY_SEARCH, "search", "search");
  if (search == NULL)
    return FALSE;
  for (guint i = 0; i < mte_record_get_n_searches (l->record); i++)
    if (MTE_ENTITY (mte_record_get_search (l->record, i)) == search)
      {
        fail (l, MTE_FORMAT_ERROR_INVALID_VALUE, "record '%s' lists search '%s' twice",
              mte_record_get_id (l->record), ref);
        return FALSE;
      }
  if (!mte_record_add_search (l->record, ref, &err))
    {
      fail_model (l, err);
      return FALSE;
    }
  return TRUE;
}

static void
end_record (Loader *l)
{
  GError *err = NULL;

  if (l->strings->len > 0)
    {
      g_ptr_array_add (l->strings, NULL);
      if (!mte_record_set_authors (l->record, (const char * const *) l->strings->pdata, &err))
        fail_model (l, err);
      g_ptr_array_set_size (l->strings, 0);
    }
  if (l->keywords->len > 0 && l->error == NULL)
    {
      g_ptr_array_add (l->keywords, NULL);
      if (!mte_record_set_keywords (l->record, (const char * const *) l->keywords->pdata, &err))
        fail_model (l, err);
      g_ptr_array_set_size (l->keywords, 0);
    }
  if (l->error == NULL)
    {
      g_array_append_val (l->fates, l->fate);
      memset (&l->fate, 0, sizeof l->fate);
    }
  l->record = NULL;
}

static void
pending_fate_clear (gpointer data)
{
  PendingFate *fate = data;

  g_free (fate->target);
  g_free (fate->reason);
  g_free (fate->reviewer);
}

/* Sets every record's fate, in the order of the file. */
static void
resolve_fates (Loader *l)
{
  for (guint i = 0; i < l->fates->len && l->error == NULL; i++)
    {
      PendingFate *f = &g_array_index (l->fates, PendingFate, i);
      const char *target = f->target;
      GError *err = NULL;

      if (f->fate == MTE_FATE_UNSCREENED && f->reason == NULL && f->reviewer == NULL &&
          f->created == 0)
        continue;
      if (target != NULL)
        {
          MteEntity *entity = mte_project_lookup (l->project, target);
          gboolean duplicate = f->target_attr == MTE_AT_DUPLICATE_OF;
          const char *role = duplicate ? "duplicated record" : "reported study";
          const char *expected = duplicate ? "record" : "study";
          MteEntityKind kind = duplicate ? MTE_ENTITY_RECORD : MTE_ENTITY_STUDY;

          if (entity == NULL)
            {
              fail_at (l, MTE_FORMAT_ERROR_UNKNOWN_REFERENCE, f->line, f->column,
                       "unknown %s '%s': no %s has this id", role, target, expected);
              return;
            }
          if (mte_entity_get_kind (entity) != kind)
            {
              fail_at (l, MTE_FORMAT_ERROR_UNKNOWN_REFERENCE, f->line, f->column,
                       "%s '%s' names a %s; expected a %s", role, target,
                       kind_name (mte_entity_get_kind (entity)), expected);
              return;
            }
        }
      if (!mte_record_set_fate (f->record, f->fate, target, f->reason, f->reviewer,
                                f->created, &err))
        {
          MteFormatError code = MTE_FORMAT_ERROR_INVALID_VALUE;

          if (err->domain == MTE_MODEL_ERROR &&
              (err->code == MTE_MODEL_ERROR_NOT_FOUND || err->code == MTE_MODEL_ERROR_WRONG_KIND))
            code = MTE_FORMAT_ERROR_UNKNOWN_REFERENCE;
          fail_at (l, code, f->line, f->column, "%s", err->message);
          g_error_free (err);
        }
    }
}

/* <count box="..." value="..."/>: a count entered by hand. */
static gboolean
start_count (Loader *l)
{
  const char *box = required (l, MTE_AT_BOX, "count");
  const char *value = required (l, MTE_AT_VALUE, "count");
  gint64 n;
  int c;

  if (box == NULL || value == NULL)
    return FALSE;
  c = mte_prisma_count_from_string (box);
  if (c < 0 || c == MTE_PRISMA_DBR_EXCLUDED || c == MTE_PRISMA_OTHER_EXCLUDED)
    {
      suspect (l, "<count>: invalid box '%s'", box);
      return FALSE;
    }
  if (!parse_count (value, &n))
    {
      suspect (l, "<count>: invalid value '%s'", value);
      return FALSE;
    }
  if (mte_project_get_stage_count (l->project, (MtePrismaCount) c) != MTE_COUNT_UNKNOWN)
    {
      fail (l, MTE_FORMAT_ERROR_INVALID_VALUE, "the count of box '%s' is given twice", box);
      return FALSE;
    }
  mte_project_set_stage_count (l->project, (MtePrismaCount) c, n);
  return TRUE;
}

/* <exclusion-count box="..." value="...">reason</exclusion-count>, set at
 * its end tag once the reason is known. */
static gboolean
start_exclusion_count (Loader *l)
{
  const char *box = required (l, MTE_AT_BOX, "exclusion-count");
  const char *value = required (l, MTE_AT_VALUE, "exclusion-count");
  gint64 n;
  int c;

  if (box == NULL || value == NULL)
    return FALSE;
  c = mte_prisma_count_from_string (box);
  if (c != MTE_PRISMA_DBR_EXCLUDED && c != MTE_PRISMA_OTHER_EXCLUDED)
    {
      suspect (l, "<exclusion-count>: invalid box '%s'", box);
      return FALSE;
    }
  if (!parse_count (value, &n))
    {
      suspect (l, "<exclusion-count>: invalid value '%s'", value);
      return FALSE;
    }
  save_attributes (l);
  return TRUE;
}

static void
end_exclusion_count (Loader *l, const char *reason)
{
  MtePrismaCount box = (MtePrismaCount) mte_prisma_count_from_string (saved (l, MTE_AT_BOX));
  guint n = mte_project_get_n_exclusion_counts (l->project, box);
  GError *err = NULL;
  gint64 value = 0;

  parse_count (saved (l, MTE_AT_VALUE), &value);
  for (guint i = 0; i < n; i++)
    {
      const char *other = NULL;

      mte_project_get_exclusion_count (l->project, box, i, &other);
      if (strcmp (other, reason) == 0)
        {
          g_autofree char *shown = mte_message_text (reason, 80);

          fail (l, MTE_FORMAT_ERROR_INVALID_VALUE,
                "box '%s' gives the reason '%s' twice", saved (l, MTE_AT_BOX), shown);
          return;
        }
    }
  if (!mte_project_set_exclusion_count (l->project, box, reason, value, &err))
    fail_model (l, err);
}

/* A study's <exclusion>, applied at its end tag with its reason. */
static gboolean
start_exclusion (Loader *l)
{
  const char *stage = required (l, MTE_AT_STAGE, "exclusion");
  const char *value;
  gint64 created;
  int s;

  if (stage == NULL)
    return FALSE;
  s = mte_exclusion_stage_from_string (stage);
  if (s <= MTE_EXCLUSION_NONE)
    {
      suspect (l, "<exclusion>: invalid stage '%s'", stage);
      return FALSE;
    }
  if ((value = l->attrs[MTE_AT_CREATED]) != NULL && !parse_time (value, &created))
    {
      suspect (l, "<exclusion>: invalid time '%s'", value);
      return FALSE;
    }
  if ((value = l->attrs[MTE_AT_REVIEWER]) != NULL &&
      resolve_now (l, value, 1u << MTE_ENTITY_MEMBER, "reviewer", "team member") == NULL)
    return FALSE;
  save_attributes (l);
  return TRUE;
}

static gboolean
end_exclusion (Loader *l, const char *reason, GError **error)
{
  const char *created = saved (l, MTE_AT_CREATED);
  gint64 t = 0;

  if (created != NULL)
    parse_time (created, &t);
  return mte_study_exclude (l->study,
                            (MteExclusionStage) mte_exclusion_stage_from_string (saved (l, MTE_AT_STAGE)),
                            reason, saved (l, MTE_AT_REVIEWER), t, error);
}

static gboolean
is_text_element (ElementId el)
{
  switch (el)
    {
    case MTE_EL_TITLE: case MTE_EL_QUESTION: case MTE_EL_AIM: case MTE_EL_LINE_OF_ARGUMENT:
    case MTE_EL_TEXT: case MTE_EL_ANSWER: case MTE_EL_AUTHOR: case MTE_EL_ATTRIBUTE:
    case MTE_EL_NOTE: case MTE_EL_DEFINITION: case MTE_EL_RATIONALE: case MTE_EL_STATEMENT:
    case MTE_EL_EXPLANATION: case MTE_EL_DESCRIPTION: case MTE_EL_MEMO:
    case MTE_EL_QUERY: case MTE_EL_NOTES: case MTE_EL_KEYWORD: case MTE_EL_REASON:
    case MTE_EL_EXCLUSION: case MTE_EL_EXCLUSION_COUNT: case MTE_EL_ITEM:
      return TRUE;
    default:
      return el >= EL_STUDY_FIELD && el < EL_LAST;
    }
}

/* Decides what the element is in its context and acts on its start.
 * Returns MTE_EL_UNKNOWN for anything out of place. */
static ElementId
start_element (Loader *l, ElementId parent, ElementId el)
{
  gboolean ok = TRUE;

  switch (parent)
    {
    case MTE_EL_PROJECT:
      switch (el)
        {
        case MTE_EL_TITLE: case MTE_EL_QUESTION: case MTE_EL_AIM: case MTE_EL_LINE_OF_ARGUMENT:
        case MTE_EL_MEMBERS: case MTE_EL_CHECKLISTS: case MTE_EL_STUDIES: case MTE_EL_CONCEPTS:
        case MTE_EL_TRANSLATIONS: case MTE_EL_THIRD_ORDERS: case MTE_EL_ARGUMENT_LINKS:
        case MTE_EL_FRAMEWORKS: case MTE_EL_MEMOS:
        case MTE_EL_PROTOCOL: case MTE_EL_SEARCHES: case MTE_EL_RECORDS:
        case MTE_EL_STAGE_COUNTS: case MTE_EL_EMERGE:
          return el;
        case MTE_EL_TRANSLATION_SESSION:
          return start_session (l) ? el : MTE_EL_UNKNOWN;
        default:
          return MTE_EL_UNKNOWN;
        }
    case MTE_EL_MEMBERS:
      ok = el == MTE_EL_MEMBER && start_member (l);
      break;
    case MTE_EL_CHECKLISTS:
      ok = el == MTE_EL_CHECKLIST && start_checklist (l);
      break;
    case MTE_EL_CHECKLIST:
      if (el != MTE_EL_QUESTION || required_id (l, MTE_AT_KEY, "question") == NULL)
        return MTE_EL_UNKNOWN;
      save_attributes (l);
      g_ptr_array_set_size (l->strings, 0);
      g_clear_pointer (&l->question_text, g_free);
      return EL_CHECKLIST_QUESTION;
    case EL_CHECKLIST_QUESTION:
      ok = el == MTE_EL_TEXT || el == MTE_EL_ANSWER;
      break;
    case MTE_EL_STUDIES:
      ok = el == MTE_EL_STUDY && start_study (l);
      break;
    case MTE_EL_STUDY:
      switch (el)
        {
        case MTE_EL_AUTHOR:
          break;
        case MTE_EL_ATTRIBUTE:
          {
            const char *key = required (l, MTE_AT_KEY, "attribute");

            if (key == NULL || *key == '\0')
              {
                if (key != NULL)
                  suspect (l, "<attribute>: the key is empty");
                return MTE_EL_UNKNOWN;
              }
            if (mte_study_get_attribute (l->study, key) != NULL)
              {
                g_autofree char *shown = mte_message_text (key, 80);

                fail (l, MTE_FORMAT_ERROR_INVALID_VALUE,
                      "study '%s' has two attributes '%s'", mte_study_get_id (l->study), shown);
                return MTE_EL_UNKNOWN;
              }
            save_attributes (l);
          }
          break;
        case MTE_EL_APPRAISAL:
          ok = start_appraisal (l);
          break;
        case MTE_EL_CONSTRUCT:
          ok = start_construct (l);
          break;
        case MTE_EL_EXCLUSION:
          ok = start_exclusion (l);
          break;
        default:
          {
            int f = mte_io_field_index (mte_io_study_fields, MTE_STUDY_N_FIELDS, el);

            return f >= 0 ? EL_STUDY_FIELD + f : MTE_EL_UNKNOWN;
          }
        }
      break;
    case MTE_EL_APPRAISAL:
      ok = el == MTE_EL_ANSWER || el == MTE_EL_NOTE;
      break;
    case MTE_EL_PROTOCOL:
      {
        int f = mte_io_field_index (mte_io_protocol_fields, MTE_PROTOCOL_N_FIELDS, el);

        return f >= 0 ? EL_PROTOCOL_FIELD + f : MTE_EL_UNKNOWN;
      }
    case MTE_EL_EMERGE:
      ok = el == MTE_EL_ITEM && start_emerge_item (l);
      break;
    case MTE_EL_SEARCHES:
      ok = el == MTE_EL_SEARCH && start_search (l);
      break;
    case MTE_EL_SEARCH:
      ok = el == MTE_EL_QUERY || el == MTE_EL_NOTES;
      break;
    case MTE_EL_RECORDS:
      ok = el == MTE_EL_RECORD && start_record (l);
      break;
    case MTE_EL_RECORD:
      switch (el)
        {
        case MTE_EL_AUTHOR:
        case MTE_EL_KEYWORD:
        case MTE_EL_REASON:
          break;
        case MTE_EL_FOUND_BY:
          ok = start_found_by (l);
          break;
        default:
          {
            int f = mte_io_field_index (mte_io_record_fields, MTE_RECORD_N_FIELDS, el);

            return f >= 0 ? EL_RECORD_FIELD + f : MTE_EL_UNKNOWN;
          }
        }
      break;
    case MTE_EL_STAGE_COUNTS:
      if (el == MTE_EL_COUNT)
        ok = start_count (l);
      else
        ok = el == MTE_EL_EXCLUSION_COUNT && start_exclusion_count (l);
      break;
    case MTE_EL_CONSTRUCT:
      if (el == MTE_EL_TEXT)
        break;
      if (el != MTE_EL_GROUNDING)
        return MTE_EL_UNKNOWN;
      {
        const char *ref = required_id (l, MTE_AT_REF, "grounding");

        if (ref == NULL || !make_construct (l, ""))
          return MTE_EL_UNKNOWN;
        queue_ref (l, REF_GROUNDING, l->construct, ref, NULL);
      }
      break;
    case MTE_EL_CONCEPTS:
      ok = el == MTE_EL_CONCEPT && start_concept (l);
      break;
    case MTE_EL_CONCEPT:
      if (el == MTE_EL_DEFINITION)
        break;
      if (el != MTE_EL_EXPRESSION)
        return MTE_EL_UNKNOWN;
      {
        const char *ref = required_id (l, MTE_AT_REF, "expression");

        if (ref == NULL)
          return MTE_EL_UNKNOWN;
        queue_ref (l, REF_EXPRESSION, l->concept, ref, NULL);
      }
      break;
    case MTE_EL_TRANSLATIONS:
      ok = el == MTE_EL_TRANSLATION && start_translation (l);
      break;
    case MTE_EL_TRANSLATION:
    case MTE_EL_ARGUMENT_LINK:
      ok = el == MTE_EL_RATIONALE;
      break;
    case MTE_EL_THIRD_ORDERS:
      ok = el == MTE_EL_THIRD_ORDER && start_third_order (l);
      break;
    case MTE_EL_THIRD_ORDER:
      switch (el)
        {
        case MTE_EL_STATEMENT:
          break;
        case MTE_EL_BASIS:
          {
            const char *ref = required_id (l, MTE_AT_REF, "basis");

            if (ref == NULL)
              return MTE_EL_UNKNOWN;
            queue_ref (l, REF_BASIS, l->third_order, ref, NULL);
          }
          break;
        case MTE_EL_CONCERN:
          ok = start_concern (l, FALSE);
          break;
        case MTE_EL_CONFIDENCE:
          ok = start_concern (l, TRUE);
          break;
        default:
          return MTE_EL_UNKNOWN;
        }
      break;
    case MTE_EL_CONCERN:
    case MTE_EL_CONFIDENCE:
      ok = el == MTE_EL_EXPLANATION;
      break;
    case MTE_EL_ARGUMENT_LINKS:
      ok = el == MTE_EL_ARGUMENT_LINK && start_argument_link (l);
      break;
    case MTE_EL_FRAMEWORKS:
      ok = el == MTE_EL_FRAMEWORK && start_framework (l);
      break;
    case MTE_EL_FRAMEWORK:
      switch (el)
        {
        case MTE_EL_DESCRIPTION:
          break;
        case MTE_EL_LEVEL:
          ok = start_level (l);
          break;
        case MTE_EL_CLASSIFICATION:
          ok = start_classification (l);
          break;
        default:
          return MTE_EL_UNKNOWN;
        }
      break;
    case MTE_EL_MEMOS:
      ok = el == MTE_EL_MEMO && start_memo (l);
      break;
    case MTE_EL_TRANSLATION_SESSION:
      ok = el == MTE_EL_DECISION && start_decision (l);
      break;
    case MTE_EL_DECISION:
      ok = el == MTE_EL_RATIONALE;
      break;
    default:
      return MTE_EL_UNKNOWN;
    }
  return ok ? el : MTE_EL_UNKNOWN;
}

/* ------------------------------------------------------------------ */
/* End tags                                                           */
/* ------------------------------------------------------------------ */

static void
end_element (Loader *l, ElementId parent, ElementId el)
{
  const char *text = l->text->str;
  GError *err = NULL;
  gboolean ok = TRUE;

  switch (el)
    {
    case MTE_EL_TITLE:
      ok = mte_project_set_title (l->project, text, &err);
      break;
    case MTE_EL_QUESTION:
      ok = mte_project_set_question (l->project, text, &err);
      break;
    case EL_CHECKLIST_QUESTION:
      g_ptr_array_add (l->strings, NULL);
      ok = mte_checklist_add_question (l->checklist, saved (l, MTE_AT_KEY),
                                       l->question_text != NULL ? l->question_text : "",
                                       (const char * const *) l->strings->pdata, &err);
      g_ptr_array_set_size (l->strings, 0);
      break;
    case MTE_EL_AIM:
      ok = mte_project_set_aim (l->project, text, &err);
      break;
    case MTE_EL_LINE_OF_ARGUMENT:
      ok = mte_project_set_line_of_argument (l->project, text, &err);
      break;
    case MTE_EL_ITEM:
      ok = mte_project_set_emerge_text (l->project,
                                        (MteEmergeItem) mte_emerge_item_from_string (saved (l, MTE_AT_KEY)),
                                        text, &err);
      break;
    case MTE_EL_TEXT:
      if (parent == EL_CHECKLIST_QUESTION)
        {
          g_free (l->question_text);
          l->question_text = g_strdup (text);
        }
      else
        ok = make_construct (l, text);
      break;
    case MTE_EL_ANSWER:
      if (parent == MTE_EL_APPRAISAL)
        {
          g_free (l->answer);
          l->answer = g_strdup (text);
        }
      else if (*text == '\0')
        suspect (l, "<answer> is empty");
      else
        g_ptr_array_add (l->strings, g_strdup (text));
      break;
    case MTE_EL_NOTE:
      g_free (l->note);
      l->note = g_strdup (text);
      break;
    case MTE_EL_STUDY:
      if (l->strings->len > 0)
        {
          g_ptr_array_add (l->strings, NULL);
          ok = mte_study_set_authors (l->study, (const char * const *) l->strings->pdata, &err);
          g_ptr_array_set_size (l->strings, 0);
        }
      l->study = NULL;
      break;
    case MTE_EL_AUTHOR:
      if (*text == '\0')
        suspect (l, "<author> is empty");
      else
        g_ptr_array_add (l->strings, g_strdup (text));
      break;
    case MTE_EL_KEYWORD:
      if (*text == '\0')
        suspect (l, "<keyword> is empty");
      else
        g_ptr_array_add (l->keywords, g_strdup (text));
      break;
    case MTE_EL_REASON:
      g_free (l->fate.reason);
      l->fate.reason = g_strdup (text);
      break;
    case MTE_EL_RECORD:
      end_record (l);
      break;
    case MTE_EL_SEARCH:
      l->search = NULL;
      break;
    case MTE_EL_QUERY:
      ok = mte_search_set_query (l->search, text, &err);
      break;
    case MTE_EL_NOTES:
      ok = mte_search_set_notes (l->search, text, &err);
      break;
    case MTE_EL_EXCLUSION:
      ok = end_exclusion (l, text, &err);
      break;
    case MTE_EL_EXCLUSION_COUNT:
      end_exclusion_count (l, text);
      break;
    case MTE_EL_ATTRIBUTE:
      ok = mte_study_set_attribute (l->study, saved (l, MTE_AT_KEY), text, &err);
      break;
    case MTE_EL_APPRAISAL:
      ok = mte_study_set_appraisal (l->study, saved (l, MTE_AT_CHECKLIST), saved (l, MTE_AT_QUESTION),
                                    l->answer, l->note, &err);
      g_clear_pointer (&l->answer, g_free);
      g_clear_pointer (&l->note, g_free);
      break;
    case MTE_EL_CONSTRUCT:
      ok = make_construct (l, "");
      l->construct = NULL;
      /* A construct's list of groundings is complete. */
      break;
    case MTE_EL_DEFINITION:
      ok = mte_concept_set_definition (l->concept, text, &err);
      break;
    case MTE_EL_RATIONALE:
      if (parent == MTE_EL_TRANSLATION)
        ok = mte_translation_set_rationale (l->translation, text, &err);
      else if (parent == MTE_EL_DECISION)
        {
          g_free (l->rationale);
          l->rationale = g_strdup (text);
        }
      else
        ok = mte_argument_link_set_rationale (l->link, text, &err);
      break;
    case MTE_EL_STATEMENT:
      ok = mte_third_order_set_statement (l->third_order, text, &err);
      break;
    case MTE_EL_EXPLANATION:
      g_free (l->explanation);
      l->explanation = g_strdup (text);
      break;
    case MTE_EL_CONCERN:
      ok = mte_third_order_set_concern (
        l->third_order,
        (MteCerqualComponent) lookup_name (saved (l, MTE_AT_COMPONENT), component_name,
                                           MTE_CERQUAL_N_COMPONENTS),
        (MteConcern) lookup_name (saved (l, MTE_AT_LEVEL), concern_name, 5),
        l->explanation, &err);
      g_clear_pointer (&l->explanation, g_free);
      break;
    case MTE_EL_CONFIDENCE:
      ok = mte_third_order_set_confidence (
        l->third_order, (MteConfidence) lookup_name (saved (l, MTE_AT_LEVEL), confidence_name, 5),
        l->explanation, &err);
      g_clear_pointer (&l->explanation, g_free);
      break;
    case MTE_EL_DESCRIPTION:
      ok = mte_framework_set_description (l->framework, text, &err);
      break;
    case MTE_EL_DECISION:
      end_decision (l);
      break;
    case MTE_EL_MEMO:
      {
        MteMemo *memo;
        const char *created = saved (l, MTE_AT_CREATED);
        gint64 t = 0;

        memo = mte_project_add_memo (l->project, saved (l, MTE_AT_ID), saved (l, MTE_AT_SUBJECT),
                                     saved (l, MTE_AT_AUTHOR), text, &err);
        if (memo == NULL)
          ok = FALSE;
        else
          {
            if (created != NULL)
              parse_time (created, &t);
            mte_memo_set_created (memo, t);
          }
      }
      break;
    default:
      if (el >= EL_STUDY_FIELD && el < EL_RECORD_FIELD)
        ok = mte_study_set_field (l->study, (MteStudyField) (el - EL_STUDY_FIELD), text, &err);
      else if (el >= EL_RECORD_FIELD && el < EL_PROTOCOL_FIELD)
        ok = mte_record_set_field (l->record, (MteRecordField) (el - EL_RECORD_FIELD), text, &err);
      else if (el >= EL_PROTOCOL_FIELD && el < EL_LAST)
        ok = mte_project_set_protocol (l->project, (MteProtocolField) (el - EL_PROTOCOL_FIELD),
                                       text, &err);
      break;
    }
  if (!ok)
    {
      if (err != NULL)
        fail_model (l, err);
      else if (l->error == NULL)
        fail (l, MTE_FORMAT_ERROR_INVALID_VALUE, "invalid content");
    }
}

/* ------------------------------------------------------------------ */
/* SAX callbacks                                                      */
/* ------------------------------------------------------------------ */

static void
on_start_element (void *data, const xmlChar *localname, const xmlChar *prefix,
                  const xmlChar *uri, int nb_namespaces, const xmlChar **namespaces,
                  int nb_attributes, int nb_defaulted, const xmlChar **attributes)
{
  Loader *l = data;
  ElementId el, parent;
  gpointer found;

  if (!check_suspect (l))
    return;
  l->depth++;
  if (l->depth > MTE_LOAD_MAX_DEPTH)
    {
      fail (l, MTE_FORMAT_ERROR_TOO_LARGE,
            "elements are nested more than %d levels deep", MTE_LOAD_MAX_DEPTH);
      return;
    }
  l->capture = FALSE;

  found = g_hash_table_lookup (l->elements, localname);
  if (found == NULL)
    found = g_hash_table_lookup (element_by_name, localname);
  el = (ElementId) GPOINTER_TO_INT (found);
  if (uri != l->ns && (uri == NULL || strcmp ((const char *) uri, MTE_FORMAT_NAMESPACE) != 0))
    el = MTE_EL_UNKNOWN;

  if (l->depth == 1)
    {
      if (el != MTE_EL_PROJECT)
        {
          if (uri != NULL)
            fail (l, MTE_FORMAT_ERROR_UNSUPPORTED_VERSION,
                  "the root element {%s}%s is not a metaethno project", uri, localname);
          else
            fail (l, MTE_FORMAT_ERROR_UNSUPPORTED_VERSION,
                  "the root element %s is not a metaethno project (namespace %s)",
                  localname, MTE_FORMAT_NAMESPACE);
          return;
        }
      l->root_seen = TRUE;
      collect_attributes (l, nb_attributes, attributes);
      start_project (l);
      l->frames[1].id = MTE_EL_PROJECT;
      return;
    }

  parent = l->frames[l->depth - 1].id;
  if (parent == MTE_EL_UNKNOWN || el == MTE_EL_UNKNOWN || is_text_element (parent))
    {
      l->frames[l->depth].id = MTE_EL_UNKNOWN;
      return;
    }
  collect_attributes (l, nb_attributes, attributes);
  el = start_element (l, parent, el);
  l->frames[l->depth].id = el;
  if (el != MTE_EL_UNKNOWN && is_text_element (el))
    {
      l->capture = TRUE;
      g_string_truncate (l->text, 0);
    }
}

static void
on_end_element (void *data, const xmlChar *localname, const xmlChar *prefix,
                const xmlChar *uri)
{
  Loader *l = data;
  ElementId el;

  if (!check_suspect (l))
    return;
  if (l->depth <= 0)
    return;
  el = l->frames[l->depth].id;
  if (el != MTE_EL_UNKNOWN && l->depth > 1)
    {
      end_element (l, l->frames[l->depth - 1].id, el);
    }
  l->capture = FALSE;
  l->depth--;
}

static void
on_characters (void *data, const xmlChar *ch, int len)
{
  Loader *l = data;

  if (!check_suspect (l))
    return;
  if (l->capture)
    g_string_append_len (l->text, (const char *) ch, len);
}

static void
on_internal_subset (void *data, const xmlChar *name, const xmlChar *external_id,
                    const xmlChar *system_id)
{
  Loader *l = data;

  fail (l, MTE_FORMAT_ERROR_FORBIDDEN, "DOCTYPE declarations are not allowed");
  /* The internal subset has not been read yet and nothing of it is wanted;
   * unlike element callbacks, no validator is waiting on the input here,
   * so the parser can be halted at once. */
  if (l->ctxt != NULL)
    xmlStopParser (l->ctxt);
}

static void
on_entity_decl (void *data, const xmlChar *name, int type, const xmlChar *public_id,
                const xmlChar *system_id, xmlChar *content)
{
  fail (data, MTE_FORMAT_ERROR_FORBIDDEN, "entity declarations are not allowed");
}

static xmlEntityPtr
on_get_entity (void *data, const xmlChar *name)
{
  xmlEntityPtr predefined = xmlGetPredefinedEntity (name);

  if (predefined != NULL)
    return predefined;
  fail (data, MTE_FORMAT_ERROR_FORBIDDEN,
        "entity references are not allowed (only &amp; &lt; &gt; &quot; &apos;)");
  return NULL;
}

static xmlEntityPtr
on_get_parameter_entity (void *data, const xmlChar *name)
{
  fail (data, MTE_FORMAT_ERROR_FORBIDDEN, "entity references are not allowed");
  return NULL;
}

static void
on_reference (void *data, const xmlChar *name)
{
  fail (data, MTE_FORMAT_ERROR_FORBIDDEN,
        "entity references are not allowed (only &amp; &lt; &gt; &quot; &apos;)");
}

static xmlParserInputPtr
on_resolve_entity (void *data, const xmlChar *public_id, const xmlChar *system_id)
{
  fail (data, MTE_FORMAT_ERROR_FORBIDDEN, "external resources are never loaded");
  return NULL;
}

/* ------------------------------------------------------------------ */
/* Text coalescing                                                    */
/* ------------------------------------------------------------------ */

/* libxml2 hands text over in pieces: up to each entity reference, line
 * end after a CR, non-ASCII run of 300 bytes or chunk end. The validator
 * appends each piece to what it holds with xmlStrncat(), which measures
 * the whole string again every time, so an element's text costs time
 * quadratic in its number of pieces (a 4 MiB quote full of "&amp;" took
 * 12 s). A handler between the parser and the validator gathers the pieces
 * and passes them on as one at the next other event. It is installed over
 * the validator's handler and keeps its user data; it finds the load
 * through loading_here. */

typedef enum {
  TEXT_NONE,
  TEXT_CHARACTERS,
  TEXT_CDATA
} TextKind;

static void
flush_text (Loader *l, void *ctx)
{
  const char *data = l->pending_text->str;
  gsize length = l->pending_text->len;
  TextKind kind = l->pending_kind;

  l->pending_kind = TEXT_NONE;
  /* The scan bounds an element's text by MTE_LOAD_MAX_TEXT < G_MAXINT. */
  for (gsize done = 0; kind != TEXT_NONE && done < length && l->error == NULL;)
    {
      int piece = (int) MIN (length - done, (gsize) G_MAXINT / 2);

      if (kind == TEXT_CDATA)
        l->plug_sax->cdataBlock (ctx, (const xmlChar *) data + done, piece);
      else
        l->plug_sax->characters (ctx, (const xmlChar *) data + done, piece);
      done += (gsize) piece;
    }
  g_string_truncate (l->pending_text, 0);
}

static void
gather_text (void *ctx, const xmlChar *ch, int len, TextKind kind)
{
  Loader *l = g_private_get (&loading_here);

  if (l->error != NULL)
    return;
  if (l->pending_kind != (int) kind)
    flush_text (l, ctx);
  l->pending_kind = kind;
  g_string_append_len (l->pending_text, (const char *) ch, len);
}

static void
gather_characters (void *ctx, const xmlChar *ch, int len)
{
  gather_text (ctx, ch, len, TEXT_CHARACTERS);
}

static void
gather_cdata (void *ctx, const xmlChar *ch, int len)
{
  gather_text (ctx, ch, len, TEXT_CDATA);
}

static Loader *
flushed (void *ctx)
{
  Loader *l = g_private_get (&loading_here);

  flush_text (l, ctx);
  return l;
}

static void
then_start_element (void *ctx, const xmlChar *localname, const xmlChar *prefix,
                    const xmlChar *uri, int nb_namespaces, const xmlChar **namespaces,
                    int nb_attributes, int nb_defaulted, const xmlChar **attributes)
{
  flushed (ctx)->plug_sax->startElementNs (ctx, localname, prefix, uri, nb_namespaces,
                                           namespaces, nb_attributes, nb_defaulted,
                                           attributes);
}

static void
then_end_element (void *ctx, const xmlChar *localname, const xmlChar *prefix,
                  const xmlChar *uri)
{
  flushed (ctx)->plug_sax->endElementNs (ctx, localname, prefix, uri);
}

static void
then_reference (void *ctx, const xmlChar *name)
{
  flushed (ctx)->plug_sax->reference (ctx, name);
}

static xmlEntityPtr
then_get_entity (void *ctx, const xmlChar *name)
{
  return flushed (ctx)->plug_sax->getEntity (ctx, name);
}

static void
then_internal_subset (void *ctx, const xmlChar *name, const xmlChar *external_id,
                      const xmlChar *system_id)
{
  flushed (ctx)->plug_sax->internalSubset (ctx, name, external_id, system_id);
}

static void
then_external_subset (void *ctx, const xmlChar *name, const xmlChar *external_id,
                      const xmlChar *system_id)
{
  flushed (ctx)->plug_sax->externalSubset (ctx, name, external_id, system_id);
}

static void
then_end_document (void *ctx)
{
  Loader *l = flushed (ctx);

  if (l->plug_sax->endDocument != NULL)
    l->plug_sax->endDocument (ctx);
}

/* @outer becomes a copy of @plug_sax (the validator's handler) whose text
 * callbacks gather and whose other callbacks the validator or we act on
 * pass the gathered text on first. */
static void
install_text_gathering (Loader *l, const xmlSAXHandler *plug_sax, xmlSAXHandler *outer)
{
  *outer = *plug_sax;
  l->plug_sax = plug_sax;
  if (plug_sax->characters != NULL)
    {
      outer->characters = gather_characters;
      outer->ignorableWhitespace = gather_characters;
    }
  if (plug_sax->cdataBlock != NULL)
    outer->cdataBlock = gather_cdata;
  if (plug_sax->startElementNs != NULL)
    outer->startElementNs = then_start_element;
  if (plug_sax->endElementNs != NULL)
    outer->endElementNs = then_end_element;
  if (plug_sax->reference != NULL)
    outer->reference = then_reference;
  if (plug_sax->getEntity != NULL)
    outer->getEntity = then_get_entity;
  if (plug_sax->internalSubset != NULL)
    outer->internalSubset = then_internal_subset;
  if (plug_sax->externalSubset != NULL)
    outer->externalSubset = then_external_subset;
  outer->endDocument = then_end_document;
}

/* ------------------------------------------------------------------ */
/* The input stream                                                   */
/* ------------------------------------------------------------------ */

/* Every byte passes through here before libxml2 sees it:
 *
 * - The first bytes are sniffed: a byte-order mark, UTF-16 without one,
 *   UTF-32, EBCDIC, the magic numbers of common binary formats, binary
 *   data and text that is not XML are reported as what they are.
 * - UTF-16 (with a byte-order mark) is turned into UTF-8 here, so that
 *   everything after sees an ASCII-compatible stream; libxml2 is told to
 *   ignore the declaration's "UTF-16". A declared encoding that is not
 *   ASCII-compatible (UTF-7, ISO-2022, Shift_JIS...) is refused: markup
 *   could hide from the scan in it.
 * - Line ends are normalised as XML 1.0 section 2.11 says a parser must:
 *   CR LF and a lone CR become LF. libxml2 counts lines by LF only, so a
 *   file with CR line ends had every error on line 1.
 * - A small state machine follows the markup (text, tags with their
 *   attributes and quotes, comments, PIs, CDATA, declarations, references),
 *   counts what the limits bound and refuses what exceeds them with its
 *   own line and column.
 * - A construct (tag, comment, PI, CDATA section, declaration, reference)
 *   still open at the end of a read is held back and handed to libxml2
 *   whole once it is complete. libxml2 2.9's push parser scans all the
 *   data it holds for the end of an open construct each time a chunk
 *   arrives, which made long attributes, comments, PIs and CDATA sections
 *   cost time quadratic in their length (a 256 MiB comment took 52 s).
 */

#define SNIFF_SIZE 4096
#define FEED_MAX (G_GUINT64_CONSTANT (1) << 30)        /* per xmlParseChunk() */

typedef enum {
  ENC_ASCII,                    /* UTF-8 or an ASCII-compatible encoding */
  ENC_UTF16LE,
  ENC_UTF16BE
} StreamEncoding;

typedef enum {
  SC_TEXT,
  SC_LT,                        /* "<" */
  SC_BANG,                      /* "<!" */
  SC_BANG_DASH,                 /* "<!-" */
  SC_CDATA_OPEN,                /* "<![", "<![C"... */
  SC_COMMENT,
  SC_PI,
  SC_CDATA,
  SC_DECL,                      /* "<!DOCTYPE" and the like */
  SC_END_TAG,
  SC_TAG_NAME,
  SC_TAG_SPACE,                 /* in a start tag, between attributes */
  SC_ATTR_NAME,
  SC_ATTR_AFTER_NAME,
  SC_ATTR_EQ,
  SC_ATTR_VALUE,
  SC_TAG_SLASH,                 /* "/" before the '>' of an empty element */
  SC_REF                        /* "&" */
} ScanState;

typedef struct {
  StreamEncoding encoding;
  gboolean       cr;            /* the last byte was a CR */
  int            odd_byte;      /* UTF-16: a first byte waiting, or -1 */
  guint32        high;          /* UTF-16: a high surrogate waiting, or 0 */

  /* Normalised bytes not yet given to libxml2. */
  char          *data;
  gsize          length;
  gsize          allocated;
  gsize          scanned;       /* bytes of data the state machine has seen */
  guint64        offset;        /* bytes of the stream before data[0] */

  /* Line of data[0], and the characters before it on that line. */
  guint64        line;
  guint64        column;

  ScanState      state;
  guchar         quote;
  guint          match;
  gsize          start;         /* data offset of the open construct's '<' or '&' */
  guint64        construct;     /* its bytes so far */
  guint64        text;          /* text bytes of the current element */
  guint          attributes;    /* of the open start tag */

  /* What a save will not keep: comments and processing instructions
   * (the XML declaration aside), and where the first of each is. */
  guint          n_comments;
  int            comment_line;
  int            comment_column;
  guint          n_pis;
  int            pi_line;
  int            pi_column;

  /* The first refusal: what, and where (a data offset). */
  gboolean       refused;
  MteFormatError code;
  char          *message;
  gsize          refused_at;
  gsize          refused_feed;  /* what may still go to libxml2 before it */
} Stream;

static void
stream_init (Stream *s)
{
  memset (s, 0, sizeof *s);
  s->odd_byte = -1;
  s->line = 1;
}

static void
stream_clear (Stream *s)
{
  g_free (s->data);
  g_free (s->message);
}

static void
stream_reserve (Stream *s, gsize more)
{
  if (s->length + more <= s->allocated)
    return;
  s->allocated = MAX (s->allocated * 2, s->length + more);
  s->allocated = MAX (s->allocated, (gsize) 4096);
  s->data = g_realloc (s->data, s->allocated);
}

/* Appends @n bytes, turning CR LF and lone CRs into LF; a CR at the end of
 * one read and an LF at the start of the next are one line end. */
static void
stream_append (Stream *s, const char *p, gsize n)
{
  const char *end = p + n;
  const char *cr;

  if (n == 0)
    return;                     /* nothing to add (and maybe no buffer yet) */
  stream_reserve (s, n);
  if (s->cr && *p == '\n')
    p++;
  s->cr = FALSE;
  while ((cr = memchr (p, '\r', end - p)) != NULL)
    {
      memcpy (s->data + s->length, p, cr - p);
      s->length += cr - p;
      s->data[s->length++] = '\n';
      p = cr + 1;
      if (p == end)
        s->cr = TRUE;
      else if (*p == '\n')
        p++;
    }
  memcpy (s->data + s->length, p, end - p);
  s->length += end - p;
}

/* Characters (UTF-8 sequences) in @n bytes at @p. */
static guint64
count_characters (const guchar *p, gsize n)
{
  guint64 continuation = 0;
  gsize i = 0;

  /* Eight at a time: a continuation byte has bit 7 set and bit 6 clear. */
  for (; i + 8 <= n; i += 8)
    {
      guint64 w;

      memcpy (&w, p + i, 8);
      w = (w & ~(w << 1) & G_GUINT64_CONSTANT (0x8080808080808080)) >> 7;
      continuation += (w * G_GUINT64_CONSTANT (0x0101010101010101)) >> 56;
    }
  for (; i < n; i++)
    continuation += (p[i] & 0xC0) == 0x80;
  return n - continuation;
}

/* Line and column (from 1, in characters, as libxml2 counts them) of
 * data[@at], counting lines by LF from data[0]. Only the last line's part
 * is counted character by character. */
static void
stream_locate (const Stream *s, gsize at, guint64 *line, guint64 *column)
{
  const guchar *d = (const guchar *) s->data;
  const guchar *p = d;
  const guchar *nl;
  const guchar *line_start = NULL;

  *line = s->line;
  while (at > 0 && p < d + at && (nl = memchr (p, '\n', d + at - p)) != NULL)
    {
      (*line)++;
      line_start = p = nl + 1;
    }
  if (line_start == NULL)
    *column = s->column + count_characters (d, at);
  else
    *column = count_characters (line_start, d + at - line_start);
}

static void
stream_position (const Stream *s, gsize at, int *line, int *column)
{
  guint64 l, c;

  stream_locate (s, at, &l, &c);
  *line = (int) MIN (l, (guint64) G_MAXINT);
  *column = (int) MIN (c + 1, (guint64) G_MAXINT);
}

static void stream_refuse (Stream *s, MteFormatError code, gsize at, gsize feed,
                           const char *format, ...) G_GNUC_PRINTF (5, 6);

static void
stream_refuse (Stream *s, MteFormatError code, gsize at, gsize feed,
               const char *format, ...)
{
  va_list args;

  if (s->refused)
    return;
  s->refused = TRUE;
  s->code = code;
  s->refused_at = at;
  s->refused_feed = feed;
  va_start (args, format);
  s->message = g_strdup_vprintf (format, args);
  va_end (args);
}

/* Encodings in which every byte below 0x80 is the ASCII character, so that
 * the scan sees all markup. "UTF-16" is let through to libxml2, which
 * reports a UTF-8 file labelled so. */
static gboolean
encoding_is_ascii_compatible (const char *name)
{
  static const char * const exact[] = {
    "utf-8", "utf8", "us-ascii", "ascii", "utf-16", "utf16",
  };
  static const char * const prefixes[] = {
    "iso-8859-", "iso8859-", "iso_8859-", "latin", "windows-125", "cp125", "koi8-",
  };
  g_autofree char *lower = g_ascii_strdown (name, -1);

  for (gsize i = 0; i < G_N_ELEMENTS (exact); i++)
    if (strcmp (lower, exact[i]) == 0)
      return TRUE;
  for (gsize i = 0; i < G_N_ELEMENTS (prefixes); i++)
    if (g_str_has_prefix (lower, prefixes[i]) && lower[strlen (prefixes[i])] != '\0')
      return TRUE;
  return FALSE;
}

/* A quote of @length bytes at @p for a message: at most 24 characters, up
 * to the line end, with anything unprintable or not UTF-8 as \xNN. */
static char *
quote_bytes (const char *p, gsize length)
{
  GString *out = g_string_new ("\"");
  const char *end = p + length;
  int chars = 0;

  while (p < end && *p != '\n' && chars < 24)
    {
      guchar c = (guchar) *p;

      if (c >= 0x80)
        {
          gunichar u = g_utf8_get_char_validated (p, end - p);

          if (u != (gunichar) -1 && u != (gunichar) -2 && g_unichar_isprint (u))
            {
              const char *next = g_utf8_next_char (p);

              g_string_append_len (out, p, next - p);
              p = next;
            }
          else
            g_string_append_printf (out, "\\x%02X", *(const guchar *) p++);
        }
      else if (c == '"' || c == '\\')
        {
          g_string_append_c (out, '\\');
          g_string_append_c (out, *p++);
        }
      else if (c >= 0x20 && c < 0x7F)
        g_string_append_c (out, *p++);
      else
        g_string_append_printf (out, "\\x%02X", *(const guchar *) p++);
      chars++;
    }
  g_string_append_c (out, '"');
  if (p < end && *p != '\n')
    g_string_append (out, "...");
  return g_string_free (out, FALSE);
}

/* Whether the processing instruction at data[start..end), the first thing
 * in the stream, is the XML declaration ("<?xml" and white space). */
static gboolean
is_declaration (const Stream *s, gsize start, gsize end)
{
  const char *p = s->data + start;

  return end - start >= 6 && memcmp (p, "<?xml", 5) == 0 &&
         (p[5] == ' ' || p[5] == '\t' || p[5] == '\n');
}

/* The XML declaration, complete at data[start..end): an encoding the scan
 * cannot follow is refused. */
static void
check_declaration (Stream *s, gsize start, gsize end)
{
  const char *p = s->data + start;
  const char *stop = s->data + end;
  const char *found = NULL;
  const char *value;
  const char *close;
  g_autofree char *name = NULL;

  if (s->encoding != ENC_ASCII || end - start < 6 || memcmp (p, "<?xml", 5) != 0
      || !(p[5] == ' ' || p[5] == '\t' || p[5] == '\n'))
    return;
  for (const char *q = p + 5; q + 8 <= stop; q++)
    if (memcmp (q, "encoding", 8) == 0 && (q[-1] == ' ' || q[-1] == '\t' || q[-1] == '\n'))
      {
        found = q + 8;
        break;
      }
  if (found == NULL)
    return;
  while (found < stop && (*found == ' ' || *found == '\t' || *found == '\n' || *found == '='))
    found++;
  if (found >= stop || (*found != '"' && *found != '\''))
    return;                     /* malformed: libxml2 says so */
  value = found + 1;
  close = memchr (value, *found, stop - value);
  if (close == NULL)
    return;
  name = g_strndup (value, close - value);
  if (!encoding_is_ascii_compatible (name))
    {
      g_autofree char *quoted = quote_bytes (value, close - value);

      stream_refuse (s, MTE_FORMAT_ERROR_MALFORMED, value - s->data, start,
                     "the encoding %s is not supported: save the file as UTF-8", quoted);
    }
}

/* Byte classes for the scan's inner loops. */
enum {
  C_SPACE = 1 << 0,             /* XML white space (CR is gone by now) */
  C_ENDS_NAME = 1 << 1,         /* ends a name in a tag, or cannot be in one */
  C_REFERENCE = 1 << 2,         /* may be in an entity or character reference */
};

static guint8 byte_class[256];

static void
init_byte_classes (void)
{
  for (int c = 0; c < 256; c++)
    {
      guint8 k = 0;

      if (c == ' ' || c == '\t' || c == '\n')
        k |= C_SPACE | C_ENDS_NAME;
      if (c == '>' || c == '/' || c == '=' || c == '<' || c == '"' || c == '\'')
        k |= C_ENDS_NAME;
      if (g_ascii_isalnum (c) || c == '#' || c == '_' || c == ':' || c == '.' || c == '-'
          || c >= 0x80)
        k |= C_REFERENCE;
      byte_class[c] = k;
    }
}

static inline gboolean
is_space (guchar c)
{
  return (byte_class[c] & C_SPACE) != 0;
}

static inline gboolean
ends_name (guchar c)
{
  return (byte_class[c] & C_ENDS_NAME) != 0;
}

/* The first of two bytes in d[i..end), or end: a short look byte by byte,
 * then memchr() for long runs. */
static inline gsize
find_either (const guchar *d, gsize i, gsize end, guchar a, guchar b)
{
  gsize stop = MIN (end, i + 16);
  const guchar *p;

  for (; i < stop; i++)
    if (d[i] == a || d[i] == b)
      return i;
  if (i == end)
    return end;
  p = memchr (d + i, a, end - i);
  if (p != NULL)
    end = p - d;
  p = memchr (d + i, b, end - i);
  return p != NULL ? (gsize) (p - d) : end;
}

static inline gsize
find_text_end (const guchar *d, gsize i, gsize end)
{
  return find_either (d, i, end, '<', '&');
}

static inline gsize
find_value_end (const guchar *d, gsize i, gsize end, guchar quote)
{
  return find_either (d, i, end, quote, '<');
}

static void
refuse_construct (Stream *s, const char *what, guint64 limit)
{
  stream_refuse (s, MTE_FORMAT_ERROR_TOO_LARGE, s->start, s->start,
                 "%s longer than %" G_GUINT64_FORMAT " bytes", what, limit);
}

/* Text bytes of the current element: @n more, the first at data[@at]. */
static inline void
count_text (Stream *s, guint64 n, gsize at)
{
  if (s->text + n > MTE_LOAD_MAX_TEXT)
    {
      gsize over = at + (gsize) (MTE_LOAD_MAX_TEXT - s->text);

      stream_refuse (s, MTE_FORMAT_ERROR_TOO_LARGE, over, s->state == SC_TEXT ? over : s->start,
                     "the text of an element is longer than %" G_GUINT64_FORMAT " bytes",
                     (guint64) MTE_LOAD_MAX_TEXT);
    }
  s->text += n;
}

/* Runs the state machine over the bytes not yet scanned. */
static void
stream_scan (Stream *s)
{
  const guchar *d = (const guchar *) s->data;
  gsize i = s->scanned;
  const gsize end = s->length;

  while (i < end && !s->refused)
    {
      const guchar c = d[i];

      switch (s->state)
        {
        case SC_TEXT:
          {
            gsize j = find_text_end (d, i, end);

            count_text (s, j - i, i);
            i = j;
            if (i < end && !s->refused)
              {
                s->state = d[i] == '<' ? SC_LT : SC_REF;
                s->start = i++;
                s->construct = 1;
              }
            continue;
          }

        case SC_LT:
          if (c == '!')
            s->state = SC_BANG;
          else if (c == '?')
            s->state = SC_PI;
          else if (c == '/')
            {
              s->state = SC_END_TAG;
              s->text = 0;
            }
          else if (g_ascii_isalpha (c) || c == '_' || c == ':' || c >= 0x80)
            {
              s->state = SC_TAG_NAME;
              s->text = 0;
              s->attributes = 0;
            }
          else
            {
              /* Not markup libxml2 will accept: it says so itself. */
              s->state = SC_TEXT;
              continue;
            }
          s->construct++;
          i++;
          continue;

        case SC_BANG:
          s->state = c == '-' ? SC_BANG_DASH : c == '[' ? SC_CDATA_OPEN : SC_DECL;
          s->match = 1;
          s->construct++;
          i++;
          continue;

        case SC_BANG_DASH:
          s->state = c == '-' ? SC_COMMENT : SC_DECL;
          s->construct++;
          i++;
          continue;

        case SC_CDATA_OPEN:
          if (c != (guchar) "[CDATA["[s->match])
            s->state = SC_DECL;
          else if (++s->match == 7)
            s->state = SC_CDATA;
          s->construct++;
          i++;
          continue;

        case SC_COMMENT:
        case SC_PI:
        case SC_CDATA:
        case SC_DECL:
        case SC_END_TAG:
          {
            /* These end at a '>' (after "--", "?" or "]]" for some). */
            const guchar *gt = memchr (d + i, '>', end - i);
            gsize j = gt != NULL ? (gsize) (gt - d) : end;
            gboolean done = FALSE;

            s->construct += j - i + (gt != NULL);
            if (s->state == SC_CDATA)
              count_text (s, j - i + (gt != NULL), i);
            if (gt != NULL)
              switch (s->state)
                {
                case SC_COMMENT:
                  done = j >= s->start + 6 && d[j - 1] == '-' && d[j - 2] == '-';
                  break;
                case SC_PI:
                  done = j >= s->start + 3 && d[j - 1] == '?';
                  break;
                case SC_CDATA:
                  done = j >= s->start + 11 && d[j - 1] == ']' && d[j - 2] == ']';
                  break;
                default:
                  done = TRUE;
                  break;
                }
            switch (s->state)
              {
              case SC_END_TAG:
                if (s->construct > MTE_LOAD_MAX_TAG)
                  refuse_construct (s, "a tag is", MTE_LOAD_MAX_TAG);
                break;
              case SC_COMMENT:
                if (s->construct > MTE_LOAD_MAX_MARKUP)
                  refuse_construct (s, "a comment is", MTE_LOAD_MAX_MARKUP);
                break;
              case SC_PI:
                if (s->construct > MTE_LOAD_MAX_MARKUP)
                  refuse_construct (s, "a processing instruction is", MTE_LOAD_MAX_MARKUP);
                break;
              case SC_DECL:
                if (s->construct > MTE_LOAD_MAX_MARKUP)
                  refuse_construct (s, "a declaration is", MTE_LOAD_MAX_MARKUP);
                break;
              default:
                break;
              }
            if (done && !s->refused)
              {
                if (s->state == SC_PI && s->offset + s->start == 0 &&
                    is_declaration (s, s->start, j + 1))
                  check_declaration (s, s->start, j + 1);
                else if (s->state == SC_PI && s->n_pis++ == 0)
                  stream_position (s, s->start, &s->pi_line, &s->pi_column);
                else if (s->state == SC_COMMENT && s->n_comments++ == 0)
                  stream_position (s, s->start, &s->comment_line, &s->comment_column);
                s->state = SC_TEXT;
              }
            i = j + (gt != NULL);
            continue;
          }

        case SC_TAG_NAME:
        case SC_ATTR_NAME:
          {
            gsize j = i;

            while (j < end && !ends_name (d[j]))
              j++;
            s->construct += j - i;
            i = j;
            if (i < end)
              {
                guchar e = d[i];

                if (s->state == SC_TAG_NAME)
                  s->state = is_space (e) || e == '>' || e == '/' ? SC_TAG_SPACE : SC_TEXT;
                else
                  s->state = is_space (e) ? SC_ATTR_AFTER_NAME : e == '=' ? SC_ATTR_EQ : SC_TEXT;
                if (s->state != SC_TAG_SPACE && s->state != SC_TEXT)
                  {
                    s->construct++;
                    i++;
                  }
              }
            break;
          }

        case SC_TAG_SPACE:
          if (is_space (c))
            ;
          else if (c == '>')
            s->state = SC_TEXT;
          else if (c == '/')
            s->state = SC_TAG_SLASH;
          else if (ends_name (c))
            {
              s->state = SC_TEXT;
              continue;
            }
          else
            {
              if (++s->attributes > MTE_LOAD_MAX_ATTRIBUTES)
                {
                  stream_refuse (s, MTE_FORMAT_ERROR_TOO_LARGE, i, s->start,
                                 "an element has more than %d attributes",
                                 MTE_LOAD_MAX_ATTRIBUTES);
                  continue;
                }
              s->state = SC_ATTR_NAME;
              continue;
            }
          s->construct++;
          i++;
          break;

        case SC_ATTR_AFTER_NAME:
        case SC_ATTR_EQ:
          if (is_space (c))
            ;
          else if (s->state == SC_ATTR_AFTER_NAME && c == '=')
            s->state = SC_ATTR_EQ;
          else if (s->state == SC_ATTR_EQ && (c == '"' || c == '\''))
            {
              s->state = SC_ATTR_VALUE;
              s->quote = c;
            }
          else
            {
              s->state = SC_TEXT;
              continue;
            }
          s->construct++;
          i++;
          break;

        case SC_ATTR_VALUE:
          {
            gsize j = find_value_end (d, i, end, s->quote);

            s->construct += j - i;
            i = j;
            if (i < end)
              {
                if (d[i] == '<')
                  {
                    s->state = SC_TEXT;
                    continue;
                  }
                s->state = SC_TAG_SPACE;
                s->construct++;
                i++;
              }
            break;
          }

        case SC_TAG_SLASH:
          if (c != '>')
            {
              s->state = SC_TEXT;
              continue;
            }
          s->state = SC_TEXT;
          s->construct++;
          i++;
          break;

        case SC_REF:
          {
            gsize j = i;

            gboolean closed;

            while (j < end && (byte_class[d[j]] & C_REFERENCE))
              j++;
            closed = j < end && d[j] == ';';
            s->construct += j - i + closed;
            if (s->construct > MTE_LOAD_MAX_REFERENCE)
              {
                refuse_construct (s, "a reference is", MTE_LOAD_MAX_REFERENCE);
                continue;
              }
            i = j + closed;
            if (j < end)
              {
                /* Without its ';' it is libxml2's to report. */
                count_text (s, s->construct, s->start);
                s->state = SC_TEXT;
              }
            continue;
          }
        }

      /* Only tags come here. */
      if (s->construct > MTE_LOAD_MAX_TAG && s->state != SC_TEXT)
        refuse_construct (s, "a tag is", MTE_LOAD_MAX_TAG);
    }
  s->scanned = i;
}

/* What libxml2 may have now: everything before an open construct. */
static gsize
stream_safe (const Stream *s)
{
  if (s->refused)
    return s->refused_feed;
  return s->state == SC_TEXT ? s->scanned : s->start;
}

/* Forgets the first @n bytes of data, which libxml2 has. */
static void
stream_consume (Stream *s, gsize n)
{
  if (n == 0)
    return;
  stream_locate (s, n, &s->line, &s->column);
  memmove (s->data, s->data + n, s->length - n);
  s->length -= n;
  s->scanned -= n;
  s->start = s->start >= n ? s->start - n : 0;
  s->refused_at = s->refused_at >= n ? s->refused_at - n : 0;
  s->refused_feed = s->refused_feed >= n ? s->refused_feed - n : 0;
  s->offset += n;
}

/* UTF-16 to UTF-8 into data (then through the line-end normalisation).
 * Returns FALSE at an unpaired surrogate, after appending what came
 * before it. */
static gboolean
stream_append_utf16 (Stream *s, const guchar *p, gsize n)
{
  const guchar *end = p + n;
  char out[4096 + 8];
  gsize o = 0;
  gboolean ok = TRUE;

  while (p < end)
    {
      guint unit;
      gunichar u;

      if (s->odd_byte >= 0)
        {
          unit = s->encoding == ENC_UTF16LE ? (guint) s->odd_byte | (guint) *p << 8
                                            : (guint) s->odd_byte << 8 | *p;
          s->odd_byte = -1;
          p++;
        }
      else if (end - p >= 2)
        {
          unit = s->encoding == ENC_UTF16LE ? (guint) p[0] | (guint) p[1] << 8
                                            : (guint) p[0] << 8 | p[1];
          p += 2;
        }
      else
        {
          s->odd_byte = *p++;
          break;
        }
      if (s->high != 0)
        {
          if (unit < 0xDC00 || unit > 0xDFFF)
            {
              ok = FALSE;
              break;
            }
          u = 0x10000 + ((s->high - 0xD800) << 10) + (unit - 0xDC00);
          s->high = 0;
        }
      else if (unit >= 0xD800 && unit <= 0xDBFF)
        {
          s->high = unit;
          continue;
        }
      else if (unit >= 0xDC00 && unit <= 0xDFFF)
        {
          ok = FALSE;
          break;
        }
      else
        u = unit;
      o += g_unichar_to_utf8 (u, out + o);
      if (o >= 4096)
        {
          stream_append (s, out, o);
          o = 0;
        }
    }
  stream_append (s, out, o);
  return ok;
}

/* Known binary formats, by their first bytes. */
static const struct {
  const char *magic;
  gsize       length;
  const char *what;
} magic_numbers[] = {
  { "PK\x03\x04", 4, "a zip archive (such as a .docx, .xlsx or .odt document)" },
  { "PK\x05\x06", 4, "an empty zip archive" },
  { "\x1f\x8b", 2, "gzip-compressed data" },
  { "%PDF-", 5, "a PDF document" },
  { "\x89PNG\r\n\x1a\n", 8, "a PNG image" },
  { "\xff\xd8\xff", 3, "a JPEG image" },
  { "GIF8", 4, "a GIF image" },
  { "BZh", 3, "bzip2-compressed data" },
  { "\xfd" "7zXZ\0", 6, "xz-compressed data" },
  { "7z\xbc\xaf\x27\x1c", 6, "a 7-Zip archive" },
  { "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8, "a Microsoft Office 97-2003 document" },
  { "SQLite format 3", 16, "an SQLite database" },
  { "\x7f" "ELF", 4, "an executable program" },
  { "{\\rtf", 5, "an RTF document" },
};

/* The first bytes of the input (@n >= 1; all of it when shorter than
 * SNIFF_SIZE). Sets the encoding and how many bytes of byte-order mark to
 * skip, or returns a message for what the input is instead. */
static char *
sniff_encoding (const guchar *d, gsize n, StreamEncoding *encoding, gsize *skip)
{
  *encoding = ENC_ASCII;
  *skip = 0;
  for (gsize i = 0; i < G_N_ELEMENTS (magic_numbers); i++)
    if (n >= magic_numbers[i].length
        && memcmp (d, magic_numbers[i].magic, magic_numbers[i].length) == 0)
      return g_strdup_printf ("this is %s, not a project file", magic_numbers[i].what);
  if (n >= 4 && ((d[0] == 0xFF && d[1] == 0xFE && d[2] == 0 && d[3] == 0)
                 || (d[0] == 0 && d[1] == 0 && d[2] == 0xFE && d[3] == 0xFF)
                 || (d[0] == 0 && d[1] == 0 && d[2] == 0 && d[3] != 0)
                 || (d[0] != 0 && d[1] == 0 && d[2] == 0 && d[3] == 0)))
    return g_strdup ("the file is UTF-32, which is not supported: save it as UTF-8");
  if (n >= 3 && d[0] == 0xEF && d[1] == 0xBB && d[2] == 0xBF)
    {
      *skip = 3;
      return NULL;
    }
  if (n >= 2 && ((d[0] == 0xFF && d[1] == 0xFE) || (d[0] == 0xFE && d[1] == 0xFF)))
    {
      *encoding = d[0] == 0xFF ? ENC_UTF16LE : ENC_UTF16BE;
      *skip = 2;
      return NULL;
    }
  /* ASCII characters in UTF-16 without a byte-order mark: 00 xx or xx 00. */
  if (n >= 2 && ((d[0] == 0 && d[1] != 0 && d[1] < 0x80)
                 || (d[0] != 0 && d[0] < 0x80 && d[1] == 0)))
    return g_strdup ("the file is UTF-16 without a byte-order mark: save it as UTF-8 "
                     "(or as UTF-16 with a byte-order mark)");
  if (n >= 4 && d[0] == 0x4C && d[1] == 0x6F && d[2] == 0xA7 && d[3] == 0x94)
    return g_strdup ("the file is EBCDIC, which is not supported: save it as UTF-8");
  return NULL;
}

/* The first normalised bytes: binary data, or text that does not start
 * with markup. @eof: all of the input is there. Only bytes XML 1.0 cannot
 * hold count as binary: U+007F is a legal character that the writer
 * stores as it is, so a short project full of them must still load. */
static void
sniff_content (Stream *s, gboolean eof)
{
  const guchar *d = (const guchar *) s->data;
  gsize n = MIN (s->length, (gsize) SNIFF_SIZE);
  gsize controls = 0;
  gsize first_control = 0;
  gsize i;

  for (i = 0; i < n; i++)
    if (d[i] == 0 || (d[i] < 0x20 && d[i] != '\t' && d[i] != '\n'))
      {
        if (controls++ == 0)
          first_control = i;
        if (d[i] == 0)
          {
            first_control = i;
            controls = n;
            break;
          }
      }
  if (controls >= 2 && controls * 64 >= n)
    {
      stream_refuse (s, MTE_FORMAT_ERROR_MALFORMED, first_control, 0,
                     "this is binary data, not a project file (byte 0x%02X here)",
                     d[first_control]);
      return;
    }
  for (i = 0; i < s->length && is_space (d[i]); i++)
    ;
  if (i == s->length)
    return;                     /* only white space so far: libxml2 decides */
  if (d[i] != '<')
    {
      g_autofree char *quoted = quote_bytes (s->data + i, MIN (s->length - i, (gsize) 256));

      stream_refuse (s, MTE_FORMAT_ERROR_MALFORMED, i, 0,
                     "this is not XML: the file starts with %s", quoted);
    }
  (void) eof;
}

/* ------------------------------------------------------------------ */
/* Driver                                                             */
/* ------------------------------------------------------------------ */

typedef gssize (*ReadFunc) (gpointer source, char *buf, gsize size, GError **error);

typedef struct {
  const char *data;
  gsize       length;
  gsize       offset;
} MemorySource;

static gsize read_size = CHUNK_SIZE;

gsize
mte_io_set_read_size (gsize size)
{
  gsize previous = read_size;

  read_size = size == 0 ? CHUNK_SIZE : MIN (size, CHUNK_SIZE);
  return previous;
}

static gssize
read_memory (gpointer source, char *buf, gsize size, GError **error)
{
  MemorySource *m = source;
  gsize n = MIN (size, m->length - m->offset);

  if (n == 0)
    return 0;
  memcpy (buf, m->data + m->offset, n);
  m->offset += n;
  return (gssize) n;
}

typedef struct {
  int         fd;
  const char *path;
} FileSource;

static gssize
read_file (gpointer source, char *buf, gsize size, GError **error)
{
  FileSource *f = source;

  for (;;)
    {
      gssize n = read (f->fd, buf, size);

      if (n >= 0)
        return n;
      if (errno == EINTR)
        continue;
      mte_format_error_set (error, MTE_FORMAT_ERROR_FAILED, f->path, 0, 0,
                            "%s", g_strerror (errno));
      return -1;
    }
}

static void
loader_clear (Loader *l)
{
  g_clear_pointer (&l->elements, g_hash_table_unref);
  g_clear_pointer (&l->attributes, g_hash_table_unref);
  g_string_free (l->attr_buf, TRUE);
  g_string_free (l->saved_buf, TRUE);
  g_string_free (l->text, TRUE);
  g_ptr_array_unref (l->strings);
  g_array_unref (l->pending);
  g_array_unref (l->fates);
  pending_fate_clear (&l->fate);
  g_ptr_array_unref (l->keywords);
  g_free (l->question_text);
  g_free (l->answer);
  g_free (l->note);
  g_free (l->explanation);
  g_free (l->rationale);
  g_free (l->suspect);
  g_string_free (l->pending_text, TRUE);
}

static void
intern_names (Loader *l)
{
  xmlDictPtr dict = l->ctxt->dict;

  l->elements = g_hash_table_new (NULL, NULL);
  l->attributes = g_hash_table_new (NULL, NULL);
  if (dict == NULL)
    return;
  l->ns = xmlDictLookup (dict, (const xmlChar *) MTE_FORMAT_NAMESPACE, -1);
  for (int el = MTE_EL_UNKNOWN + 1; el < MTE_EL_N; el++)
    g_hash_table_insert (l->elements,
                         (gpointer) xmlDictLookup (dict, (const xmlChar *) mte_io_element_names[el], -1),
                         GINT_TO_POINTER (el));
  for (int a = 0; a < MTE_AT_N; a++)
    g_hash_table_insert (l->attributes,
                         (gpointer) xmlDictLookup (dict, (const xmlChar *) mte_io_attribute_names[a], -1),
                         GINT_TO_POINTER (a + 1));
}

/* Gives libxml2 data[0..@upto) and forgets it. */
static void
feed (Loader *l, Stream *s, gsize upto, gboolean terminate)
{
  gsize done = 0;

  while (done < upto && l->error == NULL)
    {
      gsize piece = MIN (upto - done, (gsize) FEED_MAX);

      xmlParseChunk (l->ctxt, s->data + done, (int) piece, terminate && done + piece == upto);
      done += piece;
    }
  if (terminate && upto == 0 && l->error == NULL)
    xmlParseChunk (l->ctxt, NULL, 0, 1);
  stream_consume (s, upto);
}

/* One warning per kind of markup the next save will not write back, in
 * the order their first ones appear (mte_project_get_load_warning()). */
static void
add_load_warnings (MteProject *project, const char *name, const Stream *s)
{
  char *comments = NULL;
  char *pis = NULL;

  if (s->n_comments > 0)
    comments = g_strdup_printf ("%s:%d:%d: %u XML comment%s (the first here) will not be "
                                "kept by the next save", name, s->comment_line,
                                s->comment_column, s->n_comments,
                                s->n_comments == 1 ? "" : "s");
  if (s->n_pis > 0)
    pis = g_strdup_printf ("%s:%d:%d: %u processing instruction%s (the first here) will "
                           "not be kept by the next save", name, s->pi_line, s->pi_column,
                           s->n_pis, s->n_pis == 1 ? "" : "s");
  if (pis != NULL && comments != NULL &&
      (s->pi_line < s->comment_line ||
       (s->pi_line == s->comment_line && s->pi_column < s->comment_column)))
    {
      mte_project_take_load_warning (project, pis);
      pis = NULL;
    }
  if (comments != NULL)
    mte_project_take_load_warning (project, comments);
  if (pis != NULL)
    mte_project_take_load_warning (project, pis);
}

static MteProject *
load (const char *name, ReadFunc read_func, gpointer source, GError **error)
{
  Loader l;
  xmlSchemaValidCtxtPtr vctxt = NULL;
  xmlSchemaSAXPlugPtr plug = NULL;
  xmlSAXHandler sax;
  xmlSAXHandlerPtr sax_ptr = &sax;
  void *user_data;
  xmlStructuredErrorFunc old_serror;
  void *old_serror_data;
  xmlGenericErrorFunc old_generic;
  void *old_generic_data;
  g_autofree char *buf = NULL;
  guint64 total = 0;
  gssize n;
  GError *read_error = NULL;
  xmlSAXHandler outer;
  Stream stream;
  gboolean eof = FALSE;
  gsize got = 0;
  gsize skip = 0;
  const char *chunk;
  gsize length;

  ensure_initialized ();
  if (mte_schema == NULL)
    {
      mte_format_error_set (error, MTE_FORMAT_ERROR_FAILED, name, 0, 0,
                            "the bundled schema cannot be compiled");
      return NULL;
    }

  memset (&l, 0, sizeof l);
  l.name = name;
  l.attr_buf = g_string_sized_new (256);
  l.saved_buf = g_string_sized_new (256);
  l.text = g_string_sized_new (1024);
  l.strings = g_ptr_array_new_with_free_func (g_free);
  l.pending = g_array_new (FALSE, FALSE, sizeof (PendingRef));
  g_array_set_clear_func (l.pending, pending_ref_clear);
  l.fates = g_array_new (FALSE, FALSE, sizeof (PendingFate));
  g_array_set_clear_func (l.fates, pending_fate_clear);
  l.keywords = g_ptr_array_new_with_free_func (g_free);
  l.pending_text = g_string_new (NULL);
  stream_init (&stream);
  l.project = mte_project_new ();
  mte_project_begin_load (l.project);

  memset (&sax, 0, sizeof sax);
  sax.initialized = XML_SAX2_MAGIC;
  sax.startElementNs = on_start_element;
  sax.endElementNs = on_end_element;
  sax.characters = on_characters;
  sax.ignorableWhitespace = on_characters;
  sax.cdataBlock = on_characters;
  sax.internalSubset = on_internal_subset;
  sax.externalSubset = on_internal_subset;
  sax.entityDecl = on_entity_decl;
  sax.getEntity = on_get_entity;
  sax.getParameterEntity = on_get_parameter_entity;
  sax.reference = on_reference;
  sax.resolveEntity = on_resolve_entity;

  /* libxml2 reports through per-thread handlers; route them all to this
   * load for its duration so nothing reaches stderr. */
  old_serror = xmlStructuredError;
  old_serror_data = xmlStructuredErrorContext;
  old_generic = xmlGenericError;
  old_generic_data = xmlGenericErrorContext;
  xmlSetStructuredErrorFunc (&l, on_xml_error);
  xmlSetGenericErrorFunc (&l, ignore_generic_error);
  g_private_set (&loading_here, &l);

  vctxt = xmlSchemaNewValidCtxt (mte_schema);
  if (vctxt == NULL)
    {
      mte_format_error_set (&l.error, MTE_FORMAT_ERROR_FAILED, name, 0, 0, "out of memory");
      goto out;
    }
  xmlSchemaSetValidStructuredErrors (vctxt, on_schema_error, &l);
  user_data = &l;
  plug = xmlSchemaSAXPlug (vctxt, &sax_ptr, &user_data);
  if (plug == NULL)
    {
      mte_format_error_set (&l.error, MTE_FORMAT_ERROR_FAILED, name, 0, 0,
                            "the schema validator cannot be set up");
      goto out;
    }

  install_text_gathering (&l, sax_ptr, &outer);

  /* Enough of the start to tell what the input is. */
  buf = g_malloc (CHUNK_SIZE);
  while (got < SNIFF_SIZE)
    {
      n = read_func (source, buf + got, MIN (read_size, CHUNK_SIZE - got), &read_error);
      if (n < 0)
        {
          g_propagate_error (&l.error, read_error);
          goto out;
        }
      if (n == 0)
        {
          eof = TRUE;
          break;
        }
      got += (gsize) n;
    }
  if (got == 0)
    {
      mte_format_error_set (&l.error, MTE_FORMAT_ERROR_MALFORMED, name, 1, 1,
                            "the document is empty");
      goto out;
    }
  total = got;
  {
    g_autofree char *what = sniff_encoding ((const guchar *) buf, got, &stream.encoding, &skip);

    if (what != NULL)
      {
        mte_format_error_set (&l.error, MTE_FORMAT_ERROR_MALFORMED, name, 1, 1, "%s", what);
        goto out;
      }
  }

  /* No bytes yet: libxml2 meets the input at the first xmlParseChunk(),
   * byte-order mark removed, UTF-16 already UTF-8. */
  l.ctxt = xmlCreatePushParserCtxt (&outer, user_data, NULL, 0, name);
  if (l.ctxt == NULL)
    {
      mte_format_error_set (&l.error, MTE_FORMAT_ERROR_FAILED, name, 0, 0, "out of memory");
      goto out;
    }
  xmlCtxtUseOptions (l.ctxt, PARSE_OPTIONS
                     | (stream.encoding != ENC_ASCII ? XML_PARSE_IGNORE_ENC : 0));
  l.ctxt->_private = &l;
  intern_names (&l);

  chunk = buf + skip;
  length = got - skip;
  for (gboolean first = TRUE; l.error == NULL; first = FALSE)
    {
      gboolean utf16_ok = TRUE;

      if (stream.encoding == ENC_ASCII)
        stream_append (&stream, chunk, length);
      else
        utf16_ok = stream_append_utf16 (&stream, (const guchar *) chunk, length);
      if (first)
        sniff_content (&stream, eof);
      stream_scan (&stream);
      if (!utf16_ok || (eof && (stream.odd_byte >= 0 || stream.high != 0)))
        stream_refuse (&stream, MTE_FORMAT_ERROR_MALFORMED, stream.length, stream_safe (&stream),
                       utf16_ok ? "the file ends inside a UTF-16 character"
                                : "invalid UTF-16: a surrogate without its pair");
      feed (&l, &stream, stream_safe (&stream), FALSE);
      if (l.error != NULL)
        break;
      if (stream.refused)
        {
          int line, column;

          stream_position (&stream, stream.refused_at, &line, &column);
          fail_at (&l, stream.code, line, column, "%s", stream.message);
          break;
        }
      if (eof)
        {
          /* What is still held back goes first without the end, so that
           * libxml2 reports what is wrong in it as it would mid-file. */
          feed (&l, &stream, stream.length, FALSE);
          if (l.error == NULL)
            {
              l.at_end = TRUE;
              xmlParseChunk (l.ctxt, NULL, 0, 1);
            }
          break;
        }
      n = read_func (source, buf, read_size, &read_error);
      if (n < 0)
        {
          g_propagate_error (&l.error, read_error);
          break;
        }
      total += (guint64) n;
      if (total > MTE_LOAD_MAX_BYTES)
        {
          mte_format_error_set (&l.error, MTE_FORMAT_ERROR_TOO_LARGE, name, 1, 1,
                                "the input is larger than %" G_GUINT64_FORMAT " bytes",
                                (guint64) MTE_LOAD_MAX_BYTES);
          break;
        }
      eof = n == 0;
      chunk = buf;
      length = (gsize) n;
    }

  if (l.error == NULL)
    flush_text (&l, user_data);
  if (l.error == NULL)
    check_suspect (&l);
  if (l.error == NULL && (!l.ctxt->wellFormed || !l.root_seen))
    fail (&l, MTE_FORMAT_ERROR_MALFORMED, "the document is not well-formed");
  if (l.error == NULL)
    resolve_pending (&l);
  if (l.error == NULL)
    resolve_fates (&l);

out:
  if (l.ctxt != NULL)
    {
      /* In SAX mode libxml2 may still build a stand-in document to hold
       * entity declarations; it is never ours to keep. */
      if (l.ctxt->myDoc != NULL)
        xmlFreeDoc (l.ctxt->myDoc);
      l.ctxt->myDoc = NULL;
      xmlFreeParserCtxt (l.ctxt);
      l.ctxt = NULL;
    }
  if (plug != NULL)
    xmlSchemaSAXUnplug (plug);
  if (vctxt != NULL)
    xmlSchemaFreeValidCtxt (vctxt);
  g_private_set (&loading_here, NULL);
  xmlSetStructuredErrorFunc (old_serror_data, old_serror);
  xmlSetGenericErrorFunc (old_generic_data, old_generic);

  if (l.error != NULL)
    {
      g_propagate_error (error, l.error);
      l.error = NULL;
      mte_project_free (l.project);
      loader_clear (&l);
      stream_clear (&stream);
      return NULL;
    }
  add_load_warnings (l.project, name, &stream);
  mte_project_end_load (l.project);
  mte_project_set_created (l.project, l.created);
  mte_project_set_modified (l.project, l.modified);
  {
    MteProject *project = l.project;

    loader_clear (&l);
    stream_clear (&stream);
    return project;
  }
}

MteProject *
mte_project_load_from_file (const char   *path,
                            MteLoadFlags  flags,
                            GError      **error)
{
  FileSource source;
  struct stat st;
  MteProject *project;
  int saved_errno;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  source.path = path;
  source.fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (source.fd < 0)
    {
      saved_errno = errno;
      mte_format_error_set (error, MTE_FORMAT_ERROR_FAILED, path, 0, 0,
                            "%s", g_strerror (saved_errno));
      return NULL;
    }
  if (fstat (source.fd, &st) != 0)
    {
      saved_errno = errno;
      close (source.fd);
      mte_format_error_set (error, MTE_FORMAT_ERROR_FAILED, path, 0, 0,
                            "%s", g_strerror (saved_errno));
      return NULL;
    }
  if (S_ISDIR (st.st_mode))
    {
      close (source.fd);
      mte_format_error_set (error, MTE_FORMAT_ERROR_FAILED, path, 0, 0, "is a folder");
      return NULL;
    }
  if (S_ISREG (st.st_mode) && (guint64) st.st_size > MTE_LOAD_MAX_BYTES)
    {
      close (source.fd);
      mte_format_error_set (error, MTE_FORMAT_ERROR_TOO_LARGE, path, 1, 1,
                            "the file is larger than %" G_GUINT64_FORMAT " bytes",
                            (guint64) MTE_LOAD_MAX_BYTES);
      return NULL;
    }
  project = load (path, read_file, &source, error);
  close (source.fd);
  return project;
}

MteProject *
mte_project_load_from_data (const char   *data,
                            gssize        length,
                            const char   *name,
                            MteLoadFlags  flags,
                            GError      **error)
{
  MemorySource source;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (name == NULL)
    name = "<data>";
  if (length < 0)
    length = (gssize) strlen (data);
  if ((guint64) length > MTE_LOAD_MAX_BYTES)
    {
      mte_format_error_set (error, MTE_FORMAT_ERROR_TOO_LARGE, name, 1, 1,
                            "the input is larger than %" G_GUINT64_FORMAT " bytes",
                            (guint64) MTE_LOAD_MAX_BYTES);
      return NULL;
    }
  source.data = data;
  source.length = (gsize) length;
  source.offset = 0;
  return load (name, read_memory, &source, error);
}
