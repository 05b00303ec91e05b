/* mte-refi-write.c: a project as REFI-QDA 1.5, a project document
 * (project.qde with one source text per study, zipped into a .qdpx
 * elsewhere) and a codebook (.qdc), under the metaethno convention of
 * docs/refi.md.
 *
 * The export works in two passes. The first lays out each included
 * study's source text (its reference, then each construct under a heading
 * line) and records where every construct's text starts and ends, in code
 * points, because selections must cover exactly that text. The second
 * writes the XML with libxml2's xmlTextWriter in the order the XSD
 * sequences demand (Users, CodeBook, Variables, Cases, Sources, Notes,
 * Links, Sets, Graphs, Description, NoteRef), leaving out every container
 * that would be empty, since the schema forbids those.
 *
 * Nothing depends on the clock or on memory addresses: GUIDs are UUIDv5 of
 * each object's kind and id, every list follows the project's own order,
 * dates are the project's, and the graph's layout is a fixed grid. So the
 * same project gives the same bytes.
 *
 * What REFI cannot carry is added to the data-loss report, one entry per
 * kind with one detail per item.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <string.h>

#include <libxml/xmlwriter.h>

#include "mte-error-private.h"
#include "mte-io-private.h"
#include "mte-model-private.h"
#include "mte-refi-private.h"

#define PROJECT_NS  "urn:QDA-XML:project:1.0"
#define CODEBOOK_NS "urn:QDA-XML:codebook:1.0"
#define ORIGIN      "metaethno " MTE_VERSION_S

/* metaethno's UUID namespace, 2e6a68fb-3ef0-4827-a5f1-53262401f71b: a
 * random (version 4) UUID drawn once for this purpose. It must never
 * change: every GUID an export has written derives from it, and the
 * import recognises the convention's codes by their GUIDs. */
static const guint8 refi_namespace[16] = {
  0x2e, 0x6a, 0x68, 0xfb, 0x3e, 0xf0, 0x48, 0x27,
  0xa5, 0xf1, 0x53, 0x26, 0x24, 0x01, 0xf7, 0x1b,
};

/* The convention's four root codes: GUID kind "code" with these ids. */
#define CODE_FIRST_ORDER  "first-order-constructs"
#define CODE_SECOND_ORDER "second-order-constructs"
#define CODE_CONCEPTS     "key-concepts"
#define CODE_THIRD_ORDER  "third-order-constructs"

#define BASIS_SET_PREFIX "metaethno: basis of "
#define RATIONALE_SET "metaethno: translation rationales"

/* The line of argument's vertices on a grid, in third-order order: REFI
 * requires a position and metaethno keeps none. */
#define GRAPH_COLUMNS  3
#define VERTEX_WIDTH   240
#define VERTEX_HEIGHT  100
#define VERTEX_GAP_X   80
#define VERTEX_GAP_Y   60
#define GRAPH_MARGIN   40

char *
mte_refi_guid (const char *kind,
               const char *id)
{
  g_autoptr (GChecksum) sha1 = NULL;
  guint8 digest[20];
  gsize length = sizeof digest;

  g_return_val_if_fail (kind != NULL, NULL);
  g_return_val_if_fail (id != NULL, NULL);

  /* RFC 9562, section 5.5: SHA-1 over the namespace's 16 bytes and the
   * name, the first 16 bytes of the hash with version 5 and variant 10. */
  sha1 = g_checksum_new (G_CHECKSUM_SHA1);
  g_checksum_update (sha1, refi_namespace, sizeof refi_namespace);
  g_checksum_update (sha1, (const guchar *) kind, (gssize) strlen (kind));
  g_checksum_update (sha1, (const guchar *) ":", 1);
  g_checksum_update (sha1, (const guchar *) id, (gssize) strlen (id));
  g_checksum_get_digest (sha1, digest, &length);
  digest[6] = (guint8) ((digest[6] & 0x0f) | 0x50);
  digest[8] = (guint8) ((digest[8] & 0x3f) | 0x80);

  return g_strdup_printf ("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-"
                          "%02x%02x%02x%02x%02x%02x",
                          digest[0], digest[1], digest[2], digest[3],
                          digest[4], digest[5], digest[6], digest[7],
                          digest[8], digest[9], digest[10], digest[11],
                          digest[12], digest[13], digest[14], digest[15]);
}

void
mte_refi_part_free (MteRefiPart *part)
{
  if (part == NULL)
    return;
  g_free (part->name);
  g_clear_pointer (&part->data, g_bytes_unref);
  g_free (part);
}

/* ------------------------------------------------------------------ */
/* The XML writer                                                     */
/* ------------------------------------------------------------------ */

typedef struct {
  xmlBufferPtr      buffer;
  xmlTextWriterPtr  writer;
  gboolean          failed;     /* libxml2 refused a call */
  GError           *error;      /* the first value XML cannot hold */
} Xml;

static void
xml_check (Xml *x, int rc)
{
  if (rc < 0)
    x->failed = TRUE;
}

/* Whether @value can be written: UTF-8 of XML 1.0 characters. The model
 * already refuses anything else, so this only guards the file against a
 * bug elsewhere; the first offender becomes the export's error. */
