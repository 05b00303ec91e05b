/* metaethno: the project, ids, team members, checklists and memos.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "mte-model-private.h"
#include "mte-error-private.h"

#include <string.h>

/* ------------------------------------------------------------------ */
/* Validation helpers                                                 */
/* ------------------------------------------------------------------ */

static inline gboolean
id_char_ok (char c, gboolean first)
{
  if (g_ascii_isalnum (c) || c == '_')
    return TRUE;
  return !first && (c == '.' || c == ':' || c == '-');
}

gboolean
mte_id_is_valid (const char *id)
{
  gsize i;

  if (id == NULL || id[0] == '\0')
    return FALSE;
  for (i = 0; id[i] != '\0'; i++)
    {
      if (i >= MTE_ID_MAX_LENGTH || !id_char_ok (id[i], i == 0))
        return FALSE;
    }
  return TRUE;
}

gboolean
mte_check_id (const char *id,
              const char *what,
              GError    **error)
{
  if (mte_id_is_valid (id))
    return TRUE;

  if (id == NULL || id[0] == '\0')
    mte_set_error (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_INVALID_ID,
                 "%s is empty", what);
  else if (!g_utf8_validate (id, -1, NULL))
    mte_set_error (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_INVALID_ID,
                 "%s is not valid UTF-8", what);
  else if (strlen (id) > MTE_ID_MAX_LENGTH)
    mte_set_error (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_INVALID_ID,
                 "%s is longer than %d characters", what, MTE_ID_MAX_LENGTH);
  else
    {
      g_autofree char *shown = mte_message_text (id, 80);

      mte_set_error (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_INVALID_ID,
                   "%s '%s' is not a valid id (letters, digits, '_', '.', ':' "
                   "and '-', starting with a letter, digit or '_')", what, shown);
    }
  return FALSE;
}

/* XML 1.0 (the file format) can hold every Unicode scalar value except the
 * C0 controls other than tab, newline and carriage return, and U+FFFE and
 * U+FFFF; g_utf8_validate() already refuses surrogates. Refusing the rest
 * here keeps every model the API can build saveable. */
static gboolean
xml_char_ok (gunichar c)
{
  if (c < 0x20)
    return c == '\t' || c == '\n' || c == '\r';
  return c != 0xFFFE && c != 0xFFFF;
}

gboolean
mte_check_utf8 (const char *text,
                const char *what,
                GError    **error)
{
  if (text == NULL)
    return TRUE;
  if (!g_utf8_validate (text, -1, NULL))
    {
      mte_set_error (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_INVALID_VALUE,
                   "%s is not valid UTF-8", what);
      return FALSE;
    }
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!xml_char_ok (c))
        {
          mte_set_error (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_INVALID_VALUE,
                       "%s contains the character U+%04X, which a project file "
                       "cannot hold", what, c);
          return FALSE;
        }
    }
  return TRUE;
}

void
mte_project_touch (MteProject *project)
{
  if (project->loading == 0)
    project->modified = g_get_real_time () / G_USEC_PER_SEC;
}

gboolean
mte_set_string (MteProject *project,
                char      **field,
                const char *value,
                gboolean    empty_clears,
                const char *what,
                GError    **error)
{
  if (!mte_check_utf8 (value, what, error))
    return FALSE;
  if (empty_clears && value != NULL && value[0] == '\0')
    value = NULL;
  if (g_strcmp0 (*field, value) != 0)
    {
      g_free (*field);
      *field = g_strdup (value);
    }
  mte_project_touch (project);
  return TRUE;
}

void
mte_ptr_set_add (GPtrArray **array,
                 gpointer    item)
{
  if (*array == NULL)
    *array = g_ptr_array_new ();
  else if (g_ptr_array_find (*array, item, NULL))
    return;
  g_ptr_array_add (*array, item);
}

gboolean
mte_ptr_set_remove (GPtrArray *array,
                    gpointer   item)
{
  return array != NULL && g_ptr_array_remove (array, item);
}

/* ------------------------------------------------------------------ */
/* Project                                                            */
/* ------------------------------------------------------------------ */

