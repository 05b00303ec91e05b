/* make-starter: builds docs/examples/starter.xml through the public API.
 *
 *     make-starter OUTPUT.xml
 *
 * The project it writes is ILLUSTRATIVE: four invented UK studies on how
 * racially minoritised adults experience mental-health care. Authors,
 * quotes, appraisals and judgements were written for this example; none of
 * it is real data and none of it should be cited.
 *
 * Every time in the project is fixed, so the output is the same byte for
 * byte on every run; the CLI tests check that the committed starter.xml is
 * exactly what this program writes.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <stdio.h>

#include <metaethno/metaethno.h>

#define MAX_AUTHORS 4
#define N_QUOTES    3
#define MAX_THEMES  3
#define MAX_GROUNDS 3
#define N_QUESTIONS 10

/* ------------------------------------------------------------------ */
/* The data                                                           */
/* ------------------------------------------------------------------ */

typedef struct {
  const char *id;
  const char *name;
  const char *role;
} MemberSpec;

static const MemberSpec members[] = {
  { "ak", "A. Kaur (illustrative)", "lead reviewer" },
  { "jo", "J. Okafor (illustrative)", "second reviewer" },
  { "ml", "M. Lewis (illustrative)", "methodologist" },
};

/* A checklist in the spirit of CASP's ten questions for qualitative
 * research, paraphrased for this example. The tenth is free text. */
static const char * const questions[N_QUESTIONS] = {
  "Does the paper say plainly what the research set out to learn?",
  "Is a qualitative approach a good fit for that aim?",
  "Does the study design suit the aim?",
  "Was the way participants were found and chosen suited to the aim?",
  "Were the data gathered in a way that can answer the question?",
  "Do the researchers reflect on their own position and influence?",
  "Were ethical questions considered and handled?",
  "Is the analysis thorough and open to scrutiny?",
  "Are the findings stated clearly?",
  "How much does the research add, and for whom?",
};

static const char * const answers[] = { "yes", "can't tell", "no", NULL };

typedef struct {
  const char *id;
  const char *speaker;
  const char *text;
} QuoteSpec;

typedef struct {
  const char *id;
  const char *label;
  const char *text;
  const char *grounds[MAX_GROUNDS + 1];
} ThemeSpec;

typedef struct {
  const char *id;
  const char *authors[MAX_AUTHORS + 1];
  int year;
  const char *title;
  const char *country;
  const char *setting;
  const char *participants;
  const char *condition;
  const char *data_collection;
  const char *analysis;
  guint sample_size;
  gboolean index_study;
  const char *ethnicity;
  /* q1-q9 answered yes / can't tell / no; q10 is free text. */
  const char *appraisal[N_QUESTIONS];
  guint noted_question;  /* 1-based question with a note, 0 for none */
  const char *appraisal_note;
  QuoteSpec quotes[N_QUOTES];
  ThemeSpec themes[MAX_THEMES];
} StudySpec;