static gboolean
xml_value_ok (Xml *x, const char *value)
{
  if (!g_utf8_validate (value, -1, NULL))
    {
      if (x->error == NULL)
        mte_set_error (&x->error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_INVALID_VALUE,
                       "text '%.40s' is not valid UTF-8", value);
      return FALSE;
    }
  for (const char *p = value; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xFFFE || c == 0xFFFF)
        {
          if (x->error == NULL)
            mte_set_error (&x->error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_INVALID_VALUE,
                           "character U+%04X in '%.40s' cannot be written to XML",
                           c, value);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
xml_open (Xml *x)
{
  memset (x, 0, sizeof *x);
  x->buffer = xmlBufferCreate ();
  if (x->buffer == NULL)
    return FALSE;
  x->writer = xmlNewTextWriterMemory (x->buffer, 0);
  if (x->writer == NULL)
    {
      xmlBufferFree (x->buffer);
      x->buffer = NULL;
      return FALSE;
    }
  /* Two spaces per level and "\n" line ends: readable and fixed. */
  xml_check (x, xmlTextWriterSetIndent (x->writer, 1));
  xml_check (x, xmlTextWriterSetIndentString (x->writer, BAD_CAST "  "));
  xml_check (x, xmlTextWriterStartDocument (x->writer, "1.0", "UTF-8", NULL));
  return !x->failed;
}

static void
xml_clear (Xml *x)
{
  if (x->writer != NULL)
    xmlFreeTextWriter (x->writer);
  if (x->buffer != NULL)
    xmlBufferFree (x->buffer);
  g_clear_error (&x->error);
  memset (x, 0, sizeof *x);
}

/* Ends the document and hands over its text; NULL with @error set when a
 * value could not be written or libxml2 failed. Clears @x either way. */
static char *
xml_finish (Xml     *x,
            GError **error)
{
  char *text = NULL;

  if (x->writer != NULL)
    {
      xml_check (x, xmlTextWriterEndDocument (x->writer));
      /* Freeing the writer flushes it into the buffer. */
      xmlFreeTextWriter (x->writer);
      x->writer = NULL;
    }
  if (x->error != NULL)
    g_propagate_error (error, g_steal_pointer (&x->error));
  else if (x->failed || x->buffer == NULL)
    g_set_error_literal (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_FAILED,
                         "REFI-QDA export: libxml2 could not write the document");
  else
    text = g_strndup ((const char *) xmlBufferContent (x->buffer),
                      (gsize) xmlBufferLength (x->buffer));
  xml_clear (x);
  return text;
}

static void
xml_start (Xml *x, const char *name)
{
  xml_check (x, xmlTextWriterStartElement (x->writer, BAD_CAST name));
}

static void
xml_end (Xml *x)
{
  xml_check (x, xmlTextWriterEndElement (x->writer));
}

/* ` name="value"`, nothing when @value is NULL. */
static void
xml_attr (Xml *x, const char *name, const char *value)
{
  if (value == NULL || !xml_value_ok (x, value))
    return;
  xml_check (x, xmlTextWriterWriteAttribute (x->writer, BAD_CAST name, BAD_CAST value));
}

static void
xml_attr_guid (Xml *x, const char *name, const char *kind, const char *id)
{
  g_autofree char *guid = mte_refi_guid (kind, id);

  xml_attr (x, name, guid);
}

static void
xml_attr_uint (Xml *x, const char *name, guint64 value)
{
  char buf[24];

  g_snprintf (buf, sizeof buf, "%" G_GUINT64_FORMAT, value);
  xml_attr (x, name, buf);
}

/* An xsd:dateTime in UTC, nothing when @t is 0 (not recorded). */
static void
xml_attr_time (Xml *x, const char *name, gint64 t)
{
  char buf[MTE_TIMESTAMP_SIZE];

  if (t > 0 && mte_timestamp_format (t, buf))
    xml_attr (x, name, buf);
}

/* `<name>text</name>`, nothing when @text is NULL or empty. */
static void
xml_text_element (Xml *x, const char *name, const char *text)
{
  if (text == NULL || text[0] == '\0' || !xml_value_ok (x, text))
    return;
  xml_check (x, xmlTextWriterWriteElement (x->writer, BAD_CAST name, BAD_CAST text));
}

/* `<name targetGUID="…"/>`. */
static void
xml_ref (Xml *x, const char *name, const char *kind, const char *id)
{
  xml_start (x, name);
  xml_attr_guid (x, "targetGUID", kind, id);
  xml_end (x);
}

/* ------------------------------------------------------------------ */
/* Names of studies                                                   */
/* ------------------------------------------------------------------ */

static const char *
nonempty (const char *value)
{
  return value != NULL && value[0] != '\0' ? value : NULL;
}

/* Appends @value with every line break and tab turned into a space, so
 * that it stays on one line of the source text. */
static void
append_one_line (GString *out, const char *value)
{
  for (const char *p = value; *p != '\0'; p++)
    g_string_append_c (out, *p == '\n' || *p == '\r' || *p == '\t' ? ' ' : *p);
}

/* Appends @value and a full stop unless it already ends a sentence. */
static void
append_sentence (GString *out, const char *value)
{
  gsize n = strlen (value);

  append_one_line (out, value);
  if (n > 0 && strchr (".?!", value[n - 1]) == NULL)
    g_string_append_c (out, '.');
}

/* The study's full reference on one line, author-year:
 * "Okonkwo-Reid, A., Mensah, K. and Patel, R. (2014) Trust and care.
 * Ethnicity and Health 19(3): 300-315. https://doi.org/10.1/x". */
static char *
full_reference (const MteStudy *study)
{
  GString *out = g_string_new (NULL);
  const char * const *authors = mte_study_get_authors (study);
  guint n = g_strv_length ((char **) authors);
  int year = mte_study_get_year (study);
  const char *title = nonempty (mte_study_get_field (study, MTE_STUDY_TITLE));
  const char *source = nonempty (mte_study_get_field (study, MTE_STUDY_SOURCE));
  const char *volume = nonempty (mte_study_get_field (study, MTE_STUDY_VOLUME));
  const char *issue = nonempty (mte_study_get_field (study, MTE_STUDY_ISSUE));
  const char *pages = nonempty (mte_study_get_field (study, MTE_STUDY_PAGES));
  const char *doi = nonempty (mte_study_get_field (study, MTE_STUDY_DOI));
  const char *url = nonempty (mte_study_get_field (study, MTE_STUDY_URL));

  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append (out, i + 1 == n ? " and " : ", ");
      append_one_line (out, authors[i]);
    }
  if (n > 0)
    g_string_append_c (out, ' ');
  if (year > 0)
    g_string_append_printf (out, "(%d)", year);
  else
    g_string_append (out, "(n.d.)");
  if (title != NULL)
    {
      g_string_append_c (out, ' ');
      append_sentence (out, title);
    }
  if (source != NULL || volume != NULL || issue != NULL || pages != NULL)
    {
      GString *container = g_string_new (NULL);

      if (source != NULL)
        append_one_line (container, source);
      if (volume != NULL)
        {
          if (container->len > 0)
            g_string_append_c (container, ' ');
          append_one_line (container, volume);
        }
      if (issue != NULL)
        {
          g_string_append_c (container, '(');
          append_one_line (container, issue);
          g_string_append_c (container, ')');
        }
      if (pages != NULL)
        {
          if (container->len > 0)
            g_string_append (container, ": ");
          append_one_line (container, pages);
        }
      g_string_append_c (out, ' ');
      append_sentence (out, container->str);
      g_string_free (container, TRUE);
    }
  if (doi != NULL)
    {
      g_string_append (out, " https://doi.org/");
      append_one_line (out, doi);
    }
  else if (url != NULL)
    {
      g_string_append_c (out, ' ');
      append_one_line (out, url);
    }
  return g_string_free (out, FALSE);
}

/* ------------------------------------------------------------------ */
/* The export's state                                                 */
/* ------------------------------------------------------------------ */

/* Where a construct's text lies in its study's source text. */
typedef struct {
  guint64  start;
  guint64  end;
  gboolean had_cr;              /* CR line ends were written as LF */
} Span;

typedef enum {
  VAR_ID,
  VAR_AUTHORS,
  VAR_YEAR,
  VAR_SAMPLE,
  VAR_FIELD,
  VAR_ATTRIBUTE
} VarKind;

typedef struct {
  char          *name;
  VarKind        kind;
  MteStudyField  field;         /* VAR_FIELD */
  char          *key;           /* VAR_ATTRIBUTE */
} Variable;

typedef struct {
  const MteProject *project;
  MteRefiReport    *report;
  Xml               x;
  GPtrArray        *studies;       /* included MteStudy*, project order */
  GHashTable       *citations;     /* MteStudy* -> char* */
  GHashTable       *spans;         /* MteConstruct* -> Span* */
  GPtrArray        *texts;         /* GBytes* per included study */
  GHashTable       *concepts_of;   /* MteConstruct* -> GPtrArray of MteConcept* */
  GHashTable       *findings_of;   /* MteConstruct* -> GPtrArray of MteThirdOrder* */
  GHashTable       *memos_of;      /* subject (the project for none) -> GPtrArray of MteMemo* */
  GPtrArray        *loose_memos;   /* MteMemo* no object can refer to */
  GPtrArray        *variables;     /* Variable* */
} Export;

static void
variable_free (gpointer data)
{
  Variable *v = data;

  g_free (v->name);
  g_free (v->key);
  g_free (v);
}

static void
export_clear (Export *e)
{
  xml_clear (&e->x);
  g_clear_pointer (&e->studies, g_ptr_array_unref);
  g_clear_pointer (&e->citations, g_hash_table_unref);
  g_clear_pointer (&e->spans, g_hash_table_unref);
  g_clear_pointer (&e->texts, g_ptr_array_unref);
  g_clear_pointer (&e->concepts_of, g_hash_table_unref);
  g_clear_pointer (&e->findings_of, g_hash_table_unref);
  g_clear_pointer (&e->memos_of, g_hash_table_unref);
  g_clear_pointer (&e->loose_memos, g_ptr_array_unref);
  g_clear_pointer (&e->variables, g_ptr_array_unref);
}

/* Appends @item to the list @table holds for @key, making the list. */
static void
multimap_add (GHashTable *table, gconstpointer key, gpointer item)
{
  GPtrArray *list = g_hash_table_lookup (table, key);

  if (list == NULL)
    {
      list = g_ptr_array_new ();
      g_hash_table_insert (table, (gpointer) key, list);
    }
  g_ptr_array_add (list, item);
}

static GPtrArray *
multimap_get (GHashTable *table, gconstpointer key)
{
  return g_hash_table_lookup (table, key);
}

static gboolean
construct_is_exported (const MteConstruct *construct)
{
  return !mte_study_is_excluded (mte_construct_get_study (construct));
}

/* Whether an object of the export can refer to a memo on @subject (a
 * <NoteRef> is allowed on the project, sources, selections and codes). */
static gboolean
subject_has_place (const MteEntity *subject)
{
  if (subject == NULL)
    return TRUE;
  switch (mte_entity_get_kind (subject))
    {
    case MTE_ENTITY_STUDY:
      return !mte_study_is_excluded ((const MteStudy *) subject);
    case MTE_ENTITY_CONSTRUCT:
      return construct_is_exported ((const MteConstruct *) subject);
    case MTE_ENTITY_CONCEPT:
    case MTE_ENTITY_THIRD_ORDER:
      return TRUE;
    default:
      return FALSE;
    }
}

static void
export_init (Export           *e,
             const MteProject *project,
             MteRefiReport    *report)
{
  memset (e, 0, sizeof *e);
  e->project = project;
  e->report = report;
  e->studies = g_ptr_array_new ();
  e->spans = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  e->texts = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  e->concepts_of = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  e->findings_of = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  e->memos_of = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  e->loose_memos = g_ptr_array_new ();
  e->variables = g_ptr_array_new_with_free_func (variable_free);

  for (guint i = 0; i < mte_project_get_n_studies (project); i++)
    {
      MteStudy *study = mte_project_get_study (project, i);

      if (!mte_study_is_excluded (study))
        g_ptr_array_add (e->studies, study);
    }
  e->citations = mte_study_citations_new ((MteStudy * const *) e->studies->pdata, e->studies->len);

  /* Codings a selection carries besides its order's code, in concept and
   * third-order order. */
  for (guint i = 0; i < mte_project_get_n_concepts (project); i++)
    {
      MteConcept *concept = mte_project_get_concept (project, i);

      for (guint j = 0; j < mte_concept_get_n_expressions (concept); j++)
        multimap_add (e->concepts_of, mte_concept_get_expression (concept, j), concept);
    }
  for (guint i = 0; i < mte_project_get_n_third_orders (project); i++)
    {
      MteThirdOrder *t = mte_project_get_third_order (project, i);

      for (guint j = 0; j < mte_third_order_get_n_basis (t); j++)
        {
          MteEntity *basis = mte_third_order_get_basis (t, j);

          if (mte_entity_get_kind (basis) == MTE_ENTITY_CONSTRUCT)
            multimap_add (e->findings_of, basis, t);
        }
    }

  for (guint i = 0; i < mte_project_get_n_memos (project); i++)
    {
      MteMemo *memo = mte_project_get_memo (project, i);
      MteEntity *subject = mte_memo_get_subject (memo);

      if (subject_has_place (subject))
        multimap_add (e->memos_of, subject != NULL ? (gpointer) subject : (gpointer) project, memo);
      else
        g_ptr_array_add (e->loose_memos, memo);
    }
}

/* ------------------------------------------------------------------ */
/* Variables                                                          */
/* ------------------------------------------------------------------ */

/* The study's value of @v as text, or NULL when it has none. */
static char *
variable_value (const Variable *v, const MteStudy *study)
{
  switch (v->kind)
    {
    case VAR_ID:
      return g_strdup (mte_study_get_id (study));
    case VAR_AUTHORS:
      {
        const char * const *authors = mte_study_get_authors (study);

        /* "; " because each author is "Family, Given". */
        return authors[0] != NULL ? g_strjoinv ("; ", (char **) authors) : NULL;
      }
    case VAR_YEAR:
      return mte_study_get_year (study) > 0 ? g_strdup_printf ("%d", mte_study_get_year (study)) : NULL;
    case VAR_SAMPLE:
      return mte_study_get_sample_size (study) > 0
             ? g_strdup_printf ("%u", mte_study_get_sample_size (study)) : NULL;
    case VAR_FIELD:
      return g_strdup (nonempty (mte_study_get_field (study, v->field)));
    case VAR_ATTRIBUTE:
      return g_strdup (mte_study_get_attribute (study, v->key));
    default:
      g_assert_not_reached ();
    }
}

static void
add_variable_if_used (Export     *e,
                      GHashTable *names,
                      const char *name,
                      VarKind     kind,
                      int         field,
                      const char *key)
{
  Variable probe = { (char *) name, kind, (MteStudyField) field, (char *) key };
  gboolean used = FALSE;
  Variable *v;

  for (guint i = 0; i < e->studies->len && !used; i++)
    {
      g_autofree char *value = variable_value (&probe, e->studies->pdata[i]);

      used = value != NULL;
    }
  if (!used)
    return;

  v = g_new0 (Variable, 1);
  v->kind = kind;
  v->field = (MteStudyField) field;
  v->key = g_strdup (key);
  /* A study attribute named like a field ("year") is told apart. */
  if (g_hash_table_contains (names, name))
    {
      v->name = g_strdup_printf ("attribute: %s", name);
      for (guint n = 2; g_hash_table_contains (names, v->name); n++)
        {
          g_free (v->name);
          v->name = g_strdup_printf ("attribute: %s (%u)", name, n);
        }
    }
  else
    v->name = g_strdup (name);
  g_hash_table_add (names, v->name);
  g_ptr_array_add (e->variables, v);
}

/* The variables the included studies use: id, authors, year, the study
 * fields in their order with the sample size after the participants,
 * then the free attributes in the order their keys first appear. */
static void
collect_variables (Export *e)
{
  g_autoptr (GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) keys = g_hash_table_new (g_str_hash, g_str_equal);

  add_variable_if_used (e, names, "id", VAR_ID, 0, NULL);
  add_variable_if_used (e, names, "authors", VAR_AUTHORS, 0, NULL);
  add_variable_if_used (e, names, "year", VAR_YEAR, 0, NULL);
  for (int f = 0; f < MTE_STUDY_N_FIELDS; f++)
    {
      add_variable_if_used (e, names, mte_study_field_to_string ((MteStudyField) f),
                            VAR_FIELD, f, NULL);
      if (f == MTE_STUDY_PARTICIPANTS)
        add_variable_if_used (e, names, "sample-size", VAR_SAMPLE, 0, NULL);
    }
  for (guint i = 0; i < e->studies->len; i++)
    {
      MteStudy *study = e->studies->pdata[i];

      for (guint j = 0; j < mte_study_get_n_attributes (study); j++)
        {
          const char *key = mte_study_get_attribute_key (study, j);

          if (g_hash_table_contains (keys, key))
            continue;
          g_hash_table_add (keys, (gpointer) key);
          add_variable_if_used (e, names, key, VAR_ATTRIBUTE, 0, key);
        }
    }
}

/* ------------------------------------------------------------------ */
/* Source texts                                                       */
/* ------------------------------------------------------------------ */

/* Appends @piece to @text, counting its UTF-16 code units into *@pos
 * (positions count those: see "Selection positions" in docs/refi.md). */
static void
append_counted (GString *text, guint64 *pos, const char *piece)
{
  g_string_append (text, piece);
  *pos += mte_refi_utf16_length (piece, strlen (piece));
}

/* Appends @value with CR LF and lone CR turned into LF: the source text
 * has LF line ends only, and a reader turns CRs into LFs anyway, which
 * would shift every later position. Returns whether anything changed. */
static gboolean
append_lf (GString *text, guint64 *pos, const char *value)
{
  gboolean changed = FALSE;
  const char *run = value;

  for (const char *p = value;; p++)
    {
      if (*p != '\r' && *p != '\0')
        continue;
      g_string_append_len (text, run, p - run);
      *pos += mte_refi_utf16_length (run, (gsize) (p - run));
      if (*p == '\0')
        break;
      g_string_append_c (text, '\n');
      (*pos)++;
      changed = TRUE;
      if (p[1] == '\n')
        p++;
      run = p + 1;
    }
  return changed;
}

/* "[ID] first order, p. 7, section: Findings, speaker: woman, 54". */
static char *
heading_line (const MteConstruct *construct)
{
  GString *line = g_string_new (NULL);
  const char *page = nonempty (mte_construct_get_page (construct));
  const char *section = nonempty (mte_construct_get_section (construct));
  const char *speaker = nonempty (mte_construct_get_speaker (construct));

  g_string_append_printf (line, "[%s] %s", mte_construct_get_id (construct),
                          mte_construct_get_order (construct) == MTE_CONSTRUCT_FIRST_ORDER
                          ? "first order" : "second order");
  if (page != NULL)
    {
      g_string_append (line, ", p. ");
      append_one_line (line, page);
    }
  if (section != NULL)
    {
      g_string_append (line, ", section: ");
      append_one_line (line, section);
    }
  if (speaker != NULL)
    {
      g_string_append (line, ", speaker: ");
      append_one_line (line, speaker);
    }
  return g_string_free (line, FALSE);
}

/* Lays out @study's source text and records each construct's span. */
static GBytes *
build_source_text (Export *e, const MteStudy *study)
{
  GString *text = g_string_new (NULL);
  g_autofree char *reference = full_reference (study);
  const char *start = reference;
  guint64 pos = 0;

  /* A reference that begins with U+FEFF would read as a byte-order mark,
   * which readers drop, shifting every position by one. */
  while (g_str_has_prefix (start, "\xEF\xBB\xBF"))
    start += 3;
  append_counted (text, &pos, start);
  append_counted (text, &pos, "\n");

  for (guint i = 0; i < mte_study_get_n_constructs (study); i++)
    {
      MteConstruct *construct = mte_study_get_construct (study, i);
      g_autofree char *heading = heading_line (construct);
      Span *span = g_new0 (Span, 1);

      append_counted (text, &pos, "\n");
      append_counted (text, &pos, heading);
      append_counted (text, &pos, "\n");
      span->start = pos;
      span->had_cr = append_lf (text, &pos, mte_construct_get_text (construct));
      span->end = pos;
      append_counted (text, &pos, "\n");
      g_hash_table_insert (e->spans, construct, span);
    }
  return g_string_free_to_bytes (text);
}

/* ------------------------------------------------------------------ */
/* The project document                                               */
/* ------------------------------------------------------------------ */

static void
write_note_refs (Export *e, gconstpointer subject)
{
  GPtrArray *memos = multimap_get (e->memos_of, subject);

  for (guint i = 0; memos != NULL && i < memos->len; i++)
    xml_ref (&e->x, "NoteRef", "memo", mte_memo_get_id (memos->pdata[i]));
}

static void
write_users (Export *e)
{
  guint n = mte_project_get_n_members (e->project);

  if (n == 0)
    return;
  xml_start (&e->x, "Users");
  for (guint i = 0; i < n; i++)
    {
      MteMember *member = mte_project_get_member (e->project, i);

      xml_start (&e->x, "User");
      xml_attr_guid (&e->x, "guid", "member", mte_member_get_id (member));
      xml_attr (&e->x, "name", mte_member_get_name (member));
      xml_attr (&e->x, "id", mte_member_get_id (member));
      xml_end (&e->x);
    }
  xml_end (&e->x);
  mte_refi_made (e->report, "users", n);
}

static void
start_code (Xml        *x,
            const char *kind,
            const char *id,
            const char *name,
            gboolean    codable,
            const char *description)
{
  xml_start (x, "Code");
  xml_attr_guid (x, "guid", kind, id);
  xml_attr (x, "name", name);
  xml_attr (x, "isCodable", codable ? "true" : "false");
  xml_text_element (x, "Description", description);
}

/* The four root codes with the concepts and third-order constructs under
 * theirs; @e (project documents only) adds the memos' NoteRefs, which the
 * codebook schema has no room for. */
static void
write_codes (Xml *x, const MteProject *project, Export *e)
{
  xml_start (x, "Codes");

  start_code (x, "code", CODE_FIRST_ORDER, "First-order constructs", TRUE,
              "Participants' own words, usually verbatim quotes, as the included studies report them");
  xml_end (x);
  start_code (x, "code", CODE_SECOND_ORDER, "Second-order constructs", TRUE,
              "The included studies' authors' interpretations: their themes, concepts and metaphors");
  xml_end (x);

  start_code (x, "code", CODE_CONCEPTS, "Key concepts", FALSE,
              "The review's key concepts; a selection coded with one expresses it");
  for (guint i = 0; i < mte_project_get_n_concepts (project); i++)
    {
      MteConcept *concept = mte_project_get_concept (project, i);

      start_code (x, "concept", mte_concept_get_id (concept), mte_concept_get_label (concept),
                  TRUE, mte_concept_get_definition (concept));
      if (e != NULL)
        write_note_refs (e, concept);
      xml_end (x);
    }
  xml_end (x);

  start_code (x, "code", CODE_THIRD_ORDER, "Third-order constructs", FALSE,
              "The review team's interpretations across studies (review findings); a selection "
              "coded with one is part of its basis");
  for (guint i = 0; i < mte_project_get_n_third_orders (project); i++)
    {
      MteThirdOrder *t = mte_project_get_third_order (project, i);

      start_code (x, "third-order", mte_third_order_get_id (t), mte_third_order_get_label (t),
                  TRUE, mte_third_order_get_statement (t));
      if (e != NULL)
        write_note_refs (e, t);
      xml_end (x);
    }
  xml_end (x);

  xml_end (x);
}

static void
write_codebook (Export *e)
{
  xml_start (&e->x, "CodeBook");
  write_codes (&e->x, e->project, e);
  xml_end (&e->x);
  mte_refi_made (e->report, "codes",
                 4 + mte_project_get_n_concepts (e->project) +
                 mte_project_get_n_third_orders (e->project));
}

static void
write_variables (Export *e)
{
  if (e->variables->len == 0)
    return;
  xml_start (&e->x, "Variables");
  for (guint i = 0; i < e->variables->len; i++)
    {
      Variable *v = e->variables->pdata[i];

      xml_start (&e->x, "Variable");
      xml_attr_guid (&e->x, "guid", "variable", v->name);
      xml_attr (&e->x, "name", v->name);
      xml_attr (&e->x, "typeOfVariable", "Text");
      xml_end (&e->x);
    }
  xml_end (&e->x);
  mte_refi_made (e->report, "variables", e->variables->len);
}

static void
write_cases (Export *e)
{
  if (e->studies->len == 0)
    return;
  xml_start (&e->x, "Cases");
  for (guint i = 0; i < e->studies->len; i++)
    {
      MteStudy *study = e->studies->pdata[i];

      xml_start (&e->x, "Case");
      xml_attr_guid (&e->x, "guid", "case", mte_study_get_id (study));
      xml_attr (&e->x, "name", g_hash_table_lookup (e->citations, study));
      for (guint j = 0; j < e->variables->len; j++)
        {
          Variable *v = e->variables->pdata[j];
          g_autofree char *value = variable_value (v, study);

          if (value == NULL)
            continue;
          xml_start (&e->x, "VariableValue");
          xml_ref (&e->x, "VariableRef", "variable", v->name);
          xml_start (&e->x, "TextValue");
          if (xml_value_ok (&e->x, value))
            xml_check (&e->x, xmlTextWriterWriteString (e->x.writer, BAD_CAST value));
          xml_end (&e->x);
          xml_end (&e->x);
        }
      xml_ref (&e->x, "SourceRef", "study", mte_study_get_id (study));
      xml_end (&e->x);
    }
  xml_end (&e->x);
  mte_refi_made (e->report, "cases", e->studies->len);
}

/* One <Coding> of @construct's selection with the code KIND:ID. */
static void
write_coding (Export             *e,
              const MteConstruct *construct,
              const char         *kind,
              const char         *id)
{
  g_autofree char *name = g_strdup_printf ("%s/%s:%s", mte_construct_get_id (construct), kind, id);

  xml_start (&e->x, "Coding");
  xml_attr_guid (&e->x, "guid", "coding", name);
  xml_ref (&e->x, "CodeRef", kind, id);
  xml_end (&e->x);
}

static guint
write_selection (Export *e, const MteConstruct *construct)
{
  const Span *span = g_hash_table_lookup (e->spans, construct);
  const char *label = nonempty (mte_construct_get_label (construct));
  const char *id = mte_construct_get_id (construct);
  GPtrArray *concepts = multimap_get (e->concepts_of, construct);
  GPtrArray *findings = multimap_get (e->findings_of, construct);
  guint n_codings = 1;

  xml_start (&e->x, "PlainTextSelection");
  xml_attr_guid (&e->x, "guid", "construct", id);
  xml_attr (&e->x, "name", label != NULL ? label : id);
  xml_attr_uint (&e->x, "startPosition", span->start);
  xml_attr_uint (&e->x, "endPosition", span->end);
  write_coding (e, construct, "code",
                mte_construct_get_order (construct) == MTE_CONSTRUCT_FIRST_ORDER
                ? CODE_FIRST_ORDER : CODE_SECOND_ORDER);
  for (guint i = 0; concepts != NULL && i < concepts->len; i++, n_codings++)
    write_coding (e, construct, "concept", mte_concept_get_id (concepts->pdata[i]));
  for (guint i = 0; findings != NULL && i < findings->len; i++, n_codings++)
    write_coding (e, construct, "third-order", mte_third_order_get_id (findings->pdata[i]));
  write_note_refs (e, construct);
  xml_end (&e->x);
  return n_codings;
}

static void
write_sources (Export *e)
{
  guint n_selections = 0;
  guint n_codings = 0;

  if (e->studies->len == 0)
    return;
  xml_start (&e->x, "Sources");
  for (guint i = 0; i < e->studies->len; i++)
    {
      MteStudy *study = e->studies->pdata[i];
      g_autofree char *guid = mte_refi_guid ("study", mte_study_get_id (study));
      g_autofree char *path = g_strdup_printf ("internal://%s.txt", guid);

      xml_start (&e->x, "TextSource");
      xml_attr (&e->x, "guid", guid);
      xml_attr (&e->x, "name", g_hash_table_lookup (e->citations, study));
      xml_attr (&e->x, "plainTextPath", path);
      for (guint j = 0; j < mte_study_get_n_constructs (study); j++, n_selections++)
        n_codings += write_selection (e, mte_study_get_construct (study, j));
      write_note_refs (e, study);
      xml_end (&e->x);
    }
  xml_end (&e->x);
  mte_refi_made (e->report, "sources", e->studies->len);
  mte_refi_made (e->report, "selections", n_selections);
  mte_refi_made (e->report, "codings", n_codings);
}

/* "the translation tr-1", "the member rb": what a note is about, for a
 * note no object can refer to. */
static char *
describe_subject (const MteEntity *subject)
{
  const char *extra = "";

  if (mte_entity_get_kind (subject) == MTE_ENTITY_STUDY)
    extra = " (excluded from the review)";
  else if (mte_entity_get_kind (subject) == MTE_ENTITY_CONSTRUCT)
    extra = " (of a study excluded from the review)";
  return g_strdup_printf ("the %s %s%s", mte_entity_kind_to_string (mte_entity_get_kind (subject)),
                          mte_entity_get_id (subject), extra);
}

static void
write_memo (Export *e, const MteMemo *memo, gboolean loose)
{
  MteMember *author = mte_memo_get_author (memo);

  xml_start (&e->x, "Note");
  xml_attr_guid (&e->x, "guid", "memo", mte_memo_get_id (memo));
  xml_attr (&e->x, "name", mte_memo_get_id (memo));
  if (author != NULL)
    xml_attr_guid (&e->x, "creatingUser", "member", mte_member_get_id (author));
  xml_attr_time (&e->x, "creationDateTime", mte_memo_get_created (memo));
  if (loose)
    {
      g_autofree char *about = describe_subject (mte_memo_get_subject (memo));
      g_autofree char *description = g_strdup_printf ("About %s", about);

      xml_text_element (&e->x, "Description", description);
    }
  /* Always present, even empty: a note needs its text or a path. */
  xml_start (&e->x, "PlainTextContent");
  if (xml_value_ok (&e->x, mte_memo_get_text (memo)))
    xml_check (&e->x, xmlTextWriterWriteString (e->x.writer, BAD_CAST mte_memo_get_text (memo)));
  xml_end (&e->x);
  xml_end (&e->x);
}

/* "warmth (okonkwo2014)": a translation's side and its study. */
static char *
describe_side (const MteEntity *side, const MteStudy *study)
{
  if (study == NULL)
    return g_strdup (mte_entity_get_id (side));
  return g_strdup_printf ("%s (%s)", mte_entity_get_id (side), mte_study_get_id (study));
}

static char *
describe_translation (const MteTranslation *t)
{
  g_autofree char *from = describe_side (mte_translation_get_source (t),
                                         mte_translation_get_source_study (t));
  g_autofree char *to = describe_side (mte_translation_get_target (t),
                                       mte_translation_get_target_study (t));

  return g_strdup_printf ("%s translation of %s into %s",
                          mte_translation_get_kind (t) == MTE_TRANSLATION_REFUTATIONAL
                          ? "refutational" : "reciprocal", from, to);
}

static gboolean
translation_has_rationale (const MteTranslation *t)
{
  return nonempty (mte_translation_get_rationale (t)) != NULL;
}

static void
write_notes (Export *e)
{
  guint n_memos = mte_project_get_n_memos (e->project);
  guint n_rationales = 0;

  for (guint i = 0; i < mte_project_get_n_translations (e->project); i++)
    n_rationales += translation_has_rationale (mte_project_get_translation (e->project, i));
  if (n_memos + n_rationales == 0)
    return;

  xml_start (&e->x, "Notes");
  for (guint i = 0; i < n_memos; i++)
    {
      MteMemo *memo = mte_project_get_memo (e->project, i);

      write_memo (e, memo, !subject_has_place (mte_memo_get_subject (memo)));
    }
  for (guint i = 0; i < mte_project_get_n_translations (e->project); i++)
    {
      MteTranslation *t = mte_project_get_translation (e->project, i);
      MteMember *reviewer = mte_translation_get_reviewer (t);
      g_autofree char *description = NULL;

      if (!translation_has_rationale (t))
        continue;
      description = describe_translation (t);
      description[0] = g_ascii_toupper (description[0]);
      xml_start (&e->x, "Note");
      xml_attr_guid (&e->x, "guid", "translation", mte_translation_get_id (t));
      xml_attr (&e->x, "name", mte_translation_get_id (t));
      if (reviewer != NULL)
        xml_attr_guid (&e->x, "creatingUser", "member", mte_member_get_id (reviewer));
      xml_attr_time (&e->x, "creationDateTime", mte_translation_get_created (t));
      xml_text_element (&e->x, "Description", description);
      xml_text_element (&e->x, "PlainTextContent", mte_translation_get_rationale (t));
      xml_end (&e->x);
    }
  xml_end (&e->x);
  mte_refi_made (e->report, "notes", n_memos + n_rationales);
}

static void
write_link (Export     *e,
            const char *kind,
            const char *name,
            const char *origin_kind,
            const char *origin_id,
            const char *target_kind,
            const char *target_id)
{
  g_autofree char *key = g_strdup_printf ("%s/%s", origin_id, target_id);

  xml_start (&e->x, "Link");
  xml_attr_guid (&e->x, "guid", kind, key);
  xml_attr (&e->x, "name", name);
  xml_attr (&e->x, "direction", "OneWay");
  xml_attr_guid (&e->x, "originGUID", origin_kind, origin_id);
  xml_attr_guid (&e->x, "targetGUID", target_kind, target_id);
  xml_end (&e->x);
}

static void
write_links (Export *e)
{
  guint n = 0;

  /* Counted first: an empty <Links/> is invalid. */
  for (guint i = 0; i < e->studies->len; i++)
    {
      MteStudy *study = e->studies->pdata[i];

      for (guint j = 0; j < mte_study_get_n_constructs (study); j++)
        n += mte_construct_get_n_groundings (mte_study_get_construct (study, j));
    }
  for (guint i = 0; i < mte_project_get_n_third_orders (e->project); i++)
    {
      MteThirdOrder *t = mte_project_get_third_order (e->project, i);

      for (guint j = 0; j < mte_third_order_get_n_basis (t); j++)
        n += mte_entity_get_kind (mte_third_order_get_basis (t, j)) == MTE_ENTITY_CONCEPT;
    }
  if (n == 0)
    return;

  xml_start (&e->x, "Links");
  for (guint i = 0; i < e->studies->len; i++)
    {
      MteStudy *study = e->studies->pdata[i];

      for (guint j = 0; j < mte_study_get_n_constructs (study); j++)
        {
          MteConstruct *c = mte_study_get_construct (study, j);

          for (guint k = 0; k < mte_construct_get_n_groundings (c); k++)
            write_link (e, "grounded-in", "grounded in",
                        "construct", mte_construct_get_id (c),
                        "construct", mte_construct_get_id (mte_construct_get_grounding (c, k)));
        }
    }
  for (guint i = 0; i < mte_project_get_n_third_orders (e->project); i++)
    {
      MteThirdOrder *t = mte_project_get_third_order (e->project, i);

      for (guint j = 0; j < mte_third_order_get_n_basis (t); j++)
        {
          MteEntity *basis = mte_third_order_get_basis (t, j);

          if (mte_entity_get_kind (basis) == MTE_ENTITY_CONCEPT)
            write_link (e, "basis", "basis", "third-order", mte_third_order_get_id (t),
                        "concept", mte_entity_get_id (basis));
        }
    }
  xml_end (&e->x);
  mte_refi_made (e->report, "links", n);
}

static void
write_sets (Export *e)
{
  gboolean any = FALSE;

  for (guint i = 0; i < mte_project_get_n_translations (e->project) && !any; i++)
    any = translation_has_rationale (mte_project_get_translation (e->project, i));
  if (!any)
    return;

  xml_start (&e->x, "Sets");
  xml_start (&e->x, "Set");
  xml_attr_guid (&e->x, "guid", "set", "translation-rationales");
  xml_attr (&e->x, "name", RATIONALE_SET);
  xml_text_element (&e->x, "Description",
                    "Why the review team judged each translation between studies as it did: "
                    "one note per translation");
  for (guint i = 0; i < mte_project_get_n_translations (e->project); i++)
    {
      MteTranslation *t = mte_project_get_translation (e->project, i);

      if (translation_has_rationale (t))
        xml_ref (&e->x, "MemberNote", "translation", mte_translation_get_id (t));
    }
  xml_end (&e->x);
  xml_end (&e->x);
  mte_refi_made (e->report, "sets", 1);
}

static void
write_graphs (Export *e)
{
  guint n = mte_project_get_n_third_orders (e->project);
  guint n_links = mte_project_get_n_argument_links (e->project);

  if (n == 0)
    return;
  xml_start (&e->x, "Graphs");
  xml_start (&e->x, "Graph");
  xml_attr_guid (&e->x, "guid", "graph", "line-of-argument");
  xml_attr (&e->x, "name", "Line of argument");
  for (guint i = 0; i < n; i++)
    {
      MteThirdOrder *t = mte_project_get_third_order (e->project, i);
      guint64 x = GRAPH_MARGIN + (i % GRAPH_COLUMNS) * (guint64) (VERTEX_WIDTH + VERTEX_GAP_X);
      guint64 y = GRAPH_MARGIN + (i / GRAPH_COLUMNS) * (guint64) (VERTEX_HEIGHT + VERTEX_GAP_Y);

      xml_start (&e->x, "Vertex");
      xml_attr_guid (&e->x, "guid", "vertex", mte_third_order_get_id (t));
      xml_attr_guid (&e->x, "representedGUID", "third-order", mte_third_order_get_id (t));
      xml_attr (&e->x, "name", mte_third_order_get_label (t));
      xml_attr_uint (&e->x, "firstX", x);
      xml_attr_uint (&e->x, "firstY", y);
      xml_attr_uint (&e->x, "secondX", x + VERTEX_WIDTH);
      xml_attr_uint (&e->x, "secondY", y + VERTEX_HEIGHT);
      xml_end (&e->x);
    }
  for (guint i = 0; i < n_links; i++)
    {
      MteArgumentLink *link = mte_project_get_argument_link (e->project, i);

      xml_start (&e->x, "Edge");
      xml_attr_guid (&e->x, "guid", "argument-link", mte_argument_link_get_id (link));
      xml_attr (&e->x, "name", mte_argument_link_get_relation (link));
      xml_attr_guid (&e->x, "sourceVertex", "vertex",
                     mte_third_order_get_id (mte_argument_link_get_from (link)));
      xml_attr_guid (&e->x, "targetVertex", "vertex",
                     mte_third_order_get_id (mte_argument_link_get_to (link)));
      xml_attr (&e->x, "direction", "OneWay");
      xml_end (&e->x);
    }
  xml_end (&e->x);
  xml_end (&e->x);
  mte_refi_made (e->report, "vertices", n);
  mte_refi_made (e->report, "edges", n_links);
}

/* The review question, aim and line-of-argument statement as the
 * project's description, in labelled paragraphs. */
static char *
project_description (const MteProject *project)
{
  const struct {
    const char *label;
    const char *text;
  } parts[] = {
    { "Review question", nonempty (mte_project_get_question (project)) },
    { "Aim", nonempty (mte_project_get_aim (project)) },
    { "Line of argument", nonempty (mte_project_get_line_of_argument (project)) },
  };
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      if (parts[i].text == NULL)
        continue;
      if (out->len > 0)
        g_string_append (out, "\n\n");
      g_string_append_printf (out, "%s: %s", parts[i].label, parts[i].text);
    }
  if (out->len == 0)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}