MteProject *
mte_project_new (void)
{
  MteProject *project = g_new0 (MteProject, 1);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  project->created = now;
  project->modified = now;
  project->entities = g_hash_table_new (g_str_hash, g_str_equal);
  project->id_counters = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                g_free, NULL);
  project->members = g_ptr_array_new ();
  project->checklists = g_ptr_array_new ();
  project->studies = g_ptr_array_new ();
  project->concepts = g_ptr_array_new ();
  project->translations = g_ptr_array_new ();
  project->refutations = g_array_new (FALSE, FALSE, sizeof (MteRefutation));
  project->third_orders = g_ptr_array_new ();
  project->argument_links = g_ptr_array_new ();
  project->frameworks = g_ptr_array_new ();
  project->memos = g_ptr_array_new ();
  project->searches = g_ptr_array_new ();
  project->records = g_ptr_array_new ();
  project->exclusion_counts = g_array_new (FALSE, FALSE, sizeof (MteExclusionCount));
  for (guint i = 0; i < MTE_PRISMA_N_COUNTS; i++)
    project->stage_counts[i] = MTE_COUNT_UNKNOWN;
  return project;
}

static void
free_entities (GPtrArray *array)
{
  for (guint i = 0; i < array->len; i++)
    mte_entity_free (g_ptr_array_index (array, i));
  g_ptr_array_unref (array);
}

void
mte_project_free (MteProject *project)
{
  if (project == NULL)
    return;

  /* Studies free their constructs. Order does not matter: entities hold
   * only borrowed pointers to each other. */
  mte_session_free (project->session);
  free_entities (project->records);
  free_entities (project->searches);
  free_entities (project->memos);
  free_entities (project->frameworks);
  free_entities (project->argument_links);
  free_entities (project->third_orders);
  free_entities (project->translations);
  g_array_unref (project->refutations);
  free_entities (project->concepts);
  free_entities (project->studies);
  free_entities (project->checklists);
  free_entities (project->members);
  g_hash_table_unref (project->entities);
  g_hash_table_unref (project->id_counters);
  g_free (project->title);
  g_free (project->question);
  g_free (project->aim);
  g_free (project->line_of_argument);
  for (guint i = 0; i < MTE_PROTOCOL_N_FIELDS; i++)
    g_free (project->protocol[i]);
  for (guint i = 0; i < G_N_ELEMENTS (project->emerge); i++)
    g_free (project->emerge[i]);
  for (guint i = 0; i < project->exclusion_counts->len; i++)
    g_free (g_array_index (project->exclusion_counts, MteExclusionCount, i).reason);
  g_array_unref (project->exclusion_counts);
  if (project->load_warnings != NULL)
    g_ptr_array_unref (project->load_warnings);
  g_free (project);
}

void
mte_project_begin_load (MteProject *project)
{
  project->loading++;
}

void
mte_project_end_load (MteProject *project)
{
  g_return_if_fail (project->loading > 0);
  project->loading--;
}

#define PROJECT_STRING(name, what)                                            \
  const char *                                                                \
  mte_project_get_##name (const MteProject *project)                          \
  {                                                                           \
    g_return_val_if_fail (project != NULL, NULL);                             \
    return project->name;                                                     \
  }                                                                           \
  gboolean                                                                    \
  mte_project_set_##name (MteProject *project, const char *value,             \
                          GError **error)                                     \
  {                                                                           \
    g_return_val_if_fail (project != NULL, FALSE);                            \
    return mte_set_string (project, &project->name, value, TRUE, what,       \
                           error);                                            \
  }

PROJECT_STRING (title, "project title")
PROJECT_STRING (question, "review question")
PROJECT_STRING (aim, "review aim")
PROJECT_STRING (line_of_argument, "line-of-argument statement")

gint64
mte_project_get_created (const MteProject *project)
{
  g_return_val_if_fail (project != NULL, 0);
  return project->created;
}

void
mte_project_set_created (MteProject *project,
                         gint64      created)
{
  g_return_if_fail (project != NULL);
  g_return_if_fail (created >= 0 && created <= MTE_TIME_MAX);
  project->created = created;
  mte_project_touch (project);
}

gint64
mte_project_get_modified (const MteProject *project)
{
  g_return_val_if_fail (project != NULL, 0);
  return project->modified;
}

