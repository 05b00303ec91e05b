/* mte-refi-import.c: a REFI-QDA project or codebook brought into a
 * project through a mapping of its codes, with a data-loss report; the
 * mapping itself; and the public entry points of export (the writing is
 * mte-refi-write.c's).
 *
 * The import reads the whole file into MteRefiDoc (mte-refi-read.c), then
 * applies it to the project, remembering every id it adds; anything the
 * model refuses rolls all of them back, so a failed import leaves the
 * project as it was. A dry run applies to a copy.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "mte-citation-private.h"
#include "mte-error-private.h"
#include "mte-io-private.h"
#include "mte-refi-private.h"
#include "mte-render-private.h"
#include "mte-save-private.h"
#include "mte-zip-private.h"

/* ------------------------------------------------------------------ */
/* Formats                                                            */
/* ------------------------------------------------------------------ */

static const char * const format_names[] = { "auto", "qdpx", "qde", "qdc" };

const char *
mte_refi_format_to_string (MteRefiFormat format)
{
  if ((guint) format >= G_N_ELEMENTS (format_names))
    return NULL;
  return format_names[format];
}

int
mte_refi_format_from_string (const char *name)
{
  if (name == NULL)
    return -1;
  for (guint i = 0; i < G_N_ELEMENTS (format_names); i++)
    if (strcmp (name, format_names[i]) == 0)
      return (int) i;
  return -1;
}

/* ------------------------------------------------------------------ */
/* The mapping                                                        */
/* ------------------------------------------------------------------ */

#define N_ROLES 4

static const char * const convention_codes[N_ROLES] = {
  "First-order constructs",
  "Second-order constructs",
  "Key concepts",
  "Third-order constructs",
};

static const char * const role_keys[N_ROLES] = {
  "first-order", "second-order", "concepts", "third-order",
};

struct _MteRefiMapping {
  char *codes[N_ROLES];
  gboolean chosen[N_ROLES];     /* set by the user, not the convention */
  MteRefiStudyUnit unit;
  gboolean match_existing;
};

MteRefiMapping *
mte_refi_mapping_new (void)
{
  MteRefiMapping *mapping = g_new0 (MteRefiMapping, 1);

  for (guint i = 0; i < N_ROLES; i++)
    mapping->codes[i] = g_strdup (convention_codes[i]);
  return mapping;
}

void
mte_refi_mapping_free (MteRefiMapping *mapping)
{
  if (mapping == NULL)
    return;
  for (guint i = 0; i < N_ROLES; i++)
    g_free (mapping->codes[i]);
  g_free (mapping);
}

gboolean
mte_refi_mapping_set_code (MteRefiMapping *mapping,
                           MteRefiRole     role,
                           const char     *code,
                           GError        **error)
{
  g_return_val_if_fail (mapping != NULL, FALSE);
  if ((guint) role >= N_ROLES)
    {
      mte_set_error (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_INVALID_VALUE,
                     "unknown mapping role %d", (int) role);
      return FALSE;
    }
  if (code != NULL)
    {
      g_autofree char *trimmed = NULL;

      if (!g_utf8_validate (code, -1, NULL))
        {
          mte_set_error (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_INVALID_VALUE,
                         "the code for %s is not valid UTF-8", role_keys[role]);
          return FALSE;
        }
      trimmed = g_strstrip (g_strdup (code));
      if (*trimmed == '\0')
        {
          mte_set_error (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_INVALID_VALUE,
                         "the code for %s is empty", role_keys[role]);
          return FALSE;
        }
      g_free (mapping->codes[role]);
      mapping->codes[role] = g_steal_pointer (&trimmed);
    }
  else
    g_clear_pointer (&mapping->codes[role], g_free);
  mapping->chosen[role] = TRUE;
  return TRUE;
}

const char *
mte_refi_mapping_get_code (const MteRefiMapping *mapping,
                           MteRefiRole           role)
{
  g_return_val_if_fail (mapping != NULL, NULL);
  g_return_val_if_fail ((guint) role < N_ROLES, NULL);
  return mapping->codes[role];
}

void
mte_refi_mapping_set_study_unit (MteRefiMapping   *mapping,
                                 MteRefiStudyUnit  unit)
{
  g_return_if_fail (mapping != NULL);
  g_return_if_fail (unit == MTE_REFI_STUDY_PER_SOURCE || unit == MTE_REFI_STUDY_PER_CASE);
  mapping->unit = unit;
}

MteRefiStudyUnit
mte_refi_mapping_get_study_unit (const MteRefiMapping *mapping)
{
  g_return_val_if_fail (mapping != NULL, MTE_REFI_STUDY_PER_SOURCE);
  return mapping->unit;
}

void
mte_refi_mapping_set_match_existing (MteRefiMapping *mapping,
                                     gboolean        match)
{
  g_return_if_fail (mapping != NULL);
  mapping->match_existing = match != FALSE;
}

gboolean
mte_refi_mapping_get_match_existing (const MteRefiMapping *mapping)
{
  g_return_val_if_fail (mapping != NULL, FALSE);
  return mapping->match_existing;
}

gboolean
mte_refi_mapping_load_file (MteRefiMapping *mapping,
                            const char     *path,
                            GError        **error)
{
  g_autofree char *data = NULL;
  g_autofree char *shown = NULL;
  g_auto (GStrv) lines = NULL;
  MteRefiMapping copy;
  gsize length;

  g_return_val_if_fail (mapping != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  data = mte_import_read_file (path, &length, error);
  if (data == NULL)
    return FALSE;
  shown = mte_message_path (path);
  if (!g_utf8_validate (data, (gssize) length, NULL) || memchr (data, '\0', length) != NULL)
    {
      mte_format_error_set (error, MTE_FORMAT_ERROR_MALFORMED, shown, 0, 0,
                            "a mapping file is UTF-8 text");
      return FALSE;
    }
  /* Work on a copy: a bad line leaves @mapping as it was. */
  copy = *mapping;
  for (guint i = 0; i < N_ROLES; i++)
    copy.codes[i] = g_strdup (mapping->codes[i]);
  lines = g_strsplit (data, "\n", -1);
  for (guint n = 0; lines[n] != NULL; n++)
    {
      char *line = lines[n];
      char *hash = strchr (line, '#');
      char *eq;
      g_autofree char *key = NULL;
      g_autofree char *value = NULL;
      gboolean done = FALSE;

      if (hash != NULL)
        *hash = '\0';
      g_strstrip (line);
      if (*line == '\0')
        continue;
      eq = strchr (line, '=');
      if (eq == NULL)
        {
          mte_format_error_set (error, MTE_FORMAT_ERROR_MALFORMED, shown, (int) n + 1, 0,
                                "expected KEY = VALUE");
          goto fail;
        }
      key = g_strstrip (g_strndup (line, (gsize) (eq - line)));
      value = g_strstrip (g_strdup (eq + 1));
      for (guint r = 0; r < N_ROLES && !done; r++)
        if (strcmp (key, role_keys[r]) == 0)
          {
            g_free (copy.codes[r]);
            copy.codes[r] = *value != '\0' ? g_strdup (value) : NULL;
            copy.chosen[r] = TRUE;
            done = TRUE;
          }
      if (done)
        continue;
      if (strcmp (key, "study") == 0 && (strcmp (value, "source") == 0 || strcmp (value, "case") == 0))
        copy.unit = strcmp (value, "case") == 0 ? MTE_REFI_STUDY_PER_CASE : MTE_REFI_STUDY_PER_SOURCE;
      else if (strcmp (key, "match-existing") == 0 && (strcmp (value, "yes") == 0 || strcmp (value, "no") == 0))
        copy.match_existing = strcmp (value, "yes") == 0;
      else if (strcmp (key, "study") == 0 || strcmp (key, "match-existing") == 0)
        {
          mte_format_error_set (error, MTE_FORMAT_ERROR_INVALID_VALUE, shown, (int) n + 1, 0,
                                "'%s' cannot be '%s' (%s)", key, value,
                                strcmp (key, "study") == 0 ? "source or case" : "yes or no");
          goto fail;
        }
      else
        {
          mte_format_error_set (error, MTE_FORMAT_ERROR_INVALID_VALUE, shown, (int) n + 1, 0,
                                "unknown key '%s' (first-order, second-order, concepts, "
                                "third-order, study, match-existing)", key);
          goto fail;
        }
    }
  for (guint i = 0; i < N_ROLES; i++)
    {
      g_free (mapping->codes[i]);
      mapping->codes[i] = copy.codes[i];
      mapping->chosen[i] = copy.chosen[i];
    }
  mapping->unit = copy.unit;
  mapping->match_existing = copy.match_existing;
  return TRUE;

fail:
  for (guint i = 0; i < N_ROLES; i++)
    g_free (copy.codes[i]);
  return FALSE;
}

/* ------------------------------------------------------------------ */
/* Reading the file: archive or XML                                   */
/* ------------------------------------------------------------------ */

typedef struct {
  MteRefiDoc *doc;
  MteZipReader *zip;            /* NULL for a bare .qde or .qdc */
  char *name;                   /* for messages */
  char *qde_name;               /* the archive entry read, or NULL */
} RefiInput;

static void
refi_input_clear (RefiInput *in)
{
  g_clear_pointer (&in->doc, mte_refi_doc_free);
  g_clear_pointer (&in->zip, mte_zip_reader_free);
  g_clear_pointer (&in->name, g_free);
  g_clear_pointer (&in->qde_name, g_free);
}

static gboolean
is_zip (const char *data,
        gsize       length)
{
  return length >= 4 && memcmp (data, "PK\003\004", 4) == 0;
}

/* The one .qde at the root of the archive, whatever its name's case. */
static gint
find_qde (MteZipReader *zip,
          const char   *name,
          GError      **error)
{
  gint found = -1;
  GString *names = NULL;

  for (guint i = 0; i < mte_zip_reader_get_n_entries (zip); i++)
    {
      const char *entry = mte_zip_reader_get_entry_name (zip, i);
      gsize len = strlen (entry);

      if (strchr (entry, '/') != NULL || len < 4 || g_ascii_strcasecmp (entry + len - 4, ".qde") != 0)
        continue;
      if (found >= 0)
        {
          if (names == NULL)
            names = g_string_new (mte_zip_reader_get_entry_name (zip, (guint) found));
          g_string_append_printf (names, ", %s", entry);
        }
      else
        found = (gint) i;
    }
  if (names != NULL)
    {
      mte_format_error_set (error, MTE_FORMAT_ERROR_MALFORMED, name, 0, 0,
                            "more than one project document at the archive's root (%s)", names->str);
      g_string_free (names, TRUE);
      return -1;
    }
  if (found < 0)
    mte_format_error_set (error, MTE_FORMAT_ERROR_MALFORMED, name, 0, 0,
                          "not a REFI-QDA project archive: no .qde document at its root");
  return found;
}

static gboolean
refi_input_open (RefiInput     *in,
                 const char    *data,
                 gsize          length,
                 const char    *name,
                 MteRefiFormat  format,
                 GError       **error)
{
  in->name = g_strdup (name != NULL ? name : "<data>");
  if (format == MTE_REFI_FORMAT_AUTO && is_zip (data, length))
    format = MTE_REFI_FORMAT_QDPX;
  if (format == MTE_REFI_FORMAT_QDPX)
    {
      g_autoptr (GBytes) bytes = NULL;
      g_autoptr (GBytes) qde = NULL;
      g_autofree char *where = NULL;
      gint index;

      if (!is_zip (data, length))
        {
          mte_format_error_set (error, MTE_FORMAT_ERROR_MALFORMED, in->name, 0, 0,
                                "not a REFI-QDA project archive (.qdpx is a zip file)");
          return FALSE;
        }
      bytes = g_bytes_new_static (data, length);
      in->zip = mte_zip_reader_new (bytes, in->name, error);
      if (in->zip == NULL)
        return FALSE;
      /* Every entry is inflated once, now, into nothing: a bomb or a
       * damaged entry refuses the file whether or not a selection would
       * have reached it. */
      for (guint i = 0; i < mte_zip_reader_get_n_entries (in->zip); i++)
        {
          const char *entry = mte_zip_reader_get_entry_name (in->zip, i);
          g_autoptr (GBytes) inflated = NULL;

          if (g_str_has_suffix (entry, "/"))
            continue;
          inflated = mte_zip_reader_read (in->zip, i, error);
          if (inflated == NULL)
            return FALSE;
        }
      index = find_qde (in->zip, in->name, error);
      if (index < 0)
        return FALSE;
      in->qde_name = g_strdup (mte_zip_reader_get_entry_name (in->zip, (guint) index));
      qde = mte_zip_reader_read (in->zip, (guint) index, error);
      if (qde == NULL)
        return FALSE;
      /* Messages about the XML name the entry inside the archive. */
      where = g_strdup_printf ("%s/%s", in->name, in->qde_name);
      in->doc = mte_refi_doc_parse (g_bytes_get_data (qde, NULL), g_bytes_get_size (qde), where, error);
      if (in->doc == NULL)
        return FALSE;
    }
  else
    {
      if (length > MTE_REFI_MAX_XML_BYTES)
        {
          mte_format_error_set (error, MTE_FORMAT_ERROR_TOO_LARGE, in->name, 0, 0,
                                "the document is larger than %u MiB", MTE_REFI_MAX_XML_BYTES >> 20);
          return FALSE;
        }
      in->doc = mte_refi_doc_parse (data, length, in->name, error);
      if (in->doc == NULL)
        return FALSE;
    }
  if (format == MTE_REFI_FORMAT_QDC && in->doc->kind != MTE_REFI_DOC_CODEBOOK)
    {
      mte_format_error_set (error, MTE_FORMAT_ERROR_MALFORMED, in->name, 1, 0,
                            "a project, not a codebook (.qdc)");
      return FALSE;
    }
  if ((format == MTE_REFI_FORMAT_QDE || format == MTE_REFI_FORMAT_QDPX) && in->doc->kind != MTE_REFI_DOC_PROJECT)
    {
      mte_format_error_set (error, MTE_FORMAT_ERROR_MALFORMED, in->name, 1, 0,
                            "a codebook, not a project (.qde)");
      return FALSE;
    }
  return TRUE;
}

/* The text of a source, normalised, or NULL with *why set to a reason. */
static char *
source_text (RefiInput           *in,
             const MteRefiSource *source,
             char               **why)
{
  const char *path = source->kind == MTE_REFI_SOURCE_PDF ? source->representation_path : source->path;
  g_autofree char *entry = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) local = NULL;
  char *text;
  gint index = -1;

  if (source->inline_text != NULL)
    {
      text = mte_refi_source_text_normalise (source->inline_text, strlen (source->inline_text), &local);
      if (text == NULL)
        *why = g_strdup (local->message);
      return text;
    }
  if (path == NULL)
    {
      *why = g_strdup (source->kind == MTE_REFI_SOURCE_PDF ? "the PDF has no text representation"
                                                           : "the source names no text file");
      return NULL;
    }
  entry = mte_refi_path_to_archive_name (path);
  if (entry == NULL)
    {
      *why = g_strdup_printf ("its text is outside the file (%s)", path);
      return NULL;
    }
  if (in->zip == NULL)
    {
      *why = g_strdup_printf ("a bare project document holds no source files (%s)", path);
      return NULL;
    }
  if (g_ascii_strncasecmp (path, "internal://", 11) == 0)
    {
      g_autofree char *under = g_strconcat ("sources/", entry, NULL);

      index = mte_zip_reader_find (in->zip, under, TRUE);
    }
  if (index < 0)
    index = mte_zip_reader_find (in->zip, entry, TRUE);
  if (index < 0)
    {
      *why = g_strdup_printf ("the archive does not hold it (%s)", path);
      return NULL;
    }
  bytes = mte_zip_reader_read (in->zip, (guint) index, &local);
  if (bytes == NULL)
    {
      *why = g_strdup (local->message);
      return NULL;
    }
  text = mte_refi_source_text_normalise (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &local);
  if (text == NULL)
    *why = g_strdup (local->message);
  return text;
}

