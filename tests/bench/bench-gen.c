/* Synthetic project generator: a review with realistic text lengths.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "bench-gen.h"

#include <string.h>

/* Vocabulary for the text. The words come from the kind of findings
 * qualitative health studies report; a few tokens carry characters the
 * writer must escape (&, <, ") or that are not ASCII, so that a generated
 * file also exercises escaping and UTF-8. */
static const char *const nouns[] = {
  "doctor", "nurse", "family", "community", "clinic", "appointment", "trust",
  "diagnosis", "treatment", "medication", "interpreter", "receptionist",
  "waiting room", "consultant", "care plan", "referral", "symptom",
  "relationship", "culture", "faith", "stigma", "support", "language",
  "history", "experience", "voice", "body", "illness", "recovery", "system",
  "practitioner", "service", "ward", "letter", "question", "answer",
  "silence", "respect", "racism", "kindness", "fear", "hope", "future",
  "children", "husband", "mother", "neighbour", "church", "mosque", "temple",
  "A&E", "GP's surgery", "café", "the \"system\"", "<redacted>",
};

static const char *const verbs[] = {
  "listened", "explained", "ignored", "understood", "trusted", "avoided",
  "asked", "waited", "felt", "told", "believed", "noticed", "shared",
  "hid", "questioned", "accepted", "rejected", "remembered", "learned",
  "struggled", "managed", "coped", "carried", "looked after", "stopped",
  "tried", "wanted", "needed", "knew", "saw",
};

static const char *const adjectives[] = {
  "kind", "rushed", "distant", "warm", "dismissive", "patient", "careful",
  "confusing", "frightening", "familiar", "respectful", "cold", "honest",
  "unfair", "safe", "alone", "different", "whole", "invisible", "heard",
  "naïve", "well-meaning", "overwhelmed", "tired", "grateful",
};

static const char *const fillers[] = {
  "you know,", "I mean,", "honestly,", "to be fair,", "like,", "well,",
  "I don't know,", "it’s like", "sometimes", "every time",
};

static const char *const pronouns[] = {
  "I", "we", "she", "he", "they", "my family", "the doctor", "nobody",
  "my mum", "the nurse",
};

static const char *const interpretive[] = {
  "participants", "the women", "the men", "carers", "older patients",
  "young people", "families", "respondents", "service users",
};

static const char *const theory[] = {
  "described", "framed", "negotiated", "contrasted", "linked", "attributed",
  "located", "experienced", "resisted", "reconstructed",
};

static const char *const journals[] = {
  "Social Science & Medicine", "Qualitative Health Research",
  "BMJ Open", "PLOS ONE", "Sociology of Health & Illness",
  "Journal of Advanced Nursing", "Ethnicity & Health", "Health Expectations",
  "BMC Health Services Research", "Psycho-Oncology",
};

static const char *const countries[] = {
  "United Kingdom", "England", "Scotland", "Wales", "Ireland", "Canada",
  "Australia", "New Zealand", "United States", "Netherlands", "Sweden",
};

static const char *const settings[] = {
  "community mental-health services", "oncology outpatient clinic",
  "primary care", "inpatient psychiatric ward", "hospice", "emergency department",
  "maternity services", "faith-based community centre", "general practice",
};

static const char *const descriptors[] = {
  "Black Caribbean", "Black African", "South Asian", "Pakistani", "Bangladeshi",
  "Indian", "Chinese", "Somali", "Polish", "White British", "mixed heritage",
  "asylum seeker from Sudan", "refugee from Syria", "Roma",
};

static const char *const conditions[] = {
  "breast cancer", "psychosis", "depression", "prostate cancer", "diabetes",
  "bipolar disorder", "bowel cancer", "anxiety", "schizophrenia", "lymphoma",
};

static const char *const methods[] = {
  "semi-structured interviews", "focus groups", "narrative interviews",
  "ethnographic observation and interviews", "photo-elicitation interviews",
};

static const char *const analyses[] = {
  "thematic analysis", "interpretative phenomenological analysis",
  "framework analysis", "grounded theory", "narrative analysis",
  "constant comparison",
};

static const char *const surnames[] = {
  "Ridge", "Okafor", "Khan", "Nguyen", "Smith", "Campbell", "Britten",
  "Toye", "Noblit", "Hare", "Mensah", "Patel", "Ahmed", "Kowalski",
  "O'Brien", "Müller", "García", "Chen", "Singh", "Adeyemi",
};