void
mte_project_set_modified (MteProject *project,
                          gint64      modified)
{
  g_return_if_fail (project != NULL);
  g_return_if_fail (modified >= 0 && modified <= MTE_TIME_MAX);
  project->modified = modified;
}

/* ------------------------------------------------------------------ */
/* Entities                                                           */
/* ------------------------------------------------------------------ */

static const char *const kind_names[] = {
  [MTE_ENTITY_NONE] = "none",
  [MTE_ENTITY_MEMBER] = "team member",
  [MTE_ENTITY_CHECKLIST] = "checklist",
  [MTE_ENTITY_STUDY] = "study",
  [MTE_ENTITY_CONSTRUCT] = "construct",
  [MTE_ENTITY_CONCEPT] = "concept",
  [MTE_ENTITY_TRANSLATION] = "translation",
  [MTE_ENTITY_THIRD_ORDER] = "third-order construct",
  [MTE_ENTITY_ARGUMENT_LINK] = "argument link",
  [MTE_ENTITY_FRAMEWORK] = "framework",
  [MTE_ENTITY_MEMO] = "memo",
  [MTE_ENTITY_SEARCH] = "search",
  [MTE_ENTITY_RECORD] = "record",
};

const char *
mte_entity_kind_to_string (MteEntityKind kind)
{
  if ((guint) kind >= G_N_ELEMENTS (kind_names))
    return "none";
  return kind_names[kind];
}

MteEntity *
mte_project_lookup (const MteProject *project,
                    const char       *id)
{
  g_return_val_if_fail (project != NULL, NULL);
  g_return_val_if_fail (id != NULL, NULL);
  return g_hash_table_lookup (project->entities, id);
}

const char *
mte_entity_get_id (const MteEntity *entity)
{
  g_return_val_if_fail (entity != NULL, NULL);
  return entity->id;
}

MteEntityKind
mte_entity_get_kind (const MteEntity *entity)
{
  g_return_val_if_fail (entity != NULL, MTE_ENTITY_NONE);
  return entity->kind;
}

MteProject *
mte_entity_get_project (const MteEntity *entity)
{
  g_return_val_if_fail (entity != NULL, NULL);
  return entity->project;
}

/* The smallest N above the counter of @prefix such that PREFIX SEP N is
 * free; advances the counter. */
static char *
generate_numbered (MteProject *project,
                   const char *prefix,
                   const char *separator)
{
  /* Room for the separator and the ten digits of the largest guint, so
   * that every id tried fits: a longer prefix is shortened (still a valid
   * id). */
  const gsize max_stem = MTE_ID_MAX_LENGTH - strlen (separator) - 10;
  g_autofree char *stem = g_strndup (prefix, max_stem);
  g_autofree char *counter = g_strconcat (prefix, separator, NULL);
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (project->id_counters, counter));

  for (;;)
    {
      char *id = g_strdup_printf ("%s%s%u", stem, separator, ++n);

      if (!g_hash_table_contains (project->entities, id))
        {
          g_hash_table_replace (project->id_counters, g_steal_pointer (&counter),
                                GUINT_TO_POINTER (n));
          return id;
        }
      g_free (id);
    }
}

char *
mte_project_generate_id (MteProject *project,
                         const char *prefix)
{
  g_return_val_if_fail (project != NULL, NULL);
  g_return_val_if_fail (mte_id_is_valid (prefix), NULL);

  return generate_numbered (project, prefix, "-");
}

/* Longest slug kept from a label, in bytes; cut at a hyphen when one is
 * near the end, so that "being-listened-to-and-..." stays words. */
#define MTE_SLUG_MAX 48