static const StudySpec studies[] = {
  {
    "adeyemi2016", { "Adeyemi, T.", "Brooks, L.", NULL }, 2016,
    "Being heard: Black African and Caribbean adults' accounts of community "
    "mental-health teams",
    "England", "community mental-health teams",
    "Black African and Black Caribbean adults using secondary care",
    "severe mental illness", "semi-structured interviews", "thematic analysis",
    14, TRUE, "Black African; Black Caribbean",
    { "yes", "yes", "yes", "yes", "yes", "yes", "yes", "yes", "yes",
      "Rich accounts; the most conceptually detailed of the four, so the "
      "team chose it as the index study." },
    0, NULL,
    {
      { "adeyemi2016-q1", "woman, 42, Black Caribbean",
        "She put the pen down and just let me talk. Nobody had done that in years." },
      { "adeyemi2016-q2", "man, 35, Black African",
        "They had me down as aggressive before I even opened my mouth." },
      { "adeyemi2016-q3", "woman, 51, Black African",
        "When my worker asked about my church and my kids, I felt like a person again." },
    },
    {
      { "adeyemi2016-t1", "Being heard",
        "Participants prized practitioners who gave unhurried attention to their "
        "own account of their lives; such moments were rare and long remembered.",
        { "adeyemi2016-q1", "adeyemi2016-q3", NULL } },
      { "adeyemi2016-t2", "Pre-judged",
        "Participants felt labelled as dangerous or difficult because of their "
        "race, and saw this label shape how staff treated them from the start.",
        { "adeyemi2016-q2", NULL } },
    },
  },
  {
    "hussain2018", { "Hussain, S.", "Patel, R.", NULL }, 2018,
    "Family, faith and the clinic: South Asian women's encounters with "
    "talking therapies",
    "England", "primary-care talking-therapy services",
    "women of Pakistani, Bangladeshi and Indian heritage",
    "depression and anxiety", "focus groups and follow-up interviews",
    "interpretative phenomenological analysis",
    11, FALSE, "South Asian",
    { "yes", "yes", "yes", "can't tell", "yes", "yes", "yes", "yes", "yes",
      "Useful on family and faith; the small, urban sample limits reach." },
    4, "Recruitment through one community organisation is described only briefly.",
    {
      { "hussain2018-q1", "woman, 29, Pakistani heritage",
        "My therapist knew what it means when your family is part of everything. "
        "I did not have to explain it." },
      { "hussain2018-q2", "woman, 38, Bangladeshi heritage",
        "The first one kept telling me to be more independent from my mother. "
        "He did not understand us." },
      { "hussain2018-q3", "woman, 45, Indian heritage",
        "I only opened up in the fourth session, after she had been kind to me "
        "week after week." },
    },
    {
      { "hussain2018-t1", "Understood in context",
        "Women felt understood when therapists treated family and faith as part "
        "of their lives rather than as problems to be fixed.",
        { "hussain2018-q1", "hussain2018-q2", NULL } },
      { "hussain2018-t2", "Kindness before disclosure",
        "Women spoke about their distress only after repeated kindness from the "
        "same therapist.",
        { "hussain2018-q3", NULL } },
      { "hussain2018-t3", "A shared background eases talk",
        "Several women said that a therapist of a similar cultural background "
        "made it easier to talk at all.",
        { "hussain2018-q1", NULL } },
    },
  },
  {
    "campbell2020", { "Campbell, D.", NULL }, 2020,
    "Suspicion and safety: young Black men's experiences of inpatient "
    "psychiatric care",
    "England", "adult inpatient psychiatric wards",
    "Black British and mixed-heritage men aged 18 to 30",
    "psychosis", "narrative interviews", "narrative analysis",
    9, FALSE, "Black British; mixed Black Caribbean and White",
    { "yes", "yes", "yes", "yes", "yes", "can't tell", "yes", "can't tell", "yes",
      "Speaks directly to coercion on wards; analysis is thinly described." },
    6, "The author's relationship to the wards studied is not discussed.",
    {
      { "campbell2020-q1", "man, 22, Black British",
        "On the ward you are a risk, not a person. They watch you, they don't talk to you." },
      { "campbell2020-q2", "man, 19, mixed Black Caribbean and White",
        "One nurse used to sit with me and ask about my music. That was the only "
        "time I felt safe." },
      { "campbell2020-q3", "man, 27, Black British",
        "If I said how I really felt they would up my meds, so I said nothing." },
    },
    {
      { "campbell2020-t1", "Seen as a risk",
        "Young men described being watched and restrained rather than listened "
        "to, and linked this to being Black.",
        { "campbell2020-q1", NULL } },
      { "campbell2020-t2", "Islands of warmth",
        "Single members of staff who showed interest and warmth were described "
        "as the only sources of safety on the ward.",
        { "campbell2020-q2", NULL } },
      { "campbell2020-t3", "Strategic silence",
        "Fear of coercion led men to hide their feelings from staff.",
        { "campbell2020-q3", NULL } },
    },
  },
  {
    "nowak2021", { "Nowak, E.", "Chen, Y.", "Mensah, K.", NULL }, 2021,
    "Continuity and connection: minoritised patients' views of mental-health "
    "support in general practice",
    "Scotland", "general practice",
    "adults from Black, Asian, Chinese and mixed ethnic backgrounds",
    "common mental-health problems", "semi-structured interviews",
    "framework analysis",
    17, FALSE, "Black African; Chinese; mixed heritage",
    { "yes", "yes", "yes", "yes", "yes", "no", "yes", "yes", "yes",
      "Adds the primary-care view and a Scottish setting." },
    6, "No account of how the researchers' own backgrounds shaped the interviews.",
    {
      { "nowak2021-q1", "woman, 60, Black African",
        "Seeing the same doctor every time meant I didn't have to start my story again." },
      { "nowak2021-q2", "man, 33, Chinese heritage",
        "It didn't matter where she was from. She listened, and she remembered my family." },
      { "nowak2021-q3", "woman, 24, mixed heritage",
        "The receptionist asked where I was really from before she asked why I was there." },
    },
    {
      { "nowak2021-t1", "Continuity as recognition",
        "Seeing the same practitioner over time let people feel known instead of "
        "explaining themselves afresh at every visit.",
        { "nowak2021-q1", "nowak2021-q2", NULL } },
      { "nowak2021-t2", "Warmth over matching",
        "Participants ranked a practitioner's warmth and attention above a shared "
        "ethnic background.",
        { "nowak2021-q2", NULL } },
      { "nowak2021-t3", "Othered at the front desk",
        "Exchanges with reception staff could mark people as outsiders before "
        "any care had begun.",
        { "nowak2021-q3", NULL } },
    },
  },
};

