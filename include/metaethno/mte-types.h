/* metaethno: opaque types and enumerations shared by every module.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#ifndef MTE_TYPES_H
#define MTE_TYPES_H

#if !defined(MTE_INSIDE) && !defined(MTE_COMPILATION)
#error "Only <metaethno/metaethno.h> can be included directly."
#endif

#include <glib.h>
#include <metaethno/mte-macros.h>

G_BEGIN_DECLS

/*
 * Every type is opaque. A project owns everything inside it: pointers to
 * studies, constructs and the rest are borrowed ("transfer none") and stay
 * valid until the entity is removed from the project or the project is
 * freed, whichever comes first.
 */

/** MteProject: one meta-ethnographic review and everything recorded in it. */
typedef struct _MteProject MteProject;
/** MteProjectFile: a project loaded from a file that is locked for changes. */
typedef struct _MteProjectFile MteProjectFile;
/** MteEntity: the common base of every identified object in a project. */
typedef struct _MteEntity MteEntity;
/** MteMember: a member of the review team (reviewer, memo author). */
typedef struct _MteMember MteMember;
/** MteChecklist: a quality-appraisal checklist (e.g. CASP's ten questions). */
typedef struct _MteChecklist MteChecklist;
/** MteStudy: one included primary study. */
typedef struct _MteStudy MteStudy;
/** MteConstruct: a first- or second-order construct of one study. */
typedef struct _MteConstruct MteConstruct;
/** MteConcept: a key concept (metaphor), one row of the translation grid. */
typedef struct _MteConcept MteConcept;
/** MteTranslation: a reciprocal or refutational translation judgement. */
typedef struct _MteTranslation MteTranslation;
/** MteThirdOrder: a third-order construct, i.e. a review finding. */
typedef struct _MteThirdOrder MteThirdOrder;
/** MteArgumentLink: a directed link between two third-order constructs. */
typedef struct _MteArgumentLink MteArgumentLink;
/** MteFramework: a classification with ordered levels. */
typedef struct _MteFramework MteFramework;
/** MteMemo: an authored, dated note on the project or on an entity. */
typedef struct _MteMemo MteMemo;
/** MteSearch: one search of one source (phase 2). */
typedef struct _MteSearch MteSearch;
/** MteRecord: a reference a search found, and what became of it. */
typedef struct _MteRecord MteRecord;
/** MtePrisma: the PRISMA 2020 flow counts computed from a project. */
typedef struct _MtePrisma MtePrisma;

/**
 * MTE_ENTITY:
 * @obj: a pointer to any metaethno entity (MteStudy, MteConcept, ...)
 *
 * Views an entity through its common base, for mte_entity_get_id() and
 * friends. Every entity type starts with the base, so this is a plain cast.
 */
#define MTE_ENTITY(obj) ((MteEntity *) (obj))

/**
 * MTE_TIME_MAX:
 *
 * The latest time a project can record: 9999-12-31T23:59:59Z, in seconds
 * since 1970-01-01 UTC. Times run from 0 to this value.
 */
#define MTE_TIME_MAX G_GINT64_CONSTANT (253402300799)

/**
 * MteEntityKind:
 * @MTE_ENTITY_NONE: no entity (lookup failed)
 * @MTE_ENTITY_MEMBER: a team member
 * @MTE_ENTITY_CHECKLIST: an appraisal checklist
 * @MTE_ENTITY_STUDY: a study
 * @MTE_ENTITY_CONSTRUCT: a first- or second-order construct
 * @MTE_ENTITY_CONCEPT: a key concept
 * @MTE_ENTITY_TRANSLATION: a translation
 * @MTE_ENTITY_THIRD_ORDER: a third-order construct
 * @MTE_ENTITY_ARGUMENT_LINK: a link in the line of argument
 * @MTE_ENTITY_FRAMEWORK: a classification framework
 * @MTE_ENTITY_MEMO: a memo
 * @MTE_ENTITY_SEARCH: a search (since 0.2)
 * @MTE_ENTITY_RECORD: a record found by the searches (since 0.2)
 *
 * What an identified object is. Ids are unique across all kinds.
 */
typedef enum {
  MTE_ENTITY_NONE = 0,
  MTE_ENTITY_MEMBER,
  MTE_ENTITY_CHECKLIST,
  MTE_ENTITY_STUDY,
  MTE_ENTITY_CONSTRUCT,
  MTE_ENTITY_CONCEPT,
  MTE_ENTITY_TRANSLATION,
  MTE_ENTITY_THIRD_ORDER,
  MTE_ENTITY_ARGUMENT_LINK,
  MTE_ENTITY_FRAMEWORK,
  MTE_ENTITY_MEMO,
  MTE_ENTITY_SEARCH,
  MTE_ENTITY_RECORD
} MteEntityKind;

/**
 * MteConstructOrder:
 * @MTE_CONSTRUCT_FIRST_ORDER: a participant's own words (usually a quote)
 * @MTE_CONSTRUCT_SECOND_ORDER: the study authors' interpretation
 *
 * The order of a construct within its study (Schutz; Britten et al. 2002).
 * Third-order constructs belong to the review, not to a study, and are
 * #MteThirdOrder objects.
 */
typedef enum {
  MTE_CONSTRUCT_FIRST_ORDER = 1,
  MTE_CONSTRUCT_SECOND_ORDER = 2
} MteConstructOrder;

/**
 * MteTranslationKind:
 * @MTE_TRANSLATION_RECIPROCAL: the two sides are the same idea in other words
 * @MTE_TRANSLATION_REFUTATIONAL: the two sides contradict each other
 */
typedef enum {
  MTE_TRANSLATION_RECIPROCAL = 1,
  MTE_TRANSLATION_REFUTATIONAL = 2
} MteTranslationKind;

