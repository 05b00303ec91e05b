/* mte-bench-import: how importing references compares with reading the
 * same bytes and with bibutils (issue 12).
 *
 * Writes a RIS file of N generated journal articles (seeded, so the same
 * arguments give the same bytes) in which a known share are duplicates
 * of earlier records: about 10 % repeat an earlier record's DOI written
 * another way (upper case, "https://doi.org/", "http://dx.doi.org/",
 * "doi:"), about 5 % have no DOI and repeat an earlier record's title in
 * another case, punctuation or without its diacritics, with the same year
 * and first author. One untimed import checks that the library finds
 * exactly the planted duplicates, each against its own original and by
 * the rule planted; the program fails if it does not.
 *
 * Then, in the same run, each repeated --repeat times in turn, it times:
 *
 *   - a plain read: g_file_get_contents() and one pass over the bytes
 *     counting lines, the least any reader of the file must do;
 *   - mte_project_new() and mte_project_import_references_from_file() in
 *     RIS, then the same with the format sniffed; freeing the report and
 *     the project is a row of its own;
 *   - bibutils converting the same file to MODS XML (ris2xml, output to
 *     /dev/null) as a child process, with an empty process (true) spawned
 *     the same way for the cost of starting one.
 *
 * and prints the median and the least of each, in wall and CPU time (for
 * a child process, the child's own), the ratios, records per second and
 * the peak resident memory of each step, each measured in a fresh copy of
 * this program (--measure-step) so that what an earlier step freed, or the
 * size of this process when it starts a child, does not count.
 *
 *     mte-bench-import [--records N] [--repeat K] [--file PATH] [--seed S]
 *
 * Figures go to docs/performance.md; nothing here checks a time.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#define _GNU_SOURCE
#include <metaethno/metaethno.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include <glib/gstdio.h>

/* ------------------------------------------------------------------ */
/* Vocabulary                                                         */
/* ------------------------------------------------------------------ */

/* Title words, and words with diacritics that a copy from another
 * database may lose (only letters whose accents Unicode decomposes, as
 * the duplicate rule expects); one title word in 25 is of those. */
static const char *const title_words[] = {
  "experiences", "of", "caregivers", "living", "with", "dementia", "in", "rural", "communities",
  "a", "meta-ethnography", "qualitative", "synthesis", "stigma", "and", "chronic", "illness",
  "among", "older", "adults", "patients'", "perspectives", "on", "self-management", "type",
  "diabetes", "primary", "care", "nurses", "views", "palliative", "end-of-life", "decision",
  "making", "the", "role", "family", "support", "mental", "health", "services", "young",
  "people", "migrants", "access", "to", "maternity", "women's", "narratives", "pregnancy",
  "loss", "HIV", "adherence", "treatment", "barriers", "facilitators", "trust", "doctors",
  "hospital", "discharge", "transitions", "identity", "after", "stroke", "recovery", "work",
  "return", "cancer", "survivorship", "uncertainty", "coping", "resilience", "community",
  "pharmacists", "medication", "polypharmacy", "homelessness", "housing", "loneliness",
  "social", "isolation", "digital", "telehealth", "consultations", "during", "COVID-19",
  "pandemic", "shared", "interprofessional", "teamwork", "burnout", "emotional", "labour",
  "moral", "distress", "intensive", "unit", "parents", "neonatal", "children", "disability",
  "autism", "schools", "adolescents", "eating", "disorders", "body", "image", "obesity",
  "weight", "physical", "activity", "exercise", "pain", "opioids", "addiction", "indigenous",
  "cultural", "safety", "trajectories", "everyday", "meaning", "ageing", "place",
};

static const char *const accented_words[] = {
  "Māori", "café", "naïve", "rôle", "São Paulo", "Zürich", "Bogotá", "México", "Québec",
  "Göteborg", "élite", "über", "protégé", "señoras", "façade", "coöperation", "crème",
  "fiancées", "Malmö", "Türkiye", "Kraków", "Curaçao", "Réunion", "Île-de-France",
};

static const char *const abstract_words[] = {
  "we", "conducted", "interviews", "with", "participants", "who", "described", "their",
  "experiences", "of", "care", "and", "the", "ways", "in", "which", "services", "responded",
  "to", "needs", "findings", "suggest", "that", "relationships", "between", "patients",
  "professionals", "shape", "access", "trust", "over", "time", "data", "were", "analysed",
  "thematically", "using", "constant", "comparison", "across", "settings", "three", "themes",
  "emerged", "from", "accounts", "negotiating", "identity", "managing", "uncertainty",
  "sustaining", "everyday", "life", "these", "highlight", "importance", "continuity",
  "recognition", "shared", "decision", "making", "policy", "practice", "should", "attend",
  "structural", "barriers", "such", "as", "cost", "distance", "language", "stigma", "family",
  "members", "often", "provided", "practical", "emotional", "support", "while", "clinicians",
  "focused", "on", "treatment", "outcomes", "study", "included", "purposive", "sample",
  "women", "men", "aged", "years", "recruited", "clinics", "community", "organisations",
  "transcripts", "coded", "independently", "by", "two", "researchers", "disagreements",
  "resolved", "through", "discussion", "reflexivity", "was", "maintained", "throughout",
};

static const char *const abstract_headings[] = { "Background", "Methods", "Findings", "Conclusions" };