static const char *const casp_questions[] = {
  "Was there a clear statement of the aims of the research?",
  "Is a qualitative methodology appropriate?",
  "Was the research design appropriate to address the aims of the research?",
  "Was the recruitment strategy appropriate to the aims of the research?",
  "Was the data collected in a way that addressed the research issue?",
  "Has the relationship between researcher and participants been adequately considered?",
  "Have ethical issues been taken into consideration?",
  "Was the data analysis sufficiently rigorous?",
  "Is there a clear statement of findings?",
  "How valuable is the research?",
};

static const char *const relations[] = {
  MTE_RELATION_LEADS_TO, MTE_RELATION_SHAPES, MTE_RELATION_IS_PART_OF,
};

static const char *const se_levels[] = {
  "individual", "interpersonal", "community", "organisational", "societal",
};

#define PICK(rand, array) \
  ((array)[g_rand_int_range ((rand), 0, (gint32) G_N_ELEMENTS (array))])

static guint
rand_between (GRand *rand,
              guint  lo,
              guint  hi)
{
  return (guint) g_rand_int_range (rand, (gint32) lo, (gint32) hi + 1);
}

static gboolean
chance (GRand *rand,
        double p)
{
  return g_rand_double (rand) < p;
}

static void
append_capitalised (GString    *s,
                    const char *word)
{
  if (g_ascii_islower (word[0]))
    {
      g_string_append_c (s, g_ascii_toupper (word[0]));
      g_string_append (s, word + 1);
    }
  else
    g_string_append (s, word);
}

/* One sentence of a participant's speech. */
static void
append_spoken (GString *s,
               GRand   *rand)
{
  guint n = rand_between (rand, 2, 5);

  if (chance (rand, 0.3))
    {
      append_capitalised (s, PICK (rand, fillers));
      g_string_append_c (s, ' ');
      g_string_append (s, PICK (rand, pronouns));
    }
  else
    append_capitalised (s, PICK (rand, pronouns));

  g_string_append_printf (s, " %s the %s", PICK (rand, verbs), PICK (rand, nouns));
  for (guint i = 0; i < n; i++)
    {
      switch (g_rand_int_range (rand, 0, 4))
        {
        case 0:
          g_string_append_printf (s, " and it felt %s", PICK (rand, adjectives));
          break;
        case 1:
          g_string_append_printf (s, ", %s %s", PICK (rand, fillers), PICK (rand, pronouns));
          g_string_append_printf (s, " %s", PICK (rand, verbs));
          break;
        case 2:
          g_string_append_printf (s, " because of the %s", PICK (rand, nouns));
          break;
        default:
          g_string_append_printf (s, " with my %s", PICK (rand, nouns));
          break;
        }
    }
  g_string_append_c (s, chance (rand, 0.15) ? '?' : '.');
}

/* One sentence of an author's or the review team's interpretation. */
static void
append_written (GString *s,
                GRand   *rand)
{
  guint n = rand_between (rand, 1, 4);

  append_capitalised (s, PICK (rand, interpretive));
  g_string_append_printf (s, " %s the %s as %s", PICK (rand, theory),
                          PICK (rand, nouns), PICK (rand, adjectives));
  for (guint i = 0; i < n; i++)
    {
      switch (g_rand_int_range (rand, 0, 3))
        {
        case 0:
          g_string_append_printf (s, ", %s to the %s of the %s", PICK (rand, theory),
                                  PICK (rand, nouns), PICK (rand, nouns));
          break;
        case 1:
          g_string_append_printf (s, " where the %s was %s", PICK (rand, nouns),
                                  PICK (rand, adjectives));
          break;
        default:
          g_string_append_printf (s, " and %s %s", PICK (rand, adjectives),
                                  PICK (rand, nouns));
          break;
        }
    }
  g_string_append_c (s, '.');
}

/* Text of a length drawn uniformly from [lo, hi] characters (bytes; the
 * few multi-byte tokens make some texts slightly shorter in characters).
 * Cuts only at spaces, so the result stays valid UTF-8. */