static void
write_project (Export *e)
{
  const char *title = nonempty (mte_project_get_title (e->project));
  g_autofree char *description = project_description (e->project);

  xml_start (&e->x, "Project");
  /* The namespace first, as QDA packages write it. */
  xml_attr (&e->x, "xmlns", PROJECT_NS);
  xml_attr (&e->x, "name", title != NULL ? title : "Untitled review");
  xml_attr (&e->x, "origin", ORIGIN);
  xml_attr_time (&e->x, "creationDateTime", mte_project_get_created (e->project));
  xml_attr_time (&e->x, "modifiedDateTime", mte_project_get_modified (e->project));

  write_users (e);
  write_codebook (e);
  write_variables (e);
  write_cases (e);
  write_sources (e);
  write_notes (e);
  write_links (e);
  write_sets (e);
  write_graphs (e);
  xml_text_element (&e->x, "Description", description);
  write_note_refs (e, e->project);
  xml_end (&e->x);
}

/* ------------------------------------------------------------------ */
/* The data-loss report                                               */
/* ------------------------------------------------------------------ */

#define NO_APPRAISAL "REFI-QDA has no quality appraisal of a source"
#define NO_FRAMEWORK "REFI-QDA has no classification framework"

/* Excluded studies, then what included studies and their constructs
 * hold beyond a text with selections. */
