/* metaethno: private layout of the model, shared by lib/ only.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#ifndef MTE_MODEL_PRIVATE_H
#define MTE_MODEL_PRIVATE_H

#include <metaethno/metaethno.h>

G_BEGIN_DECLS

#define MTE_ID_MAX_LENGTH 256

struct _MteEntity {
  MteEntityKind  kind;
  /* Position in the array that owns the entity: a construct's in its
   * study, any other entity's in its project table. Kept by
   * mte_entity_append() and by removal, so that analyses can sort in
   * project order without building a table of every entity. */
  guint          index;
  char          *id;
  MteProject    *project;
};

typedef struct {
  char *key;
  char *value;
} MtePair;

struct _MteMember {
  MteEntity  base;
  char      *name;
  char      *role;
};

typedef struct {
  char  *key;
  char  *text;
  char **answers;               /* NULL-terminated; empty for free text */
} MteQuestion;

struct _MteChecklist {
  MteEntity  base;
  char      *name;
  GPtrArray *questions;         /* MteQuestion*, owned */
};

typedef struct {
  MteChecklist *checklist;
  char         *question;       /* key within the checklist */
  char         *answer;
  char         *note;
} MteAppraisal;

/* Why and when a study left the review (mte-review.c). */
typedef struct {
  MteExclusionStage  stage;
  char              *reason;
  MteMember         *reviewer;
  gint64             time;
} MteExclusion;

struct _MteStudy {
  MteEntity  base;
  /* What study orders read, next to the index, in one cache line. */
  int        year;
  guint      position;
  gboolean   index_study;
  guint      sample_size;
  GPtrArray *constructs;        /* MteConstruct*, owned */
  char      *fields[MTE_STUDY_N_FIELDS];
  char     **authors;           /* NULL-terminated, never NULL */
  GPtrArray *attributes;        /* MtePair*, owned; NULL while empty */
  GPtrArray *appraisals;        /* MteAppraisal*, owned; NULL while empty */
  MteExclusion *exclusion;      /* owned; NULL while the study is included */
};

/* Whether analyses leave @study out. */
static inline gboolean
mte_study_excluded (const MteStudy *study)
{
  return study->exclusion != NULL;
}

/* A construct as a list of constructs refers to it: the pointer, and the
 * two indexes that place it in project order (its study's in the
 * project, its own in the study), copied from the model. Analyses read
 * a concept's expressions and a construct's groundings from these alone,
 * without visiting every construct, which keeps them in the processor's
 * caches on large projects. mte_project_remove() refreshes the copies
 * whenever it moves studies or constructs. */
typedef struct {
  MteConstruct *construct;
  guint         study;
  guint         index;
} MteConstructRef;

/* A set of constructs in the order added, in one block; NULL while
 * empty. Grows through mte_construct_list_add(), freed with g_free(). */
typedef struct {
  guint           len;
  guint           allocated;
  MteConstructRef items[];
} MteConstructList;

struct _MteConstruct {
  MteEntity          base;
  MteStudy          *study;
  MteConstructOrder  order;
  char              *text;
  char              *label;
  char              *page;
  char              *section;
  char              *speaker;
  MteCredibility     credibility; /* second order only (1.2) */
  MteConstructList  *groundings; /* first-order; NULL while empty */
};

struct _MteConcept {
  MteEntity  base;
  char      *label;
  char      *definition;
  MteConstructList *expressions; /* second-order; NULL while empty */
};

struct _MteTranslation {
  MteEntity           base;
  MteTranslationKind  kind;
  MteEntity          *source;
  MteEntity          *target;
  MteStudy           *source_study; /* only for concept sides */
  MteStudy           *target_study;
  char               *rationale;
  MteMember          *reviewer;
  gint64              created;
};

