/* metaethno: phases 1 to 3 of a review: protocol, searches, records and
 * their screening, study exclusion, and the hand-entered PRISMA counts.
 * The flow computed from them is in mte-prisma.c.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "mte-model-private.h"
#include "mte-error-private.h"

#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ */
/* Names                                                               */
/* ------------------------------------------------------------------ */

static int
name_index (const char *const *names,
            guint              n,
            const char        *name)
{
  if (name == NULL)
    return -1;
  for (guint i = 0; i < n; i++)
    {
      if (names[i] != NULL && strcmp (names[i], name) == 0)
        return (int) i;
    }
  return -1;
}

static const char *const protocol_names[MTE_PROTOCOL_N_FIELDS] = {
  [MTE_PROTOCOL_RATIONALE] = "rationale",
  [MTE_PROTOCOL_INCLUSION] = "inclusion",
  [MTE_PROTOCOL_EXCLUSION] = "exclusion",
  [MTE_PROTOCOL_SEARCH_STRATEGY] = "search-strategy",
  [MTE_PROTOCOL_REGISTRATION] = "registration",
};

const char *
mte_protocol_field_to_string (MteProtocolField field)
{
  return (guint) field < MTE_PROTOCOL_N_FIELDS ? protocol_names[field] : NULL;
}

int
mte_protocol_field_from_string (const char *name)
{
  return name_index (protocol_names, MTE_PROTOCOL_N_FIELDS, name);
}

static const char *const source_names[] = {
  [MTE_SOURCE_DATABASE] = "database",
  [MTE_SOURCE_REGISTER] = "register",
  [MTE_SOURCE_WEBSITE] = "website",
  [MTE_SOURCE_ORGANISATION] = "organisation",
  [MTE_SOURCE_CITATION] = "citation",
  [MTE_SOURCE_OTHER] = "other",
};

const char *
mte_source_kind_to_string (MteSourceKind kind)
{
  return (guint) kind < G_N_ELEMENTS (source_names) ? source_names[kind] : NULL;
}

int
mte_source_kind_from_string (const char *name)
{
  int i = name_index (source_names, G_N_ELEMENTS (source_names), name);
  return i > 0 ? i : -1;
}

static const char *const record_field_names[MTE_RECORD_N_FIELDS] = {
  [MTE_RECORD_TITLE] = "title",
  [MTE_RECORD_SOURCE] = "source",
  [MTE_RECORD_VOLUME] = "volume",
  [MTE_RECORD_ISSUE] = "issue",
  [MTE_RECORD_PAGES] = "pages",
  [MTE_RECORD_DOI] = "doi",
  [MTE_RECORD_URL] = "url",
  [MTE_RECORD_ABSTRACT] = "abstract",
  [MTE_RECORD_DATABASE] = "database",
  [MTE_RECORD_NOTES] = "notes",
};

const char *
mte_record_field_to_string (MteRecordField field)
{
  return (guint) field < MTE_RECORD_N_FIELDS ? record_field_names[field] : NULL;
}

int
mte_record_field_from_string (const char *name)
{
  return name_index (record_field_names, MTE_RECORD_N_FIELDS, name);
}

static const char *const fate_names[] = {
  [MTE_FATE_UNSCREENED] = "unscreened",
  [MTE_FATE_DUPLICATE] = "duplicate",
  [MTE_FATE_REMOVED_AUTOMATION] = "removed-automation",
  [MTE_FATE_REMOVED_OTHER] = "removed-other",
  [MTE_FATE_EXCLUDED_SCREENING] = "excluded-screening",
  [MTE_FATE_SOUGHT] = "sought",
  [MTE_FATE_NOT_RETRIEVED] = "not-retrieved",
  [MTE_FATE_EXCLUDED_FULL_TEXT] = "excluded-full-text",
  [MTE_FATE_INCLUDED] = "included",
};

const char *
mte_record_fate_to_string (MteRecordFate fate)
{
  return (guint) fate < G_N_ELEMENTS (fate_names) ? fate_names[fate] : NULL;
}

int
mte_record_fate_from_string (const char *name)
{
  return name_index (fate_names, G_N_ELEMENTS (fate_names), name);
}

static const char *const stage_names[] = {
  [MTE_EXCLUSION_NONE] = "none",
  [MTE_EXCLUSION_FULL_TEXT] = "full-text",
  [MTE_EXCLUSION_APPRAISAL] = "appraisal",
  [MTE_EXCLUSION_SYNTHESIS] = "synthesis",
};