typedef struct {
  const char *id;
  const char *label;
  const char *definition;
  const char *expressions[5];
} ConceptSpec;

static const ConceptSpec concepts[] = {
  { "being-listened-to", "being listened to",
    "A practitioner takes time to hear the person's own account and shows that it was heard.",
    { "adeyemi2016-t1", "nowak2021-t1", NULL } },
  { "warmth", "warmth and connection",
    "Kindness, interest and attention that make the person feel safe with a practitioner.",
    { "hussain2018-t2", "campbell2020-t2", "nowak2021-t2", NULL } },
  { "whole-person", "being known as a whole person",
    "Family, faith and life history are treated as part of the person, not as noise.",
    { "adeyemi2016-t1", "hussain2018-t1", "nowak2021-t1", NULL } },
  { "othering", "being treated as \"other\"",
    "Being seen through a racialised stereotype, as a risk or an outsider, rather than as a person.",
    { "adeyemi2016-t2", "campbell2020-t1", "nowak2021-t3", NULL } },
  { "guardedness", "guardedness",
    "Holding back feelings or information from services out of fear of the consequences.",
    { "campbell2020-t3", NULL } },
  { "shared-background", "shared background",
    "A practitioner of a similar cultural or ethnic background.",
    { "hussain2018-t3", NULL } },
};

typedef struct {
  const char *id;
  MteTranslationKind kind;
  const char *source;
  const char *target;
  const char *reviewer;
  const char *rationale;
} TranslationSpec;