struct _MteThirdOrder {
  MteEntity      base;
  char          *label;
  char          *statement;
  GPtrArray     *basis;         /* MteEntity*, borrowed */
  MteConcern     concern[MTE_CERQUAL_N_COMPONENTS];
  char          *concern_explanation[MTE_CERQUAL_N_COMPONENTS];
  MteConfidence  confidence;
  char          *confidence_explanation;
};

struct _MteArgumentLink {
  MteEntity      base;
  MteThirdOrder *from;
  MteThirdOrder *to;
  char          *relation;
  char          *rationale;
};

typedef struct {
  char *key;
  char *label;                  /* NULL: same as key */
} MteLevel;

typedef struct {
  MteEntity *entity;
  MteLevel  *level;
} MteClassification;

struct _MteFramework {
  MteEntity  base;
  char      *name;
  char      *description;
  GPtrArray *levels;            /* MteLevel*, owned */
  GArray    *classifications;   /* MteClassification, in the order made */
  GHashTable *by_entity;        /* MteEntity* → GPtrArray* of MteLevel* */
};

struct _MteMemo {
  MteEntity  base;
  MteEntity *subject;           /* NULL: the project */
  MteMember *author;
  gint64     created;
  char      *text;
};

struct _MteSearch {
  MteEntity      base;
  MteSourceKind  kind;
  char          *source;
  char          *date;          /* YYYY[-MM[-DD]] or NULL */
  char          *query;
  gint64         n_records;     /* MTE_COUNT_UNKNOWN when not recorded */
  MteMember     *run_by;
  char          *notes;
};

struct _MteRecord {
  MteEntity      base;
  char          *fields[MTE_RECORD_N_FIELDS];
  char         **authors;       /* NULL-terminated, never NULL */
  char         **keywords;      /* NULL-terminated, never NULL */
  int            year;
  GPtrArray     *searches;      /* MteSearch*, borrowed; NULL while empty */
  MteRecordFate  fate;
  MteRecord     *duplicate_of;  /* MTE_FATE_DUPLICATE only */
  guint          n_duplicates;  /* records whose duplicate_of is this one */
  MteStudy      *study;         /* MTE_FATE_INCLUDED only */
  char          *reason;
  MteMember     *decided_by;
  gint64         decided;
};

/* A reason entered by hand for one of the two "reports excluded" boxes. */
typedef struct {
  MtePrismaCount  box;          /* DBR_EXCLUDED or OTHER_EXCLUDED */
  char           *reason;
  gint64          value;
} MteExclusionCount;

/* One decision of the translation session (mte-session.c). */
typedef struct {
  MteConstruct    *construct;   /* second-order */
  MteDecisionKind  kind;
  MteConcept      *concept;     /* NULL when set aside */
  MteTranslation  *translation; /* reciprocal and refutational only */
  gboolean         expression_added; /* the decision made the expression */
  char            *rationale;
  MteMember       *reviewer;
  gint64           created;
} MteDecision;

struct _MteSession {
  MteProject    *project;
  MteStudyOrder  order;
  GPtrArray     *decisions;     /* MteDecision*, owned, in the order made */
  GHashTable    *decided;       /* MteConstruct* → its MteDecision* */
};

struct _MteProject {
  char       *title;
  char       *question;
  char       *aim;
  char       *line_of_argument;
  char       *protocol[MTE_PROTOCOL_N_FIELDS];
  char       *emerge[MTE_EMERGE_N_ITEMS + 1];  /* by MteEmergeItem; [0] unused (1.2) */
  gint64      stage_counts[MTE_PRISMA_N_COUNTS]; /* MTE_COUNT_UNKNOWN: not entered */
  GArray     *exclusion_counts; /* MteExclusionCount, in the order entered */
  GPtrArray  *load_warnings;    /* char*, owned; NULL when none */
  gint64      created;
  gint64      modified;

  GHashTable *entities;         /* id → MteEntity*, keys borrowed from entities */
  GHashTable *id_counters;      /* prefix → next number (GUINT_TO_POINTER) */