const char *
mte_exclusion_stage_to_string (MteExclusionStage stage)
{
  return (guint) stage < G_N_ELEMENTS (stage_names) ? stage_names[stage] : NULL;
}

int
mte_exclusion_stage_from_string (const char *name)
{
  return name_index (stage_names, G_N_ELEMENTS (stage_names), name);
}

/* The PRISMA2020 R package's names, except other_results, which it lacks. */
static const char *const prisma_names[MTE_PRISMA_N_COUNTS] = {
  [MTE_PRISMA_PREVIOUS_STUDIES] = "previous_studies",
  [MTE_PRISMA_PREVIOUS_REPORTS] = "previous_reports",
  [MTE_PRISMA_DATABASE_RESULTS] = "database_results",
  [MTE_PRISMA_REGISTER_RESULTS] = "register_results",
  [MTE_PRISMA_WEBSITE_RESULTS] = "website_results",
  [MTE_PRISMA_ORGANISATION_RESULTS] = "organisation_results",
  [MTE_PRISMA_CITATION_RESULTS] = "citations_results",
  [MTE_PRISMA_OTHER_RESULTS] = "other_results",
  [MTE_PRISMA_DUPLICATES] = "duplicates",
  [MTE_PRISMA_EXCLUDED_AUTOMATIC] = "excluded_automatic",
  [MTE_PRISMA_EXCLUDED_OTHER] = "excluded_other",
  [MTE_PRISMA_RECORDS_SCREENED] = "records_screened",
  [MTE_PRISMA_RECORDS_EXCLUDED] = "records_excluded",
  [MTE_PRISMA_DBR_SOUGHT] = "dbr_sought_reports",
  [MTE_PRISMA_DBR_NOT_RETRIEVED] = "dbr_notretrieved_reports",
  [MTE_PRISMA_DBR_ASSESSED] = "dbr_assessed",
  [MTE_PRISMA_DBR_EXCLUDED] = "dbr_excluded",
  [MTE_PRISMA_OTHER_SOUGHT] = "other_sought_reports",
  [MTE_PRISMA_OTHER_NOT_RETRIEVED] = "other_notretrieved_reports",
  [MTE_PRISMA_OTHER_ASSESSED] = "other_assessed",
  [MTE_PRISMA_OTHER_EXCLUDED] = "other_excluded",
  [MTE_PRISMA_NEW_STUDIES] = "new_studies",
  [MTE_PRISMA_NEW_REPORTS] = "new_reports",
  [MTE_PRISMA_TOTAL_STUDIES] = "total_studies",
  [MTE_PRISMA_TOTAL_REPORTS] = "total_reports",
};

const char *
mte_prisma_count_to_string (MtePrismaCount count)
{
  return (guint) count < MTE_PRISMA_N_COUNTS ? prisma_names[count] : NULL;
}

int
mte_prisma_count_from_string (const char *name)
{
  return name_index (prisma_names, MTE_PRISMA_N_COUNTS, name);
}

/* ------------------------------------------------------------------ */
/* Protocol                                                            */
/* ------------------------------------------------------------------ */

const char *
mte_project_get_protocol (const MteProject *project,
                          MteProtocolField  field)
{
  g_return_val_if_fail (project != NULL, NULL);
  g_return_val_if_fail ((guint) field < MTE_PROTOCOL_N_FIELDS, NULL);
  return project->protocol[field];
}

gboolean
mte_project_set_protocol (MteProject       *project,
                          MteProtocolField  field,
                          const char       *text,
                          GError          **error)
{
  g_autofree char *what = NULL;

  g_return_val_if_fail (project != NULL, FALSE);
  g_return_val_if_fail ((guint) field < MTE_PROTOCOL_N_FIELDS, FALSE);
  what = g_strdup_printf ("protocol %s", protocol_names[field]);
  return mte_set_string (project, &project->protocol[field], text, TRUE,
                         what, error);
}

/* ------------------------------------------------------------------ */
/* Searches                                                            */
/* ------------------------------------------------------------------ */

static gboolean
check_source (const char *source,
              GError    **error)
{
  if (source == NULL || source[0] == '\0')
    {
      mte_set_error (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_INVALID_VALUE,
                     "a search's source is empty");
      return FALSE;
    }
  return mte_check_utf8 (source, "search source", error);
}