static void
report_studies (Export *e)
{
  const MteProject *project = e->project;

  for (guint i = 0; i < mte_project_get_n_studies (project); i++)
    {
      MteStudy *study = mte_project_get_study (project, i);
      const char *reason = mte_study_get_exclusion_reason (study);

      if (mte_study_is_excluded (study))
        mte_refi_loss (e->report, "excluded studies",
                       "excluded studies have left the synthesis, so they and their "
                       "constructs are not exported (the project file keeps them)",
                       "%s: excluded at %s, %u constructs: %s", mte_study_get_id (study),
                       mte_exclusion_stage_to_string (mte_study_get_exclusion_stage (study)),
                       mte_study_get_n_constructs (study), reason != NULL ? reason : "");
    }
  for (guint i = 0; i < mte_project_get_n_translations (project); i++)
    {
      MteTranslation *t = mte_project_get_translation (project, i);
      g_autofree char *what = describe_translation (t);

      mte_refi_loss (e->report, "translations",
                     "REFI-QDA cannot relate two studies' constructs or concepts; a "
                     "translation's kind and the studies it joins are lost, its rationale "
                     "is kept as a note in the set \"" RATIONALE_SET "\"",
                     "%s: %s", mte_translation_get_id (t), what);
    }
  for (guint i = 0; i < e->studies->len; i++)
    {
      MteStudy *study = e->studies->pdata[i];

      for (guint j = 0; j < mte_study_get_n_appraisals (study); j++)
        {
          MteChecklist *checklist;
          const char *key;
          const char *answer;

          mte_study_get_appraisal_at (study, j, &checklist, &key, &answer, NULL);
          mte_refi_loss (e->report, "appraisals", NO_APPRAISAL, "%s: %s %s = %s",
                         mte_study_get_id (study), mte_checklist_get_id (checklist), key,
                         answer != NULL ? answer : "(a note only)");
        }
    }
  for (guint i = 0; i < mte_project_get_n_checklists (project); i++)
    mte_refi_loss (e->report, "appraisal checklists", NO_APPRAISAL, "%s",
                   mte_checklist_get_id (mte_project_get_checklist (project, i)));
  for (guint i = 0; i < e->studies->len; i++)
    {
      MteStudy *study = e->studies->pdata[i];

      for (guint j = 0; j < mte_study_get_n_constructs (study); j++)
        {
          MteConstruct *c = mte_study_get_construct (study, j);

          if (mte_construct_get_credibility (c) != MTE_CREDIBILITY_NOT_ASSESSED)
            mte_refi_loss (e->report, "credibility ratings",
                           "REFI-QDA has no credibility of a study's finding",
                           "construct %s: %s", mte_construct_get_id (c),
                           mte_credibility_to_string (mte_construct_get_credibility (c)));
        }
    }
}