static const char *const keywords[] = {
  "qualitative research", "meta-ethnography", "caregivers", "chronic illness", "stigma",
  "lived experience", "nursing", "primary care", "mental health", "dementia", "cancer",
  "palliative care", "self-management", "health services", "thematic synthesis", "interviews",
  "focus groups", "patient experience", "decision making", "adolescents", "older adults",
  "migrants", "diabetes", "HIV", "pregnancy", "grounded theory", "phenomenology",
  "ethnography", "telehealth", "COVID-19", "resilience", "health inequalities",
};

/* Family names, some with diacritics; none with letters such as ø or ł
 * that Unicode does not decompose, which a copy without diacritics would
 * change into another name. */
static const char *const families[] = {
  "Smith", "García", "Müller", "Nguyen", "Okafor", "Kowalski", "Núñez", "Gonçalves", "Björk",
  "Lefèvre", "Dvořák", "Tanaka", "Patel", "O'Brien", "van der Berg", "Hernández", "Jones",
  "Williams", "Brown", "Taylor", "Wilson", "Chen", "Wang", "Li", "Kim", "Singh", "Ahmed",
  "Rossi", "Silva", "Santos", "Johansson", "Andersen", "Murphy", "Kelly", "Schmidt",
  "Fischer", "Weber", "Dubois", "Moreau", "Ivanova", "Novak", "Horváth", "Papadopoulos",
  "Yilmaz", "Cohen", "Levi", "Mensah", "Mwangi", "Zhang", "Liu", "Sato", "Suzuki", "Park",
  "Lee", "Clarke", "Hughes", "Evans", "Roberts", "Martínez", "Šimek", "Lindqvist", "Ó Súilleabháin",
};

static const char *const givens[] = {
  "Anna", "José", "Zoë", "Renée", "Mohammed", "Olivia", "Lars", "Ingrid", "Wei", "Akua",
  "Chidi", "Priya", "Seán", "Hélène", "Jürgen", "Ana", "Lucía", "Tomás", "Emma", "Noah",
  "Fatima", "Kenji", "Min-jun", "Sofia", "Pierre", "Jan", "Marta", "Elif", "Kwame", "Aisha",
  "Catherine M.", "David", "Rachel", "Iain", "Siobhán", "Mateus",
};