MteSearch *
mte_project_add_search (MteProject    *project,
                        const char    *id,
                        MteSourceKind  kind,
                        const char    *source,
                        GError       **error)
{
  g_autofree char *made = NULL;
  MteSearch *search;

  g_return_val_if_fail (project != NULL, NULL);
  g_return_val_if_fail (mte_source_kind_to_string (kind) != NULL && kind != 0, NULL);

  if (!check_source (source, error))
    return NULL;
  search = g_new0 (MteSearch, 1);
  if (id == NULL)
    made = mte_project_generate_slug_id (project, source, "search");
  if (!mte_project_register (project, &search->base, MTE_ENTITY_SEARCH,
                             id != NULL ? id : made, "search", error))
    {
      g_free (search);
      return NULL;
    }
  search->kind = kind;
  search->source = g_strdup (source);
  search->n_records = MTE_COUNT_UNKNOWN;
  mte_entity_append (project->searches, search);
  return search;
}

guint
mte_project_get_n_searches (const MteProject *project)
{
  g_return_val_if_fail (project != NULL, 0);
  return project->searches->len;
}

MteSearch *
mte_project_get_search (const MteProject *project,
                        guint             index)
{
  g_return_val_if_fail (project != NULL, NULL);
  g_return_val_if_fail (index < project->searches->len, NULL);
  return g_ptr_array_index (project->searches, index);
}

static MteEntity *
lookup_kind (const MteProject *project,
             const char       *id,
             MteEntityKind     kind)
{
  MteEntity *entity;

  g_return_val_if_fail (project != NULL, NULL);
  g_return_val_if_fail (id != NULL, NULL);
  entity = g_hash_table_lookup (project->entities, id);
  return entity != NULL && entity->kind == kind ? entity : NULL;
}

MteSearch *
mte_project_lookup_search (const MteProject *project,
                           const char       *id)
{
  return (MteSearch *) lookup_kind (project, id, MTE_ENTITY_SEARCH);
}

const char *
mte_search_get_id (const MteSearch *search)
{
  g_return_val_if_fail (search != NULL, NULL);
  return search->base.id;
}

MteSourceKind
mte_search_get_kind (const MteSearch *search)
{
  g_return_val_if_fail (search != NULL, 0);
  return search->kind;
}

void
mte_search_set_kind (MteSearch     *search,
                     MteSourceKind  kind)
{
  g_return_if_fail (search != NULL);
  g_return_if_fail (kind != 0 && mte_source_kind_to_string (kind) != NULL);
  search->kind = kind;
  mte_project_touch (search->base.project);
}

const char *
mte_search_get_source (const MteSearch *search)
{
  g_return_val_if_fail (search != NULL, NULL);
  return search->source;
}

gboolean
mte_search_set_source (MteSearch  *search,
                       const char *source,
                       GError    **error)
{
  g_return_val_if_fail (search != NULL, FALSE);
  if (!check_source (source, error))
    return FALSE;
  return mte_set_string (search->base.project, &search->source, source, FALSE,
                         "search source", error);
}

const char *
mte_search_get_date (const MteSearch *search)
{
  g_return_val_if_fail (search != NULL, NULL);
  return search->date;
}

/* YYYY, YYYY-MM or YYYY-MM-DD, a real date from 1000 to 9999. */
static gboolean
date_is_valid (const char *date)
{
  gsize len = strlen (date);
  int year, month = 1, day = 1;

  if (len != 4 && len != 7 && len != 10)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    {
      gboolean dash = i == 4 || i == 7;

      if (dash ? date[i] != '-' : !g_ascii_isdigit (date[i]))
        return FALSE;
    }
  year = atoi (date);
  if (len >= 7)
    month = atoi (date + 5);
  if (len == 10)
    day = atoi (date + 8);
  return year >= 1000 && g_date_valid_dmy ((GDateDay) day, (GDateMonth) month,
                                           (GDateYear) year);
}

gboolean
mte_search_set_date (MteSearch  *search,
                     const char *date,
                     GError    **error)
{
  g_return_val_if_fail (search != NULL, FALSE);
  if (date != NULL && date[0] != '\0' && !date_is_valid (date))
    {
      g_autofree char *shown = g_utf8_make_valid (date, -1);

      mte_set_error (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_INVALID_VALUE,
                     "search '%s': date '%s' is not YYYY-MM-DD, YYYY-MM or YYYY",
                     search->base.id, shown);
      return FALSE;
    }
  return mte_set_string (search->base.project, &search->date, date, TRUE,
                         "search date", error);
}