/* Studies were taken in order from the index study, adeyemi2016. */
static const TranslationSpec translations[] = {
  { "tr-1", MTE_TRANSLATION_RECIPROCAL, "hussain2018-t1", "adeyemi2016-t1", "ak",
    "Both describe being attended to as a person with a life beyond the symptoms. "
    "Hussain and Patel stress family and faith, Adeyemi and Brooks unhurried "
    "attention; the shared idea is being known." },
  { "tr-2", MTE_TRANSLATION_RECIPROCAL, "campbell2020-t1", "adeyemi2016-t2", "jo",
    "Being watched as a risk on the ward and being pre-judged as aggressive in the "
    "community are the same racialised othering in two settings." },
  { "tr-3", MTE_TRANSLATION_RECIPROCAL, "campbell2020-t2", "hussain2018-t2", "ak",
    "Warmth from one practitioner, repeated over time, is what makes safety and "
    "disclosure possible in both studies." },
  { "tr-4", MTE_TRANSLATION_RECIPROCAL, "nowak2021-t1", "adeyemi2016-t1", "jo",
    "Continuity lets a practitioner listen cumulatively; being remembered is "
    "experienced as being heard." },
  { "tr-5", MTE_TRANSLATION_RECIPROCAL, "nowak2021-t3", "campbell2020-t1", "ml",
    "Othering at the reception desk and on the ward differ in setting and "
    "severity but not in kind." },
  { "tr-6", MTE_TRANSLATION_REFUTATIONAL, "nowak2021-t2", "hussain2018-t3", "ak",
    "Nowak et al. found a shared background mattered little next to warmth; "
    "Hussain and Patel found it eased talk. Both findings are kept: the settings "
    "and samples differ, and together they suggest that matching is one route to "
    "feeling understood rather than a precondition for it." },
};

typedef struct {
  MteConcern concern;
  const char *explanation;
} ConcernSpec;

typedef struct {
  const char *id;
  const char *label;
  const char *statement;
  const char *basis[6];
  ConcernSpec concerns[MTE_CERQUAL_N_COMPONENTS];
  MteConfidence confidence;
  const char *confidence_explanation;
} ThirdOrderSpec;

static const ThirdOrderSpec third_orders[] = {
  { "to-known", "Being known as a whole person",
    "People wanted practitioners to listen, to remember them and to treat "
    "family, faith and history as part of who they are.",
    { "being-listened-to", "whole-person", "adeyemi2016-q3", NULL },
    { { MTE_CONCERN_MINOR, "Two of the three contributing studies say little about reflexivity." },
      { MTE_CONCERN_NONE_OR_VERY_MINOR, "The studies agree closely." },
      { MTE_CONCERN_MINOR, "Three small studies with moderately rich data." },
      { MTE_CONCERN_MINOR, "All from the UK; one primary-care study only." } },
    MTE_CONFIDENCE_MODERATE,
    "A coherent finding, rated down for thin data and unclear reflexivity." },
  { "to-warmth", "Warmth and connection",
    "Warmth from a consistent practitioner made people feel safe enough to "
    "say how they really felt.",
    { "warmth", "hussain2018-t2", "campbell2020-t2", NULL },
    { { MTE_CONCERN_MINOR, "Analysis in one study is thinly described." },
      { MTE_CONCERN_MINOR, "One study questions whether a shared background is needed." },
      { MTE_CONCERN_MODERATE, "Rests mainly on a few quotes per study." },
      { MTE_CONCERN_MINOR, "Inpatient and primary-care settings only partly overlap." } },
    MTE_CONFIDENCE_LOW,
    "Plausible and consistent in direction, but the supporting data are sparse." },
  { "to-othered", "Being treated as \"other\"",
    "Racialised assumptions, met at the front desk or on the ward, led people to "
    "hold back and to distrust services.",
    { "othering", "guardedness", NULL },
    { { MTE_CONCERN_MINOR, "One contributing study lacks reflexivity." },
      { MTE_CONCERN_NONE_OR_VERY_MINOR, "Every contributing study reports it." },
      { MTE_CONCERN_MINOR, "Moderately rich data across three settings." },
      { MTE_CONCERN_NONE_OR_VERY_MINOR, "Directly addresses the review question." } },
    MTE_CONFIDENCE_MODERATE,
    "Consistent across studies and settings; rated down once for limitations." },
};

typedef struct {
  const char *id;
  const char *from;
  const char *to;
  const char *relation;
  const char *rationale;
} LinkSpec;

static const LinkSpec links[] = {
  { "link-1", "to-warmth", "to-known", MTE_RELATION_LEADS_TO,
    "Warmth and connection lead to disclosure, and disclosure lets the "
    "practitioner come to know the whole person." },
  { "link-2", "to-known", "to-warmth", MTE_RELATION_SHAPES,
    "Being known sustains the relationship: the model is a cycle." },
  { "link-3", "to-othered", "to-warmth", "works against",
    "Where people are treated as \"other\" they stay guarded, and warmth has "
    "little chance to develop." },
};