  GPtrArray  *members;
  GPtrArray  *checklists;
  GPtrArray  *studies;
  GPtrArray  *concepts;
  GPtrArray  *translations;
  GArray     *refutations;      /* MteRefutation: the refutational
                                 * translations in project order, with
                                 * their sides placed, so that analyses
                                 * read neither every translation nor the
                                 * entities on their sides */
  GPtrArray  *third_orders;
  GPtrArray  *argument_links;
  GPtrArray  *frameworks;
  GPtrArray  *memos;
  GPtrArray  *searches;
  GPtrArray  *records;
  MteSession *session;          /* NULL: no translation session */

  guint       loading;          /* > 0: loader at work, do not touch modified */
};

/* Validation helpers (mte-project.c). */
gboolean mte_id_is_valid (const char *id);
gboolean mte_check_id (const char *id, const char *what, GError **error);
gboolean mte_check_utf8 (const char *text, const char *what, GError **error);

/* Replace *field with a copy of @value (NULL or "" clears when
 * @empty_clears), after checking UTF-8. Touches the project. */
gboolean mte_set_string (MteProject *project, char **field, const char *value,
                         gboolean empty_clears, const char *what, GError **error);

/* Records a change: sets the modified time unless a load is under way. */
void mte_project_touch (MteProject *project);

/* Registers a new entity under @id (or a generated id with @prefix when @id
 * is NULL). Fails on invalid or duplicate ids; on success the entity's base
 * is filled in and it is in the id table. */
gboolean mte_project_register (MteProject *project, MteEntity *entity,
                               MteEntityKind kind, const char *id,
                               const char *prefix, GError **error);

/* A free id for a new construct of @study: STUDY-qN for first-order
 * constructs (quotes), STUDY-tN for second-order ones (themes). */
char *mte_project_generate_construct_id (MteStudy *study, MteConstructOrder order);

/* Looks @id up and checks its kind; sets NOT_FOUND or WRONG_KIND naming
 * @role ("grounding", "expression", ...). */
MteEntity *mte_project_require (const MteProject *project, const char *id,
                                MteEntityKind kind, const char *role,
                                GError **error);

/* Appends @entity to @owner, the array that owns it, and records its
 * index there. Every owning array grows only through this. */
static inline void
mte_entity_append (GPtrArray *owner,
                   gpointer   entity)
{
  ((MteEntity *) entity)->index = owner->len;
  g_ptr_array_add (owner, entity);
}

/* Lists of constructs (mte-construct-list.c). */

static inline guint
mte_construct_list_len (const MteConstructList *list)
{
  return list != NULL ? list->len : 0;
}

static inline MteConstruct *
mte_construct_list_get (const MteConstructList *list,
                        guint                   i)
{
  return list->items[i].construct;
}

/* A reference to @construct with its indexes as they are now. */
static inline MteConstructRef
mte_construct_ref_of (MteConstruct *construct)
{
  return (MteConstructRef) { construct, construct->study->base.index,
                             construct->base.index };
}

/* The sort key of project order: study index, then index in the study. */
static inline guint64
mte_construct_ref_position (const MteConstructRef *ref)
{
  return (guint64) ref->study << 32 | ref->index;
}

/* Adds @construct to *@list (created on demand) unless already there;
 * returns whether it was added. */
gboolean mte_construct_list_add (MteConstructList **list, MteConstruct *construct);

/* Removes @construct from @list (may be NULL), keeping the others' order;
 * returns whether it was there. */
gboolean mte_construct_list_remove (MteConstructList *list,
                                    const MteConstruct *construct);

gboolean mte_construct_list_contains (const MteConstructList *list,
                                      const MteConstruct     *construct);

/* Drops the constructs in @doomed (a set); returns whether any went. */
gboolean mte_construct_list_drop (MteConstructList *list, GHashTable *doomed);

/* Copies the indexes from the model again, after studies or constructs
 * moved. */