const char *
mte_search_get_query (const MteSearch *search)
{
  g_return_val_if_fail (search != NULL, NULL);
  return search->query;
}

gboolean
mte_search_set_query (MteSearch  *search,
                      const char *query,
                      GError    **error)
{
  g_return_val_if_fail (search != NULL, FALSE);
  return mte_set_string (search->base.project, &search->query, query, TRUE,
                         "search query", error);
}

gint64
mte_search_get_n_records (const MteSearch *search)
{
  g_return_val_if_fail (search != NULL, MTE_COUNT_UNKNOWN);
  return search->n_records;
}

void
mte_search_set_n_records (MteSearch *search,
                          gint64     n_records)
{
  g_return_if_fail (search != NULL);
  g_return_if_fail (n_records >= MTE_COUNT_UNKNOWN);
  search->n_records = n_records;
  mte_project_touch (search->base.project);
}

MteMember *
mte_search_get_run_by (const MteSearch *search)
{
  g_return_val_if_fail (search != NULL, NULL);
  return search->run_by;
}

/* Resolves an optional member id into *@member. */
static gboolean
require_member (MteProject  *project,
                const char  *member_id,
                const char  *role,
                MteMember  **member,
                GError     **error)
{
  *member = NULL;
  if (member_id == NULL)
    return TRUE;
  *member = (MteMember *) mte_project_require (project, member_id,
                                               MTE_ENTITY_MEMBER, role, error);
  return *member != NULL;
}

gboolean
mte_search_set_run_by (MteSearch  *search,
                       const char *member_id,
                       GError    **error)
{
  MteMember *member;

  g_return_val_if_fail (search != NULL, FALSE);
  if (!require_member (search->base.project, member_id, "searcher", &member, error))
    return FALSE;
  search->run_by = member;
  mte_project_touch (search->base.project);
  return TRUE;
}

const char *
mte_search_get_notes (const MteSearch *search)
{
  g_return_val_if_fail (search != NULL, NULL);
  return search->notes;
}

gboolean
mte_search_set_notes (MteSearch  *search,
                      const char *notes,
                      GError    **error)
{
  g_return_val_if_fail (search != NULL, FALSE);
  return mte_set_string (search->base.project, &search->notes, notes, TRUE,
                         "search notes", error);
}

/* ------------------------------------------------------------------ */
/* Records                                                             */
/* ------------------------------------------------------------------ */

MteRecord *
mte_project_add_record (MteProject *project,
                        const char *id,
                        GError    **error)
{
  MteRecord *record;

  g_return_val_if_fail (project != NULL, NULL);

  record = g_new0 (MteRecord, 1);
  if (!mte_project_register (project, &record->base, MTE_ENTITY_RECORD, id,
                             "record", error))
    {
      g_free (record);
      return NULL;
    }
  record->authors = g_new0 (char *, 1);
  record->keywords = g_new0 (char *, 1);
  mte_entity_append (project->records, record);
  return record;
}

guint
mte_project_get_n_records (const MteProject *project)
{
  g_return_val_if_fail (project != NULL, 0);
  return project->records->len;
}

MteRecord *
mte_project_get_record (const MteProject *project,
                        guint             index)
{
  g_return_val_if_fail (project != NULL, NULL);
  g_return_val_if_fail (index < project->records->len, NULL);
  return g_ptr_array_index (project->records, index);
}

MteRecord *
mte_project_lookup_record (const MteProject *project,
                           const char       *id)
{
  return (MteRecord *) lookup_kind (project, id, MTE_ENTITY_RECORD);
}

const char *
mte_record_get_id (const MteRecord *record)
{
  g_return_val_if_fail (record != NULL, NULL);
  return record->base.id;
}

const char *
mte_record_get_field (const MteRecord *record,
                      MteRecordField   field)
{
  g_return_val_if_fail (record != NULL, NULL);
  g_return_val_if_fail ((guint) field < MTE_RECORD_N_FIELDS, NULL);
  return record->fields[field];
}

