/* metaethno: the review project, the entity base, team, checklists, memos.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#ifndef MTE_PROJECT_H
#define MTE_PROJECT_H

#if !defined(MTE_INSIDE) && !defined(MTE_COMPILATION)
#error "Only <metaethno/metaethno.h> can be included directly."
#endif

#include <metaethno/mte-types.h>

G_BEGIN_DECLS

/*
 * Common rules for this and every model header:
 *
 * - Strings passed in are copied; they must be valid UTF-8 without the
 *   characters XML 1.0 cannot hold (C0 controls other than tab, newline and
 *   carriage return; U+FFFE, U+FFFF), so that every model can be saved;
 *   setters return FALSE with %MTE_MODEL_ERROR_INVALID_VALUE otherwise. Where a parameter
 *   is "(nullable)", NULL clears the field.
 * - Strings returned by _get_ functions are borrowed and stay valid until
 *   the field is set again, the entity is removed or the project freed.
 *   NULL means "not recorded".
 * - Ids: 1 to 256 characters from `[A-Za-z0-9_.:-]`, starting with a letter,
 *   digit or `_`; unique across every kind of entity in the project. Where
 *   an id parameter is "(nullable)", NULL asks the project to generate a
 *   readable one: from the label where the entity has one at creation
 *   ("being-listened-to"), STUDY-qN and STUDY-tN for constructs
 *   ("okafor2021-q3"), KIND-N otherwise ("study-1", "memo-2").
 * - Times are seconds since 1970-01-01 UTC (gint64), from 0 (not recorded)
 *   to %MTE_TIME_MAX; time setters treat other values as programming errors.
 * - Any change made through the API sets the project's modified time.
 */

/* ------------------------------------------------------------------ */
/* Project                                                            */
/* ------------------------------------------------------------------ */

/**
 * mte_project_new:
 *
 * Creates an empty project whose created and modified times are now.
 *
 * Returns: (transfer full): a new project; free it with mte_project_free().
 */
MTE_API MteProject *mte_project_new (void);

/**
 * mte_project_free:
 * @project: (nullable) (transfer full): a project
 *
 * Frees the project and every entity in it. Borrowed pointers into it
 * become invalid. NULL is ignored.
 */
MTE_API void mte_project_free (MteProject *project);

/**
 * mte_project_equal:
 * @a: a project
 * @b: another project
 *
 * Deep comparison of two projects: every field of every entity, the order
 * of every collection, and the translation session with its decisions. Used to check that a file round-trips.
 *
 * Returns: TRUE when the two models are identical.
 */
MTE_API gboolean mte_project_equal (const MteProject *a,
                                    const MteProject *b);

/**
 * mte_project_get_title:
 * @project: a project
 *
 * Returns: (transfer none) (nullable): the review's title.
 */
MTE_API const char *mte_project_get_title (const MteProject *project);

/**
 * mte_project_set_title:
 * @project: a project
 * @title: (nullable): the review's title
 * @error: return location for a #GError
 *
 * Returns: TRUE on success; FALSE when @title is not valid UTF-8.
 */
MTE_API gboolean mte_project_set_title (MteProject *project,
                                        const char *title,
                                        GError    **error);

/**
 * mte_project_get_question:
 * @project: a project
 *
 * Returns: (transfer none) (nullable): the review question (phase 1).
 */
MTE_API const char *mte_project_get_question (const MteProject *project);

/**
 * mte_project_set_question:
 * @project: a project
 * @question: (nullable): the review question
 * @error: return location for a #GError
 *
 * Returns: TRUE on success; FALSE when @question is not valid UTF-8.
 */
MTE_API gboolean mte_project_set_question (MteProject *project,
                                           const char *question,
                                           GError    **error);

/**
 * mte_project_get_aim:
 * @project: a project
 *
 * Returns: (transfer none) (nullable): the review's aim.
 */