/* ------------------------------------------------------------------ */
/* Resolving the mapping against the codebook                         */
/* ------------------------------------------------------------------ */

static void
collect_codes (GPtrArray *codes,
               GPtrArray *out)
{
  for (guint i = 0; i < codes->len; i++)
    {
      MteRefiCode *code = g_ptr_array_index (codes, i);

      g_ptr_array_add (out, code);
      collect_codes (code->children, out);
    }
}

/* The code a mapping names: a path "A/B/C" from the root, else a name
 * that exactly one code has. */
static MteRefiCode *
find_code (const MteRefiDoc *doc,
           GPtrArray        *all,
           const char       *wanted,
           GError          **error)
{
  MteRefiCode *found = NULL;
  guint matches = 0;

  for (guint i = 0; i < all->len; i++)
    {
      MteRefiCode *code = g_ptr_array_index (all, i);
      g_autofree char *path = mte_refi_code_dup_path (code);

      if (strcmp (path, wanted) == 0)
        return code;
    }
  for (guint i = 0; i < all->len; i++)
    {
      MteRefiCode *code = g_ptr_array_index (all, i);
      g_autofree char *trimmed = g_strstrip (g_strdup (code->name));

      if (strcmp (trimmed, wanted) == 0)
        {
          if (found == NULL)
            found = code;
          matches++;
        }
    }
  if (matches > 1)
    {
      g_autofree char *a = mte_refi_code_dup_path (found);

      mte_set_error (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_INVALID_VALUE,
                     "%u codes are named '%s' (one is '%s'): name the code by its path",
                     matches, wanted, a);
      return NULL;
    }
  (void) doc;
  return found;
}

static void
mark_subtree (GHashTable  *roles,
              MteRefiCode *code,
              MteRefiRole  role,
              gboolean     include_root)
{
  if (include_root && !g_hash_table_contains (roles, code))
    g_hash_table_insert (roles, code, GINT_TO_POINTER (role + 1));
  for (guint i = 0; i < code->children->len; i++)
    mark_subtree (roles, g_ptr_array_index (code->children, i), role, TRUE);
}

/* ------------------------------------------------------------------ */
/* Applying                                                           */
/* ------------------------------------------------------------------ */

typedef struct {
  MteProject *project;
  const MteRefiMapping *mapping;
  RefiInput *in;
  MteRefiReport *report;
  GPtrArray *added;             /* ids added to the project, in order */
  GPtrArray *all_codes;         /* MteRefiCode*, borrowed */
  MteRefiCode *role_code[N_ROLES];
  gboolean whole_codebook[N_ROLES]; /* the role's code is "/" */
  GHashTable *code_role;        /* MteRefiCode* -> role + 1 */
  GHashTable *concept_of;       /* MteRefiCode* -> concept id (owned) */
  GHashTable *third_of;         /* MteRefiCode* -> third-order id (owned) */
  GHashTable *member_of;        /* lower-case user GUID -> member id (owned) */
  GHashTable *entity_of;        /* lower-case GUID of a source, selection or code -> entity id */
  GHashTable *note_done;        /* lower-case note GUID -> GINT_TO_POINTER (1) */
  GHashTable *variable_name;    /* lower-case variable GUID -> name (borrowed) */
  GHashTable *code_uses;        /* MteRefiCode* -> GUINT count of text selections */
  GHashTable *notes;            /* lower-case note GUID -> MteRefiNote*, borrowed */
  GHashTable *link_origins;     /* lower-case GUIDs links start from (a set) */
  GHashTable *note_links;       /* lower-case note GUID -> GPtrArray of the GUIDs linked to it */
  gboolean metaethno_origin;
  gint64 modified;              /* the project's, restored by a roll-back */
  GArray *records;              /* RecordWas: records this import included */
  guint n_made[8];
} Import;

enum { MADE_MEMBERS, MADE_STUDIES, MADE_QUOTES, MADE_INTERPRETATIONS, MADE_CONCEPTS,
       MADE_THIRD, MADE_LINKS, MADE_MEMOS };

static char *
lower (const char *guid)
{
  return guid != NULL ? g_ascii_strdown (guid, -1) : NULL;
}

static void
remember (Import     *im,
          const char *id)
{
  g_ptr_array_add (im->added, g_strdup (id));
}

/* A record's decision before the import included it, to undo. */
typedef struct {
  char *id;
  MteRecordFate fate;
  char *reason;
  char *decided_by;
  gint64 decided;
} RecordWas;

static void
record_was_clear (gpointer data)
{
  RecordWas *was = data;

  g_free (was->id);
  g_free (was->reason);
  g_free (was->decided_by);
}

static void
roll_back (Import *im)
{
  /* Records first: they point at the studies removed below. */
  for (guint i = im->records != NULL ? im->records->len : 0; i > 0; i--)
    {
      const RecordWas *was = &g_array_index (im->records, RecordWas, i - 1);
      MteRecord *record = mte_project_lookup_record (im->project, was->id);

      if (record == NULL ||
          !mte_record_set_fate (record, was->fate, NULL,
                                was->fate == MTE_FATE_UNSCREENED ? NULL : was->reason,
                                was->decided_by, was->decided, NULL))
        g_warning ("could not undo the inclusion of record '%s'", was->id);
    }
  if (im->records != NULL)
    g_array_set_size (im->records, 0);
  for (guint i = im->added->len; i > 0; i--)
    {
      const char *id = g_ptr_array_index (im->added, i - 1);

      if (mte_project_lookup (im->project, id) != NULL &&
          !mte_project_remove (im->project, id, MTE_REMOVE_CASCADE, NULL))
        g_warning ("could not undo the import of '%s'", id);
    }
  g_ptr_array_set_size (im->added, 0);
  mte_project_set_modified (im->project, im->modified);
}