gboolean
mte_record_set_field (MteRecord      *record,
                      MteRecordField  field,
                      const char     *value,
                      GError        **error)
{
  g_autofree char *what = NULL;

  g_return_val_if_fail (record != NULL, FALSE);
  g_return_val_if_fail ((guint) field < MTE_RECORD_N_FIELDS, FALSE);
  what = g_strdup_printf ("record %s", record_field_names[field]);
  return mte_set_string (record->base.project, &record->fields[field], value,
                         TRUE, what, error);
}

/* Replaces *@list with a copy of @names after checking each. */
static gboolean
set_names (MteRecord          *record,
           char             ***list,
           const char * const *names,
           const char         *what,
           GError            **error)
{
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      if (names[i][0] == '\0')
        {
          mte_set_error (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_INVALID_VALUE,
                         "record '%s': %s %u is empty", record->base.id, what, i + 1);
          return FALSE;
        }
      if (!mte_check_utf8 (names[i], what, error))
        return FALSE;
    }
  g_strfreev (*list);
  *list = names != NULL ? g_strdupv ((char **) names) : g_new0 (char *, 1);
  mte_project_touch (record->base.project);
  return TRUE;
}

const char * const *
mte_record_get_authors (const MteRecord *record)
{
  g_return_val_if_fail (record != NULL, NULL);
  return (const char * const *) record->authors;
}

gboolean
mte_record_set_authors (MteRecord          *record,
                        const char * const *authors,
                        GError            **error)
{
  g_return_val_if_fail (record != NULL, FALSE);
  return set_names (record, &record->authors, authors, "author", error);
}

const char * const *
mte_record_get_keywords (const MteRecord *record)
{
  g_return_val_if_fail (record != NULL, NULL);
  return (const char * const *) record->keywords;
}

gboolean
mte_record_set_keywords (MteRecord          *record,
                         const char * const *keywords,
                         GError            **error)
{
  g_return_val_if_fail (record != NULL, FALSE);
  return set_names (record, &record->keywords, keywords, "keyword", error);
}

int
mte_record_get_year (const MteRecord *record)
{
  g_return_val_if_fail (record != NULL, 0);
  return record->year;
}

gboolean
mte_record_set_year (MteRecord *record,
                     int        year,
                     GError   **error)
{
  g_return_val_if_fail (record != NULL, FALSE);
  if (year < 0 || year > 9999)
    {
      mte_set_error (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_INVALID_VALUE,
                     "record '%s': year %d is outside 1 to 9999", record->base.id,
                     year);
      return FALSE;
    }
  record->year = year;
  mte_project_touch (record->base.project);
  return TRUE;
}

gboolean
mte_record_add_search (MteRecord  *record,
                       const char *search_id,
                       GError    **error)
{
  MteEntity *search;

  g_return_val_if_fail (record != NULL, FALSE);
  g_return_val_if_fail (search_id != NULL, FALSE);

  search = mte_project_require (record->base.project, search_id,
                                MTE_ENTITY_SEARCH, "search", error);
  if (search == NULL)
    return FALSE;
  mte_ptr_set_add (&record->searches, search);
  mte_project_touch (record->base.project);
  return TRUE;
}

gboolean
mte_record_remove_search (MteRecord  *record,
                          const char *search_id)
{
  MteEntity *search;

  g_return_val_if_fail (record != NULL, FALSE);
  g_return_val_if_fail (search_id != NULL, FALSE);

  search = g_hash_table_lookup (record->base.project->entities, search_id);
  if (search == NULL || record->searches == NULL ||
      !mte_ptr_set_remove (record->searches, search))
    return FALSE;
  mte_project_touch (record->base.project);
  return TRUE;
}

guint
mte_record_get_n_searches (const MteRecord *record)
{
  g_return_val_if_fail (record != NULL, 0);
  return record->searches != NULL ? record->searches->len : 0;
}

MteSearch *
mte_record_get_search (const MteRecord *record,
                       guint            index)
{
  g_return_val_if_fail (record != NULL, NULL);
  g_return_val_if_fail (index < mte_record_get_n_searches (record), NULL);
  return g_ptr_array_index (record->searches, index);
}

/* Whether another record is marked a duplicate of @record. */
/* Whether other records are marked duplicates of this one.  The count is
 * kept by mte_record_set_fate() and by removal, so that marking n
 * duplicates costs O(n), not O(n × records). */