MTE_API const char *mte_project_get_aim (const MteProject *project);

/**
 * mte_project_set_aim:
 * @project: a project
 * @aim: (nullable): the review's aim
 * @error: return location for a #GError
 *
 * Returns: TRUE on success; FALSE when @aim is not valid UTF-8.
 */
MTE_API gboolean mte_project_set_aim (MteProject *project,
                                      const char *aim,
                                      GError    **error);

/**
 * mte_project_get_line_of_argument:
 * @project: a project
 *
 * Returns: (transfer none) (nullable): the review team's statement of the
 *   line of argument as a whole (the links between third-order constructs
 *   are #MteArgumentLink objects).
 */
MTE_API const char *mte_project_get_line_of_argument (const MteProject *project);

/**
 * mte_project_set_line_of_argument:
 * @project: a project
 * @statement: (nullable): the line-of-argument statement
 * @error: return location for a #GError
 *
 * Returns: TRUE on success; FALSE when @statement is not valid UTF-8.
 */
MTE_API gboolean mte_project_set_line_of_argument (MteProject *project,
                                                   const char *statement,
                                                   GError    **error);

/**
 * mte_project_get_created:
 * @project: a project
 *
 * Returns: when the project was created (seconds since the epoch, UTC).
 */
MTE_API gint64 mte_project_get_created (const MteProject *project);

/**
 * mte_project_set_created:
 * @project: a project
 * @created: seconds since the epoch, UTC; must not be negative
 */
MTE_API void mte_project_set_created (MteProject *project,
                                      gint64      created);

/**
 * mte_project_get_modified:
 * @project: a project
 *
 * Returns: when the project was last changed through the API (seconds
 *   since the epoch, UTC).
 */
MTE_API gint64 mte_project_get_modified (const MteProject *project);

/**
 * mte_project_set_modified:
 * @project: a project
 * @modified: seconds since the epoch, UTC; must not be negative
 *
 * Overrides the modified time (loaders and importers use this; ordinary
 * changes set it automatically).
 */
MTE_API void mte_project_set_modified (MteProject *project,
                                       gint64      modified);

/* ------------------------------------------------------------------ */
/* Entities in general                                                */
/* ------------------------------------------------------------------ */

/**
 * mte_project_lookup:
 * @project: a project
 * @id: an id
 *
 * Returns: (transfer none) (nullable): the entity with this id, of any
 *   kind, or NULL when there is none.
 */
MTE_API MteEntity *mte_project_lookup (const MteProject *project,
                                       const char       *id);

/**
 * mte_entity_get_id:
 * @entity: any entity (use MTE_ENTITY() to cast)
 *
 * Returns: (transfer none): the entity's id; never NULL.
 */
MTE_API const char *mte_entity_get_id (const MteEntity *entity);

/**
 * mte_entity_get_kind:
 * @entity: any entity
 *
 * Returns: what kind of entity this is; cast the pointer to the matching
 *   type (e.g. #MteStudy for %MTE_ENTITY_STUDY).
 */
MTE_API MteEntityKind mte_entity_get_kind (const MteEntity *entity);

/**
 * mte_entity_get_project:
 * @entity: any entity
 *
 * Returns: (transfer none): the project that owns the entity.
 */
MTE_API MteProject *mte_entity_get_project (const MteEntity *entity);

/**
 * mte_entity_kind_to_string:
 * @kind: an entity kind
 *
 * Returns: (transfer none): a static lowercase name ("study",
 *   "third-order construct", ...), or "none" for unknown values.
 */
MTE_API const char *mte_entity_kind_to_string (MteEntityKind kind);

/**
 * mte_project_generate_id:
 * @project: a project
 * @prefix: an id prefix such as "study"; must itself be a valid id
 *
 * Finds an unused id of the form PREFIX-N, with N the smallest positive
 * integer not yet taken with that prefix since the project was created or
 * loaded. A prefix longer than 245 characters is cut to 245, so that the
 * id fits the 256 characters ids may have.
 *
 * Returns: (transfer full): a fresh id; free with g_free().
 */