static void
report_synthesis (Export *e)
{
  const MteProject *project = e->project;

  for (guint i = 0; i < mte_project_get_n_third_orders (project); i++)
    {
      MteThirdOrder *t = mte_project_get_third_order (project, i);
      guint n_components = 0;

      for (int c = 0; c < MTE_CERQUAL_N_COMPONENTS; c++)
        n_components += mte_third_order_get_concern (t, (MteCerqualComponent) c) != MTE_CONCERN_NOT_ASSESSED;
      if (n_components > 0 || mte_third_order_get_confidence (t) != MTE_CONFIDENCE_NOT_ASSESSED)
        mte_refi_loss (e->report, "CERQual assessments",
                       "REFI-QDA has no confidence in a finding",
                       "%s: confidence %s, %u of %u components assessed",
                       mte_third_order_get_id (t),
                       mte_confidence_to_string (mte_third_order_get_confidence (t)),
                       n_components, MTE_CERQUAL_N_COMPONENTS);
    }
  for (guint i = 0; i < mte_project_get_n_argument_links (project); i++)
    {
      MteArgumentLink *link = mte_project_get_argument_link (project, i);

      if (nonempty (mte_argument_link_get_rationale (link)) != NULL)
        mte_refi_loss (e->report, "argument-link rationales",
                       "a REFI-QDA graph edge has a name only (the relation)",
                       "%s", mte_argument_link_get_id (link));
    }
  for (guint i = 0; i < mte_project_get_n_frameworks (project); i++)
    {
      MteFramework *framework = mte_project_get_framework (project, i);

      mte_refi_loss (e->report, "frameworks", NO_FRAMEWORK, "%s: %u levels",
                     mte_framework_get_id (framework), mte_framework_get_n_levels (framework));
    }
  for (guint i = 0; i < mte_project_get_n_frameworks (project); i++)
    {
      MteFramework *framework = mte_project_get_framework (project, i);

      for (guint j = 0; j < mte_framework_get_n_classifications (framework); j++)
        {
          MteEntity *entity;
          const char *level;

          mte_framework_get_classification (framework, j, &entity, &level);
          mte_refi_loss (e->report, "classifications", NO_FRAMEWORK,
                         "%s at level %s of %s", mte_entity_get_id (entity), level,
                         mte_framework_get_id (framework));
        }
    }
  for (guint i = 0; i < e->loose_memos->len; i++)
    {
      MteMemo *memo = e->loose_memos->pdata[i];
      g_autofree char *about = describe_subject (mte_memo_get_subject (memo));

      mte_refi_loss (e->report, "memo subjects",
                     "only the project, sources, selections and codes can refer to a REFI-QDA "
                     "note; the note names what it is about in its description",
                     "%s: about %s", mte_memo_get_id (memo), about);
    }
  if (mte_project_get_session (project) != NULL)
    mte_refi_loss (e->report, "translation sessions", "REFI-QDA has no translation session",
                   "%u decisions", mte_session_get_n_decisions (mte_project_get_session (project)));
}