static gboolean
is_duplicated (const MteRecord *record)
{
  return record->n_duplicates > 0;
}

gboolean
mte_record_set_fate (MteRecord     *record,
                     MteRecordFate  fate,
                     const char    *target_id,
                     const char    *reason,
                     const char    *decided_by,
                     gint64         decided,
                     GError       **error)
{
  MteProject *project;
  MteRecord *duplicate_of = NULL;
  MteStudy *study = NULL;
  MteMember *member;
  const char *id;

  g_return_val_if_fail (record != NULL, FALSE);
  g_return_val_if_fail (mte_record_fate_to_string (fate) != NULL, FALSE);
  g_return_val_if_fail (decided >= 0 && decided <= MTE_TIME_MAX, FALSE);

  project = record->base.project;
  id = record->base.id;
  if (reason != NULL && reason[0] == '\0')
    reason = NULL;

  if (fate == MTE_FATE_DUPLICATE)
    {
      if (target_id == NULL)
        {
          mte_set_error (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_INVALID_VALUE,
                         "record '%s': a duplicate needs the record it duplicates", id);
          return FALSE;
        }
      duplicate_of = (MteRecord *) mte_project_require (project, target_id,
                                                        MTE_ENTITY_RECORD,
                                                        "duplicated record", error);
      if (duplicate_of == NULL)
        return FALSE;
      if (duplicate_of == record || duplicate_of->fate == MTE_FATE_DUPLICATE)
        {
          mte_set_error (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_INVALID_VALUE,
                         duplicate_of == record
                           ? "record '%s' cannot be a duplicate of itself"
                           : "record '%s' cannot be a duplicate of '%s', itself a "
                             "duplicate (name the record it duplicates)",
                         id, duplicate_of->base.id);
          return FALSE;
        }
      if (is_duplicated (record))
        {
          mte_set_error (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_INVALID_VALUE,
                         "record '%s' has duplicates of its own, so it cannot be "
                         "marked a duplicate", id);
          return FALSE;
        }
    }
  else if (fate == MTE_FATE_INCLUDED)
    {
      if (target_id == NULL)
        {
          mte_set_error (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_INVALID_VALUE,
                         "record '%s': an included record needs the study it reports", id);
          return FALSE;
        }
      study = (MteStudy *) mte_project_require (project, target_id,
                                                MTE_ENTITY_STUDY,
                                                "reported study", error);
      if (study == NULL)
        return FALSE;
    }
  else if (target_id != NULL)
    {
      mte_set_error (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_INVALID_VALUE,
                     "record '%s': only a duplicate or an included record names "
                     "another entity, not one %s", id, fate_names[fate]);
      return FALSE;
    }

  if (fate == MTE_FATE_EXCLUDED_FULL_TEXT && reason == NULL)
    {
      mte_set_error (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_INVALID_VALUE,
                     "record '%s': an exclusion at full text needs a reason", id);
      return FALSE;
    }
  if (fate == MTE_FATE_UNSCREENED && (reason != NULL || decided_by != NULL || decided != 0))
    {
      mte_set_error (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_INVALID_VALUE,
                     "record '%s': an unscreened record has no reason, decider "
                     "or time", id);
      return FALSE;
    }
  if (!mte_check_utf8 (reason, "reason", error) ||
      !require_member (project, decided_by, "decider", &member, error))
    return FALSE;

  if (record->duplicate_of != NULL)
    record->duplicate_of->n_duplicates--;
  if (duplicate_of != NULL)
    duplicate_of->n_duplicates++;
  record->fate = fate;
  record->duplicate_of = duplicate_of;
  record->study = study;
  g_free (record->reason);
  record->reason = g_strdup (reason);
  record->decided_by = member;
  record->decided = decided;
  mte_project_touch (project);
  return TRUE;
}

MteRecordFate
mte_record_get_fate (const MteRecord *record)
{
  g_return_val_if_fail (record != NULL, MTE_FATE_UNSCREENED);
  return record->fate;
}

const char *
mte_record_get_reason (const MteRecord *record)
{
  g_return_val_if_fail (record != NULL, NULL);
  return record->reason;
}

MteRecord *
mte_record_get_duplicate_of (const MteRecord *record)
{
  g_return_val_if_fail (record != NULL, NULL);
  return record->duplicate_of;
}

MteStudy *
mte_record_get_study (const MteRecord *record)
{
  g_return_val_if_fail (record != NULL, NULL);
  return record->study;
}