MTE_API char *mte_project_generate_id (MteProject *project,
                                       const char *prefix);

/**
 * mte_project_generate_slug_id:
 * @project: a project
 * @text: (nullable): a label or name to derive the id from
 * @prefix: the prefix used when @text gives no letters or digits; must
 *   itself be a valid id
 *
 * Derives a readable, unused id from @text: transliterated to ASCII,
 * lowercased, with every run of other characters turned into one hyphen
 * and apostrophes dropped ("Being listened to" gives "being-listened-to",
 * "Patients' trust" gives "patients-trust"), cut to at most 48 characters
 * at a hyphen where possible. When that id is taken, "-2", "-3", ... is
 * appended. When @text is NULL, not valid UTF-8 or has no letter or digit,
 * the id is PREFIX-N as from mte_project_generate_id().
 *
 * The add functions that take a label or name (concepts, third-order
 * constructs, members, checklists, frameworks) use this when given a NULL
 * id; mte_study_add_construct() gives STUDY-qN to first-order constructs
 * and STUDY-tN to second-order ones. A slug is not reserved: two calls
 * without an add between them return the same slug. (The PREFIX-N
 * fallback, like mte_project_generate_id(), advances its counter.)
 *
 * Returns: (transfer full): a fresh id; free with g_free().
 */
MTE_API char *mte_project_generate_slug_id (MteProject *project,
                                            const char *text,
                                            const char *prefix);

/**
 * mte_project_dup_dependents:
 * @project: a project
 * @id: the id of an entity in @project
 *
 * Lists the entities outside @id (and outside what @id owns, such as a
 * study's constructs) that refer to it: the entities whose removal or
 * change mte_project_remove() would need. Order is document order.
 *
 * Returns: (transfer full) (array zero-terminated=1): ids, possibly an
 *   empty vector; NULL when @id names no entity. Free with g_strfreev().
 */
MTE_API char **mte_project_dup_dependents (const MteProject *project,
                                           const char       *id);

/**
 * mte_project_remove:
 * @project: a project
 * @id: the id of the entity to remove
 * @flags: %MTE_REMOVE_CASCADE to also remove what depends on it
 * @error: return location for a #GError
 *
 * Removes an entity and what it owns (a study owns its constructs; a
 * framework its levels and classifications; every entity its memos).
 *
 * Without %MTE_REMOVE_CASCADE the call fails with
 * %MTE_MODEL_ERROR_HAS_DEPENDENTS, naming the dependents, when anything
 * else refers to the entity. With it, dependents are dealt with as follows:
 * references held in lists are dropped (a concept's expressions, a second-
 * order construct's grounding, a third-order construct's basis, a
 * translation's or memo's author), and objects that cannot exist without
 * the entity are removed in turn (translations whose side goes, argument
 * links whose end goes, memos about it, its classifications, appraisals
 * against a removed checklist).
 *
 * All borrowed pointers to removed entities become invalid. On failure the
 * project is unchanged.
 *
 * Returns: TRUE when removed; FALSE with %MTE_MODEL_ERROR_NOT_FOUND or
 *   %MTE_MODEL_ERROR_HAS_DEPENDENTS.
 */
MTE_API gboolean mte_project_remove (MteProject     *project,
                                     const char     *id,
                                     MteRemoveFlags  flags,
                                     GError        **error);

/* ------------------------------------------------------------------ */
/* Team members                                                       */
/* ------------------------------------------------------------------ */

/**
 * mte_project_add_member:
 * @project: a project
 * @id: (nullable): the member's id, e.g. initials; NULL to derive one
 *   from @name (see mte_project_generate_slug_id())
 * @name: the member's name
 * @role: (nullable): their role, e.g. "second reviewer"
 * @error: return location for a #GError
 *
 * Returns: (transfer none): the new member, owned by @project; NULL with
 *   @error set on an invalid or duplicate id or invalid UTF-8.
 */