/* What only survives as text, or not at all: construct details, roles,
 * the order of translation. */
static void
report_details (Export *e)
{
  const MteProject *project = e->project;

  for (guint i = 0; i < e->studies->len; i++)
    {
      MteStudy *study = e->studies->pdata[i];

      for (guint j = 0; j < mte_study_get_n_constructs (study); j++)
        {
          MteConstruct *c = mte_study_get_construct (study, j);

          if (nonempty (mte_construct_get_page (c)) != NULL ||
              nonempty (mte_construct_get_section (c)) != NULL ||
              nonempty (mte_construct_get_speaker (c)) != NULL)
            mte_refi_loss (e->report, "construct pages, sections and speakers",
                           "a REFI-QDA selection has no such fields; they survive only as "
                           "text in the construct's heading line of the source text",
                           "construct %s", mte_construct_get_id (c));
        }
    }
  for (guint i = 0; i < e->studies->len; i++)
    {
      MteStudy *study = e->studies->pdata[i];

      for (guint j = 0; j < mte_study_get_n_constructs (study); j++)
        {
          MteConstruct *c = mte_study_get_construct (study, j);
          const Span *span = g_hash_table_lookup (e->spans, c);

          if (span->had_cr)
            mte_refi_loss (e->report, "carriage returns",
                           "source texts have LF line ends only, so a construct's CR LF and "
                           "CR line ends are written as LF", "construct %s",
                           mte_construct_get_id (c));
        }
    }
  for (guint i = 0; i < mte_project_get_n_members (project); i++)
    {
      MteMember *member = mte_project_get_member (project, i);

      if (nonempty (mte_member_get_role (member)) != NULL)
        mte_refi_loss (e->report, "member roles", "a REFI-QDA user has a name only",
                       "%s: %s", mte_member_get_id (member), mte_member_get_role (member));
    }
  for (guint i = 0; i < e->studies->len; i++)
    {
      MteStudy *study = e->studies->pdata[i];
      guint position = mte_study_get_translation_position (study);
      gboolean index_study = mte_study_get_index_study (study);

      g_autofree char *place = position > 0 ? g_strdup_printf ("position %u", position) : NULL;

      if (index_study || place != NULL)
        mte_refi_loss (e->report, "study orders",
                       "REFI-QDA has no order of translation or index study", "%s: %s%s%s",
                       mte_study_get_id (study), index_study ? "index study" : "",
                       index_study && place != NULL ? ", " : "", place != NULL ? place : "");
    }
}