MteMember *
mte_record_get_decided_by (const MteRecord *record)
{
  g_return_val_if_fail (record != NULL, NULL);
  return record->decided_by;
}

gint64
mte_record_get_decided (const MteRecord *record)
{
  g_return_val_if_fail (record != NULL, 0);
  return record->decided;
}

/* ------------------------------------------------------------------ */
/* Study exclusion                                                     */
/* ------------------------------------------------------------------ */

void
mte_exclusion_free (MteExclusion *exclusion)
{
  if (exclusion == NULL)
    return;
  g_free (exclusion->reason);
  g_free (exclusion);
}

gboolean
mte_study_exclude (MteStudy          *study,
                   MteExclusionStage  stage,
                   const char        *reason,
                   const char        *reviewer_id,
                   gint64             when,
                   GError           **error)
{
  MteMember *reviewer;
  MteExclusion *exclusion;

  g_return_val_if_fail (study != NULL, FALSE);
  g_return_val_if_fail (stage > MTE_EXCLUSION_NONE &&
                        mte_exclusion_stage_to_string (stage) != NULL, FALSE);
  g_return_val_if_fail (when >= 0 && when <= MTE_TIME_MAX, FALSE);

  if (reason == NULL || reason[0] == '\0')
    {
      mte_set_error (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_INVALID_VALUE,
                     "study '%s': an exclusion needs a reason", study->base.id);
      return FALSE;
    }
  if (!mte_check_utf8 (reason, "exclusion reason", error) ||
      !require_member (study->base.project, reviewer_id, "reviewer", &reviewer, error))
    return FALSE;

  exclusion = g_new0 (MteExclusion, 1);
  exclusion->stage = stage;
  exclusion->reason = g_strdup (reason);
  exclusion->reviewer = reviewer;
  exclusion->time = when;
  mte_exclusion_free (study->exclusion);
  study->exclusion = exclusion;
  mte_project_touch (study->base.project);
  return TRUE;
}

void
mte_study_include (MteStudy *study)
{
  g_return_if_fail (study != NULL);
  if (study->exclusion == NULL)
    return;
  g_clear_pointer (&study->exclusion, mte_exclusion_free);
  mte_project_touch (study->base.project);
}

gboolean
mte_study_is_excluded (const MteStudy *study)
{
  g_return_val_if_fail (study != NULL, FALSE);
  return study->exclusion != NULL;
}

MteExclusionStage
mte_study_get_exclusion_stage (const MteStudy *study)
{
  g_return_val_if_fail (study != NULL, MTE_EXCLUSION_NONE);
  return study->exclusion != NULL ? study->exclusion->stage : MTE_EXCLUSION_NONE;
}

const char *
mte_study_get_exclusion_reason (const MteStudy *study)
{
  g_return_val_if_fail (study != NULL, NULL);
  return study->exclusion != NULL ? study->exclusion->reason : NULL;
}

MteMember *
mte_study_get_exclusion_reviewer (const MteStudy *study)
{
  g_return_val_if_fail (study != NULL, NULL);
  return study->exclusion != NULL ? study->exclusion->reviewer : NULL;
}

gint64
mte_study_get_exclusion_time (const MteStudy *study)
{
  g_return_val_if_fail (study != NULL, 0);
  return study->exclusion != NULL ? study->exclusion->time : 0;
}

guint
mte_project_get_n_included_studies (const MteProject *project)
{
  guint n = 0;

  g_return_val_if_fail (project != NULL, 0);
  for (guint i = 0; i < project->studies->len; i++)
    n += !mte_study_excluded (g_ptr_array_index (project->studies, i));
  return n;
}

/* ------------------------------------------------------------------ */
/* Counts entered by hand                                              */
/* ------------------------------------------------------------------ */

gint64
mte_project_get_stage_count (const MteProject *project,
                             MtePrismaCount    count)
{
  g_return_val_if_fail (project != NULL, MTE_COUNT_UNKNOWN);
  g_return_val_if_fail ((guint) count < MTE_PRISMA_N_COUNTS, MTE_COUNT_UNKNOWN);
  return project->stage_counts[count];
}