void mte_construct_list_refresh (MteConstructList *list);

/* One side of a refutational translation as analyses read it: the
 * entity, its kind, and the indexes that place it, copied from the model.
 * @study is a construct's study or, for a concept, the study the
 * translation names for that side (G_MAXUINT: none); @index is a
 * construct's index in its study or a concept's in the project. */
typedef struct {
  MteEntity     *entity;
  MteEntityKind  kind;
  guint          study;
  guint          index;
} MteRefutationSide;

typedef struct {
  MteTranslation    *translation;
  MteRefutationSide  source;
  MteRefutationSide  target;
} MteRefutation;

/* Copies the sides' indexes of every refutation again from the model;
 * called by mte_project_remove(), which may move studies, constructs and
 * concepts and clear translations' studies (mte-concept.c). */
void mte_project_refresh_refutations (MteProject *project);

/* Frees one entity's own memory (not its children in the project tables). */
void mte_entity_free (MteEntity *entity);

/* Adds @item to @array (created on demand) unless already present. */
void mte_ptr_set_add (GPtrArray **array, gpointer item);
gboolean mte_ptr_set_remove (GPtrArray *array, gpointer item);

/* Counts the studies answering @question of @checklist (every question when
 * @question is NULL), appending up to five of their names to @names when
 * given; with @really, deletes those answers (mte-study.c). */
guint mte_study_drop_appraisals (MteProject *project, MteChecklist *checklist,
                                 const char *question, gboolean really,
                                 GString *names);

/* Translation sessions (mte-session.c). */
void mte_session_free (MteSession *session);

/* Drops the decisions whose construct, concept or translation is in
 * @doomed (a set of entities about to be freed), and clears reviewers in
 * it. Called by mte_project_remove(). */
void mte_session_drop_doomed (MteSession *session, GHashTable *doomed);

/* Creates the session record as a file holds it: unlike
 * mte_project_start_session(), it marks no index study, since the file
 * says which study is marked (possibly none). @project must have no
 * session. */
MteSession *mte_project_restore_session (MteProject    *project,
                                         MteStudyOrder  order);

/* Appends a decision read from a file without re-applying its effects.
 * @concept_id and @translation_id are required or forbidden as @kind
 * implies; @expression_added is only meaningful for a reciprocal decision
 * (a new concept's expression is always the decision's own). Fails with
 * NOT_FOUND or WRONG_KIND for a bad reference, INVALID_VALUE for a
 * decision the session cannot hold (a second decision on a construct,
 * an attribute the kind does not take). */
gboolean mte_session_restore_decision (MteSession      *session,
                                       const char      *construct_id,
                                       MteDecisionKind  kind,
                                       const char      *concept_id,
                                       const char      *translation_id,
                                       gboolean         expression_added,
                                       const char      *rationale,
                                       const char      *reviewer_id,
                                       gint64           created,
                                       GError         **error);

/* Appends a warning about what the next save will not keep (a message of
 * the form NAME:LINE:COLUMN: ...); takes @message. Used by the loader. */
void mte_project_take_load_warning (MteProject *project, char *message);

/* Frees a study's exclusion record (mte-review.c). */
void mte_exclusion_free (MteExclusion *exclusion);

/* The loader brackets its work with these so that building the model does
 * not stamp the modified time on every call. */
void mte_project_begin_load (MteProject *project);
void mte_project_end_load (MteProject *project);

/* mte-cite.c: each of @studies (in that order) -> its short author-year
 * citation ("Okonkwo-Reid et al. 2014"; "n.d." without a year; the title,
 * else the id, without authors), with "a", "b", ... after the year when two
 * would read alike (beyond 26, the id in brackets). The review report and
 * the REFI-QDA export name studies so. Free with g_hash_table_unref(). */
GHashTable *mte_study_citations_new (MteStudy * const *studies,
                                     guint             n);

G_END_DECLS

#endif /* MTE_MODEL_PRIVATE_H */