char *
mte_project_generate_slug_id (MteProject *project,
                              const char *text,
                              const char *prefix)
{
  g_autofree char *ascii = NULL;
  GString *slug;
  gboolean dash = FALSE;

  g_return_val_if_fail (project != NULL, NULL);
  g_return_val_if_fail (mte_id_is_valid (prefix), NULL);

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return generate_numbered (project, prefix, "-");

  /* "Ça va" -> "Ca va": transliteration keeps accented labels readable;
   * what has no ASCII form becomes a separator. */
  ascii = g_str_to_ascii (text, "C");
  slug = g_string_new (NULL);
  for (const char *c = ascii; *c != '\0'; c++)
    {
      if (g_ascii_isalnum (*c))
        {
          if (dash && slug->len > 0)
            g_string_append_c (slug, '-');
          g_string_append_c (slug, g_ascii_tolower (*c));
          dash = FALSE;
        }
      else if (*c != '\'')
        dash = TRUE;
    }
  if (slug->len > MTE_SLUG_MAX)
    {
      const char *cut;

      g_string_truncate (slug, MTE_SLUG_MAX);
      cut = strrchr (slug->str, '-');
      if (cut != NULL && cut - slug->str >= MTE_SLUG_MAX / 2)
        g_string_truncate (slug, (gsize) (cut - slug->str));
    }
  if (slug->len == 0)
    {
      g_string_free (slug, TRUE);
      return generate_numbered (project, prefix, "-");
    }
  if (!g_hash_table_contains (project->entities, slug->str))
    return g_string_free (slug, FALSE);

  /* Taken: "being-listened-to-2", "-3", ... */
  {
    char *id = NULL;

    for (guint n = 2; id == NULL; n++)
      {
        char *candidate = g_strdup_printf ("%s-%u", slug->str, n);

        if (!g_hash_table_contains (project->entities, candidate))
          id = candidate;
        else
          g_free (candidate);
      }
    g_string_free (slug, TRUE);
    return id;
  }
}

char *
mte_project_generate_construct_id (MteStudy          *study,
                                   MteConstructOrder  order)
{
  return generate_numbered (study->base.project, study->base.id,
                            order == MTE_CONSTRUCT_FIRST_ORDER ? "-q" : "-t");
}

gboolean
mte_project_register (MteProject   *project,
                      MteEntity    *entity,
                      MteEntityKind kind,
                      const char   *id,
                      const char   *prefix,
                      GError      **error)
{
  char *owned;

  if (id == NULL)
    owned = mte_project_generate_id (project, prefix);
  else
    {
      MteEntity *other;

      if (!mte_check_id (id, "id", error))
        return FALSE;
      other = g_hash_table_lookup (project->entities, id);
      if (other != NULL)
        {
          mte_set_error (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_DUPLICATE_ID,
                       "id '%s' is already used by a %s", id,
                       mte_entity_kind_to_string (other->kind));
          return FALSE;
        }
      owned = g_strdup (id);
    }

  entity->kind = kind;
  entity->id = owned;
  entity->project = project;
  g_hash_table_insert (project->entities, owned, entity);
  mte_project_touch (project);
  return TRUE;
}

MteEntity *
mte_project_require (const MteProject *project,
                     const char       *id,
                     MteEntityKind     kind,
                     const char       *role,
                     GError          **error)
{
  MteEntity *entity;

  if (id == NULL)
    {
      mte_set_error (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_NOT_FOUND,
                   "%s: no id given", role);
      return NULL;
    }
  entity = g_hash_table_lookup (project->entities, id);
  if (entity == NULL)
    {
      /* Not found, so not necessarily a valid id: quote it safely. */
      g_autofree char *shown = mte_message_text (id, 80);

      mte_set_error (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_NOT_FOUND,
                   "%s '%s' does not exist", role, shown);
      return NULL;
    }
  if (kind != MTE_ENTITY_NONE && entity->kind != kind)
    {
      mte_set_error (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_WRONG_KIND,
                   "%s '%s' is a %s, not a %s", role, id,
                   mte_entity_kind_to_string (entity->kind),
                   mte_entity_kind_to_string (kind));
      return NULL;
    }
  return entity;
}

#define PROJECT_COLLECTION(Type, type, field, KIND)                           \
  guint                                                                       \
  mte_project_get_n_##field (const MteProject *project)                       \
  {                                                                           \
    g_return_val_if_fail (project != NULL, 0);                                \
    return project->field->len;                                               \
  }                                                                           \
  Type *                                                                      \
  mte_project_get_##type (const MteProject *project, guint index)             \
  {                                                                           \
    g_return_val_if_fail (project != NULL, NULL);                             \
    g_return_val_if_fail (index < project->field->len, NULL);                 \
    return g_ptr_array_index (project->field, index);                         \
  }                                                                           \
  Type *                                                                      \
  mte_project_lookup_##type (const MteProject *project, const char *id)       \
  {                                                                           \
    MteEntity *entity;                                                        \
    g_return_val_if_fail (project != NULL, NULL);                             \
    g_return_val_if_fail (id != NULL, NULL);                                  \
    entity = g_hash_table_lookup (project->entities, id);                     \
    return entity != NULL && entity->kind == KIND ? (Type *) entity : NULL;   \
  }                                                                           \
  const char *                                                                \
  mte_##type##_get_id (const Type *obj)                                       \
  {                                                                           \
    g_return_val_if_fail (obj != NULL, NULL);                                 \
    return ((const MteEntity *) obj)->id;                                     \
  }