static char *
gen_text (GRand    *rand,
          guint     lo,
          guint     hi,
          gboolean  spoken,
          gboolean  paragraphs)
{
  guint target = rand_between (rand, lo, hi);
  GString *s = g_string_sized_new (target + 128);

  while (s->len < target)
    {
      if (s->len > 0)
        g_string_append (s, paragraphs && chance (rand, 0.2) ? "\n\n" : " ");
      if (spoken)
        append_spoken (s, rand);
      else
        append_written (s, rand);
    }
  if (s->len > hi)
    {
      const char *cut = s->str + hi - 1;

      while (cut > s->str && *cut != ' ')
        cut--;
      g_string_truncate (s, (gsize) (cut - s->str));
      g_string_append_c (s, '.');
    }
  return g_string_free (s, FALSE);
}

static char *
gen_phrase (GRand *rand,
            guint  min_words,
            guint  max_words)
{
  guint n = rand_between (rand, min_words, max_words);
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (s, ' ');
      switch (i % 3)
        {
        case 0:
          g_string_append (s, PICK (rand, adjectives));
          break;
        case 1:
          g_string_append (s, PICK (rand, nouns));
          break;
        default:
          g_string_append (s, PICK (rand, verbs));
          break;
        }
    }
  return g_string_free (s, FALSE);
}

void
bench_gen_params_init (BenchGenParams *params)
{
  g_return_if_fail (params != NULL);

  memset (params, 0, sizeof *params);
  params->n_studies = 100;
  params->constructs_per_study = 100;
  params->quotes_ratio = 0.6;
  params->n_concepts = 0;
  params->expression_ratio = 0.3;
  params->translations_per_study = 3;
  params->n_third_orders = 0;
  params->classify_ratio = 0.2;
  params->memos_per_study = 0.5;
  params->seed = 1988;
}

gboolean
bench_gen_parse_shape (const char      *shape,
                       BenchGenParams  *params,
                       GError         **error)
{
  guint64 studies, constructs;
  char *end;

  studies = g_ascii_strtoull (shape, &end, 10);
  if (end == shape || *end != ':' || studies == 0 || studies > G_MAXINT32)
    goto bad;
  shape = end + 1;
  constructs = g_ascii_strtoull (shape, &end, 10);
  if (end == shape || *end != '\0' || constructs > G_MAXINT32)
    goto bad;
  params->n_studies = (guint) studies;
  params->constructs_per_study = (guint) constructs;
  return TRUE;

bad:
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
               "expected STUDIES:CONSTRUCTS_PER_STUDY, e.g. 10000:100");
  return FALSE;
}

/* Everything below returns on the first API failure, with @error set by
 * the library. */
#define CHECK(expr) G_STMT_START { if (!(expr)) goto fail; } G_STMT_END

static gboolean
add_team (MteProject  *project,
          GError     **error)
{
  static const char *const answers[] = { "yes", "can't tell", "no", NULL };
  MteChecklist *casp;

  CHECK (mte_project_add_member (project, "ar", "A. Reviewer", "first reviewer", error));
  CHECK (mte_project_add_member (project, "bk", "B. Kowalski", "second reviewer", error));
  CHECK (mte_project_add_member (project, "co", "C. Okafor", "patient and public involvement lead", error));

  casp = mte_project_add_checklist (project, "casp", "CASP qualitative checklist (2018)", error);
  CHECK (casp);
  for (guint i = 0; i < G_N_ELEMENTS (casp_questions); i++)
    {
      char key[8];

      g_snprintf (key, sizeof key, "q%u", i + 1);
      CHECK (mte_checklist_add_question (casp, key, casp_questions[i],
                                         i + 1 < G_N_ELEMENTS (casp_questions) ? answers : NULL,
                                         error));
    }
  return TRUE;

fail:
  return FALSE;
}

