/* metaethno: the element and attribute names of the project file format,
 * shared by the reader and the writer.
 *
 * Every name of the format is written once, here, in the two lists below;
 * the reader and the writer name elements and attributes only through the
 * enums made from them, so that neither can use a name the other does not
 * know. Enumerated values (a record's fate, a search's kind, ...) are the
 * model's own names (mte_record_fate_to_string() and the like); the
 * schema, docs/metaethno.xsd, lists them again and the fixture tests check
 * that the two agree.
 *
 * To add a name: add it to a list (any place; keep the lists sorted by
 * section of the format), then use it in the writer and the reader, the
 * schema and docs/file-format.md, and add it to tests/fuzz/fuzz-load.dict.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#ifndef MTE_NAMES_PRIVATE_H
#define MTE_NAMES_PRIVATE_H

#include <metaethno/metaethno.h>

G_BEGIN_DECLS

/* X (ENUM_SUFFIX, "name"). */
#define MTE_IO_ELEMENTS(X)                                              \
  /* the project and its texts */                                       \
  X (PROJECT, "project")                                                \
  X (TITLE, "title")                                                    \
  X (QUESTION, "question")                                              \
  X (AIM, "aim")                                                        \
  X (LINE_OF_ARGUMENT, "line-of-argument")                              \
  /* the protocol (1.1) */                                              \
  X (PROTOCOL, "protocol")                                              \
  X (INCLUSION, "inclusion")                                            \
  X (EXCLUSION, "exclusion")    /* also a study's exclusion (1.1) */    \
  X (SEARCH_STRATEGY, "search-strategy")                                \
  X (REGISTRATION, "registration")                                      \
  /* the team's text per eMERGe item (1.2) */                            \
  X (EMERGE, "emerge")                                                  \
  X (ITEM, "item")                                                      \
  /* the team and the checklists */                                     \
  X (MEMBERS, "members")                                                \
  X (MEMBER, "member")                                                  \
  X (CHECKLISTS, "checklists")                                          \
  X (CHECKLIST, "checklist")                                            \
  X (TEXT, "text")                                                      \
  X (ANSWER, "answer")                                                  \
  /* searches, records and entered counts (1.1) */                      \
  X (SEARCHES, "searches")                                              \
  X (SEARCH, "search")                                                  \
  X (QUERY, "query")                                                    \
  X (RECORDS, "records")                                                \
  X (RECORD, "record")                                                  \
  X (ABSTRACT, "abstract")                                              \
  X (DATABASE, "database")                                              \
  X (KEYWORD, "keyword")                                                \
  X (FOUND_BY, "found-by")                                              \
  X (REASON, "reason")                                                  \
  X (STAGE_COUNTS, "stage-counts")                                      \
  X (COUNT, "count")                                                    \
  X (EXCLUSION_COUNT, "exclusion-count")                                \
  /* studies and their constructs */                                    \
  X (STUDIES, "studies")                                                \
  X (STUDY, "study")                                                    \
  X (SOURCE, "source")                                                  \
  X (VOLUME, "volume")                                                  \
  X (ISSUE, "issue")                                                    \
  X (PAGES, "pages")                                                    \
  X (DOI, "doi")                                                        \
  X (URL, "url")                                                        \
  X (COUNTRY, "country")                                                \
  X (SETTING, "setting")                                                \
  X (PARTICIPANTS, "participants")                                      \
  X (CONDITION, "condition")                                            \
  X (DATA_COLLECTION, "data-collection")                                \
  X (ANALYSIS, "analysis")                                              \
  X (NOTES, "notes")                                                    \
  X (AUTHOR, "author")                                                  \
  X (ATTRIBUTE, "attribute")                                            \
  X (APPRAISAL, "appraisal")                                            \
  X (NOTE, "note")                                                      \
  X (CONSTRUCT, "construct")                                            \
  X (GROUNDING, "grounding")                                            \
  /* concepts and translations */                                       \
  X (CONCEPTS, "concepts")                                              \
  X (CONCEPT, "concept")                                                \
  X (DEFINITION, "definition")                                          \
  X (EXPRESSION, "expression")                                          \
  X (TRANSLATIONS, "translations")                                      \
  X (TRANSLATION, "translation")                                        \
  X (RATIONALE, "rationale")                                            \
  /* synthesis */                                                       \
  X (THIRD_ORDERS, "third-orders")                                      \
  X (THIRD_ORDER, "third-order")                                        \
  X (STATEMENT, "statement")                                            \
  X (BASIS, "basis")                                                    \
  X (CONCERN, "concern")                                                \
  X (EXPLANATION, "explanation")                                        \
  X (CONFIDENCE, "confidence")                                          \
  X (ARGUMENT_LINKS, "argument-links")                                  \
  X (ARGUMENT_LINK, "argument-link")                                    \
  /* frameworks, memos, the translation session */                      \
  X (FRAMEWORKS, "frameworks")                                          \
  X (FRAMEWORK, "framework")                                            \
  X (DESCRIPTION, "description")                                        \
  X (LEVEL, "level")                                                    \
  X (CLASSIFICATION, "classification")                                  \
  X (MEMOS, "memos")                                                    \
  X (MEMO, "memo")                                                      \
  X (TRANSLATION_SESSION, "translation-session")                        \
  X (DECISION, "decision")