static const struct {
  const char *name;
  const char *abbreviation;
  const char *issn;
  const char *doi_prefix;
  const char *doi_code;
} journals[] = {
  { "Qualitative Health Research", "Qual Health Res", "1049-7323", "10.1177", "10497323" },
  { "Social Science & Medicine", "Soc Sci Med", "0277-9536", "10.1016", "j.socscimed" },
  { "BMJ Open", "BMJ Open", "2044-6055", "10.1136", "bmjopen" },
  { "Journal of Advanced Nursing", "J Adv Nurs", "0309-2402", "10.1111", "JAN" },
  { "International Journal of Nursing Studies", "Int J Nurs Stud", "0020-7489", "10.1016", "j.ijnurstu" },
  { "Sociology of Health & Illness", "Sociol Health Illn", "0141-9889", "10.1111", "1467-9566" },
  { "Health Expectations", "Health Expect", "1369-6513", "10.1111", "hex" },
  { "BMC Health Services Research", "BMC Health Serv Res", "1472-6963", "10.1186", "s12913" },
  { "Patient Education and Counseling", "Patient Educ Couns", "0738-3991", "10.1016", "j.pec" },
  { "Journal of Clinical Nursing", "J Clin Nurs", "0962-1067", "10.1111", "JOCN" },
  { "Palliative Medicine", "Palliat Med", "0269-2163", "10.1177", "02692163" },
  { "BMC Public Health", "BMC Public Health", "1471-2458", "10.1186", "S12889" },
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
chance (GRand  *rand,
        double  p)
{
  return g_rand_double (rand) < p;
}

/* ------------------------------------------------------------------ */
/* The RIS file                                                       */
/* ------------------------------------------------------------------ */

/* One generated article. Its content depends only on the seed and its
 * number, so a duplicate is made by generating its original again. */
typedef struct {
  GPtrArray *families;
  GPtrArray *givens;
  int        year;
  GString   *title;
  guint      journal;
  guint      volume, issue, first_page, last_page;
  char      *doi;               /* NULL for about 20 % */
  gboolean   url;
  GString   *abstract;
  guint      keywords[6];
  guint      n_keywords;
} Article;

typedef enum {
  COPY_NONE,                    /* an original */
  COPY_SAME_DOI,                /* the DOI written another way */
  COPY_SAME_TITLE               /* no DOI; title changed in form only */
} Copy;

static void
article_init (Article *a)
{
  memset (a, 0, sizeof *a);
  a->families = g_ptr_array_new ();
  a->givens = g_ptr_array_new ();
  a->title = g_string_new (NULL);
  a->abstract = g_string_new (NULL);
}

static void
article_clear (Article *a)
{
  g_ptr_array_unref (a->families);
  g_ptr_array_unref (a->givens);
  g_string_free (a->title, TRUE);
  g_string_free (a->abstract, TRUE);
  g_free (a->doi);
}

static void
append_capitalised (GString    *s,
                    const char *word)
{
  gunichar first = g_utf8_get_char (word);

  g_string_append_unichar (s, g_unichar_totitle (first));
  g_string_append (s, g_utf8_next_char (word));
}

/* Article number @k of the file made with @seed. */
static void
article_generate (Article *a,
                  GRand   *rand,
                  guint32  seed,
                  guint    k)
{
  guint32 seeds[2] = { seed, k };
  guint n_words, colon_at, n_authors;

  g_rand_set_seed_array (rand, seeds, 2);
  g_ptr_array_set_size (a->families, 0);
  g_ptr_array_set_size (a->givens, 0);
  g_string_truncate (a->title, 0);
  g_string_truncate (a->abstract, 0);
  g_clear_pointer (&a->doi, g_free);

  n_authors = chance (rand, 0.1) ? 1 : rand_between (rand, 2, 6);
  for (guint i = 0; i < n_authors; i++)
    {
      g_ptr_array_add (a->families, (gpointer) PICK (rand, families));
      g_ptr_array_add (a->givens, (gpointer) PICK (rand, givens));
    }
  a->year = (int) rand_between (rand, 1990, 2025);

  n_words = rand_between (rand, 8, 15);
  colon_at = chance (rand, 0.5) ? rand_between (rand, 3, n_words - 3) : 0;
  for (guint i = 0; i < n_words; i++)
    {
      const char *word = chance (rand, 0.04) ? PICK (rand, accented_words) : PICK (rand, title_words);

      if (i == 0)
        append_capitalised (a->title, word);
      else
        g_string_append (a->title, word);
      if (i + 1 == colon_at)
        g_string_append_c (a->title, ':');
      else if (i + 1 < n_words && chance (rand, 0.05))
        g_string_append_c (a->title, ',');
      if (i + 1 < n_words)
        g_string_append_c (a->title, ' ');
    }

  a->journal = (guint) g_rand_int_range (rand, 0, G_N_ELEMENTS (journals));
  a->volume = rand_between (rand, 1, 60);
  a->issue = rand_between (rand, 1, 12);
  a->first_page = rand_between (rand, 1, 2400);
  a->last_page = a->first_page + rand_between (rand, 6, 24);
  if (chance (rand, 0.8))
    a->doi = g_strdup_printf ("%s/%s.%d.%06u", journals[a->journal].doi_prefix,
                              journals[a->journal].doi_code, a->year, k);
  a->url = a->doi != NULL && chance (rand, 0.5);

  {
    guint n = rand_between (rand, 100, 200), heading = 0, sentence = 0;
    gboolean structured = chance (rand, 0.6);

    for (guint i = 0; i < n; i++)
      {
        const char *word = PICK (rand, abstract_words);

        if (sentence == 0)
          {
            if (structured && heading < G_N_ELEMENTS (abstract_headings) &&
                i >= heading * n / G_N_ELEMENTS (abstract_headings))
              g_string_append_printf (a->abstract, "%s%s: ", i > 0 ? " " : "",
                                      abstract_headings[heading++]);
            else if (i > 0)
              g_string_append_c (a->abstract, ' ');
            append_capitalised (a->abstract, word);
            sentence = rand_between (rand, 8, 24);
          }
        else
          g_string_append_printf (a->abstract, " %s", word);
        if (--sentence == 0 || i + 1 == n)
          {
            g_string_append_c (a->abstract, '.');
            sentence = 0;
          }
      }
  }

  a->n_keywords = rand_between (rand, 3, 6);
  for (guint i = 0; i < a->n_keywords; i++)
    a->keywords[i] = (guint) g_rand_int_range (rand, 0, G_N_ELEMENTS (keywords));
}

/* @s without diacritics (U+00E9 to "e"). */
static char *
strip_diacritics (const char *s)
{
  return g_str_to_ascii (s, "C");
}

/* The title as another database might give it: other case, other
 * punctuation, no diacritics; the same letters and digits. */
static char *
title_variant (const char *title,
               GRand      *vary)
{
  g_autofree char *text = NULL;
  GString *out;

  switch (g_rand_int_range (vary, 0, 3))
    {
    case 0:
      text = g_utf8_strup (title, -1);
      break;
    case 1:
      text = g_utf8_strdown (title, -1);
      break;
    default:
      text = g_strdup (title);
      break;
    }
  if (chance (vary, 0.5))
    {
      char *ascii = strip_diacritics (text);

      g_free (text);
      text = ascii;
    }
  out = g_string_new (NULL);
  for (const char *p = text; *p != '\0'; p++)
    if (*p == ':')
      g_string_append (out, chance (vary, 0.5) ? " -" : ".");
    else if (*p == '-')
      g_string_append_c (out, ' ');
    else if (*p != ',' && *p != '\'')
      g_string_append_c (out, *p);
  if (chance (vary, 0.5))
    g_string_append_c (out, '.');
  return g_string_free (out, FALSE);
}

static char *
doi_variant (const char *doi,
             GRand      *vary)
{
  g_autofree char *upper = g_ascii_strup (doi, -1);
  g_autofree char *lower = g_ascii_strdown (doi, -1);

  switch (g_rand_int_range (vary, 0, 6))
    {
    case 0:
      return g_strdup (upper);
    case 1:
      return g_strconcat ("https://doi.org/", doi, NULL);
    case 2:
      return g_strconcat ("http://dx.doi.org/", lower, NULL);
    case 3:
      return g_strconcat ("doi:", doi, NULL);
    case 4:
      return g_strconcat ("DOI: ", upper, NULL);
    default:
      return g_strconcat ("https://doi.org/", upper, NULL);
    }
}

/* Writes @a as a RIS reference; a copy varies as it says, drawing on
 * @vary. */
static void
append_ris (GString       *out,
            const Article *a,
            Copy           copy,
            GRand         *vary)
{
  gboolean initials = copy != COPY_NONE && chance (vary, 0.5);

  g_string_append (out, "TY  - JOUR\n");
  for (guint i = 0; i < a->families->len; i++)
    {
      const char *family = g_ptr_array_index (a->families, i);
      const char *given = g_ptr_array_index (a->givens, i);
      g_autofree char *plain = NULL;

      if (copy == COPY_SAME_TITLE && chance (vary, 0.5))
        family = plain = strip_diacritics (family);
      if (initials)
        {
          g_string_append_printf (out, "AU  - %s, ", family);
          g_string_append_unichar (out, g_utf8_get_char (given));
          g_string_append (out, ".\n");
        }
      else
        g_string_append_printf (out, "AU  - %s, %s\n", family, given);
    }
  g_string_append_printf (out, "PY  - %d\n", a->year);
  if (copy == COPY_SAME_TITLE)
    {
      g_autofree char *title = title_variant (a->title->str, vary);

      g_string_append_printf (out, "TI  - %s\n", title);
    }
  else
    g_string_append_printf (out, "TI  - %s\n", a->title->str);
  if (copy == COPY_NONE || chance (vary, 0.5))
    g_string_append_printf (out, "T2  - %s\n", journals[a->journal].name);
  g_string_append_printf (out, "JO  - %s\n", journals[a->journal].abbreviation);
  g_string_append_printf (out, "SN  - %s\n", journals[a->journal].issn);
  g_string_append_printf (out, "VL  - %u\nIS  - %u\nSP  - %u\nEP  - %u\n", a->volume, a->issue,
                          a->first_page, a->last_page);
  if (a->doi != NULL && copy == COPY_SAME_DOI)
    {
      g_autofree char *doi = doi_variant (a->doi, vary);

      g_string_append_printf (out, "DO  - %s\n", doi);
    }
  else if (a->doi != NULL && copy == COPY_NONE)
    g_string_append_printf (out, "DO  - %s\n", a->doi);
  if (a->url && copy != COPY_SAME_TITLE)
    g_string_append_printf (out, "UR  - https://doi.org/%s\n", a->doi);
  if (copy == COPY_NONE || chance (vary, 0.7))
    g_string_append_printf (out, "AB  - %s\n", a->abstract->str);
  for (guint i = 0; i < a->n_keywords; i++)
    g_string_append_printf (out, "KW  - %s\n", keywords[a->keywords[i]]);
  g_string_append (out, "ER  - \n\n");
}

typedef struct {
  guint  n_records;
  guint  n_same_doi;
  guint  n_same_title;
  /* For each record, the position of the record it duplicates, or
   * G_MAXUINT; and which rule should find it. */
  guint *original;
  Copy  *copy;
} Planted;

static void
planted_clear (Planted *planted)
{
  g_free (planted->original);
  g_free (planted->copy);
}

/* Writes @n_records references to @path. */
static gboolean
generate (const char  *path,
          guint        n_records,
          guint32      seed,
          Planted     *planted,
          GError     **error)
{
  g_autoptr(GRand) plan = g_rand_new_with_seed (seed);
  g_autoptr(GRand) content = g_rand_new ();
  g_autoptr(GArray) position = g_array_new (FALSE, FALSE, sizeof (guint));   /* by article */
  g_autoptr(GArray) with_doi = g_array_new (FALSE, FALSE, sizeof (guint));   /* articles */
  g_autoptr(GString) out = g_string_sized_new (1 << 20);
  Article a;
  FILE *file;
  gboolean ok;

  file = g_fopen (path, "wb");
  if (file == NULL)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved), "%s: %s", path,
                   g_strerror (saved));
      return FALSE;
    }
  memset (planted, 0, sizeof *planted);
  planted->n_records = n_records;
  planted->original = g_new (guint, n_records);
  planted->copy = g_new (Copy, n_records);
  article_init (&a);

  for (guint i = 0; i < n_records; i++)
    {
      double r = g_rand_double (plan);
      Copy copy = i < 10 ? COPY_NONE : r < 0.10 ? COPY_SAME_DOI : r < 0.15 ? COPY_SAME_TITLE : COPY_NONE;
      guint k;

      if (copy == COPY_SAME_DOI && with_doi->len == 0)
        copy = COPY_NONE;
      switch (copy)
        {
        case COPY_SAME_DOI:
          k = g_array_index (with_doi, guint, g_rand_int_range (plan, 0, (gint32) with_doi->len));
          planted->n_same_doi++;
          break;
        case COPY_SAME_TITLE:
          k = (guint) g_rand_int_range (plan, 0, (gint32) position->len);
          planted->n_same_title++;
          break;
        case COPY_NONE:
        default:
          k = position->len;
          break;
        }
      article_generate (&a, content, seed, k);
      if (copy == COPY_NONE)
        {
          g_array_append_val (position, i);
          if (a.doi != NULL)
            g_array_append_val (with_doi, k);
          planted->original[i] = G_MAXUINT;
        }
      else
        planted->original[i] = g_array_index (position, guint, k);
      planted->copy[i] = copy;
      append_ris (out, &a, copy, plan);
      if (out->len >= (1 << 20))
        {
          fwrite (out->str, 1, out->len, file);
          g_string_truncate (out, 0);
        }
    }
  fwrite (out->str, 1, out->len, file);
  article_clear (&a);
  ok = !ferror (file);
  if (fclose (file) != 0)
    ok = FALSE;
  if (!ok)
    g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_IO, "%s: could not write the file", path);
  return ok;
}