/**
 * MteCerqualComponent:
 * @MTE_CERQUAL_METHODOLOGICAL_LIMITATIONS: concerns about the design or
 *   conduct of the contributing studies
 * @MTE_CERQUAL_COHERENCE: how well the data support the finding
 * @MTE_CERQUAL_ADEQUACY: richness and quantity of the supporting data
 * @MTE_CERQUAL_RELEVANCE: fit of the contributing studies to the review question
 *
 * The four GRADE-CERQual components assessed for each review finding.
 */
typedef enum {
  MTE_CERQUAL_METHODOLOGICAL_LIMITATIONS = 0,
  MTE_CERQUAL_COHERENCE = 1,
  MTE_CERQUAL_ADEQUACY = 2,
  MTE_CERQUAL_RELEVANCE = 3
} MteCerqualComponent;

/** MTE_CERQUAL_N_COMPONENTS: number of #MteCerqualComponent values. */
#define MTE_CERQUAL_N_COMPONENTS 4

/**
 * MteConcern:
 * @MTE_CONCERN_NOT_ASSESSED: not yet assessed
 * @MTE_CONCERN_NONE_OR_VERY_MINOR: no or very minor concerns
 * @MTE_CONCERN_MINOR: minor concerns
 * @MTE_CONCERN_MODERATE: moderate concerns
 * @MTE_CONCERN_SERIOUS: serious concerns
 *
 * Level of concern about one GRADE-CERQual component.
 */
typedef enum {
  MTE_CONCERN_NOT_ASSESSED = 0,
  MTE_CONCERN_NONE_OR_VERY_MINOR,
  MTE_CONCERN_MINOR,
  MTE_CONCERN_MODERATE,
  MTE_CONCERN_SERIOUS
} MteConcern;

/**
 * MteConfidence:
 * @MTE_CONFIDENCE_NOT_ASSESSED: not yet assessed
 * @MTE_CONFIDENCE_HIGH: high confidence
 * @MTE_CONFIDENCE_MODERATE: moderate confidence
 * @MTE_CONFIDENCE_LOW: low confidence
 * @MTE_CONFIDENCE_VERY_LOW: very low confidence
 *
 * Overall GRADE-CERQual confidence in a review finding.
 */
typedef enum {
  MTE_CONFIDENCE_NOT_ASSESSED = 0,
  MTE_CONFIDENCE_HIGH,
  MTE_CONFIDENCE_MODERATE,
  MTE_CONFIDENCE_LOW,
  MTE_CONFIDENCE_VERY_LOW
} MteConfidence;

/**
 * MteCredibility:
 * @MTE_CREDIBILITY_NOT_ASSESSED: not yet assessed (the default)
 * @MTE_CREDIBILITY_UNEQUIVOCAL: the finding is beyond reasonable doubt:
 *   an illustration (a quote) shows it and is not open to challenge
 * @MTE_CREDIBILITY_CREDIBLE: the finding is plausible given the data but
 *   the illustration lacks a clear association with it and is open to
 *   challenge (JBI's "equivocal")
 * @MTE_CREDIBILITY_UNSUPPORTED: the data do not support the finding
 *
 * JBI's credibility of a study's finding, i.e. of a second-order
 * construct (Munn et al. 2014, BMC Med Res Methodol 14:108; JBI Manual for
 * Evidence Synthesis, meta-aggregation). ConQual (mte-conqual.h) reads it.
 * Since 0.2, file format 1.2.
 */
typedef enum {
  MTE_CREDIBILITY_NOT_ASSESSED = 0,
  MTE_CREDIBILITY_UNEQUIVOCAL,
  MTE_CREDIBILITY_CREDIBLE,
  MTE_CREDIBILITY_UNSUPPORTED
} MteCredibility;

/**
 * MteRemoveFlags:
 * @MTE_REMOVE_FLAGS_NONE: fail with %MTE_MODEL_ERROR_HAS_DEPENDENTS when
 *   anything else in the project refers to the entity
 * @MTE_REMOVE_CASCADE: also remove what depends on the entity (see
 *   mte_project_remove())
 */
typedef enum {
  MTE_REMOVE_FLAGS_NONE = 0,
  MTE_REMOVE_CASCADE = 1 << 0
} MteRemoveFlags;

/**
 * MteLoadFlags:
 * @MTE_LOAD_FLAGS_NONE: default: the input is validated against the bundled
 *   schema and every reference is checked
 */
typedef enum {
  MTE_LOAD_FLAGS_NONE = 0
} MteLoadFlags;

/**
 * MteSaveFlags:
 * @MTE_SAVE_FLAGS_NONE: default: indented, deterministic output
 * @MTE_SAVE_NO_FSYNC: skip fsync() of the file and its folder in
 *   mte_project_save_to_file(). The rename stays atomic, but a power cut may
 *   lose the new contents. Meant for tests and throw-away files.
 */
typedef enum {
  MTE_SAVE_FLAGS_NONE = 0,
  MTE_SAVE_NO_FSYNC = 1 << 0
} MteSaveFlags;

/**
 * MteOpenFlags:
 * @MTE_OPEN_FLAGS_NONE: default: wait while another program holds the
 *   file's lock
 * @MTE_OPEN_NO_WAIT: fail at once with %MTE_SAVE_ERROR_LOCKED instead of
 *   waiting for the lock
 *
 * Flags of mte_project_file_open().
 */
typedef enum {
  MTE_OPEN_FLAGS_NONE = 0,
  MTE_OPEN_NO_WAIT = 1 << 0
} MteOpenFlags;

G_END_DECLS

#endif /* MTE_TYPES_H */