#define MTE_IO_ATTRIBUTES(X)                                            \
  X (ID, "id")                                                          \
  X (VERSION, "version")                                                \
  X (CREATED, "created")                                                \
  X (MODIFIED, "modified")                                              \
  X (NAME, "name")                                                      \
  X (ROLE, "role")                                                      \
  X (KEY, "key")                                                        \
  X (YEAR, "year")                                                      \
  X (SAMPLE_SIZE, "sample-size")                                        \
  X (INDEX_STUDY, "index-study")                                        \
  X (POSITION, "position")                                              \
  X (CHECKLIST, "checklist")                                            \
  X (QUESTION, "question")                                              \
  X (ORDER, "order")                                                    \
  X (LABEL, "label")                                                    \
  X (PAGE, "page")                                                      \
  X (SECTION, "section")                                                \
  X (SPEAKER, "speaker")                                                \
  X (REF, "ref")                                                        \
  X (KIND, "kind")                                                      \
  X (SOURCE, "source")                                                  \
  X (TARGET, "target")                                                  \
  X (SOURCE_STUDY, "source-study")                                      \
  X (TARGET_STUDY, "target-study")                                      \
  X (REVIEWER, "reviewer")                                              \
  X (COMPONENT, "component")                                            \
  X (LEVEL, "level")                                                    \
  X (FROM, "from")                                                      \
  X (TO, "to")                                                          \
  X (RELATION, "relation")                                              \
  X (SUBJECT, "subject")                                                \
  X (AUTHOR, "author")                                                  \
  X (CONSTRUCT, "construct")                                            \
  X (CONCEPT, "concept")                                                \
  X (TRANSLATION, "translation")                                        \
  X (EXPRESSION_ADDED, "expression-added")                              \
  /* 1.1 */                                                             \
  X (DATE, "date")                                                      \
  X (N_RECORDS, "n-records")                                            \
  X (RUN_BY, "run-by")                                                  \
  X (FATE, "fate")                                                      \
  X (DUPLICATE_OF, "duplicate-of")                                      \
  X (STUDY, "study")                                                    \
  X (STAGE, "stage")                                                    \
  X (BOX, "box")                                                        \
  X (VALUE, "value")                                                    \
  /* 1.2 */                                                             \
  X (CREDIBILITY, "credibility")

#define MTE_IO_ENUM_ELEMENT(suffix, name) MTE_EL_##suffix,
#define MTE_IO_ENUM_ATTRIBUTE(suffix, name) MTE_AT_##suffix,

/* An element name; MTE_EL_UNKNOWN is none of the format's. */
typedef enum {
  MTE_EL_UNKNOWN = 0,
  MTE_IO_ELEMENTS (MTE_IO_ENUM_ELEMENT)
  MTE_EL_N
} MteIoElement;

/* An attribute name. The reader keeps a 64-bit mask of them. */
typedef enum {
  MTE_IO_ATTRIBUTES (MTE_IO_ENUM_ATTRIBUTE)
  MTE_AT_N
} MteIoAttribute;

#undef MTE_IO_ENUM_ELEMENT
#undef MTE_IO_ENUM_ATTRIBUTE

G_STATIC_ASSERT (MTE_AT_N <= 64);

/* The names, indexed by the enums (mte-names.c); [MTE_EL_UNKNOWN] is NULL. */
extern const char * const mte_io_element_names[MTE_EL_N];
extern const char * const mte_io_attribute_names[MTE_AT_N];

/* The elements of a study's text fields, indexed by MteStudyField. */
extern const MteIoElement mte_io_study_fields[MTE_STUDY_N_FIELDS];

/* The elements of a record's citation fields, indexed by MteRecordField. */
extern const MteIoElement mte_io_record_fields[MTE_RECORD_N_FIELDS];

/* The children of <protocol>, indexed by MteProtocolField. */
extern const MteIoElement mte_io_protocol_fields[MTE_PROTOCOL_N_FIELDS];

/* The index of @element in @fields (of @n), or -1. */
static inline int
mte_io_field_index (const MteIoElement *fields, int n, MteIoElement element)
{
  for (int i = 0; i < n; i++)
    if (fields[i] == element)
      return i;
  return -1;
}

G_END_DECLS

#endif /* MTE_NAMES_PRIVATE_H */