/* The untimed check: every record made, every planted duplicate found,
 * against its original and by the rule planted, and no other. */
static gboolean
check_import (const MteImport *report,
              const Planted   *planted,
              GError         **error)
{
  guint d = 0;

  if (mte_import_get_n_records (report) != planted->n_records ||
      mte_import_get_n_duplicates (report) != planted->n_same_doi + planted->n_same_title)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                   "the import made %u records with %u duplicates; %u records with %u "
                   "duplicates (%u by DOI, %u by title) were planted",
                   mte_import_get_n_records (report), mte_import_get_n_duplicates (report),
                   planted->n_records, planted->n_same_doi + planted->n_same_title,
                   planted->n_same_doi, planted->n_same_title);
      return FALSE;
    }
  for (guint i = 0; i < planted->n_records; i++)
    {
      const char *id, *original, *rule;
      gboolean by_doi;

      if (planted->copy[i] == COPY_NONE)
        continue;
      id = mte_import_get_duplicate (report, d++, &original, &rule);
      by_doi = g_strcmp0 (rule, "same DOI") == 0;
      if (g_strcmp0 (id, mte_import_get_record_id (report, i)) != 0 ||
          g_strcmp0 (original, mte_import_get_record_id (report, planted->original[i])) != 0 ||
          by_doi != (planted->copy[i] == COPY_SAME_DOI))
        {
          g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                       "record %u: planted as a copy of record %u (%s), found %s as a "
                       "duplicate of %s (%s)", i + 1, planted->original[i] + 1,
                       planted->copy[i] == COPY_SAME_DOI ? "same DOI" : "same title",
                       id, original, rule);
          return FALSE;
        }
    }
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Timing                                                             */
/* ------------------------------------------------------------------ */