/* Phases 1, 2 and 7 of the review, which a QDA package does not hold. */
static void
report_review (Export *e)
{
  const MteProject *project = e->project;

  for (int f = 0; f < MTE_PROTOCOL_N_FIELDS; f++)
    if (mte_project_get_protocol (project, (MteProtocolField) f) != NULL)
      mte_refi_loss (e->report, "protocol fields", "REFI-QDA has no review protocol",
                     "%s", mte_protocol_field_to_string ((MteProtocolField) f));
  for (int i = 1; i <= MTE_EMERGE_N_ITEMS; i++)
    if (mte_project_get_emerge_text (project, (MteEmergeItem) i) != NULL)
      mte_refi_loss (e->report, "eMERGe texts", "REFI-QDA has no reporting items",
                     "%s", mte_emerge_item_to_string ((MteEmergeItem) i));
  for (guint i = 0; i < mte_project_get_n_searches (project); i++)
    {
      MteSearch *search = mte_project_get_search (project, i);

      mte_refi_loss (e->report, "searches", "REFI-QDA has no literature searches",
                     "%s: %s", mte_search_get_id (search), mte_search_get_source (search));
    }
  for (guint i = 0; i < mte_project_get_n_records (project); i++)
    {
      MteRecord *record = mte_project_get_record (project, i);

      mte_refi_loss (e->report, "records and their screening",
                     "REFI-QDA has no search records or screening decisions",
                     "%s: %s", mte_record_get_id (record),
                     mte_record_fate_to_string (mte_record_get_fate (record)));
    }
  for (int c = 0; c < MTE_PRISMA_N_COUNTS; c++)
    {
      gboolean entered = mte_project_get_stage_count (project, (MtePrismaCount) c) != MTE_COUNT_UNKNOWN;

      if (c == MTE_PRISMA_DBR_EXCLUDED || c == MTE_PRISMA_OTHER_EXCLUDED)
        entered = entered || mte_project_get_n_exclusion_counts (project, (MtePrismaCount) c) > 0;
      if (entered)
        mte_refi_loss (e->report, "PRISMA counts", "REFI-QDA has no flow diagram counts",
                       "%s", mte_prisma_count_to_string ((MtePrismaCount) c));
    }
}