static MteRefiRole
role_of (Import            *im,
         const MteRefiCode *code)
{
  gpointer v = g_hash_table_lookup (im->code_role, code);

  return v != NULL ? (MteRefiRole) (GPOINTER_TO_INT (v) - 1) : (MteRefiRole) -1;
}

static gboolean
resolve_mapping (Import  *im,
                 GError **error)
{
  const MteRefiMapping *m = im->mapping;
  guint resolved = 0;
  guint named = 0;

  im->all_codes = g_ptr_array_new ();
  collect_codes (im->in->doc->codes, im->all_codes);
  im->code_role = g_hash_table_new (NULL, NULL);
  for (guint r = 0; r < N_ROLES; r++)
    {
      g_autoptr (GError) local = NULL;

      if (m->codes[r] == NULL)
        continue;
      named++;
      /* "/": the codebook's root, for flat codebooks. */
      if (strcmp (m->codes[r], "/") == 0)
        {
          im->whole_codebook[r] = TRUE;
          resolved += im->in->doc->codes->len > 0;
          continue;
        }
      im->role_code[r] = find_code (im->in->doc, im->all_codes, m->codes[r], &local);
      if (local != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
      if (im->role_code[r] == NULL && m->chosen[r])
        {
          mte_set_error (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_NOT_FOUND,
                         "%s: no code '%s' for %s in the codebook (see the codebook with --dry-run)",
                         im->in->name, m->codes[r], role_keys[r]);
          return FALSE;
        }
      if (im->role_code[r] != NULL)
        resolved++;
    }
  if (resolved == 0 && im->all_codes->len > 0)
    {
      mte_set_error (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_NOT_FOUND,
                     "%s: none of its %u codes is mapped%s: choose a mapping "
                     "(first-order, second-order, concepts, third-order codes; "
                     "see the codebook with --dry-run)",
                     im->in->name, im->all_codes->len,
                     named == N_ROLES ? " under the metaethno convention" : "");
      return FALSE;
    }
  /* The order roles take their subtree; concepts and third-order
   * constructs are the codes under theirs. A code under two roles keeps
   * the first found in this order. */
  for (guint r = 0; r < N_ROLES; r++)
    {
      if (im->role_code[r] != NULL)
        mark_subtree (im->code_role, im->role_code[r], (MteRefiRole) r,
                      r == MTE_REFI_ROLE_FIRST_ORDER || r == MTE_REFI_ROLE_SECOND_ORDER);
      for (guint i = 0; im->whole_codebook[r] && i < im->in->doc->codes->len; i++)
        mark_subtree (im->code_role, g_ptr_array_index (im->in->doc->codes, i), (MteRefiRole) r, TRUE);
    }
  return TRUE;
}

/* Members from users: the same name is the same member. */
static gboolean
import_users (Import  *im,
              GError **error)
{
  for (guint i = 0; i < im->in->doc->users->len; i++)
    {
      const MteRefiUser *user = g_ptr_array_index (im->in->doc->users, i);
      const char *name = user->name != NULL && *user->name != '\0' ? user->name : user->guid;
      MteMember *member = NULL;

      if (user->guid == NULL || name == NULL)
        {
          mte_refi_loss (im->report, "users", "a user without a GUID cannot be referred to",
                         "line %u", user->line);
          continue;
        }
      for (guint j = 0; j < mte_project_get_n_members (im->project) && member == NULL; j++)
        if (g_strcmp0 (mte_member_get_name (mte_project_get_member (im->project, j)), name) == 0)
          member = mte_project_get_member (im->project, j);
      if (member == NULL)
        {
          member = mte_project_add_member (im->project, NULL, name, NULL, error);
          if (member == NULL)
            return FALSE;
          remember (im, mte_member_get_id (member));
          im->n_made[MADE_MEMBERS]++;
        }
      g_hash_table_insert (im->member_of, lower (user->guid), g_strdup (mte_member_get_id (member)));
    }
  return TRUE;
}

static const char *
member_id (Import     *im,
           const char *guid)
{
  g_autofree char *key = lower (guid);

  return key != NULL ? g_hash_table_lookup (im->member_of, key) : NULL;
}

static gboolean import_note_refs (Import     *im,
                                  GPtrArray  *note_refs,
                                  const char *subject_id,
                                  GError    **error);

static gboolean
import_codes (Import  *im,
              GError **error)
{
  for (guint i = 0; i < im->all_codes->len; i++)
    {
      MteRefiCode *code = g_ptr_array_index (im->all_codes, i);
      MteRefiRole role = role_of (im, code);
      g_autofree char *label = g_strstrip (g_strdup (code->name != NULL ? code->name : ""));
      g_autofree char *path = NULL;

      if ((role == MTE_REFI_ROLE_CONCEPTS || role == MTE_REFI_ROLE_THIRD_ORDER) && !code->codable)
        {
          /* A code that cannot be applied only groups others (QualCoder's
           * categories): its children are read, it is not a concept. */
          path = mte_refi_code_dup_path (code);
          mte_refi_loss (im->report, "category codes",
                         "a code that cannot be applied groups others; the codes under it were read",
                         "line %u: '%s'", code->line, path);
          continue;
        }
      if (role == MTE_REFI_ROLE_CONCEPTS)
        {
          MteConcept *concept = NULL;

          if (*label == '\0')
            {
              mte_refi_loss (im->report, "unnamed codes", "a key concept needs a label",
                             "line %u", code->line);
              continue;
            }
          /* A concept already in the project under this label is the
           * same concept: importing coding twice does not double it. */
          for (guint j = 0; j < mte_project_get_n_concepts (im->project) && concept == NULL; j++)
            if (g_strcmp0 (mte_concept_get_label (mte_project_get_concept (im->project, j)), label) == 0)
              concept = mte_project_get_concept (im->project, j);
          if (concept == NULL)
            {
              concept = mte_project_add_concept (im->project, NULL, label, error);
              if (concept == NULL)
                return FALSE;
              remember (im, mte_concept_get_id (concept));
              if (code->description != NULL && *code->description != '\0' &&
                  !mte_concept_set_definition (concept, code->description, error))
                return FALSE;
              im->n_made[MADE_CONCEPTS]++;
            }
          g_hash_table_insert (im->concept_of, code, g_strdup (mte_concept_get_id (concept)));
          if (!import_note_refs (im, code->note_refs, mte_concept_get_id (concept), error))
            return FALSE;
          if (code->guid != NULL)
            g_hash_table_insert (im->entity_of, lower (code->guid), g_strdup (mte_concept_get_id (concept)));
        }
      else if (role == MTE_REFI_ROLE_THIRD_ORDER)
        {
          MteThirdOrder *third;

          if (*label == '\0')
            {
              mte_refi_loss (im->report, "unnamed codes", "a third-order construct needs a label",
                             "line %u", code->line);
              continue;
            }
          third = mte_project_add_third_order (im->project, NULL, label, error);
          if (third == NULL)
            return FALSE;
          remember (im, mte_third_order_get_id (third));
          if (code->description != NULL && *code->description != '\0' &&
              !mte_third_order_set_statement (third, code->description, error))
            return FALSE;
          im->n_made[MADE_THIRD]++;
          g_hash_table_insert (im->third_of, code, g_strdup (mte_third_order_get_id (third)));
          if (!import_note_refs (im, code->note_refs, mte_third_order_get_id (third), error))
            return FALSE;
          if (code->guid != NULL)
            g_hash_table_insert (im->entity_of, lower (code->guid), g_strdup (mte_third_order_get_id (third)));
        }
      else if ((int) role < 0)
        {
          gboolean is_role_root = FALSE;

          for (guint r = 0; r < N_ROLES; r++)
            is_role_root |= im->role_code[r] == code;
          if (is_role_root)
            continue;
          path = mte_refi_code_dup_path (code);
          mte_refi_loss (im->report, "unmapped codes",
                         "the code is under none of the mapped codes, so its codings are not carried",
                         "line %u: '%s' (%u text selections)", code->line, path,
                         GPOINTER_TO_UINT (g_hash_table_lookup (im->code_uses, code)));
        }
    }
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Studies                                                            */
/* ------------------------------------------------------------------ */

/* "Data collection" -> "data-collection". */
static char *
field_key (const char *name)
{
  GString *out = g_string_new (NULL);

  for (const char *p = name; *p != '\0'; p++)
    out = g_string_append_c (out, *p == ' ' || *p == '_' ? '-' : g_ascii_tolower (*p));
  return g_string_free (out, FALSE);
}

static gboolean
set_study_value (Import     *im,
                 MteStudy   *study,
                 const char *variable,
                 const char *value,
                 guint       line,
                 GError    **error)
{
  g_autofree char *key = field_key (variable);
  int field = mte_study_field_from_string (key);
  g_autoptr (GError) local = NULL;

  if (value == NULL || *value == '\0')
    return TRUE;
  if (strcmp (key, "id") == 0)
    return TRUE;                /* used when the study was made */
  if (field >= 0)
    return mte_study_set_field (study, (MteStudyField) field, value, error);
  if (strcmp (key, "authors") == 0)
    {
      g_auto (GStrv) parts = g_strsplit (value, ";", -1);
      g_autoptr (GPtrArray) authors = g_ptr_array_new ();

      for (guint i = 0; parts[i] != NULL; i++)
        if (*g_strstrip (parts[i]) != '\0')
          g_ptr_array_add (authors, parts[i]);
      g_ptr_array_add (authors, NULL);
      return mte_study_set_authors (study, (const char * const *) authors->pdata, error);
    }
  if (strcmp (key, "year") == 0 || strcmp (key, "sample-size") == 0)
    {
      char *end = NULL;
      long n = strtol (value, &end, 10);

      if (end != value && *end == '\0' && n > 0 && n < (strcmp (key, "year") == 0 ? 10000 : G_MAXINT))
        {
          if (strcmp (key, "year") == 0)
            return mte_study_set_year (study, (int) n, error);
          mte_study_set_sample_size (study, (guint) n);
          return TRUE;
        }
      mte_refi_loss (im->report, "variable values", "the value does not fit the study field",
                     "line %u: %s = '%s'", line, variable, value);
      return TRUE;
    }
  /* Any other variable is kept as an attribute of the study. */
  if (!mte_study_set_attribute (study, variable, value, &local))
    mte_refi_loss (im->report, "variable values", "the study cannot hold it as an attribute",
                   "line %u: %s: %s", line, variable, local->message);
  return TRUE;
}

static MteStudy *
find_existing_study (Import     *im,
                     const char *doi,
                     const char *title)
{
  for (guint i = 0; i < mte_project_get_n_studies (im->project); i++)
    {
      MteStudy *study = mte_project_get_study (im->project, i);
      const char *d = mte_study_get_field (study, MTE_STUDY_DOI);
      const char *t = mte_study_get_field (study, MTE_STUDY_TITLE);

      if (doi != NULL && d != NULL && g_ascii_strcasecmp (doi, d) == 0)
        return study;
      if (doi == NULL && title != NULL && t != NULL)
        {
          g_autofree char *a = g_utf8_casefold (title, -1);
          g_autofree char *b = g_utf8_casefold (t, -1);

          if (strcmp (a, b) == 0)
            return study;
        }
    }
  return NULL;
}

/* A record found by the searches with the same DOI, or else the same
 * title (case ignored). */
static MteRecord *
find_record (Import     *im,
             const char *doi,
             const char *title)
{
  g_autofree char *wanted = title != NULL ? g_utf8_casefold (title, -1) : NULL;

  for (guint i = 0; i < mte_project_get_n_records (im->project); i++)
    {
      MteRecord *record = mte_project_get_record (im->project, i);
      const char *d = mte_record_get_field (record, MTE_RECORD_DOI);
      const char *t = mte_record_get_field (record, MTE_RECORD_TITLE);

      if (mte_record_get_fate (record) == MTE_FATE_DUPLICATE)
        continue;
      if (doi != NULL && d != NULL && g_ascii_strcasecmp (doi, d) == 0)
        return record;
      if (doi == NULL && wanted != NULL && t != NULL)
        {
          g_autofree char *b = g_utf8_casefold (t, -1);

          if (strcmp (wanted, b) == 0)
            return record;
        }
    }
  return NULL;
}

static const char *
value_of (Import    *im,
          GPtrArray *values,
          const char *key)
{
  for (guint i = 0; values != NULL && i < values->len; i++)
    {
      const MteRefiVariableValue *v = g_ptr_array_index (values, i);
      g_autofree char *guid = lower (v->variable_guid);
      const char *name = guid != NULL ? g_hash_table_lookup (im->variable_name, guid) : NULL;
      g_autofree char *k = name != NULL ? field_key (name) : NULL;

      if (k != NULL && strcmp (k, key) == 0)
        return v->value;
    }
  return NULL;
}

/* Makes (or, with match-existing, finds) the study for a source or case. */
static MteStudy *
make_study (Import     *im,
            const char *name,
            GPtrArray  *values,
            GPtrArray  *more_values,
            gboolean   *made,
            GError    **error)
{
  const char *wanted_id = value_of (im, values, "id");
  const char *title = value_of (im, values, "title");
  const char *doi = value_of (im, values, "doi");
  MteStudy *study = NULL;
  MteRecord *record = NULL;
  g_autofree char *id = NULL;

  if (title == NULL)
    title = value_of (im, more_values, "title");
  if (doi == NULL)
    doi = value_of (im, more_values, "doi");
  *made = FALSE;
  if (im->mapping->match_existing)
    {
      study = find_existing_study (im, doi, title != NULL ? title : name);
      if (study == NULL)
        record = find_record (im, doi, title != NULL ? title : name);
      /* A record already included reports its study: that is the one. */
      if (record != NULL && mte_record_get_fate (record) == MTE_FATE_INCLUDED)
        study = mte_record_get_study (record);
      else if (record != NULL && mte_record_get_fate (record) != MTE_FATE_UNSCREENED &&
               mte_record_get_fate (record) != MTE_FATE_SOUGHT)
        {
          mte_refi_loss (im->report, "matches with screened-out records",
                         "the record was removed or excluded in screening, so the source was not "
                         "linked to it (it became a study of its own)",
                         "'%s' matches record %s (%s)", name, mte_record_get_id (record),
                         mte_record_fate_to_string (mte_record_get_fate (record)));
          record = NULL;
        }
    }
  if (study != NULL)
    return study;
  if (wanted_id != NULL && mte_project_lookup (im->project, wanted_id) == NULL)
    id = g_strdup (wanted_id);
  else
    id = mte_project_generate_slug_id (im->project, name, "study");
  study = mte_project_add_study (im->project, id, NULL);
  if (study == NULL)            /* not a valid id after all */
    {
      g_free (id);
      id = mte_project_generate_slug_id (im->project, name, "study");
      study = mte_project_add_study (im->project, id, error);
      if (study == NULL)
        return NULL;
    }
  remember (im, mte_study_get_id (study));
  *made = TRUE;
  im->n_made[MADE_STUDIES]++;
  /* The record the source reports, found by the searches: now included,
   * reporting this study (undone with the import). */
  if (record != NULL)
    {
      RecordWas was = { 0 };
      MteMember *by = mte_record_get_decided_by (record);

      was.id = g_strdup (mte_record_get_id (record));
      was.fate = mte_record_get_fate (record);
      was.reason = g_strdup (mte_record_get_reason (record));
      was.decided_by = by != NULL ? g_strdup (mte_member_get_id (by)) : NULL;
      was.decided = mte_record_get_decided (record);
      if (!mte_record_set_fate (record, MTE_FATE_INCLUDED, mte_study_get_id (study), NULL, NULL,
                                mte_record_get_decided (record), error))
        {
          record_was_clear (&was);
          return NULL;
        }
      g_array_append_val (im->records, was);
      mte_refi_made (im->report, "records included", 1);
    }
  if (title == NULL && name != NULL &&
      !mte_study_set_field (study, MTE_STUDY_TITLE, name, error))
    return NULL;
  for (guint pass = 0; pass < 2; pass++)
    {
      GPtrArray *vs = pass == 0 ? values : more_values;

      for (guint i = 0; vs != NULL && i < vs->len; i++)
        {
          const MteRefiVariableValue *v = g_ptr_array_index (vs, i);
          g_autofree char *guid = lower (v->variable_guid);
          const char *variable = guid != NULL ? g_hash_table_lookup (im->variable_name, guid) : NULL;

          if (variable == NULL)
            {
              mte_refi_loss (im->report, "variable values", "the value names no variable of the project",
                             "line %u", v->line);
              continue;
            }
          if (pass == 1 && value_of (im, values, variable) != NULL)
            continue;
          if (!set_study_value (im, study, variable, v->value, v->line, error))
            return NULL;
        }
    }
  return study;
}

/* ------------------------------------------------------------------ */
/* Selections                                                         */
/* ------------------------------------------------------------------ */

typedef struct {
  MteRefiSelection *selection;
  char *construct_id;
  MteConstructOrder order;
  GPtrArray *concepts;          /* concept ids (borrowed from concept_of) */
} Made;

static void
made_free (gpointer data)
{
  Made *m = data;

  g_free (m->construct_id);
  g_ptr_array_unref (m->concepts);
  g_free (m);
}

static const char *
source_kind_name (MteRefiSourceKind kind)
{
  switch (kind)
    {
    case MTE_REFI_SOURCE_TEXT: return "text";
    case MTE_REFI_SOURCE_PDF: return "PDF";
    case MTE_REFI_SOURCE_PICTURE: return "picture";
    case MTE_REFI_SOURCE_AUDIO: return "audio";
    case MTE_REFI_SOURCE_VIDEO: return "video";
    default: return "other";
    }
}

static gboolean
add_memo (Import      *im,
          const char  *subject_id,
          const char  *author_guid,
          gint64       created,
          const char  *text,
          GError     **error)
{
  MteMemo *memo;

  memo = mte_project_add_memo (im->project, NULL, subject_id, member_id (im, author_guid), text, error);
  if (memo == NULL)
    return FALSE;
  mte_memo_set_created (memo, created);
  remember (im, mte_memo_get_id (memo));
  im->n_made[MADE_MEMOS]++;
  return TRUE;
}

static const MteRefiNote *
find_note (Import     *im,
           const char *guid)
{
  g_autofree char *key = lower (guid);

  return key != NULL ? g_hash_table_lookup (im->notes, key) : NULL;
}

/* The notes an object refers to become memos about @subject_id. */
static gboolean
import_note_refs (Import     *im,
                  GPtrArray  *note_refs,
                  const char *subject_id,
                  GError    **error)
{
  for (guint i = 0; note_refs != NULL && i < note_refs->len; i++)
    {
      const char *guid = g_ptr_array_index (note_refs, i);
      const MteRefiNote *note = find_note (im, guid);
      g_autofree char *key = lower (guid);

      if (note == NULL || g_hash_table_contains (im->note_done, key))
        continue;
      if (note->text == NULL || *note->text == '\0')
        continue;               /* counted with the notes below */
      if (!add_memo (im, subject_id, note->creator_guid, note->created, note->text, error))
        return FALSE;
      g_hash_table_insert (im->note_done, g_steal_pointer (&key), GINT_TO_POINTER (1));
    }
  return TRUE;
}

typedef struct {
  char *id;
  char *page;
  char *section;
  char *speaker;
} Heading;

static void
heading_free (Heading *h)
{
  g_free (h->id);
  g_free (h->page);
  g_free (h->section);
  g_free (h->speaker);
  g_free (h);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Heading, heading_free)

/* The heading line a metaethno export writes before each construct
 * (docs/refi.md): "[ID] first order, p. PAGE, section: SECTION, speaker:
 * SPEAKER", each part after the order only when recorded. NULL when the
 * line before @start is not one. */
static Heading *
parse_heading (const char *text,
               guint64     start)
{
  const char *at, *end, *begin, *close, *p;
  gsize offset;
  g_autoptr (Heading) h = NULL;
  const char *parts[] = { ", p. ", ", section: ", ", speaker: " };
  const char *found[G_N_ELEMENTS (parts)] = { NULL };

  if (!mte_refi_source_offset (text, start, &offset))
    return NULL;
  at = text + offset;
  if (at <= text || at[-1] != '\n')
    return NULL;
  end = at - 1;
  for (begin = end; begin > text && begin[-1] != '\n'; begin--)
    ;
  if (*begin != '[' || (close = memchr (begin, ']', (gsize) (end - begin))) == NULL)
    return NULL;
  p = close + 1;
  if (end - p >= 12 && strncmp (p, " first order", 12) == 0)
    p += 12;
  else if (end - p >= 13 && strncmp (p, " second order", 13) == 0)
    p += 13;
  else
    return NULL;
  h = g_new0 (Heading, 1);
  h->id = g_strndup (begin + 1, (gsize) (close - begin - 1));
  /* The parts come in a fixed order; each runs to the next one found. */
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      const char *from = p;

      for (guint j = 0; j < i; j++)
        if (found[j] != NULL)
          from = found[j];
      found[i] = g_strstr_len (from, end - from, parts[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      const char *stop = end;
      char **slot = i == 0 ? &h->page : i == 1 ? &h->section : &h->speaker;

      if (found[i] == NULL)
        continue;
      for (guint j = i + 1; j < G_N_ELEMENTS (parts); j++)
        if (found[j] != NULL && found[j] < stop)
          stop = found[j];
      *slot = g_strndup (found[i] + strlen (parts[i]), (gsize) (stop - found[i] - strlen (parts[i])));
    }
  return g_steal_pointer (&h);
}

static gboolean
import_source_selections (Import              *im,
                          const MteRefiSource *source,
                          MteStudy            *study,
                          GError             **error)
{
  g_autofree char *why = NULL;
  g_autofree char *text = NULL;
  g_autoptr (GPtrArray) made = g_ptr_array_new_with_free_func (made_free);
  const char *sname = source->name != NULL ? source->name : "";
  gboolean have_links = FALSE;

  mte_refi_loss_n (im->report, "media and PDF-region selections",
                   "only selections of text can become constructs", source->n_other_selections,
                   "line %u: %u in %s source '%s'", source->line, source->n_other_selections,
                   source_kind_name (source->kind), sname);
  if (source->codings != NULL)
    mte_refi_loss_n (im->report, "codings of whole sources",
                     "a code applied to a whole source marks no words of it", source->codings->len,
                     "line %u: %u on source '%s'", source->line, source->codings->len, sname);
  if (source->selections->len == 0)
    return TRUE;
  text = source_text (im->in, source, &why);
  if (text == NULL)
    {
      mte_refi_loss_n (im->report, "selections of unresolvable sources",
                       "the source's text is not in the file, so the selected words cannot be copied",
                       source->selections->len,
                       "line %u: %u in source '%s': %s", source->line, source->selections->len, sname, why);
      return TRUE;
    }

  for (guint i = 0; i < source->selections->len; i++)
    {
      MteRefiSelection *sel = g_ptr_array_index (source->selections, i);
      gboolean first = FALSE, second = FALSE;
      g_autoptr (GPtrArray) concepts = g_ptr_array_new ();
      g_autoptr (GPtrArray) thirds = g_ptr_array_new ();
      g_autofree char *words = NULL;
      g_autofree char *location = NULL;
      g_autofree char *wanted_id = NULL;
      const char *sel_name = sel->name != NULL ? sel->name : "";
      g_autoptr (Heading) heading = NULL;
      MteConstruct *construct;
      Made *m;

      for (guint c = 0; c < sel->codings->len; c++)
        {
          const MteRefiCoding *coding = g_ptr_array_index (sel->codings, c);
          MteRefiCode *code = coding->code_guid != NULL ? mte_refi_doc_lookup_code (im->in->doc, coding->code_guid) : NULL;
          MteRefiRole role;

          if (code == NULL)
            {
              mte_refi_loss (im->report, "codings of unknown codes", "the coding names no code of the codebook",
                             "line %u: in source '%s'", coding->line, sname);
              continue;
            }
          role = role_of (im, code);
          if (role == MTE_REFI_ROLE_FIRST_ORDER)
            first = TRUE;
          else if (role == MTE_REFI_ROLE_SECOND_ORDER)
            second = TRUE;
          else if (role == MTE_REFI_ROLE_CONCEPTS && g_hash_table_contains (im->concept_of, code))
            g_ptr_array_add (concepts, g_hash_table_lookup (im->concept_of, code));
          else if (role == MTE_REFI_ROLE_THIRD_ORDER && g_hash_table_contains (im->third_of, code))
            g_ptr_array_add (thirds, g_hash_table_lookup (im->third_of, code));
        }
      if (first == second)
        {
          mte_refi_loss (im->report, first ? "selections coded as both orders" : "selections of no construct order",
                         first ? "a construct is either participants' words or the authors' interpretation"
                               : "the selection is coded with neither the first- nor the second-order code",
                         "line %u: '%s' in source '%s' (%" G_GUINT64_FORMAT "-%" G_GUINT64_FORMAT ")",
                         sel->line, sel_name, sname, sel->start, sel->end);
          continue;
        }
      if (!mte_refi_source_select (text, sel->start, sel->end, &words))
        {
          mte_refi_loss (im->report, "selections outside their text",
                         "the positions fall outside the source's text",
                         "line %u: '%s' in source '%s' (%" G_GUINT64_FORMAT "-%" G_GUINT64_FORMAT ")",
                         sel->line, sel_name, sname, sel->start, sel->end);
          continue;
        }
      if (*g_strstrip (words) == '\0')
        {
          mte_refi_loss (im->report, "empty selections", "the selected words are only white space",
                         "line %u: '%s' in source '%s'", sel->line, sel_name, sname);
          continue;
        }
      /* A metaethno export heads each construct with "[ID] first order,
       * p. PAGE, section: SECTION, speaker: SPEAKER" on the line before. */
      if (im->metaethno_origin)
        heading = parse_heading (text, sel->start);
      if (heading != NULL && mte_project_lookup (im->project, heading->id) == NULL)
        wanted_id = g_strdup (heading->id);
      construct = wanted_id != NULL
                  ? mte_study_add_construct (study, wanted_id, first ? MTE_CONSTRUCT_FIRST_ORDER : MTE_CONSTRUCT_SECOND_ORDER, words, NULL)
                  : NULL;
      if (construct == NULL)
        construct = mte_study_add_construct (study, NULL, first ? MTE_CONSTRUCT_FIRST_ORDER : MTE_CONSTRUCT_SECOND_ORDER,
                                             words, error);
      if (construct == NULL)
        return FALSE;
      remember (im, mte_construct_get_id (construct));
      im->n_made[first ? MADE_QUOTES : MADE_INTERPRETATIONS]++;
      if (heading != NULL)
        {
          /* The export names a selection by the construct's label, or
           * by its id when it has none. */
          if ((heading->page != NULL && !mte_construct_set_page (construct, heading->page, error)) ||
              (heading->section != NULL && !mte_construct_set_section (construct, heading->section, error)) ||
              (heading->speaker != NULL && first &&
               !mte_construct_set_speaker (construct, heading->speaker, error)) ||
              (*sel_name != '\0' && strcmp (sel_name, heading->id) != 0 &&
               !mte_construct_set_label (construct, sel_name, error)))
            return FALSE;
        }
      else
        {
          location = g_strdup_printf ("%s, characters %" G_GUINT64_FORMAT "-%" G_GUINT64_FORMAT,
                                      sname, sel->start, sel->end);
          if (!mte_construct_set_section (construct, location, error))
            return FALSE;
        }
      if (!im->metaethno_origin)
        {
          if (*sel_name != '\0' && strcmp (sel_name, words) != 0 &&
              !mte_construct_set_label (construct, sel_name, error))
            return FALSE;
          if (sel->description != NULL && *sel->description != '\0' &&
              !add_memo (im, mte_construct_get_id (construct), sel->creator_guid, sel->created,
                         sel->description, error))
            return FALSE;
        }
      if (sel->guid != NULL)
        g_hash_table_insert (im->entity_of, lower (sel->guid), g_strdup (mte_construct_get_id (construct)));
      for (guint c = 0; c < concepts->len; c++)
        {
          const char *concept_id = g_ptr_array_index (concepts, c);

          if (second &&
              !mte_concept_add_expression (mte_project_lookup_concept (im->project, concept_id),
                                           mte_construct_get_id (construct), error))
            return FALSE;
        }
      for (guint c = 0; c < thirds->len; c++)
        if (!mte_third_order_add_basis (mte_project_lookup_third_order (im->project, g_ptr_array_index (thirds, c)),
                                        mte_construct_get_id (construct), error))
          return FALSE;
      if (!import_note_refs (im, sel->note_refs, mte_construct_get_id (construct), error))
        return FALSE;
      m = g_new0 (Made, 1);
      m->selection = sel;
      m->construct_id = g_strdup (mte_construct_get_id (construct));
      m->order = first ? MTE_CONSTRUCT_FIRST_ORDER : MTE_CONSTRUCT_SECOND_ORDER;
      m->concepts = g_ptr_array_ref (concepts);
      g_ptr_array_add (made, m);
    }

  /* Groundings: links between this source's selections say which quotes
   * ground which interpretation; without any, a quote grounds the
   * interpretations of its source that share a concept code with it. */
  for (guint i = 0; i < made->len && !have_links; i++)
    {
      const Made *m = g_ptr_array_index (made, i);
      g_autofree char *key = lower (m->selection->guid);

      have_links = key != NULL && g_hash_table_contains (im->link_origins, key);
    }
  if (!have_links)
    for (guint i = 0; i < made->len; i++)
      {
        const Made *interp = g_ptr_array_index (made, i);

        if (interp->order != MTE_CONSTRUCT_SECOND_ORDER)
          continue;
        for (guint j = 0; j < made->len; j++)
          {
            const Made *quote = g_ptr_array_index (made, j);
            gboolean shared = FALSE;

            if (quote->order != MTE_CONSTRUCT_FIRST_ORDER)
              continue;
            for (guint a = 0; a < interp->concepts->len && !shared; a++)
              for (guint b = 0; b < quote->concepts->len && !shared; b++)
                shared = strcmp (g_ptr_array_index (interp->concepts, a),
                                 g_ptr_array_index (quote->concepts, b)) == 0;
            if (!shared)
              continue;
            if (!mte_construct_add_grounding (mte_project_lookup_construct (im->project, interp->construct_id),
                                              quote->construct_id, error))
              return FALSE;
            mte_refi_made (im->report, "groundings by shared concept codes", 1);
          }
      }
  return TRUE;
}

static gboolean
import_sources (Import  *im,
                GError **error)
{
  MteRefiDoc *doc = im->in->doc;
  g_autoptr (GHashTable) study_of_source = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  /* Per case: the case's sources share its study. */
  if (im->mapping->unit == MTE_REFI_STUDY_PER_CASE)
    for (guint i = 0; i < doc->cases->len; i++)
      {
        const MteRefiCase *c = g_ptr_array_index (doc->cases, i);
        MteStudy *study;
        gboolean made;

        if (c->source_guids->len == 0)
          {
            mte_refi_loss (im->report, "cases without sources", "a case that holds no source is no paper",
                           "line %u: '%s'", c->line, c->name != NULL ? c->name : "");
            continue;
          }
        study = make_study (im, c->name != NULL ? c->name : "case", c->variable_values, NULL, &made, error);
        if (study == NULL)
          return FALSE;
        for (guint s = 0; s < c->source_guids->len; s++)
          {
            g_autofree char *key = lower (g_ptr_array_index (c->source_guids, s));

            if (g_hash_table_contains (study_of_source, key))
              mte_refi_loss (im->report, "sources in several cases",
                             "a source belongs to the study of its first case only",
                             "line %u: case '%s'", c->line, c->name != NULL ? c->name : "");
            else
              g_hash_table_insert (study_of_source, g_steal_pointer (&key), g_strdup (mte_study_get_id (study)));
          }
        if (c->code_guids != NULL)
          mte_refi_loss_n (im->report, "codings of cases", "a code applied to a whole case marks no words",
                           c->code_guids->len,
                           "line %u: %u on case '%s'", c->line, c->code_guids->len, c->name != NULL ? c->name : "");
      }

  for (guint i = 0; i < doc->sources->len; i++)
    {
      const MteRefiSource *source = g_ptr_array_index (doc->sources, i);
      g_autofree char *key = lower (source->guid);
      const char *study_id = key != NULL ? g_hash_table_lookup (study_of_source, key) : NULL;
      const char *sname = source->name != NULL && *source->name != '\0' ? source->name : "source";
      MteStudy *study = NULL;
      gboolean made = FALSE;

      if (source->kind != MTE_REFI_SOURCE_TEXT && source->kind != MTE_REFI_SOURCE_PDF)
        {
          mte_refi_loss (im->report, "picture, audio and video sources",
                         "a study is made from text only",
                         "line %u: %s source '%s'", source->line,
                         source_kind_name (source->kind), sname);
          mte_refi_loss_n (im->report, "media and PDF-region selections",
                           "only selections of text can become constructs", source->n_other_selections,
                           "line %u: %u in %s source '%s'", source->line, source->n_other_selections,
                           source_kind_name (source->kind), sname);
          continue;
        }
      if (study_id != NULL)
        study = mte_project_lookup_study (im->project, study_id);
      else
        {
          GPtrArray *case_values = NULL;

          /* The first case holding this source lends its variables. */
          for (guint c = 0; c < doc->cases->len && case_values == NULL; c++)
            {
              const MteRefiCase *cs = g_ptr_array_index (doc->cases, c);

              for (guint s = 0; s < cs->source_guids->len; s++)
                if (source->guid != NULL &&
                    g_ascii_strcasecmp (g_ptr_array_index (cs->source_guids, s), source->guid) == 0)
                  case_values = cs->variable_values;
            }
          study = make_study (im, sname, case_values, source->variable_values, &made, error);
          if (study == NULL)
            return FALSE;
        }
      if (source->guid != NULL && !g_hash_table_contains (im->entity_of, key))
        g_hash_table_insert (im->entity_of, g_strdup (key), g_strdup (mte_study_get_id (study)));
      if (source->description != NULL && *source->description != '\0' &&
          !add_memo (im, mte_study_get_id (study), source->creator_guid, source->created,
                     source->description, error))
        return FALSE;
      if (!import_note_refs (im, source->note_refs, mte_study_get_id (study), error))
        return FALSE;
      if (!import_source_selections (im, source, study, error))
        return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Links, graphs, notes, sets                                         */
/* ------------------------------------------------------------------ */

static const char *
entity_of (Import     *im,
           const char *guid)
{
  g_autofree char *key = lower (guid);

  return key != NULL ? g_hash_table_lookup (im->entity_of, key) : NULL;
}

static gboolean
is_note (Import     *im,
         const char *guid)
{
  return guid != NULL && find_note (im, guid) != NULL;
}

static gboolean
import_links (Import  *im,
              GError **error)
{
  for (guint i = 0; i < im->in->doc->links->len; i++)
    {
      const MteRefiLink *link = g_ptr_array_index (im->in->doc->links, i);

      /* A link between a note and an object says what the note is about
       * (ATLAS.ti's memo links): the notes below use it. */
      if (is_note (im, link->origin_guid) || is_note (im, link->target_guid))
        continue;
      {
      const char *from = entity_of (im, link->origin_guid);
      const char *to = entity_of (im, link->target_guid);
      MteConstruct *a = from != NULL ? mte_project_lookup_construct (im->project, from) : NULL;
      MteConstruct *b = to != NULL ? mte_project_lookup_construct (im->project, to) : NULL;
      MteThirdOrder *third = from != NULL ? mte_project_lookup_third_order (im->project, from) : NULL;
      const char *lname = link->name != NULL ? link->name : "";

      if (a != NULL && b != NULL &&
          mte_construct_get_order (a) == MTE_CONSTRUCT_SECOND_ORDER &&
          mte_construct_get_order (b) == MTE_CONSTRUCT_FIRST_ORDER &&
          mte_construct_get_study (a) == mte_construct_get_study (b))
        {
          if (!mte_construct_add_grounding (a, to, error))
            return FALSE;
          mte_refi_made (im->report, "groundings", 1);
          continue;
        }
      if (third != NULL && to != NULL && mte_project_lookup_concept (im->project, to) != NULL)
        {
          if (!mte_third_order_add_basis (third, to, error))
            return FALSE;
          continue;
        }
      mte_refi_loss (im->report, "links", "the link joins objects that no relation of the method joins",
                     "line %u: '%s'", link->line, lname);
      }
    }
  return TRUE;
}

/* The entity a note is linked to (either way), or NULL; *@linked says
 * whether any link names the note. */
static const char *
linked_subject (Import            *im,
                const MteRefiNote *note,
                gboolean          *linked)
{
  g_autofree char *key = lower (note->guid);
  GPtrArray *others = key != NULL ? g_hash_table_lookup (im->note_links, key) : NULL;

  *linked = others != NULL;
  for (guint i = 0; others != NULL && i < others->len; i++)
    {
      const char *id = entity_of (im, g_ptr_array_index (others, i));

      if (id != NULL)
        return id;
    }
  return NULL;
}

static gboolean
import_graphs (Import  *im,
               GError **error)
{
  for (guint g = 0; g < im->in->doc->graphs->len; g++)
    {
      const MteRefiGraph *graph = g_ptr_array_index (im->in->doc->graphs, g);
      g_autoptr (GHashTable) third_of_vertex = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

      for (guint v = 0; v < graph->vertices->len; v++)
        {
          const MteRefiVertex *vertex = g_ptr_array_index (graph->vertices, v);
          const char *id = entity_of (im, vertex->represented_guid);

          if (vertex->guid != NULL && id != NULL && mte_project_lookup_third_order (im->project, id) != NULL)
            g_hash_table_insert (third_of_vertex, lower (vertex->guid), (gpointer) id);
          else
            mte_refi_loss (im->report, "graph vertices",
                           "only a vertex that stands for a third-order construct belongs to the line of argument",
                           "line %u: '%s' in graph '%s'", vertex->line,
                           vertex->name != NULL ? vertex->name : "", graph->name != NULL ? graph->name : "");
        }
      for (guint e = 0; e < graph->edges->len; e++)
        {
          const MteRefiEdge *edge = g_ptr_array_index (graph->edges, e);
          g_autofree char *ks = lower (edge->source_vertex);
          g_autofree char *kt = lower (edge->target_vertex);
          const char *from = ks != NULL ? g_hash_table_lookup (third_of_vertex, ks) : NULL;
          const char *to = kt != NULL ? g_hash_table_lookup (third_of_vertex, kt) : NULL;
          MteArgumentLink *link;

          if (from == NULL || to == NULL || strcmp (from, to) == 0)
            {
              mte_refi_loss (im->report, "graph edges",
                             "only an edge between two third-order constructs is an argument link",
                             "line %u: '%s' in graph '%s'", edge->line,
                             edge->name != NULL ? edge->name : "", graph->name != NULL ? graph->name : "");
              continue;
            }
          link = mte_project_add_argument_link (im->project, NULL, from, to,
                                                edge->name != NULL && *edge->name != '\0'
                                                ? edge->name : MTE_RELATION_LEADS_TO,
                                                error);
          if (link == NULL)
            return FALSE;
          remember (im, mte_argument_link_get_id (link));
          im->n_made[MADE_LINKS]++;
          if (edge->direction != NULL && strcmp (edge->direction, "OneWay") != 0)
            mte_refi_loss (im->report, "edge directions",
                           "an argument link runs one way; the edge was read from source to target",
                           "line %u: '%s' is %s", edge->line, edge->name != NULL ? edge->name : "",
                           edge->direction);
        }
    }
  return TRUE;
}

#define TRANSLATION_SET "metaethno: translation rationales"
#define BASIS_SET_PREFIX "metaethno: basis of "

/* A codebook has no links: a metaethno codebook says what each third-order
 * construct rests on with a set "metaethno: basis of LABEL" of concept
 * codes. *@done: the set named an imported third-order construct. */
static gboolean
import_basis_set (Import           *im,
                  const MteRefiSet *set,
                  gboolean         *done,
                  GError          **error)
{
  const char *label = set->name + strlen (BASIS_SET_PREFIX);
  MteThirdOrder *third = NULL;
  GHashTableIter iter;
  gpointer code, id;

  *done = FALSE;
  g_hash_table_iter_init (&iter, im->third_of);
  while (third == NULL && g_hash_table_iter_next (&iter, &code, &id))
    if (g_strcmp0 (mte_third_order_get_label (mte_project_lookup_third_order (im->project, id)), label) == 0)
      third = mte_project_lookup_third_order (im->project, id);
  if (third == NULL)
    return TRUE;
  *done = TRUE;
  for (guint i = 0; i < set->code_guids->len; i++)
    {
      MteRefiCode *member = mte_refi_doc_lookup_code (im->in->doc, g_ptr_array_index (set->code_guids, i));
      const char *concept_id = member != NULL ? g_hash_table_lookup (im->concept_of, member) : NULL;

      if (concept_id == NULL)
        {
          mte_refi_loss (im->report, "basis set members", "the member is not a code mapped to a key concept",
                         "line %u: in set '%s'", set->line, set->name);
          continue;
        }
      if (!mte_third_order_add_basis (third, concept_id, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
import_notes_and_sets (Import  *im,
                       GError **error)
{
  MteRefiDoc *doc = im->in->doc;
  g_autoptr (GHashTable) rationale = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < doc->sets->len; i++)
    {
      const MteRefiSet *set = g_ptr_array_index (doc->sets, i);

      if (g_strcmp0 (set->name, TRANSLATION_SET) == 0)
        {
          for (guint n = 0; n < set->note_guids->len; n++)
            g_hash_table_add (rationale, lower (g_ptr_array_index (set->note_guids, n)));
          continue;
        }
      if (set->name != NULL && g_str_has_prefix (set->name, BASIS_SET_PREFIX))
        {
          gboolean done;

          if (!import_basis_set (im, set, &done, error))
            return FALSE;
          if (done)
            continue;
        }
      mte_refi_loss (im->report, "sets", "the method has no groups of codes or sources",
                     "line %u: '%s' (%u codes, %u sources, %u notes)", set->line,
                     set->name != NULL ? set->name : "", set->code_guids->len,
                     set->source_guids->len, set->note_guids->len);
    }
  for (guint i = 0; i < doc->notes->len; i++)
    {
      const MteRefiNote *note = g_ptr_array_index (doc->notes, i);
      g_autofree char *key = lower (note->guid);

      if (key != NULL && g_hash_table_contains (im->note_done, key))
        continue;
      if (key != NULL && g_hash_table_contains (rationale, key))
        {
          mte_refi_loss (im->report, "translation rationales",
                         "REFI-QDA has no translations, so they cannot be rebuilt; the rationales are notes",
                         "line %u: '%s'", note->line, note->name != NULL ? note->name : "");
          continue;
        }
      if (note->text == NULL || *note->text == '\0')
        {
          mte_refi_loss (im->report, "empty notes", "a memo needs text",
                         "line %u: '%s'", note->line, note->name != NULL ? note->name : "");
          continue;
        }
      /* A note no object refers to is a memo on the review, or on the
       * object a link joins it to. */
      {
        gboolean linked;
        const char *subject = linked_subject (im, note, &linked);

        if (linked && subject == NULL)
          mte_refi_loss (im->report, "memo subjects",
                         "the note is linked to an object that was not imported, so it became a memo on the review",
                         "line %u: '%s'", note->line, note->name != NULL ? note->name : "");
        if (!add_memo (im, subject, note->creator_guid, note->created, note->text, error))
          return FALSE;
      }
    }
  return TRUE;
}

static void
count_code_uses (Import *im)
{
  im->code_uses = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < im->in->doc->sources->len; i++)
    {
      const MteRefiSource *source = g_ptr_array_index (im->in->doc->sources, i);

      for (guint s = 0; s < source->selections->len; s++)
        {
          const MteRefiSelection *sel = g_ptr_array_index (source->selections, s);

          for (guint c = 0; c < sel->codings->len; c++)
            {
              const MteRefiCoding *coding = g_ptr_array_index (sel->codings, c);
              MteRefiCode *code = coding->code_guid != NULL ? mte_refi_doc_lookup_code (im->in->doc, coding->code_guid) : NULL;

              if (code != NULL)
                g_hash_table_insert (im->code_uses, code,
                                     GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (im->code_uses, code)) + 1));
            }
        }
    }
}

static void
import_clear (Import *im)
{
  g_clear_pointer (&im->added, g_ptr_array_unref);
  g_clear_pointer (&im->records, g_array_unref);
  g_clear_pointer (&im->all_codes, g_ptr_array_unref);
  g_clear_pointer (&im->code_role, g_hash_table_unref);
  g_clear_pointer (&im->concept_of, g_hash_table_unref);
  g_clear_pointer (&im->third_of, g_hash_table_unref);
  g_clear_pointer (&im->member_of, g_hash_table_unref);
  g_clear_pointer (&im->entity_of, g_hash_table_unref);
  g_clear_pointer (&im->note_done, g_hash_table_unref);
  g_clear_pointer (&im->variable_name, g_hash_table_unref);
  g_clear_pointer (&im->code_uses, g_hash_table_unref);
  g_clear_pointer (&im->notes, g_hash_table_unref);
  g_clear_pointer (&im->link_origins, g_hash_table_unref);
  g_clear_pointer (&im->note_links, g_hash_table_unref);
}

static gboolean
apply (Import  *im,
       GError **error)
{
  MteRefiDoc *doc = im->in->doc;
  static const char * const made_names[] = {
    "team members", "studies", "quotes (first-order constructs)",
    "second-order constructs", "key concepts", "third-order constructs",
    "argument links", "memos",
  };

  im->added = g_ptr_array_new_with_free_func (g_free);
  im->records = g_array_new (FALSE, TRUE, sizeof (RecordWas));
  g_array_set_clear_func (im->records, record_was_clear);
  im->concept_of = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  im->third_of = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  im->member_of = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  im->entity_of = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  im->note_done = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  im->variable_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  im->metaethno_origin = doc->origin != NULL && g_str_has_prefix (doc->origin, "metaethno");
  for (guint i = 0; i < doc->variables->len; i++)
    {
      const MteRefiVariable *v = g_ptr_array_index (doc->variables, i);

      if (v->guid != NULL && v->name != NULL)
        g_hash_table_insert (im->variable_name, lower (v->guid), v->name);
    }
  count_code_uses (im);
  im->notes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < doc->notes->len; i++)
    {
      MteRefiNote *note = g_ptr_array_index (doc->notes, i);

      g_autofree char *key = lower (note->guid);

      if (key != NULL && !g_hash_table_contains (im->notes, key))
        g_hash_table_insert (im->notes, g_steal_pointer (&key), note);
    }
  im->note_links = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify) g_ptr_array_unref);
  im->link_origins = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < doc->links->len; i++)
    {
      const MteRefiLink *link = g_ptr_array_index (doc->links, i);

      if (link->origin_guid != NULL)
        g_hash_table_add (im->link_origins, lower (link->origin_guid));
      for (guint end = 0; end < 2; end++)
        {
          const char *note_guid = end == 0 ? link->origin_guid : link->target_guid;
          const char *other = end == 0 ? link->target_guid : link->origin_guid;
          g_autofree char *key = lower (note_guid);
          GPtrArray *others;

          if (key == NULL || other == NULL || !g_hash_table_contains (im->notes, key))
            continue;
          others = g_hash_table_lookup (im->note_links, key);
          if (others == NULL)
            {
              others = g_ptr_array_new ();
              g_hash_table_insert (im->note_links, g_strdup (key), others);
            }
          g_ptr_array_add (others, (gpointer) other);
        }
    }

  if (!resolve_mapping (im, error) ||
      !import_users (im, error) ||
      !import_codes (im, error) ||
      (doc->kind == MTE_REFI_DOC_PROJECT && !import_sources (im, error)) ||
      !import_links (im, error) ||
      !import_graphs (im, error) ||
      !import_notes_and_sets (im, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (made_names); i++)
    mte_refi_made (im->report, made_names[i], im->n_made[i]);
  {
    g_autoptr (GList) names = NULL;

    /* Sorted, so that the report is the same from run to run. */
    names = g_list_sort (g_hash_table_get_keys (doc->unknown_elements), (GCompareFunc) strcmp);
    for (GList *l = names; l != NULL; l = l->next)
      mte_refi_loss_n (im->report, "elements metaethno does not read",
                       "the element is outside what REFI-QDA 1.5 defines, or carries nothing the method models",
                       GPOINTER_TO_UINT (g_hash_table_lookup (doc->unknown_elements, l->data)),
                       "<%s> x %u", (const char *) l->data,
                       GPOINTER_TO_UINT (g_hash_table_lookup (doc->unknown_elements, l->data)));
    g_clear_pointer (&names, g_list_free);
    if (doc->unknown_attributes != NULL)
      {
        names = g_list_sort (g_hash_table_get_keys (doc->unknown_attributes), (GCompareFunc) strcmp);
        for (GList *l = names; l != NULL; l = l->next)
          mte_refi_loss_n (im->report, "attributes metaethno does not read",
                           "the attribute is outside what REFI-QDA 1.5 defines",
                           GPOINTER_TO_UINT (g_hash_table_lookup (doc->unknown_attributes, l->data)),
                           "%s x %u", (const char *) l->data,
                           GPOINTER_TO_UINT (g_hash_table_lookup (doc->unknown_attributes, l->data)));
      }
    /* What the reader tolerated, and what it had to leave out, line by line. */
    for (guint i = 0; i < doc->notices->len; i++)
      {
        const MteRefiNotice *notice = g_ptr_array_index (doc->notices, i);

        mte_refi_loss (im->report, "departures from the standard",
                       "the file departs from REFI-QDA 1.5 here; the notice says what was read anyway "
                       "and what was left out",
                       "line %u: %s", notice->line, notice->message);
      }
  }
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Entry points                                                       */
/* ------------------------------------------------------------------ */

MteRefiReport *
mte_project_import_refi (MteProject           *project,
                         const char           *data,
                         gsize                 length,
                         const char           *name,
                         MteRefiFormat         format,
                         const MteRefiMapping *mapping,
                         MteImportFlags        flags,
                         GError              **error)
{
  g_autoptr (MteRefiMapping) convention = NULL;
  g_autoptr (MteRefiReport) report = NULL;
  g_autoptr (MteProject) copy = NULL;
  RefiInput in = { 0 };
  Import im = { 0 };
  gboolean ok;

  g_return_val_if_fail (project != NULL, NULL);
  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!refi_input_open (&in, data != NULL ? data : "", length, name, format, error))
    {
      refi_input_clear (&in);
      return NULL;
    }
  if (mapping == NULL)
    mapping = convention = mte_refi_mapping_new ();

  /* A dry run works on a copy, so it cannot change the project even if
   * undoing were imperfect. */
  if (flags & MTE_IMPORT_DRY_RUN)
    {
      g_autofree char *saved = mte_project_to_data (project, NULL, MTE_SAVE_FLAGS_NONE, error);

      if (saved == NULL)
        {
          refi_input_clear (&in);
          return NULL;
        }
      copy = mte_project_load_from_data (saved, -1, "<copy>", 0, error);
      if (copy == NULL)
        {
          refi_input_clear (&in);
          return NULL;
        }
    }

  report = mte_refi_report_new ();
  im.project = copy != NULL ? copy : project;
  im.modified = mte_project_get_modified (im.project);
  im.mapping = mapping;
  im.in = &in;
  im.report = report;
  ok = apply (&im, error);
  if (ok && (flags & MTE_IMPORT_STRICT) && mte_refi_report_get_n_losses (report) > 0)
    {
      const char *what;
      guint count;

      what = mte_refi_report_get_loss (report, 0, NULL, &count);
      mte_set_error (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_INVALID_VALUE,
                     "%s: the import would lose %u %s%s (strict)", in.name, count, what,
                     mte_refi_report_get_n_losses (report) > 1 ? " and more" : "");
      ok = FALSE;
    }
  if (!ok && copy == NULL)
    roll_back (&im);
  import_clear (&im);
  refi_input_clear (&in);
  return ok ? g_steal_pointer (&report) : NULL;
}

MteRefiReport *
mte_project_import_refi_from_file (MteProject           *project,
                                   const char           *path,
                                   MteRefiFormat         format,
                                   const MteRefiMapping *mapping,
                                   MteImportFlags        flags,
                                   GError              **error)
{
  g_autofree char *data = NULL;
  g_autofree char *shown = NULL;
  gsize length;

  g_return_val_if_fail (project != NULL, NULL);
  g_return_val_if_fail (path != NULL, NULL);
  data = mte_import_read_file (path, &length, error);
  if (data == NULL)
    return NULL;
  shown = mte_message_path (path);
  return mte_project_import_refi (project, data, length, shown, format, mapping, flags, error);
}

/* ------------------------------------------------------------------ */
/* The codebook described, for choosing a mapping                     */
/* ------------------------------------------------------------------ */

static void
describe_codes_text (GString    *out,
                     GPtrArray  *codes,
                     GHashTable *uses,
                     GHashTable *sources_of,
                     guint       depth)
{
  for (guint i = 0; i < codes->len; i++)
    {
      const MteRefiCode *code = g_ptr_array_index (codes, i);
      GHashTable *in_sources = g_hash_table_lookup (sources_of, code);

      for (guint d = 0; d < depth; d++)
        g_string_append (out, "  ");
      guint n_uses = GPOINTER_TO_UINT (g_hash_table_lookup (uses, code));
      guint n_sources = in_sources != NULL ? g_hash_table_size (in_sources) : 0;

      g_string_append_printf (out, "%s%s  (%u selection%s in %u source%s)\n",
                              code->name != NULL ? code->name : "",
                              code->codable ? "" : " [not codable]",
                              n_uses, n_uses == 1 ? "" : "s", n_sources, n_sources == 1 ? "" : "s");
      describe_codes_text (out, code->children, uses, sources_of, depth + 1);
    }
}

static void
describe_codes_json (MteJsonWriter *w,
                     GPtrArray     *codes,
                     GHashTable    *uses,
                     GHashTable    *sources_of)
{
  mte_json_begin_array (w);
  for (guint i = 0; i < codes->len; i++)
    {
      const MteRefiCode *code = g_ptr_array_index (codes, i);
      GHashTable *in_sources = g_hash_table_lookup (sources_of, code);
      g_autofree char *path = mte_refi_code_dup_path (code);

      mte_json_begin_object (w);
      mte_json_member_string (w, "name", code->name);
      mte_json_member_string (w, "path", path);
      mte_json_member_bool (w, "codable", code->codable);
      mte_json_member_uint (w, "selections", GPOINTER_TO_UINT (g_hash_table_lookup (uses, code)));
      mte_json_member_uint (w, "sources", in_sources != NULL ? g_hash_table_size (in_sources) : 0);
      mte_json_key (w, "children");
      describe_codes_json (w, code->children, uses, sources_of);
      mte_json_end_object (w);
    }
  mte_json_end_array (w);
}

char *
mte_refi_describe (const char *data,
                   gsize       length,
                   const char *name,
                   gboolean    json,
                   GError    **error)
{
  RefiInput in = { 0 };
  Import im = { 0 };
  g_autoptr (GHashTable) sources_of = NULL;
  MteRefiDoc *doc;
  char *result;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  if (!refi_input_open (&in, data != NULL ? data : "", length, name, MTE_REFI_FORMAT_AUTO, error))
    {
      refi_input_clear (&in);
      return NULL;
    }
  doc = in.doc;
  im.in = &in;
  count_code_uses (&im);
  sources_of = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_hash_table_unref);
  for (guint i = 0; i < doc->sources->len; i++)
    {
      const MteRefiSource *source = g_ptr_array_index (doc->sources, i);

      for (guint s = 0; s < source->selections->len; s++)
        {
          const MteRefiSelection *sel = g_ptr_array_index (source->selections, s);

          for (guint c = 0; c < sel->codings->len; c++)
            {
              const MteRefiCoding *coding = g_ptr_array_index (sel->codings, c);
              MteRefiCode *code = coding->code_guid != NULL ? mte_refi_doc_lookup_code (doc, coding->code_guid) : NULL;
              GHashTable *set;

              if (code == NULL)
                continue;
              set = g_hash_table_lookup (sources_of, code);
              if (set == NULL)
                g_hash_table_insert (sources_of, code, set = g_hash_table_new (NULL, NULL));
              g_hash_table_add (set, (gpointer) source);
            }
        }
    }

  if (json)
    {
      MteJsonWriter *w = mte_json_writer_new ();

      mte_json_begin_object (w);
      mte_json_member_string (w, "kind", doc->kind == MTE_REFI_DOC_PROJECT ? "project" : "codebook");
      mte_json_member_string (w, "origin", doc->origin);
      mte_json_key (w, "codes");
      describe_codes_json (w, doc->codes, im.code_uses, sources_of);
      mte_json_key (w, "sources");
      mte_json_begin_array (w);
      for (guint i = 0; i < doc->sources->len; i++)
        {
          const MteRefiSource *source = g_ptr_array_index (doc->sources, i);

          mte_json_begin_object (w);
          mte_json_member_string (w, "name", source->name);
          mte_json_member_string (w, "kind", source_kind_name (source->kind));
          mte_json_member_uint (w, "text_selections", source->selections->len);
          mte_json_member_uint (w, "other_selections", source->n_other_selections);
          mte_json_end_object (w);
        }
      mte_json_end_array (w);
      mte_json_member_uint (w, "users", doc->users->len);
      mte_json_member_uint (w, "cases", doc->cases->len);
      mte_json_member_uint (w, "notes", doc->notes->len);
      mte_json_member_uint (w, "sets", doc->sets->len);
      mte_json_member_uint (w, "graphs", doc->graphs->len);
      mte_json_member_uint (w, "links", doc->links->len);
      mte_json_end_object (w);
      result = mte_json_writer_finish (w);
    }
  else
    {
      GString *out = g_string_new (NULL);

      g_string_append_printf (out, "%s: a REFI-QDA %s%s%s%s\n", in.name,
                              doc->kind == MTE_REFI_DOC_PROJECT ? "project" : "codebook",
                              doc->origin != NULL ? " from " : "", doc->origin != NULL ? doc->origin : "", "");
      g_string_append (out, "\ncodes (text selections coded, sources where used):\n");
      if (doc->codes->len == 0)
        g_string_append (out, "  (none)\n");
      describe_codes_text (out, doc->codes, im.code_uses, sources_of, 1);
      if (doc->kind == MTE_REFI_DOC_PROJECT)
        {
          g_string_append (out, "\nsources:\n");
          if (doc->sources->len == 0)
            g_string_append (out, "  (none)\n");
          for (guint i = 0; i < doc->sources->len; i++)
            {
              const MteRefiSource *source = g_ptr_array_index (doc->sources, i);

              g_string_append_printf (out, "  %s (%s): %u text selection%s",
                                      source->name != NULL ? source->name : "",
                                      source_kind_name (source->kind), source->selections->len,
                                      source->selections->len == 1 ? "" : "s");
              if (source->n_other_selections > 0)
                g_string_append_printf (out, ", %u other selection%s", source->n_other_selections,
                                        source->n_other_selections == 1 ? "" : "s");
              g_string_append_c (out, '\n');
            }
          g_string_append_printf (out, "\n%u users, %u cases, %u notes, %u sets, %u graphs, %u links\n",
                                  doc->users->len, doc->cases->len, doc->notes->len,
                                  doc->sets->len, doc->graphs->len, doc->links->len);
        }
      g_string_append (out, "\nmap codes with --first-order, --second-order, --concepts and --third-order "
                            "(names or paths such as \"Findings/Quotes\"), or a mapping file (--mapping)\n");
      result = g_string_free (out, FALSE);
    }
  g_clear_pointer (&im.code_uses, g_hash_table_unref);
  refi_input_clear (&in);
  return result;
}

/* ------------------------------------------------------------------ */
/* Export entry points                                                */
/* ------------------------------------------------------------------ */

/* The date every archive entry carries: 2020-01-01, so that the same
 * project gives the same bytes. */
#define FIXED_MTIME G_GINT64_CONSTANT (1577836800)

GBytes *
mte_project_export_refi (const MteProject *project,
                         MteRefiFormat     format,
                         MteRefiReport   **report,
                         GError          **error)
{
  g_autoptr (MteRefiReport) losses = mte_refi_report_new ();
  GBytes *result = NULL;

  g_return_val_if_fail (project != NULL, NULL);
  if (format == MTE_REFI_FORMAT_QDC)
    {
      char *xml = mte_refi_write_codebook (project, losses, error);

      if (xml == NULL)
        return NULL;
      result = g_bytes_new_take (xml, strlen (xml));
    }
  else if (format == MTE_REFI_FORMAT_QDPX)
    {
      g_autoptr (GPtrArray) parts = NULL;
      g_autoptr (MteZipWriter) zip = NULL;

      if (!mte_refi_write_project (project, &parts, losses, error))
        return NULL;
      zip = mte_zip_writer_new (FIXED_MTIME);
      for (guint i = 0; i < parts->len; i++)
        {
          const MteRefiPart *part = g_ptr_array_index (parts, i);
          gsize size;
          const void *bytes = g_bytes_get_data (part->data, &size);

          if (!mte_zip_writer_add (zip, part->name, bytes, size, FALSE, error))
            return NULL;
        }
      result = mte_zip_writer_finish (g_steal_pointer (&zip), error);
      if (result == NULL)
        return NULL;
    }
  else
    {
      mte_set_error (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_INVALID_VALUE,
                     "REFI-QDA export writes qdpx or qdc, not %s",
                     mte_refi_format_to_string (format) != NULL ? mte_refi_format_to_string (format) : "an unknown format");
      return NULL;
    }
  if (report != NULL)
    *report = g_steal_pointer (&losses);
  return result;
}

gboolean
mte_project_write_refi (const MteProject *project,
                        const char       *path,
                        MteRefiFormat     format,
                        MteRefiReport   **report,
                        GError          **error)
{
  g_autoptr (GBytes) bytes = NULL;
  gsize size;
  const char *data;

  g_return_val_if_fail (project != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  if (format == MTE_REFI_FORMAT_AUTO)
    format = g_str_has_suffix (path, ".qdc") || g_str_has_suffix (path, ".QDC")
             ? MTE_REFI_FORMAT_QDC : MTE_REFI_FORMAT_QDPX;
  bytes = mte_project_export_refi (project, format, report, error);
  if (bytes == NULL)
    return FALSE;
  data = g_bytes_get_data (bytes, &size);
  if (!mte_io_save_data (data, size, path, MTE_SAVE_FLAGS_NONE, NULL, error))
    {
      if (report != NULL)
        g_clear_pointer (report, mte_refi_report_free);
      return FALSE;
    }
  return TRUE;
}