typedef struct {
  const char *name;
  GArray     *wall;             /* seconds */
  GArray     *cpu;              /* seconds: this process's, or the child's */
} Row;

typedef struct {
  double wall;
  double cpu;
  double children;
} Stamp;

static double
timeval_seconds (struct timeval tv)
{
  return (double) tv.tv_sec + (double) tv.tv_usec / 1e6;
}

static void
stamp (Stamp *s)
{
  struct timespec ts;
  struct rusage ru;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  s->wall = (double) ts.tv_sec + (double) ts.tv_nsec / 1e9;
  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  s->cpu = (double) ts.tv_sec + (double) ts.tv_nsec / 1e9;
  getrusage (RUSAGE_CHILDREN, &ru);
  s->children = timeval_seconds (ru.ru_utime) + timeval_seconds (ru.ru_stime);
}

/* Adds the time since @start to @row: CPU time of this process, or of the
 * children waited for when @child. */
static void
row_add (Row         *row,
         const Stamp *start,
         gboolean     child)
{
  Stamp end;

  stamp (&end);
  g_array_append_val (row->wall, (double) { end.wall - start->wall });
  g_array_append_val (row->cpu, (double) { child ? end.children - start->children
                                                 : end.cpu - start->cpu });
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (GArray *samples)
{
  guint n = samples->len;

  if (n == 0)
    return 0.0;
  g_array_sort (samples, compare_doubles);
  if (n % 2 == 1)
    return g_array_index (samples, double, n / 2);
  return (g_array_index (samples, double, n / 2 - 1) + g_array_index (samples, double, n / 2)) / 2;
}

static double
least (GArray *samples)
{
  double m = samples->len > 0 ? g_array_index (samples, double, 0) : 0.0;

  for (guint i = 1; i < samples->len; i++)
    m = MIN (m, g_array_index (samples, double, i));
  return m;
}

/* ------------------------------------------------------------------ */
/* The steps                                                          */
/* ------------------------------------------------------------------ */

static volatile gsize sink;

static gboolean
plain_read (const char  *path,
            GError     **error)
{
  g_autofree char *data = NULL;
  gsize length, lines = 0;

  if (!g_file_get_contents (path, &data, &length, error))
    return FALSE;
  for (gsize i = 0; i < length; i++)
    lines += data[i] == '\n';
  sink = lines;
  return TRUE;
}

static MteImport *
import (MteProject         *project,
        const char         *path,
        MteReferenceFormat  format,
        GError            **error)
{
  return mte_project_import_references_from_file (project, path, format, NULL,
                                                  MTE_IMPORT_FLAGS_NONE, error);
}

/* Runs @argv (argv[0] a path) with its output sent to /dev/null; when
 * @err is given, what it writes to stderr goes there.
 *
 * G_SPAWN_LEAVE_DESCRIPTORS_OPEN lets GLib start the child with
 * posix_spawn(), which shares this process's memory until the exec, where
 * fork() would copy its page tables and leave every page of its heap
 * copy-on-write: the next step to write to memory this process kept from
 * the import would then fault on every page (a plain read measured 4 times
 * slower after a fork than without one). */
static gboolean
run_child (const char * const  *argv,
           char               **err,
           GError             **error)
{
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL,
                     (GSpawnFlags) (G_SPAWN_LEAVE_DESCRIPTORS_OPEN | G_SPAWN_STDOUT_TO_DEV_NULL |
                                    (err == NULL ? G_SPAWN_STDERR_TO_DEV_NULL : 0)),
                     NULL, NULL, NULL, err, &status, error))
    return FALSE;
  if (!g_spawn_check_wait_status (status, error))
    {
      g_prefix_error (error, "%s: ", argv[0]);
      return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Peak memory, in a fresh process per step                           */
/* ------------------------------------------------------------------ */

static gint64
max_rss_kb (int who)
{
  struct rusage ru;

  getrusage (who, &ru);
  return ru.ru_maxrss;
}

/* The high-water mark of this process's resident set since it executed
 * (VmHWM). Not ru_maxrss: a process started by posix_spawn() (or vfork())
 * inherits its parent's peak in that, as it ran in the parent's memory
 * until exec. -1 when unknown. */
static gint64
peak_since_exec_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, "\nVmHWM:");
  return line != NULL ? g_ascii_strtoll (line + 7, NULL, 10) : -1;
}