static gboolean
fill_study (MteStudy  *study,
            guint      index,
            GRand     *rand,
            guint     *n_appraisals,
            GError   **error)
{
  static const char *const answers[] = { "yes", "yes", "yes", "can't tell", "no" };
  g_autofree char *title = NULL;
  g_autofree char *pages = NULL;
  g_autofree char *doi = NULL;
  g_autofree char *participants = NULL;
  g_autoptr(GPtrArray) authors = g_ptr_array_new_with_free_func (g_free);
  guint n_authors = rand_between (rand, 1, 6);
  guint first_page = rand_between (rand, 1, 2400);
  char number[16];

  title = gen_text (rand, 60, 160, FALSE, FALSE);
  title[strlen (title) - 1] = '\0';     /* titles have no full stop */
  pages = g_strdup_printf ("%u-%u", first_page, first_page + rand_between (rand, 6, 20));
  doi = g_strdup_printf ("10.%u/synthetic.%u.%u", rand_between (rand, 1000, 9999),
                         index, rand_between (rand, 1, 99999));
  participants = g_strdup_printf ("%s people living with %s, aged %u-%u",
                                  PICK (rand, descriptors), PICK (rand, conditions),
                                  rand_between (rand, 18, 40), rand_between (rand, 41, 90));

  CHECK (mte_study_set_field (study, MTE_STUDY_TITLE, title, error));
  CHECK (mte_study_set_field (study, MTE_STUDY_SOURCE, PICK (rand, journals), error));
  g_snprintf (number, sizeof number, "%u", rand_between (rand, 1, 120));
  CHECK (mte_study_set_field (study, MTE_STUDY_VOLUME, number, error));
  g_snprintf (number, sizeof number, "%u", rand_between (rand, 1, 12));
  CHECK (mte_study_set_field (study, MTE_STUDY_ISSUE, number, error));
  CHECK (mte_study_set_field (study, MTE_STUDY_PAGES, pages, error));
  CHECK (mte_study_set_field (study, MTE_STUDY_DOI, doi, error));
  CHECK (mte_study_set_field (study, MTE_STUDY_COUNTRY, PICK (rand, countries), error));
  CHECK (mte_study_set_field (study, MTE_STUDY_SETTING, PICK (rand, settings), error));
  CHECK (mte_study_set_field (study, MTE_STUDY_PARTICIPANTS, participants, error));
  CHECK (mte_study_set_field (study, MTE_STUDY_CONDITION, PICK (rand, conditions), error));
  CHECK (mte_study_set_field (study, MTE_STUDY_DATA_COLLECTION, PICK (rand, methods), error));
  CHECK (mte_study_set_field (study, MTE_STUDY_ANALYSIS, PICK (rand, analyses), error));
  if (chance (rand, 0.3))
    {
      g_autofree char *notes = gen_text (rand, 80, 300, FALSE, FALSE);
      CHECK (mte_study_set_field (study, MTE_STUDY_NOTES, notes, error));
    }

  for (guint i = 0; i < n_authors; i++)
    g_ptr_array_add (authors, g_strdup_printf ("%s, %c.", PICK (rand, surnames),
                                               'A' + g_rand_int_range (rand, 0, 26)));
  g_ptr_array_add (authors, NULL);
  CHECK (mte_study_set_authors (study, (const char * const *) authors->pdata, error));
  CHECK (mte_study_set_year (study, (int) rand_between (rand, 1995, 2024), error));
  mte_study_set_sample_size (study, rand_between (rand, 6, 60));
  mte_study_set_index_study (study, index == 0);
  mte_study_set_translation_position (study, index + 1);
  CHECK (mte_study_set_attribute (study, "ethnicity of sample", PICK (rand, descriptors), error));
  CHECK (mte_study_set_attribute (study, "recruitment",
                                  chance (rand, 0.5) ? "purposive, through community organisations"
                                                     : "convenience sample from one clinic",
                                  error));

  for (guint q = 1; q <= G_N_ELEMENTS (casp_questions); q++)
    {
      char key[8];
      g_autofree char *note = NULL;
      const char *answer;

      g_snprintf (key, sizeof key, "q%u", q);
      if (q == G_N_ELEMENTS (casp_questions))
        answer = "Valuable for its attention to how families mediate care.";
      else
        answer = PICK (rand, answers);
      if (chance (rand, 0.3))
        note = gen_text (rand, 40, 160, FALSE, FALSE);
      CHECK (mte_study_set_appraisal (study, "casp", key, answer, note, error));
      (*n_appraisals)++;
    }
  return TRUE;

fail:
  return FALSE;
}