/* ------------------------------------------------------------------ */
/* Entry points                                                       */
/* ------------------------------------------------------------------ */

static void
add_part (GPtrArray *parts, char *name, GBytes *data)
{
  MteRefiPart *part = g_new0 (MteRefiPart, 1);

  part->name = name;
  part->data = data;
  g_ptr_array_add (parts, part);
}

gboolean
mte_refi_write_project (const MteProject *project,
                        GPtrArray       **parts,
                        MteRefiReport    *report,
                        GError          **error)
{
  Export e;
  g_autoptr (GPtrArray) sources = NULL;
  char *qde;
  GPtrArray *out;

  g_return_val_if_fail (project != NULL, FALSE);
  g_return_val_if_fail (parts != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  export_init (&e, project, report);
  collect_variables (&e);
  for (guint i = 0; i < e.studies->len; i++)
    g_ptr_array_add (e.texts, build_source_text (&e, e.studies->pdata[i]));

  if (!xml_open (&e.x))
    {
      export_clear (&e);
      g_set_error_literal (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_FAILED,
                           "REFI-QDA export: libxml2 could not start the document");
      return FALSE;
    }
  write_project (&e);
  qde = xml_finish (&e.x, error);
  if (qde == NULL)
    {
      export_clear (&e);
      return FALSE;
    }

  report_studies (&e);
  report_synthesis (&e);
  report_details (&e);
  report_review (&e);

  out = g_ptr_array_new_with_free_func ((GDestroyNotify) mte_refi_part_free);
  add_part (out, g_strdup ("project.qde"), g_bytes_new_take (qde, strlen (qde)));
  for (guint i = 0; i < e.studies->len; i++)
    {
      g_autofree char *guid = mte_refi_guid ("study", mte_study_get_id (e.studies->pdata[i]));

      add_part (out, g_strdup_printf ("sources/%s.txt", guid), g_bytes_ref (e.texts->pdata[i]));
    }
  export_clear (&e);
  *parts = out;
  return TRUE;
}

/* A codebook has no links: the concepts each third-order construct rests
 * on go in a set per construct, "metaethno: basis of LABEL", whose members
 * are their codes (docs/refi.md). The constructs it rests on stay behind. */
static void
write_basis_sets (Xml              *x,
                  const MteProject *project,
                  MteRefiReport    *report)
{
  gboolean open = FALSE;
  guint n = 0;

  for (guint i = 0; i < mte_project_get_n_third_orders (project); i++)
    {
      MteThirdOrder *t = mte_project_get_third_order (project, i);
      g_autofree char *name = NULL;
      guint n_concepts = 0;

      for (guint b = 0; b < mte_third_order_get_n_basis (t); b++)
        n_concepts += mte_entity_get_kind (mte_third_order_get_basis (t, b)) == MTE_ENTITY_CONCEPT;
      if (n_concepts == 0)
        continue;
      if (!open)
        {
          xml_start (x, "Sets");
          open = TRUE;
        }
      name = g_strdup_printf ("%s%s", BASIS_SET_PREFIX, mte_third_order_get_label (t));
      xml_start (x, "Set");
      xml_attr_guid (x, "guid", "basis-set", mte_third_order_get_id (t));
      xml_attr (x, "name", name);
      for (guint b = 0; b < mte_third_order_get_n_basis (t); b++)
        {
          MteEntity *basis = mte_third_order_get_basis (t, b);

          if (mte_entity_get_kind (basis) == MTE_ENTITY_CONCEPT)
            {
              /* Codebook.xsd names the member by "guid", not "targetGUID". */
              xml_start (x, "MemberCode");
              xml_attr_guid (x, "guid", "concept", mte_entity_get_id (basis));
              xml_end (x);
            }
          else
            mte_refi_loss (report, "bases on constructs",
                           "a codebook holds codes only: a third-order construct's basis on constructs "
                           "needs a project (.qdpx)",
                           "%s rests on %s", mte_third_order_get_id (t), mte_entity_get_id (basis));
        }
      xml_end (x);
      n++;
    }
  if (open)
    xml_end (x);
  if (n > 0)
    mte_refi_made (report, "sets", n);
}

char *
mte_refi_write_codebook (const MteProject *project,
                         MteRefiReport    *report,
                         GError          **error)
{
  Xml x;
  guint n_constructs = 0;
  guint n_included = mte_project_get_n_included_studies (project);
  char *qdc;

  g_return_val_if_fail (project != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!xml_open (&x))
    {
      xml_clear (&x);
      g_set_error_literal (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_FAILED,
                           "REFI-QDA export: libxml2 could not start the document");
      return NULL;
    }
  xml_start (&x, "CodeBook");
  xml_attr (&x, "xmlns", CODEBOOK_NS);
  xml_attr (&x, "origin", ORIGIN);
  write_codes (&x, project, NULL);
  write_basis_sets (&x, project, report);
  xml_end (&x);
  qdc = xml_finish (&x, error);
  if (qdc == NULL)
    return NULL;

  mte_refi_made (report, "codes",
                 4 + mte_project_get_n_concepts (project) + mte_project_get_n_third_orders (project));
  /* A codebook is codes only: say, in bulk, what stays behind. */
  for (guint i = 0; i < mte_project_get_n_studies (project); i++)
    {
      MteStudy *study = mte_project_get_study (project, i);

      if (!mte_study_is_excluded (study))
        n_constructs += mte_study_get_n_constructs (study);
    }
#define CODES_ONLY "a codebook holds codes only; export a project (.qdpx) to carry them"
  mte_refi_loss_count (report, "studies", CODES_ONLY, n_included);
  mte_refi_loss_count (report, "constructs", CODES_ONLY, n_constructs);
  mte_refi_loss_count (report, "translations", CODES_ONLY, mte_project_get_n_translations (project));
  mte_refi_loss_count (report, "argument links", CODES_ONLY,
                       mte_project_get_n_argument_links (project));
  mte_refi_loss_count (report, "memos", CODES_ONLY, mte_project_get_n_memos (project));
#undef CODES_ONLY
  return qdc;
}