/* The child's side (--measure-step STEP FILE): run the step once, print
 * "SELF_KB CHILDREN_KB": the peak resident set of this process since it
 * started, and the ru_maxrss of the largest child it waited for (which
 * includes this process's peak when the child was started: the "true"
 * step shows that floor). */
static gboolean
run_memory_step (const char  *step,
                 const char  *path,
                 const char  *ris2xml,
                 const char  *true_path,
                 GError     **error)
{
  if (strcmp (step, "import") == 0)
    {
      MteProject *project = mte_project_new ();
      MteImport *report = import (project, path, MTE_REFERENCE_FORMAT_RIS, error);

      mte_import_free (report);
      mte_project_free (project);
      if (report == NULL)
        return FALSE;
    }
  else if (strcmp (step, "read") == 0)
    {
      if (!plain_read (path, error))
        return FALSE;
    }
  else if (strcmp (step, "ris2xml") == 0)
    {
      const char *argv[] = { ris2xml, "-i", "utf8", path, NULL };

      if (ris2xml == NULL || !run_child (argv, NULL, error))
        return FALSE;
    }
  else if (strcmp (step, "true") == 0)
    {
      const char *argv[] = { true_path, NULL };

      if (true_path == NULL || !run_child (argv, NULL, error))
        return FALSE;
    }
  else if (strcmp (step, "nothing") != 0)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, "unknown step %s", step);
      return FALSE;
    }
  printf ("%" G_GINT64_FORMAT " %" G_GINT64_FORMAT "\n", peak_since_exec_kb (),
          max_rss_kb (RUSAGE_CHILDREN));
  return TRUE;
}

typedef struct {
  gint64 self_kb;
  gint64 children_kb;
} PeakSample;

/* Runs one step in a new process (this program again): a fresh address
 * space, so that memory freed by earlier steps, and this process's own
 * size when it starts a child, cannot show in the step's peak. */
static gboolean
measure_peak (const char  *step,
              const char  *path,
              PeakSample  *sample,
              GError     **error)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", error);
  g_autofree char *out = NULL;
  const char *argv[] = { self, "--measure-step", step, path, NULL };
  int status;

  if (self == NULL)
    return FALSE;
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL,
                     &status, error) ||
      !g_spawn_check_wait_status (status, error))
    return FALSE;
  if (sscanf (out, "%" G_GINT64_FORMAT " %" G_GINT64_FORMAT, &sample->self_kb,
              &sample->children_kb) != 2)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED, "memory step %s printed \"%s\"",
                   step, out);
      return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------------ */

static void
print_row (const Row *row,
           guint      n_records,
           gint64     size)
{
  double m = median (row->wall);

  printf ("  %-44s %8.3f %8.3f %8.3f %8.3f %10.0f %8.1f\n", row->name, m, least (row->wall),
          median (row->cpu), least (row->cpu), n_records / m, size / 1048576.0 / m);
}