void
mte_project_set_stage_count (MteProject     *project,
                             MtePrismaCount  count,
                             gint64          value)
{
  g_return_if_fail (project != NULL);
  g_return_if_fail ((guint) count < MTE_PRISMA_N_COUNTS);
  g_return_if_fail (count != MTE_PRISMA_DBR_EXCLUDED && count != MTE_PRISMA_OTHER_EXCLUDED);
  g_return_if_fail (value >= MTE_COUNT_UNKNOWN);
  project->stage_counts[count] = value;
  mte_project_touch (project);
}

static gboolean
is_excluded_box (MtePrismaCount count)
{
  return count == MTE_PRISMA_DBR_EXCLUDED || count == MTE_PRISMA_OTHER_EXCLUDED;
}

guint
mte_project_get_n_exclusion_counts (const MteProject *project,
                                    MtePrismaCount    count)
{
  guint n = 0;

  g_return_val_if_fail (project != NULL, 0);
  g_return_val_if_fail (is_excluded_box (count), 0);
  for (guint i = 0; i < project->exclusion_counts->len; i++)
    n += g_array_index (project->exclusion_counts, MteExclusionCount, i).box == count;
  return n;
}

/* The entry for the @index-th reason of @count, or NULL. */
static MteExclusionCount *
nth_exclusion_count (const MteProject *project,
                     MtePrismaCount    count,
                     guint             index)
{
  for (guint i = 0; i < project->exclusion_counts->len; i++)
    {
      MteExclusionCount *entry = &g_array_index (project->exclusion_counts,
                                                 MteExclusionCount, i);

      if (entry->box == count && index-- == 0)
        return entry;
    }
  return NULL;
}

gint64
mte_project_get_exclusion_count (const MteProject *project,
                                 MtePrismaCount    count,
                                 guint             index,
                                 const char      **reason)
{
  MteExclusionCount *entry;

  g_return_val_if_fail (project != NULL, MTE_COUNT_UNKNOWN);
  g_return_val_if_fail (is_excluded_box (count), MTE_COUNT_UNKNOWN);
  entry = nth_exclusion_count (project, count, index);
  g_return_val_if_fail (entry != NULL, MTE_COUNT_UNKNOWN);
  if (reason != NULL)
    *reason = entry->reason;
  return entry->value;
}

gboolean
mte_project_set_exclusion_count (MteProject     *project,
                                 MtePrismaCount  count,
                                 const char     *reason,
                                 gint64          value,
                                 GError        **error)
{
  GArray *entries;

  g_return_val_if_fail (project != NULL, FALSE);
  g_return_val_if_fail (is_excluded_box (count), FALSE);
  g_return_val_if_fail (reason != NULL, FALSE);
  g_return_val_if_fail (value >= MTE_COUNT_UNKNOWN, FALSE);

  if (reason[0] == '\0')
    {
      mte_set_error (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_INVALID_VALUE,
                     "an exclusion count needs a reason");
      return FALSE;
    }
  if (!mte_check_utf8 (reason, "exclusion reason", error))
    return FALSE;

  entries = project->exclusion_counts;
  for (guint i = 0; i < entries->len; i++)
    {
      MteExclusionCount *entry = &g_array_index (entries, MteExclusionCount, i);

      if (entry->box != count || strcmp (entry->reason, reason) != 0)
        continue;
      if (value == MTE_COUNT_UNKNOWN)
        {
          g_free (entry->reason);
          g_array_remove_index (entries, i);
        }
      else
        entry->value = value;
      mte_project_touch (project);
      return TRUE;
    }
  if (value != MTE_COUNT_UNKNOWN)
    {
      MteExclusionCount entry = { count, g_strdup (reason), value };
      g_array_append_val (entries, entry);
      mte_project_touch (project);
    }
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Load warnings                                                       */
/* ------------------------------------------------------------------ */

void
mte_project_take_load_warning (MteProject *project,
                               char       *message)
{
  if (project->load_warnings == NULL)
    project->load_warnings = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (project->load_warnings, message);
}

guint
mte_project_get_n_load_warnings (const MteProject *project)
{
  g_return_val_if_fail (project != NULL, 0);
  return project->load_warnings != NULL ? project->load_warnings->len : 0;
}

const char *
mte_project_get_load_warning (const MteProject *project,
                              guint             index)
{
  g_return_val_if_fail (project != NULL, NULL);
  g_return_val_if_fail (index < mte_project_get_n_load_warnings (project), NULL);
  return g_ptr_array_index (project->load_warnings, index);
}