typedef struct {
  const char *entity;
  const char *level;
} ClassificationSpec;

static const ClassificationSpec classifications[] = {
  { "adeyemi2016-t2", "interpersonal" },
  { "adeyemi2016-t2", "societal" },
  { "hussain2018-t1", "interpersonal" },
  { "hussain2018-t1", "community" },
  { "campbell2020-t1", "organisational" },
  { "campbell2020-t1", "societal" },
  { "nowak2021-t1", "organisational" },
  { "nowak2021-t3", "organisational" },
  { "to-known", "interpersonal" },
  { "to-warmth", "interpersonal" },
  { "to-othered", "interpersonal" },
  { "to-othered", "organisational" },
  { "to-othered", "societal" },
};

typedef struct {
  const char *id;
  const char *subject;
  const char *author;
  const char *text;
} MemoSpec;

static const MemoSpec memos[] = {
  { "memo-1", NULL, "ak",
    "This project is illustrative. The four studies, their authors and their "
    "quotes were invented to demonstrate metaethno and must not be cited." },
  { "memo-2", "tr-6", "jo",
    "Discussed at the team meeting: we keep the contradiction rather than "
    "averaging it away, and note the different settings in the report." },
  { "memo-3", "campbell2020", "ml",
    "Two can't-tell answers in the appraisal; the study is kept because it is "
    "the only inpatient account, and its weight is reflected in CERQual." },
  { "memo-4", "to-othered", "ak",
    "Check with the lived-experience advisers whether \"other\" is the word "
    "they would use." },
};

/* ------------------------------------------------------------------ */
/* Building the project                                               */
/* ------------------------------------------------------------------ */

/* Seconds since the epoch for a UTC date and time. */
static gint64
utc (int year,
     int month,
     int day,
     int hour,
     int minute)
{
  g_autoptr(GDateTime) time = g_date_time_new_utc (year, month, day, hour, minute, 0);

  return g_date_time_to_unix (time);
}