static void
print_ratio (const char *what,
             double      wall,
             double      cpu)
{
  printf ("  %-44s %6.2f %6.2f\n", what, wall, cpu);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *file = NULL;
  g_autofree char *measure_step = NULL;
  g_autofree char *own_dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *ris2xml = g_find_program_in_path ("ris2xml");
  g_autofree char *true_path = g_find_program_in_path ("true");
  g_autofree char *ris2xml_says = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  gint records = 100000, repeat = 5;
  gint64 seed = 2026;
  gboolean keep = FALSE, no_auto = FALSE, no_memory = FALSE;
  Planted planted = { 0 };
  GStatBuf st;
  gint64 size = 0;
  int rc = 1;
  GOptionEntry entries[] = {
    { "records", 'n', 0, G_OPTION_ARG_INT, &records, "References in the generated file (default 100000)", "N" },
    { "repeat", 'r', 0, G_OPTION_ARG_INT, &repeat, "Runs of each step; median and least reported (default 5)", "K" },
    { "seed", 's', 0, G_OPTION_ARG_INT64, &seed, "Seed of the generated file (default 2026)", "SEED" },
    { "file", 'f', 0, G_OPTION_ARG_FILENAME, &file,
      "Write the generated file here, and keep it (default: a new folder in $TMPDIR)", "PATH" },
    { "keep", 0, 0, G_OPTION_ARG_NONE, &keep, "Keep the generated file", NULL },
    { "no-auto", 0, 0, G_OPTION_ARG_NONE, &no_auto, "Skip the import with the format sniffed", NULL },
    { "no-memory", 0, 0, G_OPTION_ARG_NONE, &no_memory, "Skip the peak-memory measurements", NULL },
    { "measure-step", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_STRING, &measure_step,
      "Internal: run one step and print its peak memory", "STEP" },
    { NULL }
  };
  Row read_row = { "plain read (get_contents + count lines)", NULL, NULL };
  Row import_row = { "import, RIS (new project + import)", NULL, NULL };
  Row auto_row = { "import, format sniffed", NULL, NULL };
  Row free_row = { "free the report and the project", NULL, NULL };
  Row ris2xml_row = { "ris2xml -i utf8 FILE > /dev/null (child)", NULL, NULL };
  Row true_row = { "true (child): starting a process", NULL, NULL };
  Row *rows[] = { &read_row, &import_row, &auto_row, &free_row, &ris2xml_row, &true_row };

  context = g_option_context_new ("- time importing RIS references against a plain read and bibutils");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "mte-bench-import: %s\n", error->message);
      return 2;
    }

  if (measure_step != NULL)
    {
      /* A child of measure_peak(). */
      if (argc != 2)
        {
          fprintf (stderr, "mte-bench-import: --measure-step needs FILE\n");
          return 2;
        }
      if (!run_memory_step (measure_step, argv[1], ris2xml, true_path, &error))
        {
          fprintf (stderr, "mte-bench-import: %s\n", error->message);
          return 1;
        }
      return 0;
    }

  if (argc != 1 || records < 1 || repeat < 1 || seed < 0 || seed > G_MAXUINT32)
    {
      fprintf (stderr, "mte-bench-import: bad arguments (see --help)\n");
      return 2;
    }

  if (file != NULL)
    {
      path = g_strdup (file);
      keep = TRUE;
    }
  else
    {
      own_dir = g_dir_make_tmp ("mte-bench-import-XXXXXX", &error);
      if (own_dir == NULL)
        goto out;
      path = g_build_filename (own_dir, "references.ris", NULL);
    }

  {
    Stamp start, end;

    stamp (&start);
    if (!generate (path, (guint) records, (guint32) seed, &planted, &error))
      goto out;
    if (g_stat (path, &st) != 0)
      {
        int saved = errno;

        g_set_error (&error, G_FILE_ERROR, g_file_error_from_errno (saved), "%s: %s", path,
                     g_strerror (saved));
        goto out;
      }
    size = (gint64) st.st_size;
    stamp (&end);
    printf ("file: %s\nsize: %" G_GINT64_FORMAT " bytes (%.1f MiB), %u references (seed %u), "
            "written in %.2f s\n", path, size, size / 1048576.0, planted.n_records,
            (guint32) seed, end.wall - start.wall);
    printf ("planted: %u duplicates: %u by DOI written another way, %u without DOI by "
            "title, year and first author\n", planted.n_same_doi + planted.n_same_title,
            planted.n_same_doi, planted.n_same_title);
  }
  printf ("metaethno %s, GLib %u.%u.%u, %ld CPUs online, %d runs per step\n",
          mte_get_version_string (), glib_major_version, glib_minor_version, glib_micro_version,
          sysconf (_SC_NPROCESSORS_ONLN), repeat);

  /* The check, untimed (and a warm-up). */
  {
    g_autoptr(MteProject) project = mte_project_new ();
    g_autoptr(MteImport) report = import (project, path, MTE_REFERENCE_FORMAT_RIS, &error);

    if (report == NULL || !check_import (report, &planted, &error))
      goto out;
    printf ("check: %u records, %u duplicates, each found against its original by the rule "
            "planted; %u problems reported\n", mte_import_get_n_records (report),
            mte_import_get_n_duplicates (report), mte_import_get_n_problems (report));
    for (guint i = 0; i < MIN (mte_import_get_n_problems (report), 3); i++)
      printf ("  %s\n", mte_import_get_problem (report, i, NULL));
  }

  if (ris2xml != NULL)
    {
      const char *child_argv[] = { ris2xml, "-i", "utf8", path, NULL };

      /* Untimed: warms up and shows what bibutils says. */
      if (!run_child (child_argv, &ris2xml_says, &error))
        goto out;
      printf ("bibutils: %s: %s", ris2xml, *ris2xml_says != '\0' ? ris2xml_says : "(nothing)\n");
    }
  else
    printf ("bibutils: ris2xml is not on PATH (Debian package bibutils); its row is skipped\n");
  fflush (stdout);

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      rows[i]->wall = g_array_new (FALSE, FALSE, sizeof (double));
      rows[i]->cpu = g_array_new (FALSE, FALSE, sizeof (double));
    }

  /* Each repetition runs every step once, so that whatever else the
   * machine does weighs on all of them alike. */
  for (gint r = 0; r < repeat; r++)
    {
      const MteReferenceFormat formats[] = { MTE_REFERENCE_FORMAT_RIS, MTE_REFERENCE_FORMAT_AUTO };
      Stamp start;

      stamp (&start);
      if (!plain_read (path, &error))
        goto out;
      row_add (&read_row, &start, FALSE);

      /* RIS and sniffed take turns at going first: the first import after
       * the plain read may find less memory ready in the allocator. */
      for (guint i = 0; i < (no_auto ? 1 : G_N_ELEMENTS (formats)); i++)
        {
          guint f = no_auto ? 0 : (i + (guint) r) % 2;
          MteProject *project;
          MteImport *report;
          guint n_records, n_duplicates;

          stamp (&start);
          project = mte_project_new ();
          report = import (project, path, formats[f], &error);
          row_add (f == 0 ? &import_row : &auto_row, &start, FALSE);
          n_records = report != NULL ? mte_import_get_n_records (report) : 0;
          n_duplicates = report != NULL ? mte_import_get_n_duplicates (report) : 0;
          stamp (&start);
          mte_import_free (report);
          mte_project_free (project);
          if (f == 0)
            row_add (&free_row, &start, FALSE);
          if (report == NULL)
            goto out;
          if (n_records != planted.n_records ||
              n_duplicates != planted.n_same_doi + planted.n_same_title)
            {
              g_set_error (&error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                           "run %d: %u records, %u duplicates", r + 1, n_records, n_duplicates);
              goto out;
            }
        }

      if (ris2xml != NULL)
        {
          const char *child_argv[] = { ris2xml, "-i", "utf8", path, NULL };

          stamp (&start);
          if (!run_child (child_argv, NULL, &error))
            goto out;
          row_add (&ris2xml_row, &start, TRUE);
        }
      if (true_path != NULL)
        {
          const char *child_argv[] = { true_path, NULL };

          stamp (&start);
          if (!run_child (child_argv, NULL, &error))
            goto out;
          row_add (&true_row, &start, TRUE);
        }
    }

  printf ("\ntimes in s, %d runs:                                 wall            CPU"
          "      records/s  MiB/s\n", repeat);
  printf ("  %-44s %8s %8s %8s %8s %10s %8s\n", "", "median", "least", "median", "least",
          "(median)", "");
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    if (rows[i]->wall->len > 0)
      print_row (rows[i], planted.n_records, size);

  {
    double imp_w = median (import_row.wall), imp_c = median (import_row.cpu);
    double free_w = median (free_row.wall), free_c = median (free_row.cpu);

    printf ("\nratios of medians:                              wall    CPU\n");
    print_ratio ("import / plain read", imp_w / median (read_row.wall), imp_c / median (read_row.cpu));
    print_ratio ("(import + free) / plain read", (imp_w + free_w) / median (read_row.wall),
                 (imp_c + free_c) / median (read_row.cpu));
    if (auto_row.wall->len > 0)
      print_ratio ("import sniffed / import RIS", median (auto_row.wall) / imp_w,
                   median (auto_row.cpu) / imp_c);
    if (ris2xml_row.wall->len > 0)
      {
        double rw = median (ris2xml_row.wall), child_cpu = median (ris2xml_row.cpu);

        print_ratio ("import / ris2xml", imp_w / rw, imp_c / child_cpu);
        print_ratio ("(import + free) / ris2xml", (imp_w + free_w) / rw, (imp_c + free_c) / child_cpu);
        if (true_row.wall->len > 0)
          print_ratio ("import / (ris2xml - true)", imp_w / (rw - median (true_row.wall)),
                       imp_c / (child_cpu - median (true_row.cpu)));
      }
  }

  if (!no_memory)
    {
      const char *steps[] = { "nothing", "read", "import", "ris2xml", "true" };
      PeakSample peaks[G_N_ELEMENTS (steps)];
      double mib = 1024.0, file_kb = size / 1024.0;

      for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
        if ((strcmp (steps[i], "ris2xml") != 0 || ris2xml != NULL) &&
            (strcmp (steps[i], "true") != 0 || true_path != NULL) &&
            !measure_peak (steps[i], path, &peaks[i], &error))
          goto out;

      printf ("\npeak resident memory, each step in a fresh copy of this program (VmHWM; for a\n"
              "child of the copy, its ru_maxrss):\n");
      printf ("  %-44s %9.1f MiB\n", "the copy, doing nothing", peaks[0].self_kb / mib);
      printf ("  %-44s %9.1f MiB  %5.2f x file above doing nothing\n", read_row.name,
              peaks[1].self_kb / mib, (peaks[1].self_kb - peaks[0].self_kb) / file_kb);
      printf ("  %-44s %9.1f MiB  %5.2f x file above doing nothing\n", import_row.name,
              peaks[2].self_kb / mib, (peaks[2].self_kb - peaks[0].self_kb) / file_kb);
      if (ris2xml != NULL)
        printf ("  %-44s %9.1f MiB  %5.2f x file\n", "ris2xml (the child)",
                peaks[3].children_kb / mib, peaks[3].children_kb / file_kb);
      if (true_path != NULL)
        printf ("  %-44s %9.1f MiB\n", "true (the child)", peaks[4].children_kb / mib);
    }
  printf ("\nthis process, the whole run: peak %.1f MiB (ru_maxrss)\n", max_rss_kb (RUSAGE_SELF) / 1024.0);
  rc = 0;

out:
  if (error != NULL)
    fprintf (stderr, "mte-bench-import: %s\n", error->message);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      if (rows[i]->wall != NULL)
        g_array_unref (rows[i]->wall);
      if (rows[i]->cpu != NULL)
        g_array_unref (rows[i]->cpu);
    }
  planted_clear (&planted);
  if (path != NULL && !keep)
    g_remove (path);
  else if (path != NULL)
    printf ("kept %s\n", path);
  if (own_dir != NULL && !keep)
    g_rmdir (own_dir);
  return rc;
}