MteProject *
bench_gen_project (const BenchGenParams *params,
                   BenchGenCounts       *counts,
                   GError              **error)
{
  g_autoptr(MteProject) project = mte_project_new ();
  g_autoptr(GRand) rand = NULL;
  g_autoptr(GPtrArray) second_ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) study_second = g_ptr_array_new_with_free_func (g_free);
  BenchGenCounts local = { 0 };
  MteFramework *sel;
  g_autofree char *statement = NULL;
  guint n_concepts, n_third, n_first, n_second;
  const gint64 epoch = 1700000000;
  gint64 clock;
  char id[64], other[64];

  g_return_val_if_fail (params != NULL, NULL);
  g_return_val_if_fail (params->n_studies > 0, NULL);

  if (counts == NULL)
    counts = &local;
  memset (counts, 0, sizeof *counts);

  rand = g_rand_new_with_seed (params->seed);
  clock = epoch + (gint64) (params->seed % 100000) * 60;
  n_concepts = params->n_concepts ? params->n_concepts : MAX (6, params->n_studies / 2);
  n_third = params->n_third_orders ? params->n_third_orders : MAX (4, params->n_studies / 20);
  n_first = (guint) (params->constructs_per_study * CLAMP (params->quotes_ratio, 0.0, 1.0) + 0.5);
  n_second = params->constructs_per_study - n_first;

  CHECK (mte_project_set_title (project, "Synthetic review: experiences of care among "
                                "racially minoritised people", error));
  CHECK (mte_project_set_question (project, "How do racially minoritised people experience "
                                   "mental-health and cancer care, and what makes care feel "
                                   "safe & respectful to them?", error));
  CHECK (mte_project_set_aim (project, "To translate the concepts of the included studies "
                              "into one another and build a line of argument.", error));
  CHECK (add_team (project, error));

  /* Concepts come first in the model but are expressed later, once the
   * second-order constructs exist. */
  for (guint c = 0; c < n_concepts; c++)
    {
      g_autofree char *label = gen_phrase (rand, 2, 5);
      MteConcept *concept;

      g_snprintf (id, sizeof id, "k%05u", c);
      concept = mte_project_add_concept (project, id, label, error);
      CHECK (concept);
      if (chance (rand, 0.7))
        {
          g_autofree char *definition = gen_text (rand, 80, 300, FALSE, FALSE);
          CHECK (mte_concept_set_definition (concept, definition, error));
        }
    }
  counts->concepts = n_concepts;

  for (guint s = 0; s < params->n_studies; s++)
    {
      MteStudy *study;

      g_snprintf (id, sizeof id, "s%05u", s);
      study = mte_project_add_study (project, id, error);
      CHECK (study);
      CHECK (fill_study (study, s, rand, &counts->appraisals, error));
      counts->studies++;

      for (guint q = 0; q < n_first; q++)
        {
          g_autofree char *text = gen_text (rand, 80, 400, TRUE, FALSE);
          g_autofree char *speaker = NULL;
          g_autofree char *page = NULL;
          g_autofree char *section = NULL;
          MteConstruct *quote;

          g_snprintf (id, sizeof id, "s%05u.c%03u", s, q);
          quote = mte_study_add_construct (study, id, MTE_CONSTRUCT_FIRST_ORDER, text, error);
          CHECK (quote);
          if (chance (rand, 0.5))
            speaker = g_strdup_printf ("%s, %u, %s, %s", chance (rand, 0.5) ? "woman" : "man",
                                       rand_between (rand, 18, 90), PICK (rand, descriptors),
                                       PICK (rand, conditions));
          else
            speaker = g_strdup_printf ("participant %u (%s)", rand_between (rand, 1, 60),
                                       PICK (rand, pronouns));
          CHECK (mte_construct_set_speaker (quote, speaker, error));
          page = g_strdup_printf ("%u", rand_between (rand, 1, 30));
          CHECK (mte_construct_set_page (quote, page, error));
          if (chance (rand, 0.6))
            {
              section = g_strdup_printf ("Findings: %s", PICK (rand, nouns));
              CHECK (mte_construct_set_section (quote, section, error));
            }
          counts->first_order++;
        }

      g_ptr_array_set_size (study_second, 0);
      for (guint t = 0; t < n_second; t++)
        {
          g_autofree char *text = gen_text (rand, 150, 600, FALSE, FALSE);
          g_autofree char *label = gen_phrase (rand, 2, 7);
          g_autofree char *page = NULL;
          MteConstruct *theme;
          guint n_ground;

          g_snprintf (id, sizeof id, "s%05u.c%03u", s, n_first + t);
          theme = mte_study_add_construct (study, id, MTE_CONSTRUCT_SECOND_ORDER, text, error);
          CHECK (theme);
          CHECK (mte_construct_set_label (theme, label, error));
          page = g_strdup_printf ("%u-%u", rand_between (rand, 1, 15), rand_between (rand, 16, 30));
          CHECK (mte_construct_set_page (theme, page, error));
          n_ground = n_first > 0 ? rand_between (rand, 1, MIN (3, n_first)) : 0;
          for (guint g = 0; g < n_ground; g++)
            {
              g_snprintf (other, sizeof other, "s%05u.c%03u", s,
                          (guint) g_rand_int_range (rand, 0, (gint32) n_first));
              CHECK (mte_construct_add_grounding (theme, other, error));
            }
          counts->groundings += mte_construct_get_n_groundings (theme);
          g_ptr_array_add (study_second, g_strdup (id));
          g_ptr_array_add (second_ids, g_strdup (id));
          counts->second_order++;

          if (chance (rand, params->expression_ratio))
            {
              /* Skewed towards the first concepts: some ideas recur in
               * most studies, others in a few. */
              guint c = MIN ((guint) g_rand_int_range (rand, 0, (gint32) n_concepts),
                             (guint) g_rand_int_range (rand, 0, (gint32) n_concepts));
              MteConcept *concept = mte_project_get_concept (project, c);

              CHECK (mte_concept_add_expression (concept, id, error));
              counts->expressions++;
            }
        }

      if (s > 0 && study_second->len > 0)
        {
          for (guint t = 0; t < params->translations_per_study; t++)
            {
              const char *source = g_ptr_array_index (study_second,
                                                      g_rand_int_range (rand, 0, (gint32) study_second->len));
              g_autofree char *rationale = gen_text (rand, 120, 500, FALSE, FALSE);
              MteTranslation *translation;
              char earlier[16];

              g_snprintf (id, sizeof id, "t%07u", counts->translations);
              g_snprintf (other, sizeof other, "k%05u",
                          (guint) g_rand_int_range (rand, 0, (gint32) n_concepts));
              translation = mte_project_add_translation (project, id,
                                                         chance (rand, 0.85) ? MTE_TRANSLATION_RECIPROCAL
                                                                             : MTE_TRANSLATION_REFUTATIONAL,
                                                         source, other, error);
              CHECK (translation);
              CHECK (mte_translation_set_rationale (translation, rationale, error));
              CHECK (mte_translation_set_reviewer (translation, chance (rand, 0.6) ? "ar" : "bk", error));
              g_snprintf (earlier, sizeof earlier, "s%05u", (guint) g_rand_int_range (rand, 0, (gint32) s));
              CHECK (mte_translation_set_target_study (translation, earlier, error));
              mte_translation_set_created (translation, clock += 97);
              counts->translations++;
            }
        }

      {
        guint n_memos = (guint) params->memos_per_study;

        if (chance (rand, params->memos_per_study - n_memos))
          n_memos++;
        for (guint m = 0; m < n_memos; m++)
          {
            g_autofree char *text = gen_text (rand, 100, 900, FALSE, TRUE);
            MteMemo *memo;

            g_snprintf (id, sizeof id, "m%07u", counts->memos);
            if (chance (rand, 0.5) || study_second->len == 0)
              g_snprintf (other, sizeof other, "s%05u", s);
            else
              g_strlcpy (other, g_ptr_array_index (study_second,
                                                   g_rand_int_range (rand, 0, (gint32) study_second->len)),
                         sizeof other);
            memo = mte_project_add_memo (project, id, other, chance (rand, 0.5) ? "ar" : "co",
                                         text, error);
            CHECK (memo);
            mte_memo_set_created (memo, clock += 131);
            counts->memos++;
          }
      }
    }

  /* Third-order constructs: each rests on a few concepts and constructs. */
  for (guint f = 0; f < n_third; f++)
    {
      g_autofree char *label = gen_phrase (rand, 3, 8);
      g_autofree char *text = gen_text (rand, 200, 800, FALSE, FALSE);
      MteThirdOrder *third;
      guint n_basis = rand_between (rand, 2, 5);

      g_snprintf (id, sizeof id, "f%05u", f);
      third = mte_project_add_third_order (project, id, label, error);
      CHECK (third);
      CHECK (mte_third_order_set_statement (third, text, error));
      for (guint b = 0; b < n_basis; b++)
        {
          g_snprintf (other, sizeof other, "k%05u", (guint) g_rand_int_range (rand, 0, (gint32) n_concepts));
          CHECK (mte_third_order_add_basis (third, other, error));
        }
      if (second_ids->len > 0)
        for (guint b = rand_between (rand, 0, 3); b > 0; b--)
          CHECK (mte_third_order_add_basis (third, g_ptr_array_index (second_ids,
                                                                      g_rand_int_range (rand, 0, (gint32) second_ids->len)),
                                            error));
      for (int c = 0; c < MTE_CERQUAL_N_COMPONENTS; c++)
        {
          g_autofree char *why = gen_text (rand, 60, 240, FALSE, FALSE);
          CHECK (mte_third_order_set_concern (third, (MteCerqualComponent) c,
                                              (MteConcern) rand_between (rand, MTE_CONCERN_NONE_OR_VERY_MINOR,
                                                                         MTE_CONCERN_SERIOUS),
                                              why, error));
        }
      {
        g_autofree char *why = gen_text (rand, 80, 300, FALSE, FALSE);
        CHECK (mte_third_order_set_confidence (third,
                                               (MteConfidence) rand_between (rand, MTE_CONFIDENCE_HIGH,
                                                                             MTE_CONFIDENCE_VERY_LOW),
                                               why, error));
      }
    }
  counts->third_orders = n_third;

  /* The line of argument: a chain through the findings, with each finding
   * also feeding one further back. */
  for (guint f = 1; f < n_third; f++)
    {
      MteArgumentLink *link;
      g_autofree char *rationale = gen_text (rand, 60, 250, FALSE, FALSE);

      g_snprintf (id, sizeof id, "l%06u", counts->argument_links);
      g_snprintf (other, sizeof other, "f%05u", f - 1);
      {
        char to[16];

        g_snprintf (to, sizeof to, "f%05u", f);
        link = mte_project_add_argument_link (project, id, other, to, PICK (rand, relations), error);
      }
      CHECK (link);
      CHECK (mte_argument_link_set_rationale (link, rationale, error));
      counts->argument_links++;

      if (f >= 2 && f / 4 + 1 < f)
        {
          char from[16], to[16];

          g_snprintf (id, sizeof id, "l%06u", counts->argument_links);
          g_snprintf (from, sizeof from, "f%05u", f);
          g_snprintf (to, sizeof to, "f%05u", f / 4);
          CHECK (mte_project_add_argument_link (project, id, from, to, MTE_RELATION_SHAPES, error));
          counts->argument_links++;
        }
    }
  statement = gen_text (rand, 300, 900, FALSE, FALSE);
  CHECK (mte_project_set_line_of_argument (project, statement, error));

  /* A socio-ecological framework classifying constructs, concepts and
   * findings. */
  sel = mte_project_add_socio_ecological_framework (project, "sel", error);
  CHECK (sel);
  CHECK (mte_framework_set_description (sel, "Levels of the socio-ecological model, as used "
                                        "to classify factors that compound harm in care.", error));
  for (guint i = 0; i < second_ids->len; i++)
    if (chance (rand, params->classify_ratio))
      {
        CHECK (mte_framework_classify (sel, g_ptr_array_index (second_ids, i),
                                       PICK (rand, se_levels), error));
        counts->classifications++;
      }
  for (guint c = 0; c < n_concepts; c++)
    {
      g_snprintf (id, sizeof id, "k%05u", c);
      CHECK (mte_framework_classify (sel, id, PICK (rand, se_levels), error));
      counts->classifications++;
    }
  for (guint f = 0; f < n_third; f++)
    {
      guint first = (guint) g_rand_int_range (rand, 0, 4);

      g_snprintf (id, sizeof id, "f%05u", f);
      CHECK (mte_framework_classify (sel, id, se_levels[first], error));
      CHECK (mte_framework_classify (sel, id, se_levels[first + 1], error));
      counts->classifications += 2;
    }

  /* Project-level memos. */
  for (guint m = 0; m < params->n_studies / 100 + 1; m++)
    {
      g_autofree char *text = gen_text (rand, 200, 1200, FALSE, TRUE);
      MteMemo *memo;

      g_snprintf (id, sizeof id, "m%07u", counts->memos);
      memo = mte_project_add_memo (project, id, NULL, "bk", text, error);
      CHECK (memo);
      mte_memo_set_created (memo, clock += 131);
      counts->memos++;
    }

  /* Last, so that no later change stamps the current time. */
  mte_project_set_created (project, epoch);
  mte_project_set_modified (project, clock + 3600);

  return g_steal_pointer (&project);

fail:
  return NULL;
}