MTE_API MteMember *mte_project_add_member (MteProject *project,
                                           const char *id,
                                           const char *name,
                                           const char *role,
                                           GError    **error);

/**
 * mte_project_get_n_members:
 * @project: a project
 *
 * Returns: how many team members there are.
 */
MTE_API guint mte_project_get_n_members (const MteProject *project);

/**
 * mte_project_get_member:
 * @project: a project
 * @index: 0 to mte_project_get_n_members() - 1
 *
 * Returns: (transfer none): the member at @index, in the order added.
 */
MTE_API MteMember *mte_project_get_member (const MteProject *project,
                                           guint             index);

/**
 * mte_project_lookup_member:
 * @project: a project
 * @id: an id
 *
 * Returns: (transfer none) (nullable): the member with this id, or NULL.
 */
MTE_API MteMember *mte_project_lookup_member (const MteProject *project,
                                              const char       *id);

/**
 * mte_member_get_id:
 * @member: a member
 *
 * Returns: (transfer none): the member's id.
 */
MTE_API const char *mte_member_get_id (const MteMember *member);

/**
 * mte_member_get_name:
 * @member: a member
 *
 * Returns: (transfer none): the member's name; never NULL.
 */
MTE_API const char *mte_member_get_name (const MteMember *member);

/**
 * mte_member_set_name:
 * @member: a member
 * @name: the new name; not NULL
 * @error: return location for a #GError
 *
 * Returns: TRUE on success; FALSE when @name is not valid UTF-8.
 */
MTE_API gboolean mte_member_set_name (MteMember  *member,
                                      const char *name,
                                      GError    **error);

/**
 * mte_member_get_role:
 * @member: a member
 *
 * Returns: (transfer none) (nullable): the member's role.
 */
MTE_API const char *mte_member_get_role (const MteMember *member);

/**
 * mte_member_set_role:
 * @member: a member
 * @role: (nullable): the role
 * @error: return location for a #GError
 *
 * Returns: TRUE on success; FALSE when @role is not valid UTF-8.
 */
MTE_API gboolean mte_member_set_role (MteMember  *member,
                                      const char *role,
                                      GError    **error);

/* ------------------------------------------------------------------ */
/* Appraisal checklists                                               */
/* ------------------------------------------------------------------ */

/**
 * mte_project_add_checklist:
 * @project: a project
 * @id: (nullable): the checklist's id, e.g. "casp"; NULL to derive one
 *   from @name (see mte_project_generate_slug_id())
 * @name: a human name, e.g. "CASP qualitative checklist (2018)"
 * @error: return location for a #GError
 *
 * Checklists are data: add one, then its questions with
 * mte_checklist_add_question(); studies are appraised against it with
 * mte_study_set_appraisal().
 *
 * Returns: (transfer none): the new checklist, owned by @project; NULL
 *   with @error set on an invalid or duplicate id.
 */
MTE_API MteChecklist *mte_project_add_checklist (MteProject *project,
                                                 const char *id,
                                                 const char *name,
                                                 GError    **error);

/**
 * mte_project_get_n_checklists:
 * @project: a project
 *
 * Returns: the number of checklists.
 */
MTE_API guint mte_project_get_n_checklists (const MteProject *project);

/**
 * mte_project_get_checklist:
 * @project: a project
 * @index: 0 to mte_project_get_n_checklists() - 1
 *
 * Returns: (transfer none): the checklist at @index, in the order added.
 */
MTE_API MteChecklist *mte_project_get_checklist (const MteProject *project,
                                                 guint             index);

/**
 * mte_project_lookup_checklist:
 * @project: a project
 * @id: an id
 *
 * Returns: (transfer none) (nullable): the checklist, or NULL.
 */