PROJECT_COLLECTION (MteMember, member, members, MTE_ENTITY_MEMBER)
PROJECT_COLLECTION (MteChecklist, checklist, checklists, MTE_ENTITY_CHECKLIST)
PROJECT_COLLECTION (MteStudy, study, studies, MTE_ENTITY_STUDY)
PROJECT_COLLECTION (MteConcept, concept, concepts, MTE_ENTITY_CONCEPT)
PROJECT_COLLECTION (MteTranslation, translation, translations, MTE_ENTITY_TRANSLATION)
PROJECT_COLLECTION (MteThirdOrder, third_order, third_orders, MTE_ENTITY_THIRD_ORDER)
PROJECT_COLLECTION (MteArgumentLink, argument_link, argument_links, MTE_ENTITY_ARGUMENT_LINK)
PROJECT_COLLECTION (MteFramework, framework, frameworks, MTE_ENTITY_FRAMEWORK)
PROJECT_COLLECTION (MteMemo, memo, memos, MTE_ENTITY_MEMO)

/* ------------------------------------------------------------------ */
/* Members                                                            */
/* ------------------------------------------------------------------ */

MteMember *
mte_project_add_member (MteProject *project,
                        const char *id,
                        const char *name,
                        const char *role,
                        GError    **error)
{
  g_autofree char *made = NULL;
  MteMember *member;

  g_return_val_if_fail (project != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (!mte_check_utf8 (name, "member name", error) ||
      !mte_check_utf8 (role, "member role", error))
    return NULL;

  member = g_new0 (MteMember, 1);
  if (id == NULL)
    made = mte_project_generate_slug_id (project, name, "member");
  if (!mte_project_register (project, &member->base, MTE_ENTITY_MEMBER,
                             id != NULL ? id : made, "member", error))
    {
      g_free (member);
      return NULL;
    }
  member->name = g_strdup (name);
  member->role = (role != NULL && role[0] != '\0') ? g_strdup (role) : NULL;
  mte_entity_append (project->members, member);
  return member;
}

const char *
mte_member_get_name (const MteMember *member)
{
  g_return_val_if_fail (member != NULL, NULL);
  return member->name;
}

gboolean
mte_member_set_name (MteMember  *member,
                     const char *name,
                     GError    **error)
{
  g_return_val_if_fail (member != NULL, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  return mte_set_string (member->base.project, &member->name, name, FALSE,
                         "member name", error);
}

const char *
mte_member_get_role (const MteMember *member)
{
  g_return_val_if_fail (member != NULL, NULL);
  return member->role;
}

gboolean
mte_member_set_role (MteMember  *member,
                     const char *role,
                     GError    **error)
{
  g_return_val_if_fail (member != NULL, FALSE);
  return mte_set_string (member->base.project, &member->role, role, TRUE,
                         "member role", error);
}

/* ------------------------------------------------------------------ */
/* Checklists                                                         */
/* ------------------------------------------------------------------ */

static void
question_free (gpointer data)
{
  MteQuestion *q = data;

  g_free (q->key);
  g_free (q->text);
  g_strfreev (q->answers);
  g_free (q);
}

MteChecklist *
mte_project_add_checklist (MteProject *project,
                           const char *id,
                           const char *name,
                           GError    **error)
{
  g_autofree char *made = NULL;
  MteChecklist *checklist;

  g_return_val_if_fail (project != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (!mte_check_utf8 (name, "checklist name", error))
    return NULL;
  checklist = g_new0 (MteChecklist, 1);
  if (id == NULL)
    made = mte_project_generate_slug_id (project, name, "checklist");
  if (!mte_project_register (project, &checklist->base, MTE_ENTITY_CHECKLIST,
                             id != NULL ? id : made, "checklist", error))
    {
      g_free (checklist);
      return NULL;
    }
  checklist->name = g_strdup (name);
  checklist->questions = g_ptr_array_new_with_free_func (question_free);
  mte_entity_append (project->checklists, checklist);
  return checklist;
}

const char *
mte_checklist_get_name (const MteChecklist *checklist)
{
  g_return_val_if_fail (checklist != NULL, NULL);
  return checklist->name;
}

gboolean
mte_checklist_set_name (MteChecklist *checklist,
                        const char   *name,
                        GError      **error)
{
  g_return_val_if_fail (checklist != NULL, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  return mte_set_string (checklist->base.project, &checklist->name, name,
                         FALSE, "checklist name", error);
}

int
mte_checklist_find_question (const MteChecklist *checklist,
                             const char         *key)
{
  g_return_val_if_fail (checklist != NULL, -1);
  g_return_val_if_fail (key != NULL, -1);

  for (guint i = 0; i < checklist->questions->len; i++)
    {
      const MteQuestion *q = g_ptr_array_index (checklist->questions, i);

      if (strcmp (q->key, key) == 0)
        return (int) i;
    }
  return -1;
}

gboolean
mte_checklist_add_question (MteChecklist       *checklist,
                            const char         *key,
                            const char         *text,
                            const char * const *answers,
                            GError            **error)
{
  MteQuestion *q;

  g_return_val_if_fail (checklist != NULL, FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  if (!mte_check_id (key, "question key", error) ||
      !mte_check_utf8 (text, "question text", error))
    return FALSE;
  if (mte_checklist_find_question (checklist, key) >= 0)
    {
      mte_set_error (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_DUPLICATE_ID,
                   "checklist '%s' already has a question '%s'",
                   checklist->base.id, key);
      return FALSE;
    }
  for (guint i = 0; answers != NULL && answers[i] != NULL; i++)
    {
      if (answers[i][0] == '\0')
        {
          mte_set_error (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_INVALID_VALUE,
                       "question '%s': an answer is empty", key);
          return FALSE;
        }
      if (!mte_check_utf8 (answers[i], "answer", error))
        return FALSE;
      for (guint j = 0; j < i; j++)
        if (strcmp (answers[i], answers[j]) == 0)
          {
            g_autofree char *shown = mte_message_text (answers[i], 80);

            mte_set_error (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_INVALID_VALUE,
                         "question '%s': answer '%s' is listed twice", key,
                         shown);
            return FALSE;
          }
    }

  q = g_new0 (MteQuestion, 1);
  q->key = g_strdup (key);
  q->text = g_strdup (text);
  q->answers = answers != NULL ? g_strdupv ((char **) answers) : g_new0 (char *, 1);
  g_ptr_array_add (checklist->questions, q);
  mte_project_touch (checklist->base.project);
  return TRUE;
}

static const MteQuestion *
checklist_question (const MteChecklist *checklist,
                    guint               index)
{
  g_return_val_if_fail (checklist != NULL, NULL);
  g_return_val_if_fail (index < checklist->questions->len, NULL);
  return g_ptr_array_index (checklist->questions, index);
}

guint
mte_checklist_get_n_questions (const MteChecklist *checklist)
{
  g_return_val_if_fail (checklist != NULL, 0);
  return checklist->questions->len;
}

const char *
mte_checklist_get_question_key (const MteChecklist *checklist,
                                guint               index)
{
  const MteQuestion *q = checklist_question (checklist, index);
  return q != NULL ? q->key : NULL;
}

const char *
mte_checklist_get_question_text (const MteChecklist *checklist,
                                 guint               index)
{
  const MteQuestion *q = checklist_question (checklist, index);
  return q != NULL ? q->text : NULL;
}

const char * const *
mte_checklist_get_question_answers (const MteChecklist *checklist,
                                    guint               index)
{
  const MteQuestion *q = checklist_question (checklist, index);
  return q != NULL ? (const char * const *) q->answers : NULL;
}

gboolean
mte_checklist_remove_question (MteChecklist   *checklist,
                               const char     *key,
                               MteRemoveFlags  flags,
                               GError        **error)
{
  MteProject *project;
  int index;

  g_return_val_if_fail (checklist != NULL, FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  project = checklist->base.project;
  index = mte_checklist_find_question (checklist, key);
  if (index < 0)
    {
      mte_set_error (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_NOT_FOUND,
                   "checklist '%s' has no question '%s'", checklist->base.id,
                   key);
      return FALSE;
    }
  if (!(flags & MTE_REMOVE_CASCADE))
    {
      g_autoptr (GString) names = g_string_new (NULL);

      if (mte_study_drop_appraisals (project, checklist, key, FALSE, names) > 0)
        {
          mte_set_error (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_HAS_DEPENDENTS,
                       "question '%s' of checklist '%s' is answered by %s",
                       key, checklist->base.id, names->str);
          return FALSE;
        }
    }
  mte_study_drop_appraisals (project, checklist, key, TRUE, NULL);
  g_ptr_array_remove_index (checklist->questions, (guint) index);
  mte_project_touch (project);
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Memos                                                              */
/* ------------------------------------------------------------------ */

MteMemo *
mte_project_add_memo (MteProject *project,
                      const char *id,
                      const char *subject_id,
                      const char *author_id,
                      const char *text,
                      GError    **error)
{
  MteEntity *subject = NULL;
  MteEntity *author = NULL;
  MteMemo *memo;

  g_return_val_if_fail (project != NULL, NULL);
  g_return_val_if_fail (text != NULL, NULL);

  if (!mte_check_utf8 (text, "memo text", error))
    return NULL;
  if (subject_id != NULL &&
      (subject = mte_project_require (project, subject_id, MTE_ENTITY_NONE,
                                      "memo subject", error)) == NULL)
    return NULL;
  if (author_id != NULL &&
      (author = mte_project_require (project, author_id, MTE_ENTITY_MEMBER,
                                     "memo author", error)) == NULL)
    return NULL;

  memo = g_new0 (MteMemo, 1);
  if (!mte_project_register (project, &memo->base, MTE_ENTITY_MEMO, id, "memo",
                             error))
    {
      g_free (memo);
      return NULL;
    }
  memo->subject = subject;
  memo->author = (MteMember *) author;
  memo->text = g_strdup (text);
  memo->created = g_get_real_time () / G_USEC_PER_SEC;
  mte_entity_append (project->memos, memo);
  return memo;
}

MteEntity *
mte_memo_get_subject (const MteMemo *memo)
{
  g_return_val_if_fail (memo != NULL, NULL);
  return memo->subject;
}

MteMember *
mte_memo_get_author (const MteMemo *memo)
{
  g_return_val_if_fail (memo != NULL, NULL);
  return memo->author;
}

gboolean
mte_memo_set_author (MteMemo    *memo,
                     const char *author_id,
                     GError    **error)
{
  MteEntity *author = NULL;

  g_return_val_if_fail (memo != NULL, FALSE);
  if (author_id != NULL &&
      (author = mte_project_require (memo->base.project, author_id,
                                     MTE_ENTITY_MEMBER, "memo author",
                                     error)) == NULL)
    return FALSE;
  memo->author = (MteMember *) author;
  mte_project_touch (memo->base.project);
  return TRUE;
}

gint64
mte_memo_get_created (const MteMemo *memo)
{
  g_return_val_if_fail (memo != NULL, 0);
  return memo->created;
}

void
mte_memo_set_created (MteMemo *memo,
                      gint64   created)
{
  g_return_if_fail (memo != NULL);
  g_return_if_fail (created >= 0 && created <= MTE_TIME_MAX);
  memo->created = created;
  mte_project_touch (memo->base.project);
}

const char *
mte_memo_get_text (const MteMemo *memo)
{
  g_return_val_if_fail (memo != NULL, NULL);
  return memo->text;
}

gboolean
mte_memo_set_text (MteMemo    *memo,
                   const char *text,
                   GError    **error)
{
  g_return_val_if_fail (memo != NULL, FALSE);
  g_return_val_if_fail (text != NULL, FALSE);
  return mte_set_string (memo->base.project, &memo->text, text, FALSE,
                         "memo text", error);
}