static gboolean
add_team_and_checklist (MteProject  *project,
                        GError     **error)
{
  MteChecklist *checklist;

  for (gsize i = 0; i < G_N_ELEMENTS (members); i++)
    if (mte_project_add_member (project, members[i].id, members[i].name,
                                members[i].role, error) == NULL)
      return FALSE;

  checklist = mte_project_add_checklist (project, "casp",
                                         "CASP-style qualitative checklist "
                                         "(paraphrased for this example)",
                                         error);
  if (checklist == NULL)
    return FALSE;

  for (gsize i = 0; i < N_QUESTIONS; i++)
    {
      g_autofree char *key = g_strdup_printf ("q%zu", i + 1);
      gboolean free_text = i == N_QUESTIONS - 1;

      if (!mte_checklist_add_question (checklist, key, questions[i],
                                       free_text ? NULL : answers, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
add_study (MteProject       *project,
           const StudySpec  *spec,
           guint             position,
           GError          **error)
{
  const struct { MteStudyField field; const char *value; } fields[] = {
    { MTE_STUDY_TITLE, spec->title },
    { MTE_STUDY_SOURCE, "Illustrative example (not a real publication)" },
    { MTE_STUDY_COUNTRY, spec->country },
    { MTE_STUDY_SETTING, spec->setting },
    { MTE_STUDY_PARTICIPANTS, spec->participants },
    { MTE_STUDY_CONDITION, spec->condition },
    { MTE_STUDY_DATA_COLLECTION, spec->data_collection },
    { MTE_STUDY_ANALYSIS, spec->analysis },
  };
  MteStudy *study = mte_project_add_study (project, spec->id, error);

  if (study == NULL)
    return FALSE;

  if (!mte_study_set_authors (study, spec->authors, error) ||
      !mte_study_set_year (study, spec->year, error))
    return FALSE;
  for (gsize i = 0; i < G_N_ELEMENTS (fields); i++)
    if (!mte_study_set_field (study, fields[i].field, fields[i].value, error))
      return FALSE;
  mte_study_set_sample_size (study, spec->sample_size);
  mte_study_set_index_study (study, spec->index_study);
  mte_study_set_translation_position (study, position);
  if (!mte_study_set_attribute (study, "ethnicity of sample", spec->ethnicity, error))
    return FALSE;

  for (guint q = 0; q < N_QUESTIONS; q++)
    {
      g_autofree char *key = g_strdup_printf ("q%u", q + 1);
      const char *note = q + 1 == spec->noted_question ? spec->appraisal_note : NULL;

      if (!mte_study_set_appraisal (study, "casp", key, spec->appraisal[q], note, error))
        return FALSE;
    }

  for (gsize i = 0; i < N_QUOTES; i++)
    {
      const QuoteSpec *quote = &spec->quotes[i];
      MteConstruct *construct;

      construct = mte_study_add_construct (study, quote->id,
                                           MTE_CONSTRUCT_FIRST_ORDER,
                                           quote->text, error);
      if (construct == NULL ||
          !mte_construct_set_speaker (construct, quote->speaker, error) ||
          !mte_construct_set_section (construct, "Findings", error))
        return FALSE;
    }

  for (gsize i = 0; i < MAX_THEMES && spec->themes[i].id != NULL; i++)
    {
      const ThemeSpec *theme = &spec->themes[i];
      MteConstruct *construct;

      construct = mte_study_add_construct (study, theme->id,
                                           MTE_CONSTRUCT_SECOND_ORDER,
                                           theme->text, error);
      if (construct == NULL ||
          !mte_construct_set_label (construct, theme->label, error))
        return FALSE;
      for (gsize g = 0; theme->grounds[g] != NULL; g++)
        if (!mte_construct_add_grounding (construct, theme->grounds[g], error))
          return FALSE;
    }

  return TRUE;
}

static gboolean
add_grid_and_translations (MteProject  *project,
                           GError     **error)
{
  for (gsize i = 0; i < G_N_ELEMENTS (concepts); i++)
    {
      const ConceptSpec *spec = &concepts[i];
      MteConcept *concept = mte_project_add_concept (project, spec->id,
                                                     spec->label, error);

      if (concept == NULL ||
          !mte_concept_set_definition (concept, spec->definition, error))
        return FALSE;
      for (gsize e = 0; spec->expressions[e] != NULL; e++)
        if (!mte_concept_add_expression (concept, spec->expressions[e], error))
          return FALSE;
    }

  for (gsize i = 0; i < G_N_ELEMENTS (translations); i++)
    {
      const TranslationSpec *spec = &translations[i];
      MteTranslation *translation;

      translation = mte_project_add_translation (project, spec->id, spec->kind,
                                                 spec->source, spec->target,
                                                 error);
      if (translation == NULL ||
          !mte_translation_set_rationale (translation, spec->rationale, error) ||
          !mte_translation_set_reviewer (translation, spec->reviewer, error))
        return FALSE;
      mte_translation_set_created (translation, utc (2026, 1, 20 + (int) i, 14, 0));
    }

  return TRUE;
}

static gboolean
add_synthesis (MteProject  *project,
               GError     **error)
{
  MteFramework *framework;

  for (gsize i = 0; i < G_N_ELEMENTS (third_orders); i++)
    {
      const ThirdOrderSpec *spec = &third_orders[i];
      MteThirdOrder *third_order;

      third_order = mte_project_add_third_order (project, spec->id, spec->label, error);
      if (third_order == NULL ||
          !mte_third_order_set_statement (third_order, spec->statement, error))
        return FALSE;
      for (gsize b = 0; spec->basis[b] != NULL; b++)
        if (!mte_third_order_add_basis (third_order, spec->basis[b], error))
          return FALSE;
      for (int c = 0; c < MTE_CERQUAL_N_COMPONENTS; c++)
        if (!mte_third_order_set_concern (third_order, (MteCerqualComponent) c,
                                          spec->concerns[c].concern,
                                          spec->concerns[c].explanation, error))
          return FALSE;
      if (!mte_third_order_set_confidence (third_order, spec->confidence,
                                           spec->confidence_explanation, error))
        return FALSE;
    }

  for (gsize i = 0; i < G_N_ELEMENTS (links); i++)
    {
      const LinkSpec *spec = &links[i];
      MteArgumentLink *link;

      link = mte_project_add_argument_link (project, spec->id, spec->from,
                                            spec->to, spec->relation, error);
      if (link == NULL ||
          !mte_argument_link_set_rationale (link, spec->rationale, error))
        return FALSE;
    }

  framework = mte_project_add_socio_ecological_framework (project, "sel", error);
  if (framework == NULL ||
      !mte_framework_set_description (framework,
                                      "Five nested levels at which factors "
                                      "shaping care can act.", error))
    return FALSE;
  for (gsize i = 0; i < G_N_ELEMENTS (classifications); i++)
    if (!mte_framework_classify (framework, classifications[i].entity,
                                 classifications[i].level, error))
      return FALSE;

  return TRUE;
}

static gboolean
add_memos (MteProject  *project,
           GError     **error)
{
  for (gsize i = 0; i < G_N_ELEMENTS (memos); i++)
    {
      MteMemo *memo = mte_project_add_memo (project, memos[i].id, memos[i].subject,
                                            memos[i].author, memos[i].text, error);

      if (memo == NULL)
        return FALSE;
      mte_memo_set_created (memo, utc (2026, 2, 2 + 3 * (int) i, 11, 15));
    }
  return TRUE;
}

static MteProject *
build_starter (GError **error)
{
  g_autoptr(MteProject) project = mte_project_new ();

  if (!mte_project_set_title (project,
                              "Illustrative starter: racially minoritised adults' "
                              "experiences of mental-health care in the UK", error) ||
      !mte_project_set_question (project,
                                 "How do racially minoritised adults in the UK "
                                 "experience their relationships with mental-health "
                                 "practitioners, and what helps or hinders their care?",
                                 error) ||
      !mte_project_set_aim (project,
                            "To show on a small invented data set how each phase of "
                            "a meta-ethnography is recorded. The studies, quotes and "
                            "judgements are illustrative, not real data.", error) ||
      !mte_project_set_line_of_argument (project,
                                         "People want to be listened to and known as "
                                         "whole persons. Warmth from a consistent "
                                         "practitioner leads them to disclose more, "
                                         "which deepens the relationship; being "
                                         "treated as \"other\" leads to guardedness "
                                         "and works against that cycle.", error))
    return NULL;

  if (!add_team_and_checklist (project, error))
    return NULL;
  for (gsize i = 0; i < G_N_ELEMENTS (studies); i++)
    if (!add_study (project, &studies[i], (guint) i + 1, error))
      return NULL;
  if (!add_grid_and_translations (project, error) ||
      !add_synthesis (project, error) ||
      !add_memos (project, error))
    return NULL;

  /* Last, since every change above set the modified time to now. */
  mte_project_set_created (project, utc (2026, 1, 5, 9, 0));
  mte_project_set_modified (project, utc (2026, 2, 20, 16, 30));

  return g_steal_pointer (&project);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(MteProject) project = NULL;
  g_autoptr(GError) error = NULL;

  if (argc != 2)
    {
      fprintf (stderr, "usage: %s OUTPUT.xml\n", argv[0]);
      return 2;
    }

  project = build_starter (&error);
  if (project == NULL)
    {
      fprintf (stderr, "%s: building the example: %s\n", argv[0], error->message);
      return 1;
    }

  if (!mte_project_save_to_file (project, argv[1], MTE_SAVE_FLAGS_NONE, &error))
    {
      fprintf (stderr, "%s: %s\n", argv[0], error->message);
      return 1;
    }

  return 0;
}