MTE_API MteChecklist *mte_project_lookup_checklist (const MteProject *project,
                                                    const char       *id);

/**
 * mte_checklist_get_id:
 * @checklist: a checklist
 *
 * Returns: (transfer none): its id.
 */
MTE_API const char *mte_checklist_get_id (const MteChecklist *checklist);

/**
 * mte_checklist_get_name:
 * @checklist: a checklist
 *
 * Returns: (transfer none): its name; never NULL.
 */
MTE_API const char *mte_checklist_get_name (const MteChecklist *checklist);

/**
 * mte_checklist_set_name:
 * @checklist: a checklist
 * @name: the new name; not NULL
 * @error: return location for a #GError
 *
 * Returns: TRUE on success; FALSE when @name is not valid UTF-8.
 */
MTE_API gboolean mte_checklist_set_name (MteChecklist *checklist,
                                         const char   *name,
                                         GError      **error);

/**
 * mte_checklist_add_question:
 * @checklist: a checklist
 * @key: the question's key, unique within the checklist (e.g. "q1"); same
 *   syntax as an id
 * @text: the question, e.g. "Was there a clear statement of the aims?"
 * @answers: (nullable) (array zero-terminated=1): the answers allowed, in
 *   order (e.g. "yes", "can't tell", "no"); NULL or empty for a free-text
 *   question such as CASP's tenth
 * @error: return location for a #GError
 *
 * Appends a question.
 *
 * Returns: TRUE on success; FALSE on an invalid or duplicate key, an
 *   empty or repeated answer, or invalid UTF-8.
 */
MTE_API gboolean mte_checklist_add_question (MteChecklist       *checklist,
                                             const char         *key,
                                             const char         *text,
                                             const char * const *answers,
                                             GError            **error);

/**
 * mte_checklist_remove_question:
 * @checklist: a checklist
 * @key: a question key
 * @flags: %MTE_REMOVE_CASCADE to also delete studies' answers to it
 * @error: return location for a #GError
 *
 * Returns: TRUE when removed; FALSE with %MTE_MODEL_ERROR_NOT_FOUND, or
 *   with %MTE_MODEL_ERROR_HAS_DEPENDENTS (naming the studies) when studies
 *   answered it and @flags has no %MTE_REMOVE_CASCADE.
 */
MTE_API gboolean mte_checklist_remove_question (MteChecklist   *checklist,
                                                const char     *key,
                                                MteRemoveFlags  flags,
                                                GError        **error);

/**
 * mte_checklist_get_n_questions:
 * @checklist: a checklist
 *
 * Returns: the number of questions.
 */
MTE_API guint mte_checklist_get_n_questions (const MteChecklist *checklist);

/**
 * mte_checklist_get_question_key:
 * @checklist: a checklist
 * @index: 0 to mte_checklist_get_n_questions() - 1
 *
 * Returns: (transfer none): the key of the question at @index.
 */
MTE_API const char *mte_checklist_get_question_key (const MteChecklist *checklist,
                                                    guint               index);

/**
 * mte_checklist_get_question_text:
 * @checklist: a checklist
 * @index: 0 to mte_checklist_get_n_questions() - 1
 *
 * Returns: (transfer none): the text of the question at @index.
 */
MTE_API const char *mte_checklist_get_question_text (const MteChecklist *checklist,
                                                     guint               index);

/**
 * mte_checklist_get_question_answers:
 * @checklist: a checklist
 * @index: 0 to mte_checklist_get_n_questions() - 1
 *
 * Returns: (transfer none) (array zero-terminated=1): the allowed answers,
 *   an empty vector for a free-text question. Never NULL.
 */
MTE_API const char * const *mte_checklist_get_question_answers (const MteChecklist *checklist,
                                                                guint               index);

/**
 * mte_checklist_find_question:
 * @checklist: a checklist
 * @key: a question key
 *
 * Returns: the index of the question with @key, or -1.
 */
