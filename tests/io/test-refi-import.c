/* test-refi-import.c: REFI-QDA import through the public API.
 *
 * - The warmth example exported and imported back under the convention
 *   gives the same studies, constructs, concepts, expressions, third-order
 *   constructs, argument links, members and memos, entity by entity; the
 *   export's report lists exactly what REFI-QDA cannot hold.
 * - Every file in ../shared/interop/refi imports (through a mapping the
 *   test chooses from the file's own codebook) with a report whose counts
 *   equal counts the test takes from the file with XPath, or is refused
 *   with its message (the truncated codebook).
 * - Hostile archives fail with their message; a refused, strict or dry-run
 *   import leaves the project byte for byte as it was.
 *
 * Arguments: --warmth FILE, --data-dir DIR (tests/data/refi), --interop
 * DIR (../shared/interop/refi: the tests that need it say they skip when
 * it is absent).
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <metaethno/metaethno.h>

#include <string.h>

#include <glib/gstdio.h>

#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <zip.h>

#include "../common/mte-test.h"

static const char *warmth_path;
static const char *data_dir;
static const char *interop_dir;

/* ------------------------------------------------------------------ */
/* Helpers                                                            */
/* ------------------------------------------------------------------ */

static MteProject *
load_warmth (void)
{
  GError *error = NULL;
  MteProject *project = mte_project_load_from_file (warmth_path, 0, &error);

  MTE_ASSERT_NO_ERROR (error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (project);
  return project;
}

static char *
bytes_of (const MteProject *project)
{
  GError *error = NULL;
  char *data = mte_project_to_data (project, NULL, MTE_SAVE_FLAGS_NONE, &error);

  MTE_ASSERT_NO_ERROR (error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (data);
  return data;
}

static guint
made (const MteRefiReport *report,
      const char          *what)
{
  for (guint i = 0; i < mte_refi_report_get_n_made (report); i++)
    {
      guint count;

      if (strcmp (mte_refi_report_get_made (report, i, &count), what) == 0)
        return count;
    }
  return 0;
}

static guint
lost (const MteRefiReport *report,
      const char          *what)
{
  for (guint i = 0; i < mte_refi_report_get_n_losses (report); i++)
    {
      guint count;

      if (strcmp (mte_refi_report_get_loss (report, i, NULL, &count), what) == 0)
        return count;
    }
  return 0;
}

/* A comparable name for a memo's subject or a basis: studies and
 * constructs keep their ids across the round trip, concepts and
 * third-order constructs their labels. */
static char *
entity_key (const MteProject *project,
            const MteEntity  *entity)
{
  const char *id;

  if (entity == NULL)
    return g_strdup ("(review)");
  id = mte_entity_get_id (entity);
  switch (mte_entity_get_kind (entity))
    {
    case MTE_ENTITY_STUDY:
    case MTE_ENTITY_CONSTRUCT:
      return g_strdup_printf ("%s:%s", mte_entity_kind_to_string (mte_entity_get_kind (entity)), id);
    case MTE_ENTITY_CONCEPT:
      return g_strdup_printf ("concept:%s",
                              mte_concept_get_label (mte_project_lookup_concept (project, id)));
    case MTE_ENTITY_THIRD_ORDER:
      return g_strdup_printf ("third-order:%s",
                              mte_third_order_get_label (mte_project_lookup_third_order (project, id)));
    default:
      return NULL;              /* REFI has no place for it */
    }
}

/* For g_ptr_array_sort(), which passes pointers to the elements. */
static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* @a and @b hold the same strings, in any order. */
static void
assert_same_sets (GPtrArray *a,
                  GPtrArray *b)
{
  g_ptr_array_sort (a, compare_strings);
  g_ptr_array_sort (b, compare_strings);
  CU_ASSERT_EQUAL_FATAL (b->len, a->len);
  for (guint k = 0; k < a->len; k++)
    CU_ASSERT_STRING_EQUAL (g_ptr_array_index (a, k), g_ptr_array_index (b, k));
}

static void
assert_same_strings (const char *a,
                     const char *b,
                     const char *what,
                     const char *whose)
{
  if (g_strcmp0 (a, b) != 0)
    printf ("\n    %s of %s: '%s' became '%s'\n", what, whose, a ? a : "(null)", b ? b : "(null)");
  CU_ASSERT_STRING_EQUAL (a ? a : "", b ? b : "");
}

static void
compare_studies (const MteProject *a,
                 const MteProject *b)
{
  guint n = 0;

  for (guint i = 0; i < mte_project_get_n_studies (a); i++)
    n += !mte_study_is_excluded (mte_project_get_study (a, i));
  CU_ASSERT_EQUAL_FATAL (mte_project_get_n_studies (b), n);
  for (guint i = 0, j = 0; i < mte_project_get_n_studies (a); i++)
    {
      MteStudy *sa = mte_project_get_study (a, i);
      MteStudy *sb;
      const char * const *aa;
      const char * const *ab;

      if (mte_study_is_excluded (sa))
        continue;
      sb = mte_project_get_study (b, j++);
      assert_same_strings (mte_study_get_id (sa), mte_study_get_id (sb), "id", "a study");
      for (int f = 0; f < MTE_STUDY_N_FIELDS; f++)
        assert_same_strings (mte_study_get_field (sa, f), mte_study_get_field (sb, f),
                             mte_study_field_to_string (f), mte_study_get_id (sa));
      CU_ASSERT_EQUAL (mte_study_get_year (sa), mte_study_get_year (sb));
      CU_ASSERT_EQUAL (mte_study_get_sample_size (sa), mte_study_get_sample_size (sb));
      aa = mte_study_get_authors (sa);
      ab = mte_study_get_authors (sb);
      CU_ASSERT_EQUAL_FATAL (aa != NULL ? g_strv_length ((char **) aa) : 0,
                             ab != NULL ? g_strv_length ((char **) ab) : 0);
      for (guint k = 0; aa != NULL && aa[k] != NULL; k++)
        assert_same_strings (aa[k], ab[k], "author", mte_study_get_id (sa));
      CU_ASSERT_EQUAL (mte_study_get_n_attributes (sa), mte_study_get_n_attributes (sb));
      for (guint k = 0; k < mte_study_get_n_attributes (sa); k++)
        assert_same_strings (mte_study_get_attribute_value (sa, k),
                             mte_study_get_attribute (sb, mte_study_get_attribute_key (sa, k)),
                             mte_study_get_attribute_key (sa, k), mte_study_get_id (sa));

      /* Constructs, in the study's order, with their groundings. */
      CU_ASSERT_EQUAL_FATAL (mte_study_get_n_constructs (sb), mte_study_get_n_constructs (sa));
      for (guint k = 0; k < mte_study_get_n_constructs (sa); k++)
        {
          MteConstruct *ca = mte_study_get_construct (sa, k);
          MteConstruct *cb = mte_study_get_construct (sb, k);
          const char *id = mte_construct_get_id (ca);

          assert_same_strings (id, mte_construct_get_id (cb), "id", "a construct");
          CU_ASSERT_EQUAL (mte_construct_get_order (ca), mte_construct_get_order (cb));
          assert_same_strings (mte_construct_get_text (ca), mte_construct_get_text (cb), "text", id);
          assert_same_strings (mte_construct_get_label (ca), mte_construct_get_label (cb), "label", id);
          assert_same_strings (mte_construct_get_page (ca), mte_construct_get_page (cb), "page", id);
          assert_same_strings (mte_construct_get_section (ca), mte_construct_get_section (cb), "section", id);
          assert_same_strings (mte_construct_get_speaker (ca), mte_construct_get_speaker (cb), "speaker", id);
          CU_ASSERT_EQUAL_FATAL (mte_construct_get_n_groundings (cb), mte_construct_get_n_groundings (ca));
          for (guint g = 0; g < mte_construct_get_n_groundings (ca); g++)
            assert_same_strings (mte_construct_get_id (mte_construct_get_grounding (ca, g)),
                                 mte_construct_get_id (mte_construct_get_grounding (cb, g)),
                                 "grounding", id);
        }
    }
}

static void
compare_synthesis (const MteProject *a,
                   const MteProject *b)
{
  /* Key concepts, with their definitions and expressions. */
  CU_ASSERT_EQUAL_FATAL (mte_project_get_n_concepts (b), mte_project_get_n_concepts (a));
  for (guint i = 0; i < mte_project_get_n_concepts (a); i++)
    {
      MteConcept *ca = mte_project_get_concept (a, i);
      MteConcept *cb = mte_project_get_concept (b, i);
      g_autoptr (GPtrArray) ea = g_ptr_array_new ();
      g_autoptr (GPtrArray) eb = g_ptr_array_new ();

      assert_same_strings (mte_concept_get_label (ca), mte_concept_get_label (cb), "label", "a concept");
      assert_same_strings (mte_concept_get_definition (ca), mte_concept_get_definition (cb), "definition",
                           mte_concept_get_label (ca));
      for (guint k = 0; k < mte_concept_get_n_expressions (ca); k++)
        g_ptr_array_add (ea, (gpointer) mte_construct_get_id (mte_concept_get_expression (ca, k)));
      for (guint k = 0; k < mte_concept_get_n_expressions (cb); k++)
        g_ptr_array_add (eb, (gpointer) mte_construct_get_id (mte_concept_get_expression (cb, k)));
      assert_same_sets (ea, eb);
    }

  /* Third-order constructs, their statements and what they rest on. */
  CU_ASSERT_EQUAL_FATAL (mte_project_get_n_third_orders (b), mte_project_get_n_third_orders (a));
  for (guint i = 0; i < mte_project_get_n_third_orders (a); i++)
    {
      MteThirdOrder *ta = mte_project_get_third_order (a, i);
      MteThirdOrder *tb = mte_project_get_third_order (b, i);
      g_autoptr (GPtrArray) ba = g_ptr_array_new_with_free_func (g_free);
      g_autoptr (GPtrArray) bb = g_ptr_array_new_with_free_func (g_free);

      assert_same_strings (mte_third_order_get_label (ta), mte_third_order_get_label (tb), "label",
                           "a third-order construct");
      assert_same_strings (mte_third_order_get_statement (ta), mte_third_order_get_statement (tb),
                           "statement", mte_third_order_get_label (ta));
      for (guint k = 0; k < mte_third_order_get_n_basis (ta); k++)
        g_ptr_array_add (ba, entity_key (a, mte_third_order_get_basis (ta, k)));
      for (guint k = 0; k < mte_third_order_get_n_basis (tb); k++)
        g_ptr_array_add (bb, entity_key (b, mte_third_order_get_basis (tb, k)));
      assert_same_sets (ba, bb);
    }

  /* The line of argument. */
  CU_ASSERT_EQUAL_FATAL (mte_project_get_n_argument_links (b), mte_project_get_n_argument_links (a));
  for (guint i = 0; i < mte_project_get_n_argument_links (a); i++)
    {
      MteArgumentLink *la = mte_project_get_argument_link (a, i);
      MteArgumentLink *lb = mte_project_get_argument_link (b, i);

      assert_same_strings (mte_third_order_get_label (mte_argument_link_get_from (la)),
                           mte_third_order_get_label (mte_argument_link_get_from (lb)), "from", "a link");
      assert_same_strings (mte_third_order_get_label (mte_argument_link_get_to (la)),
                           mte_third_order_get_label (mte_argument_link_get_to (lb)), "to", "a link");
      assert_same_strings (mte_argument_link_get_relation (la), mte_argument_link_get_relation (lb),
                           "relation", "a link");
    }
}

static void
compare_team (const MteProject *a,
              const MteProject *b)
{
  CU_ASSERT_EQUAL_FATAL (mte_project_get_n_members (b), mte_project_get_n_members (a));
  for (guint i = 0; i < mte_project_get_n_members (a); i++)
    assert_same_strings (mte_member_get_name (mte_project_get_member (a, i)),
                         mte_member_get_name (mte_project_get_member (b, i)), "name", "a member");

  /* Memos: the same texts, authors, dates and subjects; a memo on
   * something REFI cannot point to comes back as a memo on the review. */
  CU_ASSERT_EQUAL_FATAL (mte_project_get_n_memos (b), mte_project_get_n_memos (a));
  for (guint i = 0; i < mte_project_get_n_memos (a); i++)
    {
      MteMemo *ma = mte_project_get_memo (a, i);
      MteMemo *mb = NULL;
      g_autofree char *subject_a = NULL;
      g_autofree char *subject_b = NULL;

      for (guint j = 0; j < mte_project_get_n_memos (b) && mb == NULL; j++)
        if (g_strcmp0 (mte_memo_get_text (mte_project_get_memo (b, j)), mte_memo_get_text (ma)) == 0)
          mb = mte_project_get_memo (b, j);
      CU_ASSERT_PTR_NOT_NULL_FATAL (mb);
      CU_ASSERT_EQUAL (mte_memo_get_created (ma), mte_memo_get_created (mb));
      assert_same_strings (mte_memo_get_author (ma) ? mte_member_get_name (mte_memo_get_author (ma)) : NULL,
                           mte_memo_get_author (mb) ? mte_member_get_name (mte_memo_get_author (mb)) : NULL,
                           "author", mte_memo_get_id (ma));
      subject_a = entity_key (a, mte_memo_get_subject (ma));
      subject_b = entity_key (b, mte_memo_get_subject (mb));
      assert_same_strings (subject_a != NULL ? subject_a : "(review)", subject_b, "subject",
                           mte_memo_get_id (ma));
    }
}

/* ------------------------------------------------------------------ */
/* Round trips                                                        */
/* ------------------------------------------------------------------ */

static void
test_round_trip (void)
{
  g_autoptr (MteProject) original = load_warmth ();
  g_autoptr (MteProject) again = mte_project_new ();
  g_autoptr (MteRefiReport) exported = NULL;
  g_autoptr (MteRefiReport) imported = NULL;
  g_autoptr (GBytes) qdpx = NULL;
  g_autoptr (GBytes) qdpx2 = NULL;
  GError *error = NULL;
  static const char * const expected_losses[] = {
    "translations", "appraisals", "appraisal checklists", "credibility ratings",
    "CERQual assessments", "argument-link rationales", "frameworks", "classifications",
    "memo subjects", "member roles", "study orders", "protocol fields", "eMERGe texts",
    "construct pages, sections and speakers",
  };

  qdpx = mte_project_export_refi (original, MTE_REFI_FORMAT_QDPX, &exported, &error);
  MTE_ASSERT_NO_ERROR (error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (qdpx);
  qdpx2 = mte_project_export_refi (original, MTE_REFI_FORMAT_QDPX, NULL, &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (qdpx2);
  CU_ASSERT_TRUE (g_bytes_equal (qdpx, qdpx2));

  /* The export's report: what the warmth example holds that REFI cannot. */
  for (guint i = 0; i < mte_refi_report_get_n_losses (exported); i++)
    {
      const char *what = mte_refi_report_get_loss (exported, i, NULL, NULL);
      gboolean expected = FALSE;

      for (guint k = 0; k < G_N_ELEMENTS (expected_losses); k++)
        expected |= strcmp (what, expected_losses[k]) == 0;
      if (!expected)
        printf ("\n    unexpected loss: %s\n", what);
      CU_ASSERT_TRUE (expected);
    }
  CU_ASSERT_EQUAL (lost (exported, "translations"), 112);
  CU_ASSERT_EQUAL (lost (exported, "classifications"), 245);

  imported = mte_project_import_refi (again, g_bytes_get_data (qdpx, NULL), g_bytes_get_size (qdpx),
                                      "warmth.qdpx", MTE_REFI_FORMAT_AUTO, NULL, MTE_IMPORT_FLAGS_NONE,
                                      &error);
  MTE_ASSERT_NO_ERROR (error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (imported);
  /* The import's own report: the translation rationales only. */
  CU_ASSERT_EQUAL (mte_refi_report_get_n_losses (imported), 1);
  CU_ASSERT_EQUAL (lost (imported, "translation rationales"), 112);
  CU_ASSERT_EQUAL (made (imported, "studies"), 29);
  CU_ASSERT_EQUAL (made (imported, "quotes (first-order constructs)"), 125);
  CU_ASSERT_EQUAL (made (imported, "second-order constructs"), 95);
  CU_ASSERT_EQUAL (made (imported, "groundings"), 130);

  compare_studies (original, again);
  compare_synthesis (original, again);
  compare_team (original, again);
}

static void
test_codebook_round_trip (void)
{
  g_autoptr (MteProject) original = load_warmth ();
  g_autoptr (MteProject) again = mte_project_new ();
  g_autoptr (MteRefiReport) imported = NULL;
  g_autoptr (MteRefiReport) twice = NULL;
  g_autoptr (GBytes) qdc = NULL;
  GError *error = NULL;

  qdc = mte_project_export_refi (original, MTE_REFI_FORMAT_QDC, NULL, &error);
  MTE_ASSERT_NO_ERROR (error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (qdc);
  imported = mte_project_import_refi (again, g_bytes_get_data (qdc, NULL), g_bytes_get_size (qdc),
                                      "warmth.qdc", MTE_REFI_FORMAT_QDC, NULL, 0, &error);
  MTE_ASSERT_NO_ERROR (error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (imported);
  CU_ASSERT_EQUAL (mte_refi_report_get_n_losses (imported), 0);
  CU_ASSERT_EQUAL_FATAL (mte_project_get_n_concepts (again), mte_project_get_n_concepts (original));
  for (guint i = 0; i < mte_project_get_n_concepts (original); i++)
    {
      assert_same_strings (mte_concept_get_label (mte_project_get_concept (original, i)),
                           mte_concept_get_label (mte_project_get_concept (again, i)), "label", "a concept");
      assert_same_strings (mte_concept_get_definition (mte_project_get_concept (original, i)),
                           mte_concept_get_definition (mte_project_get_concept (again, i)),
                           "definition", "a concept");
    }
  CU_ASSERT_EQUAL_FATAL (mte_project_get_n_third_orders (again), mte_project_get_n_third_orders (original));
  for (guint i = 0; i < mte_project_get_n_third_orders (original); i++)
    {
      MteThirdOrder *ta = mte_project_get_third_order (original, i);
      MteThirdOrder *tb = mte_project_get_third_order (again, i);
      g_autoptr (GPtrArray) ba = g_ptr_array_new_with_free_func (g_free);
      g_autoptr (GPtrArray) bb = g_ptr_array_new_with_free_func (g_free);

      assert_same_strings (mte_third_order_get_statement (ta), mte_third_order_get_statement (tb),
                           "statement", "a third-order construct");
      /* The concepts it rests on come back through the basis sets. */
      for (guint k = 0; k < mte_third_order_get_n_basis (ta); k++)
        if (mte_entity_get_kind (mte_third_order_get_basis (ta, k)) == MTE_ENTITY_CONCEPT)
          g_ptr_array_add (ba, entity_key (original, mte_third_order_get_basis (ta, k)));
      for (guint k = 0; k < mte_third_order_get_n_basis (tb); k++)
        g_ptr_array_add (bb, entity_key (again, mte_third_order_get_basis (tb, k)));
      CU_ASSERT_TRUE (ba->len > 0);
      assert_same_sets (ba, bb);
    }

  /* The same codebook again: the concepts are the ones already there. */
  twice = mte_project_import_refi (again, g_bytes_get_data (qdc, NULL), g_bytes_get_size (qdc),
                                   "warmth.qdc", MTE_REFI_FORMAT_AUTO, NULL, 0, &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (twice);
  CU_ASSERT_EQUAL (mte_project_get_n_concepts (again), mte_project_get_n_concepts (original));
  CU_ASSERT_EQUAL (made (twice, "key concepts"), 0);

  /* A codebook is not a project, and the other way round. */
  {
    g_autoptr (MteRefiReport) none = mte_project_import_refi (again, g_bytes_get_data (qdc, NULL),
                                                              g_bytes_get_size (qdc), "warmth.qdc",
                                                              MTE_REFI_FORMAT_QDE, NULL, 0, &error);

    CU_ASSERT_PTR_NULL (none);
    MTE_ASSERT_ERROR (error, MTE_FORMAT_ERROR, MTE_FORMAT_ERROR_MALFORMED);
    g_clear_error (&error);
  }
}

/* ------------------------------------------------------------------ */
/* All or nothing                                                     */
/* ------------------------------------------------------------------ */

static GBytes *
read_file (const char *dir,
           const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  char *data = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &data, &length, NULL))
    return NULL;
  return g_bytes_new_take (data, length);
}

static void
test_hostile (void)
{
  static const struct {
    const char *file;
    int code;
    const char *message;
  } cases[] = {
    { "zip-slip.qdpx", MTE_FORMAT_ERROR_FORBIDDEN, "climbs out" },
    { "absolute-path.qdpx", MTE_FORMAT_ERROR_FORBIDDEN, "absolute path" },
    { "symlink.qdpx", MTE_FORMAT_ERROR_FORBIDDEN, "symbolic link" },
    { "zip-bomb.qdpx", MTE_FORMAT_ERROR_TOO_LARGE, "more than the bound" },
    { "zip-bomb-lying.qdpx", MTE_FORMAT_ERROR_TOO_LARGE, "past its declared size" },
    { "zip-ratio.qdpx", MTE_FORMAT_ERROR_TOO_LARGE, "compression ratio" },
    { "encrypted.qdpx", MTE_FORMAT_ERROR_FORBIDDEN, "encrypted" },
    { "duplicate-names.qdpx", MTE_FORMAT_ERROR_FORBIDDEN, "same name" },
    { "not-a-zip.qdpx", MTE_FORMAT_ERROR_MALFORMED, "" },
    { "external-entity.qdpx", MTE_FORMAT_ERROR_FORBIDDEN, "DOCTYPE" },
  };
  g_autoptr (MteProject) project = load_warmth ();
  g_autofree char *before = bytes_of (project);
  g_autofree char *dir = g_build_filename (data_dir, "hostile", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GBytes) data = read_file (dir, cases[i].file);
      g_autoptr (MteRefiReport) report = NULL;
      g_autofree char *after = NULL;
      GError *error = NULL;

      CU_ASSERT_PTR_NOT_NULL_FATAL (data);
      report = mte_project_import_refi (project, g_bytes_get_data (data, NULL), g_bytes_get_size (data),
                                        cases[i].file, MTE_REFI_FORMAT_AUTO, NULL, 0, &error);
      CU_ASSERT_PTR_NULL (report);
      CU_ASSERT_PTR_NOT_NULL_FATAL (error);
      if (error->code != cases[i].code || strstr (error->message, cases[i].message) == NULL)
        printf ("\n    %s: %s\n", cases[i].file, error->message);
      CU_ASSERT_EQUAL (error->domain, MTE_FORMAT_ERROR);
      CU_ASSERT_EQUAL (error->code, cases[i].code);
      CU_ASSERT_PTR_NOT_NULL (strstr (error->message, cases[i].message));
      CU_ASSERT_PTR_NOT_NULL (strstr (error->message, cases[i].file));
      CU_ASSERT_PTR_NULL (strchr (error->message, '\n'));
      g_clear_error (&error);
      after = bytes_of (project);
      CU_ASSERT_STRING_EQUAL (before, after);
    }
}

static void
test_all_or_nothing (void)
{
  g_autoptr (MteProject) project = load_warmth ();
  g_autoptr (MteProject) source = load_warmth ();
  g_autoptr (MteRefiMapping) mapping = mte_refi_mapping_new ();
  g_autoptr (GBytes) qdpx = NULL;
  g_autofree char *before = bytes_of (project);
  GError *error = NULL;

  qdpx = mte_project_export_refi (source, MTE_REFI_FORMAT_QDPX, NULL, &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (qdpx);

  /* A dry run reports the import and changes nothing. */
  {
    g_autoptr (MteRefiReport) dry = mte_project_import_refi (project, g_bytes_get_data (qdpx, NULL),
                                                             g_bytes_get_size (qdpx), "w.qdpx",
                                                             MTE_REFI_FORMAT_AUTO, NULL,
                                                             MTE_IMPORT_DRY_RUN, &error);
    g_autofree char *after = bytes_of (project);

    MTE_ASSERT_NO_ERROR (error);
    CU_ASSERT_PTR_NOT_NULL_FATAL (dry);
    CU_ASSERT_EQUAL (made (dry, "studies"), 29);
    CU_ASSERT_STRING_EQUAL (before, after);
  }
  /* Strict: the translation rationales would be lost. */
  {
    g_autoptr (MteRefiReport) strict = mte_project_import_refi (project, g_bytes_get_data (qdpx, NULL),
                                                                g_bytes_get_size (qdpx), "w.qdpx",
                                                                MTE_REFI_FORMAT_AUTO, NULL,
                                                                MTE_IMPORT_STRICT, &error);
    g_autofree char *after = bytes_of (project);

    CU_ASSERT_PTR_NULL (strict);
    CU_ASSERT_TRUE (error != NULL && strstr (error->message, "translation rationales") != NULL);
    MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_INVALID_VALUE);
    CU_ASSERT_STRING_EQUAL (before, after);
  }
  /* A mapped code the codebook lacks. */
  {
    g_autoptr (MteRefiReport) none = NULL;
    g_autofree char *after = NULL;

    CU_ASSERT_TRUE (mte_refi_mapping_set_code (mapping, MTE_REFI_ROLE_CONCEPTS, "No such code", NULL));
    none = mte_project_import_refi (project, g_bytes_get_data (qdpx, NULL), g_bytes_get_size (qdpx),
                                    "w.qdpx", MTE_REFI_FORMAT_AUTO, mapping, 0, &error);
    after = bytes_of (project);
    CU_ASSERT_PTR_NULL (none);
    CU_ASSERT_TRUE (error != NULL && strstr (error->message, "No such code") != NULL);
    MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_NOT_FOUND);
    CU_ASSERT_STRING_EQUAL (before, after);
  }
  /* Into the project it came from: new ids, nothing refused, and the
   * concepts are the ones already there. */
  {
    guint n_studies = mte_project_get_n_studies (project);
    guint n_concepts = mte_project_get_n_concepts (project);
    g_autoptr (MteRefiReport) again = mte_project_import_refi (project, g_bytes_get_data (qdpx, NULL),
                                                               g_bytes_get_size (qdpx), "w.qdpx",
                                                               MTE_REFI_FORMAT_AUTO, NULL, 0, &error);

    MTE_ASSERT_NO_ERROR (error);
    CU_ASSERT_PTR_NOT_NULL_FATAL (again);
    CU_ASSERT_EQUAL (mte_project_get_n_studies (project), 2 * n_studies);
    CU_ASSERT_EQUAL (mte_project_get_n_concepts (project), n_concepts);
  }
}

/* With match-existing, a source whose title matches a record the searches
 * found includes that record, reporting the new study; a refused import
 * puts the record back as it was. */
static void
test_records_matched (void)
{
  g_autoptr (MteProject) warmth = load_warmth ();
  g_autoptr (MteProject) project = mte_project_new ();
  g_autoptr (MteRefiMapping) mapping = mte_refi_mapping_new ();
  g_autoptr (GBytes) qdpx = NULL;
  g_autoptr (MteRefiReport) report = NULL;
  g_autofree char *before = NULL;
  MteStudy *first = mte_project_get_study (warmth, 0);
  MteRecord *record;
  GError *error = NULL;

  qdpx = mte_project_export_refi (warmth, MTE_REFI_FORMAT_QDPX, NULL, &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (qdpx);
  record = mte_project_add_record (project, "rec1", &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (record);
  CU_ASSERT_TRUE (mte_record_set_field (record, MTE_RECORD_TITLE,
                                        mte_study_get_field (first, MTE_STUDY_TITLE), NULL));
  mte_refi_mapping_set_match_existing (mapping, TRUE);
  before = bytes_of (project);

  report = mte_project_import_refi (project, g_bytes_get_data (qdpx, NULL), g_bytes_get_size (qdpx),
                                    "w.qdpx", MTE_REFI_FORMAT_AUTO, mapping, MTE_IMPORT_STRICT, &error);
  CU_ASSERT_PTR_NULL (report);
  g_clear_error (&error);
  {
    g_autofree char *after = bytes_of (project);

    CU_ASSERT_STRING_EQUAL (before, after);
    CU_ASSERT_EQUAL (mte_record_get_fate (record), MTE_FATE_UNSCREENED);
  }

  report = mte_project_import_refi (project, g_bytes_get_data (qdpx, NULL), g_bytes_get_size (qdpx),
                                    "w.qdpx", MTE_REFI_FORMAT_AUTO, mapping, 0, &error);
  MTE_ASSERT_NO_ERROR (error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (report);
  CU_ASSERT_EQUAL (made (report, "records included"), 1);
  CU_ASSERT_EQUAL (mte_record_get_fate (record), MTE_FATE_INCLUDED);
  CU_ASSERT_PTR_NOT_NULL_FATAL (mte_record_get_study (record));
  CU_ASSERT_STRING_EQUAL (mte_study_get_id (mte_record_get_study (record)), mte_study_get_id (first));
}

static void
test_mapping_file (void)
{
  g_autoptr (MteRefiMapping) mapping = mte_refi_mapping_new ();
  g_autofree char *dir = g_dir_make_tmp ("mte-refi-XXXXXX", NULL);
  g_autofree char *good = g_build_filename (dir, "good.map", NULL);
  g_autofree char *bad = g_build_filename (dir, "bad.map", NULL);
  GError *error = NULL;

  CU_ASSERT_STRING_EQUAL (mte_refi_mapping_get_code (mapping, MTE_REFI_ROLE_FIRST_ORDER),
                          "First-order constructs");
  g_file_set_contents (good, "# our codebook\nfirst-order = Findings/Quotes\nsecond-order = Themes  # ours\n"
                             "third-order =\nstudy = case\nmatch-existing = yes\n", -1, NULL);
  g_file_set_contents (bad, "first-order = A\nsecond order = B\n", -1, NULL);
  CU_ASSERT_TRUE (mte_refi_mapping_load_file (mapping, good, &error));
  MTE_ASSERT_NO_ERROR (error);
  CU_ASSERT_STRING_EQUAL (mte_refi_mapping_get_code (mapping, MTE_REFI_ROLE_FIRST_ORDER), "Findings/Quotes");
  CU_ASSERT_STRING_EQUAL (mte_refi_mapping_get_code (mapping, MTE_REFI_ROLE_SECOND_ORDER), "Themes");
  CU_ASSERT_STRING_EQUAL (mte_refi_mapping_get_code (mapping, MTE_REFI_ROLE_CONCEPTS), "Key concepts");
  CU_ASSERT_PTR_NULL (mte_refi_mapping_get_code (mapping, MTE_REFI_ROLE_THIRD_ORDER));
  CU_ASSERT_EQUAL (mte_refi_mapping_get_study_unit (mapping), MTE_REFI_STUDY_PER_CASE);
  CU_ASSERT_TRUE (mte_refi_mapping_get_match_existing (mapping));
  /* A bad line changes nothing and says where it is. */
  CU_ASSERT_FALSE (mte_refi_mapping_load_file (mapping, bad, &error));
  CU_ASSERT_TRUE (error != NULL && strstr (error->message, "bad.map:2") != NULL
                  && strstr (error->message, "second order") != NULL);
  g_clear_error (&error);
  CU_ASSERT_STRING_EQUAL (mte_refi_mapping_get_code (mapping, MTE_REFI_ROLE_FIRST_ORDER), "Findings/Quotes");
  g_remove (good);
  g_remove (bad);
  g_rmdir (dir);
}

/* ------------------------------------------------------------------ */
/* Real files, counted independently with XPath                       */
/* ------------------------------------------------------------------ */

/* The .qde inside a .qdpx, or the file itself. */
static GBytes *
xml_of (GBytes     *file,
        const char *name)
{
  zip_error_t zerror;
  zip_source_t *src;
  zip_t *zip;
  GBytes *out = NULL;

  if (!g_str_has_suffix (name, ".qdpx"))
    return g_bytes_ref (file);
  zip_error_init (&zerror);
  src = zip_source_buffer_create (g_bytes_get_data (file, NULL), g_bytes_get_size (file), 0, &zerror);
  zip = zip_open_from_source (src, ZIP_RDONLY, &zerror);
  for (zip_int64_t i = 0; zip != NULL && i < zip_get_num_entries (zip, 0); i++)
    {
      const char *entry = zip_get_name (zip, (zip_uint64_t) i, 0);
      zip_stat_t st;
      zip_file_t *f;
      char *data;

      if (strchr (entry, '/') != NULL || !g_str_has_suffix (entry, ".qde"))
        continue;
      zip_stat_index (zip, (zip_uint64_t) i, 0, &st);
      data = g_malloc (st.size + 1);
      f = zip_fopen_index (zip, (zip_uint64_t) i, 0);
      zip_fread (f, data, st.size);
      zip_fclose (f);
      out = g_bytes_new_take (data, st.size);
    }
  if (zip != NULL)
    zip_close (zip);
  zip_error_fini (&zerror);
  return out;
}

typedef struct {
  xmlDocPtr doc;
  xmlXPathContextPtr ctx;
} Xp;

static guint
count (Xp         *xp,
       const char *expr)
{
  xmlXPathObjectPtr r = xmlXPathEvalExpression ((const xmlChar *) expr, xp->ctx);
  guint n = 0;

  CU_ASSERT_PTR_NOT_NULL_FATAL (r);
  if (r->type == XPATH_NUMBER)
    n = (guint) r->floatval;
  else if (r->nodesetval != NULL)
    n = (guint) r->nodesetval->nodeNr;
  xmlXPathFreeObject (r);
  return n;
}

/* The GUIDs of a code and all under it, lower-cased, into @set. */
static void
subtree_guids (Xp         *xp,
               const char *root_name,
               gboolean    include_root,
               GHashTable *set)
{
  g_autofree char *expr = g_strdup_printf ("//*[local-name()='Code' and @name='%s']%s/@guid",
                                           root_name, include_root ? "/descendant-or-self::*[local-name()='Code']"
                                                                   : "//*[local-name()='Code']");
  xmlXPathObjectPtr r = xmlXPathEvalExpression ((const xmlChar *) expr, xp->ctx);

  for (int i = 0; r != NULL && r->nodesetval != NULL && i < r->nodesetval->nodeNr; i++)
    {
      xmlChar *v = xmlNodeGetContent (r->nodesetval->nodeTab[i]);

      g_hash_table_add (set, g_ascii_strdown ((const char *) v, -1));
      xmlFree (v);
    }
  xmlXPathFreeObject (r);
}

/* The distinct names (trimmed) of the codes that can be applied: the key
 * concepts a codebook mapped as a whole gives (one per label). */
static void
distinct_codable_names (Xp         *xp,
                        GHashTable *set)
{
  xmlXPathObjectPtr r = xmlXPathEvalExpression ((const xmlChar *)
    "//*[local-name()='Code' and not(@isCodable='false')]/@name", xp->ctx);

  for (int i = 0; r != NULL && r->nodesetval != NULL && i < r->nodesetval->nodeNr; i++)
    {
      xmlChar *v = xmlNodeGetContent (r->nodesetval->nodeTab[i]);
      char *name = g_strstrip (g_strdup ((const char *) v));

      if (*name != '\0')
        g_hash_table_add (set, name);
      else
        g_free (name);
      xmlFree (v);
    }
  xmlXPathFreeObject (r);
}

/* The names of the root codes of the codebook. */
static GPtrArray *
root_codes (Xp *xp)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
  xmlXPathObjectPtr r = xmlXPathEvalExpression ((const xmlChar *)
    "//*[local-name()='Codes']/*[local-name()='Code']", xp->ctx);

  for (int i = 0; r != NULL && r->nodesetval != NULL && i < r->nodesetval->nodeNr; i++)
    {
      xmlChar *v = xmlGetProp (r->nodesetval->nodeTab[i], (const xmlChar *) "name");

      g_ptr_array_add (out, g_strdup ((const char *) v));
      xmlFree (v);
    }
  xmlXPathFreeObject (r);
  return out;
}

/* Per text selection: coded under the first-order subtree, the
 * second-order one, both or neither. */
static void
count_orders (Xp         *xp,
              GHashTable *first,
              GHashTable *second,
              guint      *n_first,
              guint      *n_second,
              guint      *n_both,
              guint      *n_none)
{
  xmlXPathObjectPtr r = xmlXPathEvalExpression ((const xmlChar *)
    "//*[local-name()='PlainTextSelection']", xp->ctx);

  *n_first = *n_second = *n_both = *n_none = 0;
  for (int i = 0; r != NULL && r->nodesetval != NULL && i < r->nodesetval->nodeNr; i++)
    {
      gboolean f = FALSE, s = FALSE;
      xmlXPathObjectPtr refs;

      xp->ctx->node = r->nodesetval->nodeTab[i];
      refs = xmlXPathEvalExpression ((const xmlChar *)
        "./*[local-name()='Coding']/*[local-name()='CodeRef']/@targetGUID", xp->ctx);
      for (int k = 0; refs != NULL && refs->nodesetval != NULL && k < refs->nodesetval->nodeNr; k++)
        {
          xmlChar *v = xmlNodeGetContent (refs->nodesetval->nodeTab[k]);
          g_autofree char *key = g_ascii_strdown ((const char *) v, -1);

          f |= g_hash_table_contains (first, key);
          s |= g_hash_table_contains (second, key);
          xmlFree (v);
        }
      xmlXPathFreeObject (refs);
      *n_first += f && !s;
      *n_second += s && !f;
      *n_both += f && s;
      *n_none += !f && !s;
    }
  xp->ctx->node = NULL;
  xmlXPathFreeObject (r);
}

static void
check_interop_file (const char *file)
{
  g_autoptr (GBytes) bytes = read_file (interop_dir, file);
  g_autoptr (GBytes) xml = NULL;
  g_autoptr (GPtrArray) roots = NULL;
  g_autoptr (GHashTable) first = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GHashTable) second = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GHashTable) concepts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (MteRefiMapping) mapping = mte_refi_mapping_new ();
  g_autoptr (MteProject) project = mte_project_new ();
  g_autoptr (MteRefiReport) report = NULL;
  gboolean codebook = g_str_has_suffix (file, ".qdc");
  guint n_first, n_second, n_both, n_none;
  GError *error = NULL;
  Xp xp;

  printf ("\n    %s", file);
  CU_ASSERT_PTR_NOT_NULL_FATAL (bytes);
  xml = xml_of (bytes, file);
  CU_ASSERT_PTR_NOT_NULL_FATAL (xml);
  xp.doc = xmlReadMemory (g_bytes_get_data (xml, NULL), (int) g_bytes_get_size (xml), file, NULL,
                          XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (xp.doc == NULL)
    {
      /* Not well-formed: the import refuses it with a location. */
      report = mte_project_import_refi (project, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                        file, MTE_REFI_FORMAT_AUTO, NULL, 0, &error);
      CU_ASSERT_PTR_NULL (report);
      printf (": refused (%s)", error != NULL ? error->message : "");
      CU_ASSERT_TRUE (error != NULL && g_regex_match_simple (":[0-9]+:[0-9]+: ", error->message, 0, 0));
      MTE_ASSERT_ERROR (error, MTE_FORMAT_ERROR, MTE_FORMAT_ERROR_MALFORMED);
      return;
    }
  xp.ctx = xmlXPathNewContext (xp.doc);

  /* The mapping: the first root code marks quotes, the second the
   * authors' interpretations, the codes under the third are concepts (a
   * codebook: the codes under the first are concepts, under the second
   * third-order constructs). */
  roots = root_codes (&xp);
  if (codebook)
    {
      CU_ASSERT_TRUE (mte_refi_mapping_set_code (mapping, MTE_REFI_ROLE_FIRST_ORDER, NULL, NULL));
      CU_ASSERT_TRUE (mte_refi_mapping_set_code (mapping, MTE_REFI_ROLE_SECOND_ORDER, NULL, NULL));
      /* Every applicable code of a codebook is a key concept. */
      CU_ASSERT_TRUE (mte_refi_mapping_set_code (mapping, MTE_REFI_ROLE_CONCEPTS, "/", NULL));
      CU_ASSERT_TRUE (mte_refi_mapping_set_code (mapping, MTE_REFI_ROLE_THIRD_ORDER, NULL, NULL));
    }
  else
    {
      static const MteRefiRole roles[] = { MTE_REFI_ROLE_FIRST_ORDER, MTE_REFI_ROLE_SECOND_ORDER,
                                           MTE_REFI_ROLE_CONCEPTS, MTE_REFI_ROLE_THIRD_ORDER };

      for (guint r = 0; r < G_N_ELEMENTS (roles); r++)
        CU_ASSERT_TRUE (mte_refi_mapping_set_code (mapping, roles[r],
                                                   r < 3 && r < roots->len ? g_ptr_array_index (roots, r) : NULL,
                                                   NULL));
      if (roots->len > 0)
        subtree_guids (&xp, g_ptr_array_index (roots, 0), TRUE, first);
      if (roots->len > 1)
        subtree_guids (&xp, g_ptr_array_index (roots, 1), TRUE, second);
    }
  if (codebook)
    distinct_codable_names (&xp, concepts);
  else if (roots->len > 2)
    subtree_guids (&xp, g_ptr_array_index (roots, 2), FALSE, concepts);

  report = mte_project_import_refi (project, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                    file, MTE_REFI_FORMAT_AUTO, mapping, 0, &error);
  if (error != NULL)
    printf (": %s", error->message);
  MTE_ASSERT_NO_ERROR (error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (report);
  {
    g_autofree char *text = mte_refi_report_to_text (report);
    g_auto (GStrv) lines = g_strsplit (text, "\n", 2);

    printf (": %s", lines[0]);
  }

  /* What the file holds, counted here, against the report. */
  CU_ASSERT_EQUAL (lost (report, "sets"), count (&xp, "count(//*[local-name()='Set'])"));
  CU_ASSERT_EQUAL (made (report, "team members"), count (&xp, "count(//*[local-name()='User'])"));
  CU_ASSERT_EQUAL (made (report, "key concepts"), g_hash_table_size (concepts));
  CU_ASSERT_EQUAL (lost (report, "category codes"),
                   codebook ? count (&xp, "count(//*[local-name()='Code' and @isCodable='false'])") : 0);
  if (codebook)
    {
      CU_ASSERT_EQUAL (made (report, "studies"), 0);
      goto out;
    }
  CU_ASSERT_EQUAL (made (report, "studies"),
                   count (&xp, "count(//*[local-name()='TextSource' or local-name()='PDFSource'])"));
  CU_ASSERT_EQUAL (lost (report, "picture, audio and video sources"),
                   count (&xp, "count(//*[local-name()='PictureSource' or local-name()='AudioSource'"
                               " or local-name()='VideoSource'])"));
  CU_ASSERT_EQUAL (lost (report, "media and PDF-region selections"),
                   count (&xp, "count(//*[contains(local-name(), 'Selection') and"
                               " local-name()!='PlainTextSelection'])"));
  CU_ASSERT_EQUAL (lost (report, "graph vertices") + 0, count (&xp, "count(//*[local-name()='Vertex'])"));
  CU_ASSERT_EQUAL (lost (report, "graph edges"), count (&xp, "count(//*[local-name()='Edge'])"));
  count_orders (&xp, first, second, &n_first, &n_second, &n_both, &n_none);
  if (lost (report, "selections of unresolvable sources") == 0)
    {
      CU_ASSERT_EQUAL (made (report, "quotes (first-order constructs)"), n_first);
      CU_ASSERT_EQUAL (made (report, "second-order constructs"), n_second);
      CU_ASSERT_EQUAL (lost (report, "selections coded as both orders"), n_both);
      CU_ASSERT_EQUAL (lost (report, "selections of no construct order"), n_none);
      CU_ASSERT_EQUAL (mte_project_get_n_studies (project) > 0 ? 1 : 0,
                       count (&xp, "count(//*[local-name()='TextSource'])") > 0 ? 1 : 0);
    }
  else
    CU_ASSERT_EQUAL (lost (report, "selections of unresolvable sources"),
                     count (&xp, "count(//*[local-name()='PlainTextSelection'])"));
  /* Each quote's words are in its study's source as selected. */
  for (guint i = 0; i < mte_project_get_n_studies (project); i++)
    {
      MteStudy *study = mte_project_get_study (project, i);

      for (guint k = 0; k < mte_study_get_n_constructs (study); k++)
        CU_ASSERT_TRUE (*mte_construct_get_text (mte_study_get_construct (study, k)) != '\0');
    }
out:
  xmlXPathFreeContext (xp.ctx);
  xmlFreeDoc (xp.doc);
}

static void
test_interop (void)
{
  g_autoptr (GDir) dir = NULL;
  g_autoptr (GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (interop_dir == NULL || !g_file_test (interop_dir, G_FILE_TEST_IS_DIR))
    {
      printf ("\n    skipped: no ../shared/interop/refi beside the project");
      return;
    }
  dir = g_dir_open (interop_dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (files, g_strdup (name));
  g_ptr_array_sort (files, compare_strings);
  CU_ASSERT_TRUE (files->len >= 10);
  for (guint i = 0; i < files->len; i++)
    check_interop_file (g_ptr_array_index (files, i));
}

static const MteTestCase cases[] = {
  { "the warmth example exported and imported back", test_round_trip },
  { "key concepts through a codebook", test_codebook_round_trip },
  { "hostile archives", test_hostile },
  { "dry run, strict, unknown code: nothing changes", test_all_or_nothing },
  { "mapping files", test_mapping_file },
  { "match-existing includes the records the searches found", test_records_matched },
  { "the files of ../shared/interop/refi", test_interop },
};

int
main (int    argc,
      char **argv)
{
  int rc;

  for (int i = 1; i + 1 < argc; i++)
    {
      if (strcmp (argv[i], "--warmth") == 0)
        warmth_path = argv[++i];
      else if (strcmp (argv[i], "--data-dir") == 0)
        data_dir = argv[++i];
      else if (strcmp (argv[i], "--interop") == 0)
        interop_dir = argv[++i];
    }
  if (warmth_path == NULL || data_dir == NULL)
    {
      fprintf (stderr, "%s: --warmth and --data-dir are required\n", argv[0]);
      return 2;
    }
  rc = mte_test_run ("refi-import", cases, G_N_ELEMENTS (cases));
  xmlCleanupParser ();
  return rc;
}