MTE_API int mte_checklist_find_question (const MteChecklist *checklist,
                                         const char         *key);

/* ------------------------------------------------------------------ */
/* Memos                                                              */
/* ------------------------------------------------------------------ */

/**
 * mte_project_add_memo:
 * @project: a project
 * @id: (nullable): the memo's id; NULL to generate one
 * @subject_id: (nullable): the id of the entity the memo is about; NULL
 *   for a memo on the project as a whole
 * @author_id: (nullable): the id of the team member who wrote it
 * @text: the memo
 * @error: return location for a #GError
 *
 * Adds a memo dated now (see mte_memo_set_created()).
 *
 * Returns: (transfer none): the memo, owned by @project; NULL with @error
 *   set when an id is invalid, taken or unknown, or @author_id is not a
 *   member.
 */
MTE_API MteMemo *mte_project_add_memo (MteProject *project,
                                       const char *id,
                                       const char *subject_id,
                                       const char *author_id,
                                       const char *text,
                                       GError    **error);

/**
 * mte_project_get_n_memos:
 * @project: a project
 *
 * Returns: the number of memos.
 */
MTE_API guint mte_project_get_n_memos (const MteProject *project);

/**
 * mte_project_get_memo:
 * @project: a project
 * @index: 0 to mte_project_get_n_memos() - 1
 *
 * Returns: (transfer none): the memo at @index, in the order added.
 */
MTE_API MteMemo *mte_project_get_memo (const MteProject *project,
                                       guint             index);

/**
 * mte_project_lookup_memo:
 * @project: a project
 * @id: an id
 *
 * Returns: (transfer none) (nullable): the memo, or NULL.
 */
MTE_API MteMemo *mte_project_lookup_memo (const MteProject *project,
                                          const char       *id);

/**
 * mte_memo_get_id:
 * @memo: a memo
 *
 * Returns: (transfer none): its id.
 */
MTE_API const char *mte_memo_get_id (const MteMemo *memo);

/**
 * mte_memo_get_subject:
 * @memo: a memo
 *
 * Returns: (transfer none) (nullable): the entity the memo is about, or
 *   NULL for a project memo.
 */
MTE_API MteEntity *mte_memo_get_subject (const MteMemo *memo);

/**
 * mte_memo_get_author:
 * @memo: a memo
 *
 * Returns: (transfer none) (nullable): who wrote it.
 */
MTE_API MteMember *mte_memo_get_author (const MteMemo *memo);

/**
 * mte_memo_set_author:
 * @memo: a memo
 * @author_id: (nullable): a member id
 * @error: return location for a #GError
 *
 * Returns: TRUE on success; FALSE when @author_id is not a member.
 */
MTE_API gboolean mte_memo_set_author (MteMemo    *memo,
                                      const char *author_id,
                                      GError    **error);

/**
 * mte_memo_get_created:
 * @memo: a memo
 *
 * Returns: when the memo was written (seconds since the epoch, UTC).
 */
MTE_API gint64 mte_memo_get_created (const MteMemo *memo);

/**
 * mte_memo_set_created:
 * @memo: a memo
 * @created: seconds since the epoch, UTC; not negative
 */
MTE_API void mte_memo_set_created (MteMemo *memo,
                                   gint64   created);

/**
 * mte_memo_get_text:
 * @memo: a memo
 *
 * Returns: (transfer none): the memo's text; never NULL.
 */
MTE_API const char *mte_memo_get_text (const MteMemo *memo);

/**
 * mte_memo_set_text:
 * @memo: a memo
 * @text: the text; not NULL
 * @error: return location for a #GError
 *
 * Returns: TRUE on success; FALSE when @text is not valid UTF-8.
 */
MTE_API gboolean mte_memo_set_text (MteMemo    *memo,
                                    const char *text,
                                    GError    **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MteProject, mte_project_free)

G_END_DECLS

#endif /* MTE_PROJECT_H */
