"""The declaration table: every C function the bindings call (internal).

This is the one place where the C surface is described to ctypes. Each entry
gives the function's name, its return type and its argument types, exactly
as ``include/metaethno/*.h`` declares them; ``tests/python/test_coverage.py``
parses the headers and fails when an entry drifts from its prototype, or
when an exported function is neither declared here nor listed in
:data:`UNWRAPPED` with a reason.

Type conventions:

* ``c_char_p`` as an argument is a borrowed input string; as a return type
  it is a string the library owns (copied into ``bytes`` by ctypes).
* ``OWNED_STR`` / ``OWNED_STRV`` / ``OWNED_ARRAY`` are returned memory the
  caller owns: the bindings copy it and free it with ``g_free`` /
  ``g_strfreev``.
* Each opaque C type has its own pointer type, so ctypes refuses a study
  where a concept is expected.
* ``BYTES`` is a returned ``GBytes *`` the caller owns: the bindings copy
  its data and release it with ``g_bytes_unref``.
* ``INT64_OUT`` (``gint64 *``) and ``ENUM_OUT`` (a pointer to an Mte enum)
  are out parameters; the bindings pass ``byref`` of a ``c_int64`` or
  ``c_int``.

Functions marked ``frees=True`` may free model memory (entities, the
session); calling one invalidates cached pointers and live results.

Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
"""
from __future__ import annotations

from ctypes import (POINTER, Structure, c_char, c_char_p, c_double, c_int,
                    c_int64, c_size_t, c_ssize_t, c_uint, c_uint32, c_void_p)
from typing import NamedTuple

__all__ = ["Decl", "DECLARATIONS", "UNWRAPPED", "GError"]


class GError(Structure):
    """GLib's public GError struct."""
    _fields_ = [("domain", c_uint32), ("code", c_int), ("message", c_char_p)]


def _opaque(name: str):
    return POINTER(type(name, (Structure,), {}))


Project = _opaque("MteProject")
ProjectFile = _opaque("MteProjectFile")
Entity = _opaque("MteEntity")
Member = _opaque("MteMember")
Checklist = _opaque("MteChecklist")
Study = _opaque("MteStudy")
Construct = _opaque("MteConstruct")
Concept = _opaque("MteConcept")
Translation = _opaque("MteTranslation")
ThirdOrder = _opaque("MteThirdOrder")
ArgumentLink = _opaque("MteArgumentLink")
Framework = _opaque("MteFramework")
Memo = _opaque("MteMemo")
Session = _opaque("MteSession")
Grid = _opaque("MteGrid")
Relatedness = _opaque("MteRelatedness")
TranslationTable = _opaque("MteTranslationTable")
CheckReport = _opaque("MteCheckReport")
LineOfArgument = _opaque("MteLineOfArgument")
Suggestions = _opaque("MteSuggestions")
Search = _opaque("MteSearch")
Record = _opaque("MteRecord")
Prisma = _opaque("MtePrisma")
Conqual = _opaque("MteConqual")
Import = _opaque("MteImport")
RefiMapping = _opaque("MteRefiMapping")
RefiReport = _opaque("MteRefiReport")
TextIndex = _opaque("MteTextIndex")
Matches = _opaque("MteMatches")

gboolean = c_int
guint = c_uint
enum = c_int            # every Mte enum is an int-sized C enum
ERROR = POINTER(POINTER(GError))
OWNED_STR = POINTER(c_char)             # char *, transfer full
OWNED_STRV = POINTER(POINTER(c_char))   # char **, transfer full (g_strfreev)
STRV = POINTER(c_char_p)                # const char * const *
OWNED_ARRAY = POINTER(Study)            # MteStudy **, transfer container
INT64_OUT = POINTER(c_int64)            # gint64 *, an out parameter
BYTES = c_void_p                        # GBytes *, transfer full (g_bytes_unref)
ENUM_OUT = POINTER(c_int)               # an Mte enum *, an out parameter


class Decl(NamedTuple):
    name: str
    restype: object
    argtypes: tuple
    frees: bool = False


def D(name, restype, *argtypes, frees=False):
    return Decl(name, restype, tuple(argtypes), frees)


DECLARATIONS: tuple[Decl, ...] = (
    # mte-version.h
    D("mte_get_version_string", c_char_p),
    D("mte_get_major_version", c_uint),
    D("mte_get_minor_version", c_uint),
    D("mte_get_micro_version", c_uint),

    # mte-error.h
    D("mte_model_error_quark", c_uint32),
    D("mte_format_error_quark", c_uint32),
    D("mte_save_error_quark", c_uint32),
    D("mte_format_error_get_location", gboolean,
      POINTER(GError), POINTER(c_char_p), POINTER(c_int), POINTER(c_int)),

    # mte-project.h: the project
    D("mte_project_new", Project),
    D("mte_project_free", None, Project, frees=True),
    D("mte_project_equal", gboolean, Project, Project),
    D("mte_project_get_title", c_char_p, Project),
    D("mte_project_set_title", gboolean, Project, c_char_p, ERROR),
    D("mte_project_get_question", c_char_p, Project),
    D("mte_project_set_question", gboolean, Project, c_char_p, ERROR),
    D("mte_project_get_aim", c_char_p, Project),
    D("mte_project_set_aim", gboolean, Project, c_char_p, ERROR),
    D("mte_project_get_line_of_argument", c_char_p, Project),
    D("mte_project_set_line_of_argument", gboolean, Project, c_char_p, ERROR),
    D("mte_project_get_created", c_int64, Project),
    D("mte_project_set_created", None, Project, c_int64),
    D("mte_project_get_modified", c_int64, Project),
    D("mte_project_set_modified", None, Project, c_int64),
    D("mte_project_lookup", Entity, Project, c_char_p),
    D("mte_entity_get_id", c_char_p, Entity),
    D("mte_entity_get_kind", enum, Entity),
    D("mte_entity_kind_to_string", c_char_p, enum),
    D("mte_project_generate_id", OWNED_STR, Project, c_char_p),
    D("mte_project_generate_slug_id", OWNED_STR, Project, c_char_p, c_char_p),
    D("mte_project_dup_dependents", OWNED_STRV, Project, c_char_p),
    D("mte_project_remove", gboolean, Project, c_char_p, enum, ERROR, frees=True),

    # mte-project.h: members, checklists, memos
    D("mte_project_add_member", Member, Project, c_char_p, c_char_p, c_char_p, ERROR),
    D("mte_project_get_n_members", guint, Project),
    D("mte_project_get_member", Member, Project, guint),
    D("mte_project_lookup_member", Member, Project, c_char_p),
    D("mte_member_get_id", c_char_p, Member),
    D("mte_member_get_name", c_char_p, Member),
    D("mte_member_set_name", gboolean, Member, c_char_p, ERROR),
    D("mte_member_get_role", c_char_p, Member),
    D("mte_member_set_role", gboolean, Member, c_char_p, ERROR),
    D("mte_project_add_checklist", Checklist, Project, c_char_p, c_char_p, ERROR),
    D("mte_project_get_n_checklists", guint, Project),
    D("mte_project_get_checklist", Checklist, Project, guint),
    D("mte_project_lookup_checklist", Checklist, Project, c_char_p),
    D("mte_checklist_get_id", c_char_p, Checklist),
    D("mte_checklist_get_name", c_char_p, Checklist),
    D("mte_checklist_set_name", gboolean, Checklist, c_char_p, ERROR),
    D("mte_checklist_add_question", gboolean,
      Checklist, c_char_p, c_char_p, STRV, ERROR),
    D("mte_checklist_remove_question", gboolean,
      Checklist, c_char_p, enum, ERROR, frees=True),
    D("mte_checklist_get_n_questions", guint, Checklist),
    D("mte_checklist_get_question_key", c_char_p, Checklist, guint),
    D("mte_checklist_get_question_text", c_char_p, Checklist, guint),
    D("mte_checklist_get_question_answers", STRV, Checklist, guint),
    D("mte_checklist_find_question", c_int, Checklist, c_char_p),
    D("mte_project_add_memo", Memo,
      Project, c_char_p, c_char_p, c_char_p, c_char_p, ERROR),
    D("mte_project_get_n_memos", guint, Project),
    D("mte_project_get_memo", Memo, Project, guint),
    D("mte_project_lookup_memo", Memo, Project, c_char_p),
    D("mte_memo_get_id", c_char_p, Memo),
    D("mte_memo_get_subject", Entity, Memo),
    D("mte_memo_get_author", Member, Memo),
    D("mte_memo_set_author", gboolean, Memo, c_char_p, ERROR),
    D("mte_memo_get_created", c_int64, Memo),
    D("mte_memo_set_created", None, Memo, c_int64),
    D("mte_memo_get_text", c_char_p, Memo),
    D("mte_memo_set_text", gboolean, Memo, c_char_p, ERROR),

    # mte-study.h
    D("mte_study_field_to_string", c_char_p, enum),
    D("mte_study_field_from_string", c_int, c_char_p),
    D("mte_project_add_study", Study, Project, c_char_p, ERROR),
    D("mte_project_get_n_studies", guint, Project),
    D("mte_project_get_study", Study, Project, guint),
    D("mte_project_lookup_study", Study, Project, c_char_p),
    D("mte_study_get_id", c_char_p, Study),
    D("mte_study_get_field", c_char_p, Study, enum),
    D("mte_study_set_field", gboolean, Study, enum, c_char_p, ERROR),
    D("mte_study_get_authors", STRV, Study),
    D("mte_study_set_authors", gboolean, Study, STRV, ERROR),
    D("mte_study_get_year", c_int, Study),
    D("mte_study_set_year", gboolean, Study, c_int, ERROR),
    D("mte_study_get_sample_size", guint, Study),
    D("mte_study_set_sample_size", None, Study, guint),
    D("mte_study_get_index_study", gboolean, Study),
    D("mte_study_set_index_study", None, Study, gboolean),
    D("mte_study_get_translation_position", guint, Study),
    D("mte_study_set_translation_position", None, Study, guint),
    D("mte_study_get_n_attributes", guint, Study),
    D("mte_study_get_attribute_key", c_char_p, Study, guint),
    D("mte_study_get_attribute_value", c_char_p, Study, guint),
    D("mte_study_get_attribute", c_char_p, Study, c_char_p),
    D("mte_study_set_attribute", gboolean, Study, c_char_p, c_char_p, ERROR),
    D("mte_study_set_appraisal", gboolean,
      Study, c_char_p, c_char_p, c_char_p, c_char_p, ERROR),
    D("mte_study_get_appraisal", gboolean,
      Study, c_char_p, c_char_p, POINTER(c_char_p), POINTER(c_char_p)),
    D("mte_study_get_n_appraisals", guint, Study),
    D("mte_study_get_appraisal_at", None, Study, guint, POINTER(Checklist),
      POINTER(c_char_p), POINTER(c_char_p), POINTER(c_char_p)),

    # mte-construct.h
    D("mte_study_add_construct", Construct, Study, c_char_p, enum, c_char_p, ERROR),
    D("mte_study_get_n_constructs", guint, Study),
    D("mte_study_get_construct", Construct, Study, guint),
    D("mte_project_lookup_construct", Construct, Project, c_char_p),
    D("mte_construct_get_id", c_char_p, Construct),
    D("mte_construct_get_order", enum, Construct),
    D("mte_construct_get_study", Study, Construct),
    D("mte_construct_get_text", c_char_p, Construct),
    D("mte_construct_set_text", gboolean, Construct, c_char_p, ERROR),
    D("mte_construct_get_label", c_char_p, Construct),
    D("mte_construct_set_label", gboolean, Construct, c_char_p, ERROR),
    D("mte_construct_get_page", c_char_p, Construct),
    D("mte_construct_set_page", gboolean, Construct, c_char_p, ERROR),
    D("mte_construct_get_section", c_char_p, Construct),
    D("mte_construct_set_section", gboolean, Construct, c_char_p, ERROR),
    D("mte_construct_get_speaker", c_char_p, Construct),
    D("mte_construct_set_speaker", gboolean, Construct, c_char_p, ERROR),
    D("mte_construct_add_grounding", gboolean, Construct, c_char_p, ERROR),
    D("mte_construct_remove_grounding", gboolean, Construct, c_char_p),
    D("mte_construct_get_n_groundings", guint, Construct),
    D("mte_construct_get_grounding", Construct, Construct, guint),

    # mte-concept.h
    D("mte_project_add_concept", Concept, Project, c_char_p, c_char_p, ERROR),
    D("mte_project_get_n_concepts", guint, Project),
    D("mte_project_get_concept", Concept, Project, guint),
    D("mte_project_lookup_concept", Concept, Project, c_char_p),
    D("mte_concept_get_id", c_char_p, Concept),
    D("mte_concept_get_label", c_char_p, Concept),
    D("mte_concept_set_label", gboolean, Concept, c_char_p, ERROR),
    D("mte_concept_get_definition", c_char_p, Concept),
    D("mte_concept_set_definition", gboolean, Concept, c_char_p, ERROR),
    D("mte_concept_add_expression", gboolean, Concept, c_char_p, ERROR),
    D("mte_concept_remove_expression", gboolean, Concept, c_char_p),
    D("mte_concept_get_n_expressions", guint, Concept),
    D("mte_concept_get_expression", Construct, Concept, guint),
    D("mte_project_add_translation", Translation,
      Project, c_char_p, enum, c_char_p, c_char_p, ERROR),
    D("mte_project_get_n_translations", guint, Project),
    D("mte_project_get_translation", Translation, Project, guint),
    D("mte_project_lookup_translation", Translation, Project, c_char_p),
    D("mte_translation_get_id", c_char_p, Translation),
    D("mte_translation_get_kind", enum, Translation),
    D("mte_translation_set_kind", None, Translation, enum),
    D("mte_translation_get_source", Entity, Translation),
    D("mte_translation_get_target", Entity, Translation),
    D("mte_translation_get_source_study", Study, Translation),
    D("mte_translation_get_target_study", Study, Translation),
    D("mte_translation_set_source_study", gboolean, Translation, c_char_p, ERROR),
    D("mte_translation_set_target_study", gboolean, Translation, c_char_p, ERROR),
    D("mte_translation_get_rationale", c_char_p, Translation),
    D("mte_translation_set_rationale", gboolean, Translation, c_char_p, ERROR),
    D("mte_translation_get_reviewer", Member, Translation),
    D("mte_translation_set_reviewer", gboolean, Translation, c_char_p, ERROR),
    D("mte_translation_get_created", c_int64, Translation),
    D("mte_translation_set_created", None, Translation, c_int64),

    # mte-synthesis.h
    D("mte_project_add_third_order", ThirdOrder, Project, c_char_p, c_char_p, ERROR),
    D("mte_project_get_n_third_orders", guint, Project),
    D("mte_project_get_third_order", ThirdOrder, Project, guint),
    D("mte_project_lookup_third_order", ThirdOrder, Project, c_char_p),
    D("mte_third_order_get_id", c_char_p, ThirdOrder),
    D("mte_third_order_get_label", c_char_p, ThirdOrder),
    D("mte_third_order_set_label", gboolean, ThirdOrder, c_char_p, ERROR),
    D("mte_third_order_get_statement", c_char_p, ThirdOrder),
    D("mte_third_order_set_statement", gboolean, ThirdOrder, c_char_p, ERROR),
    D("mte_third_order_add_basis", gboolean, ThirdOrder, c_char_p, ERROR),
    D("mte_third_order_remove_basis", gboolean, ThirdOrder, c_char_p),
    D("mte_third_order_get_n_basis", guint, ThirdOrder),
    D("mte_third_order_get_basis", Entity, ThirdOrder, guint),
    D("mte_third_order_set_concern", gboolean,
      ThirdOrder, enum, enum, c_char_p, ERROR),
    D("mte_third_order_get_concern", enum, ThirdOrder, enum),
    D("mte_third_order_get_concern_explanation", c_char_p, ThirdOrder, enum),
    D("mte_third_order_set_confidence", gboolean, ThirdOrder, enum, c_char_p, ERROR),
    D("mte_third_order_get_confidence", enum, ThirdOrder),
    D("mte_third_order_get_confidence_explanation", c_char_p, ThirdOrder),
    D("mte_cerqual_component_to_string", c_char_p, enum),
    D("mte_concern_to_string", c_char_p, enum),
    D("mte_confidence_to_string", c_char_p, enum),
    D("mte_project_add_argument_link", ArgumentLink,
      Project, c_char_p, c_char_p, c_char_p, c_char_p, ERROR),
    D("mte_project_get_n_argument_links", guint, Project),
    D("mte_project_get_argument_link", ArgumentLink, Project, guint),
    D("mte_project_lookup_argument_link", ArgumentLink, Project, c_char_p),
    D("mte_argument_link_get_id", c_char_p, ArgumentLink),
    D("mte_argument_link_get_from", ThirdOrder, ArgumentLink),
    D("mte_argument_link_get_to", ThirdOrder, ArgumentLink),
    D("mte_argument_link_get_relation", c_char_p, ArgumentLink),
    D("mte_argument_link_set_relation", gboolean, ArgumentLink, c_char_p, ERROR),
    D("mte_argument_link_get_rationale", c_char_p, ArgumentLink),
    D("mte_argument_link_set_rationale", gboolean, ArgumentLink, c_char_p, ERROR),

    # mte-framework.h
    D("mte_project_add_framework", Framework, Project, c_char_p, c_char_p, ERROR),
    D("mte_project_add_socio_ecological_framework", Framework,
      Project, c_char_p, ERROR),
    D("mte_project_get_n_frameworks", guint, Project),
    D("mte_project_get_framework", Framework, Project, guint),
    D("mte_project_lookup_framework", Framework, Project, c_char_p),
    D("mte_framework_get_id", c_char_p, Framework),
    D("mte_framework_get_name", c_char_p, Framework),
    D("mte_framework_set_name", gboolean, Framework, c_char_p, ERROR),
    D("mte_framework_get_description", c_char_p, Framework),
    D("mte_framework_set_description", gboolean, Framework, c_char_p, ERROR),
    D("mte_framework_add_level", gboolean, Framework, c_char_p, c_char_p, ERROR),
    D("mte_framework_remove_level", gboolean,
      Framework, c_char_p, enum, ERROR, frees=True),
    D("mte_framework_get_n_levels", guint, Framework),
    D("mte_framework_get_level_key", c_char_p, Framework, guint),
    D("mte_framework_get_level_label", c_char_p, Framework, guint),
    D("mte_framework_set_level_label", gboolean,
      Framework, c_char_p, c_char_p, ERROR),
    D("mte_framework_find_level", c_int, Framework, c_char_p),
    D("mte_framework_classify", gboolean, Framework, c_char_p, c_char_p, ERROR),
    D("mte_framework_unclassify", gboolean, Framework, c_char_p, c_char_p),
    D("mte_framework_get_n_classifications", guint, Framework),
    D("mte_framework_get_classification", None,
      Framework, guint, POINTER(Entity), POINTER(c_char_p)),
    D("mte_framework_dup_levels_of", OWNED_STRV, Framework, c_char_p),

    # mte-file.h
    D("mte_project_load_from_file", Project, c_char_p, enum, ERROR),
    D("mte_project_load_from_data", Project, c_char_p, c_ssize_t, c_char_p, enum, ERROR),
    D("mte_project_to_data", OWNED_STR, Project, POINTER(c_size_t), enum, ERROR),
    D("mte_project_save_to_file", gboolean, Project, c_char_p, enum, ERROR),
    D("mte_project_file_open", ProjectFile, c_char_p, enum, ERROR),
    D("mte_project_file_get_project", Project, ProjectFile),
    D("mte_project_file_is_locked", gboolean, ProjectFile),
    D("mte_project_file_save", gboolean, ProjectFile, enum, ERROR),
    D("mte_project_file_free", None, ProjectFile, frees=True),
    D("mte_get_schema", c_char_p),
    D("mte_project_get_n_load_warnings", guint, Project),
    D("mte_project_get_load_warning", c_char_p, Project, guint),

    # mte-study.h: study order
    D("mte_study_order_to_string", c_char_p, enum),
    D("mte_study_order_from_string", c_int, c_char_p),
    D("mte_project_dup_study_order", OWNED_ARRAY, Project, enum, POINTER(guint)),
    D("mte_project_suggest_index_study", Study, Project),
    D("mte_index_study_source_to_string", c_char_p, enum),
    D("mte_project_dup_index_studies", OWNED_ARRAY, Project, enum, POINTER(guint), ENUM_OUT),
    D("mte_study_order_get_ties", c_char_p, enum),
    D("mte_study_order_describe", OWNED_STR, Project, enum),

    # mte-analysis.h
    D("mte_grid_new", Grid, Project, enum),
    D("mte_grid_free", None, Grid),
    D("mte_grid_get_order", enum, Grid),
    D("mte_grid_get_n_concepts", guint, Grid),
    D("mte_grid_get_concept", Concept, Grid, guint),
    D("mte_grid_get_n_studies", guint, Grid),
    D("mte_grid_get_study", Study, Grid, guint),
    D("mte_grid_get_n_cell_constructs", guint, Grid, guint, guint),
    D("mte_grid_get_cell_construct", Construct, Grid, guint, guint, guint),
    D("mte_grid_get_concept_study_count", guint, Grid, guint),
    D("mte_relatedness_new", Relatedness, Project, enum, c_double),
    D("mte_relatedness_free", None, Relatedness),
    D("mte_relatedness_get_order", enum, Relatedness),
    D("mte_relatedness_get_threshold", c_double, Relatedness),
    D("mte_relatedness_get_n_studies", guint, Relatedness),
    D("mte_relatedness_get_study", Study, Relatedness, guint),
    D("mte_relatedness_get_n_concepts", guint, Relatedness, guint),
    D("mte_relatedness_get_shared", guint, Relatedness, guint, guint),
    D("mte_relatedness_get_jaccard", c_double, Relatedness, guint, guint),
    D("mte_relatedness_get_n_clusters", guint, Relatedness),
    D("mte_relatedness_get_cluster", guint, Relatedness, guint),
    D("mte_translation_table_new", TranslationTable, Project, enum),
    D("mte_translation_table_free", None, TranslationTable),
    D("mte_translation_table_get_order", enum, TranslationTable),
    D("mte_translation_table_get_n_concepts", guint, TranslationTable),
    D("mte_translation_table_get_concept", Concept, TranslationTable, guint),
    D("mte_translation_table_get_n_studies", guint, TranslationTable),
    D("mte_translation_table_get_study", Study, TranslationTable, guint),
    D("mte_translation_table_get_cell", enum, TranslationTable, guint, guint),
    D("mte_translation_table_get_first_column", c_int, TranslationTable, guint),
    D("mte_translation_table_get_new_concepts", guint, TranslationTable, guint),
    D("mte_translation_table_get_saturation_column", c_int, TranslationTable),

    # mte-check.h
    D("mte_severity_to_string", c_char_p, enum),
    D("mte_project_check", CheckReport, Project, guint),
    D("mte_check_report_free", None, CheckReport),
    D("mte_check_report_get_n_issues", guint, CheckReport),
    D("mte_check_report_count", guint, CheckReport, enum),
    D("mte_check_report_get_severity", enum, CheckReport, guint),
    D("mte_check_report_get_code", c_char_p, CheckReport, guint),
    D("mte_check_report_get_subject", Entity, CheckReport, guint),
    D("mte_check_report_get_message", c_char_p, CheckReport, guint),

    # mte-line-of-argument.h
    D("mte_line_of_argument_new", LineOfArgument, Project, guint),
    D("mte_line_of_argument_free", None, LineOfArgument),
    D("mte_line_of_argument_get_n_findings", guint, LineOfArgument),
    D("mte_line_of_argument_get_finding", ThirdOrder, LineOfArgument, guint),
    D("mte_line_of_argument_get_n_grounding", guint, LineOfArgument, guint, enum),
    D("mte_line_of_argument_get_grounding", Entity, LineOfArgument, guint, enum, guint),
    D("mte_line_of_argument_is_flagged", gboolean, LineOfArgument, guint),
    D("mte_line_of_argument_get_cycle", c_int, LineOfArgument, guint),
    D("mte_line_of_argument_get_n_cycles", guint, LineOfArgument),
    D("mte_line_of_argument_get_n_unused_concepts", guint, LineOfArgument),
    D("mte_line_of_argument_get_unused_concept", Concept, LineOfArgument, guint),
    D("mte_line_of_argument_get_study_coverage", c_double,
      LineOfArgument, POINTER(guint), POINTER(guint)),
    D("mte_line_of_argument_get_concept_coverage", c_double,
      LineOfArgument, POINTER(guint), POINTER(guint)),
    D("mte_line_of_argument_dup_levels", OWNED_STRV, LineOfArgument, guint, Framework),
    D("mte_suggestions_new", Suggestions, Project, c_double),
    D("mte_suggestions_free", None, Suggestions),
    D("mte_suggestions_get_n", guint, Suggestions),
    D("mte_suggestions_get_n_concepts", guint, Suggestions, guint),
    D("mte_suggestions_get_concept", Concept, Suggestions, guint, guint),
    D("mte_suggestions_get_affinity", c_double, Suggestions, guint),
    D("mte_suggestions_get_n_studies", guint, Suggestions, guint),
    D("mte_suggestions_get_n_translations", guint, Suggestions, guint),
    D("mte_suggestions_accept", ThirdOrder,
      Suggestions, guint, Project, c_char_p, c_char_p, ERROR),

    # mte-render.h
    D("mte_report_format_to_string", c_char_p, enum),
    D("mte_report_format_from_string", c_int, c_char_p),
    D("mte_grid_render", OWNED_STR, Grid, enum, ERROR),
    D("mte_relatedness_render", OWNED_STR, Relatedness, enum, ERROR),
    D("mte_translation_table_render", OWNED_STR, TranslationTable, enum, ERROR),
    D("mte_grid_render_to_fd", gboolean, Grid, enum, c_int, ERROR),
    D("mte_relatedness_render_to_fd", gboolean, Relatedness, enum, c_int, ERROR),
    D("mte_translation_table_render_to_fd", gboolean, TranslationTable, enum, c_int, ERROR),
    D("mte_saturation_render", OWNED_STR, TranslationTable, enum, ERROR),
    D("mte_check_report_render", OWNED_STR, CheckReport, enum, ERROR),
    D("mte_line_of_argument_render", OWNED_STR, LineOfArgument, enum, ERROR),
    D("mte_suggestions_render", OWNED_STR, Suggestions, enum, ERROR),
    D("mte_project_render_report", OWNED_STR, Project, enum, ERROR),
    D("mte_project_write_report", gboolean, Project, c_char_p, enum, ERROR),

    # mte-session.h
    D("mte_decision_kind_to_string", c_char_p, enum),
    D("mte_project_get_session", Session, Project),
    D("mte_project_start_session", Session, Project, enum, ERROR),
    D("mte_project_discard_session", None, Project, frees=True),
    D("mte_session_get_order", enum, Session),
    D("mte_session_set_order", None, Session, enum),
    D("mte_session_get_current_construct", Construct, Session),
    D("mte_session_get_current_study", Study, Session),
    D("mte_session_is_complete", gboolean, Session),
    D("mte_session_get_n_remaining", guint, Session),
    D("mte_session_translate", Translation,
      Session, c_char_p, c_char_p, c_char_p, ERROR),
    D("mte_session_refute", Translation,
      Session, c_char_p, c_char_p, c_char_p, ERROR),
    D("mte_session_found_concept", Concept,
      Session, c_char_p, c_char_p, c_char_p, c_char_p, ERROR),
    D("mte_session_set_aside", gboolean, Session, c_char_p, c_char_p, ERROR),
    D("mte_session_undo", gboolean, Session, ERROR, frees=True),
    D("mte_session_get_n_decisions", guint, Session),
    D("mte_session_get_decision_construct", Construct, Session, guint),
    D("mte_session_get_decision_kind", enum, Session, guint),
    D("mte_session_get_decision_concept", Concept, Session, guint),
    D("mte_session_get_decision_translation", Translation, Session, guint),
    D("mte_session_get_decision_expression_added", gboolean, Session, guint),
    D("mte_session_get_decision_rationale", c_char_p, Session, guint),
    D("mte_session_get_decision_reviewer", Member, Session, guint),
    D("mte_session_get_decision_created", c_int64, Session, guint),
    D("mte_session_set_decision_created", None, Session, guint, c_int64),

    # mte-review.h: the protocol
    D("mte_protocol_field_to_string", c_char_p, enum),
    D("mte_protocol_field_from_string", c_int, c_char_p),
    D("mte_project_get_protocol", c_char_p, Project, enum),
    D("mte_project_set_protocol", gboolean, Project, enum, c_char_p, ERROR),

    # mte-review.h: searches
    D("mte_source_kind_to_string", c_char_p, enum),
    D("mte_source_kind_from_string", c_int, c_char_p),
    D("mte_project_add_search", Search, Project, c_char_p, enum, c_char_p, ERROR),
    D("mte_project_get_n_searches", guint, Project),
    D("mte_project_get_search", Search, Project, guint),
    D("mte_project_lookup_search", Search, Project, c_char_p),
    D("mte_search_get_id", c_char_p, Search),
    D("mte_search_get_kind", enum, Search),
    D("mte_search_set_kind", None, Search, enum),
    D("mte_search_get_source", c_char_p, Search),
    D("mte_search_set_source", gboolean, Search, c_char_p, ERROR),
    D("mte_search_get_date", c_char_p, Search),
    D("mte_search_set_date", gboolean, Search, c_char_p, ERROR),
    D("mte_search_get_query", c_char_p, Search),
    D("mte_search_set_query", gboolean, Search, c_char_p, ERROR),
    D("mte_search_get_n_records", c_int64, Search),
    D("mte_search_set_n_records", None, Search, c_int64),
    D("mte_search_get_run_by", Member, Search),
    D("mte_search_set_run_by", gboolean, Search, c_char_p, ERROR),
    D("mte_search_get_notes", c_char_p, Search),
    D("mte_search_set_notes", gboolean, Search, c_char_p, ERROR),

    # mte-review.h: records and screening
    D("mte_record_field_to_string", c_char_p, enum),
    D("mte_record_field_from_string", c_int, c_char_p),
    D("mte_record_fate_to_string", c_char_p, enum),
    D("mte_record_fate_from_string", c_int, c_char_p),
    D("mte_project_add_record", Record, Project, c_char_p, ERROR),
    D("mte_project_get_n_records", guint, Project),
    D("mte_project_get_record", Record, Project, guint),
    D("mte_project_lookup_record", Record, Project, c_char_p),
    D("mte_record_get_id", c_char_p, Record),
    D("mte_record_get_field", c_char_p, Record, enum),
    D("mte_record_set_field", gboolean, Record, enum, c_char_p, ERROR),
    D("mte_record_get_authors", STRV, Record),
    D("mte_record_set_authors", gboolean, Record, STRV, ERROR),
    D("mte_record_get_year", c_int, Record),
    D("mte_record_set_year", gboolean, Record, c_int, ERROR),
    D("mte_record_get_keywords", STRV, Record),
    D("mte_record_set_keywords", gboolean, Record, STRV, ERROR),
    D("mte_record_add_search", gboolean, Record, c_char_p, ERROR),
    D("mte_record_remove_search", gboolean, Record, c_char_p),
    D("mte_record_get_n_searches", guint, Record),
    D("mte_record_get_search", Search, Record, guint),
    D("mte_record_set_fate", gboolean,
      Record, enum, c_char_p, c_char_p, c_char_p, c_int64, ERROR),
    D("mte_record_get_fate", enum, Record),
    D("mte_record_get_reason", c_char_p, Record),
    D("mte_record_get_duplicate_of", Record, Record),
    D("mte_record_get_study", Study, Record),
    D("mte_record_get_decided_by", Member, Record),
    D("mte_record_get_decided", c_int64, Record),

    # mte-review.h: a study's inclusion
    D("mte_exclusion_stage_to_string", c_char_p, enum),
    D("mte_exclusion_stage_from_string", c_int, c_char_p),
    D("mte_study_exclude", gboolean, Study, enum, c_char_p, c_char_p, c_int64, ERROR),
    D("mte_study_include", None, Study),
    D("mte_study_is_excluded", gboolean, Study),
    D("mte_study_get_exclusion_stage", enum, Study),
    D("mte_study_get_exclusion_reason", c_char_p, Study),
    D("mte_study_get_exclusion_reviewer", Member, Study),
    D("mte_study_get_exclusion_time", c_int64, Study),
    D("mte_project_get_n_included_studies", guint, Project),

    # mte-review.h: PRISMA 2020 counts
    D("mte_prisma_count_to_string", c_char_p, enum),
    D("mte_prisma_count_from_string", c_int, c_char_p),
    D("mte_project_get_stage_count", c_int64, Project, enum),
    D("mte_project_set_stage_count", None, Project, enum, c_int64),
    D("mte_project_get_n_exclusion_counts", guint, Project, enum),
    D("mte_project_get_exclusion_count", c_int64,
      Project, enum, guint, POINTER(c_char_p)),
    D("mte_project_set_exclusion_count", gboolean,
      Project, enum, c_char_p, c_int64, ERROR),
    D("mte_prisma_new", Prisma, Project),
    D("mte_prisma_free", None, Prisma),
    D("mte_prisma_get_count", c_int64, Prisma, enum),
    D("mte_prisma_is_entered", gboolean, Prisma, enum),
    D("mte_prisma_get_n_reasons", guint, Prisma, enum),
    D("mte_prisma_get_reason", c_char_p, Prisma, enum, guint, INT64_OUT),
    D("mte_prisma_get_n_sources", guint, Prisma),
    D("mte_prisma_get_source", c_char_p, Prisma, guint, ENUM_OUT, INT64_OUT),
    D("mte_prisma_get_n_disagreements", guint, Prisma),
    D("mte_prisma_get_disagreement", c_char_p, Prisma, guint, INT64_OUT, INT64_OUT),
    D("mte_prisma_render", OWNED_STR, Prisma, enum, ERROR),

    # mte-emerge.h: the eMERGe items and the team's text per item
    D("mte_emerge_item_to_string", c_char_p, enum),
    D("mte_emerge_item_from_string", c_int, c_char_p),
    D("mte_emerge_item_get_title", c_char_p, enum),
    D("mte_emerge_item_get_phase", guint, enum),
    D("mte_project_get_emerge_text", c_char_p, Project, enum),
    D("mte_project_set_emerge_text", gboolean, Project, enum, c_char_p, ERROR),

    # mte-construct.h: JBI credibility of second-order constructs
    D("mte_credibility_to_string", c_char_p, enum),
    D("mte_credibility_from_string", c_int, c_char_p),
    D("mte_construct_get_credibility", enum, Construct),
    D("mte_construct_set_credibility", gboolean, Construct, enum, ERROR),

    # mte-conqual.h: ConQual of one finding
    D("mte_conqual_new", Conqual, Project, ThirdOrder, ERROR),
    D("mte_conqual_free", None, Conqual),
    D("mte_conqual_get_third_order", ThirdOrder, Conqual),
    D("mte_conqual_is_computable", gboolean, Conqual),
    D("mte_conqual_get_dependability_downgrade", guint, Conqual),
    D("mte_conqual_get_credibility_downgrade", guint, Conqual),
    D("mte_conqual_get_score", enum, Conqual),
    D("mte_conqual_get_n_studies", guint, Conqual),
    D("mte_conqual_get_study", Study, Conqual, guint, POINTER(c_int)),
    D("mte_conqual_get_n_unappraised", guint, Conqual),
    D("mte_conqual_get_unappraised", Study, Conqual, guint),
    D("mte_conqual_get_n_constructs", guint, Conqual),
    D("mte_conqual_get_construct", Construct, Conqual, guint),
    D("mte_conqual_get_n_unassessed", guint, Conqual),
    D("mte_conqual_get_unassessed", Construct, Conqual, guint),

    # mte-references.h: references in and out
    D("mte_reference_format_to_string", c_char_p, enum),
    D("mte_reference_format_from_string", c_int, c_char_p),
    D("mte_reference_format_sniff", enum, c_char_p, c_size_t),
    D("mte_project_import_references", Import,
      Project, c_char_p, c_ssize_t, c_char_p, enum, c_char_p, enum, ERROR),
    D("mte_project_import_references_from_file", Import,
      Project, c_char_p, enum, c_char_p, enum, ERROR),
    D("mte_import_free", None, Import),
    D("mte_import_get_format", enum, Import),
    D("mte_import_get_n_read", guint, Import),
    D("mte_import_get_n_records", guint, Import),
    D("mte_import_get_record_id", c_char_p, Import, guint),
    D("mte_import_get_n_duplicates", guint, Import),
    D("mte_import_get_duplicate", c_char_p,
      Import, guint, POINTER(c_char_p), POINTER(c_char_p)),
    D("mte_import_get_n_studies", guint, Import),
    D("mte_import_get_n_problems", guint, Import),
    D("mte_import_get_problem", c_char_p, Import, guint, POINTER(gboolean)),
    D("mte_import_get_sheet", enum, Import),
    D("mte_import_get_n_updated", guint, Import),
    D("mte_import_get_n_constructs", guint, Import),
    D("mte_sheet_kind_to_string", c_char_p, enum),
    D("mte_sheet_kind_from_string", c_int, c_char_p),
    D("mte_sheet_fields", STRV, enum),
    D("mte_project_import_sheet", Import,
      Project, c_char_p, c_ssize_t, c_char_p, enum, STRV, enum, ERROR),
    D("mte_project_import_sheet_from_file", Import,
      Project, c_char_p, enum, STRV, enum, ERROR),
    D("mte_project_export_references", OWNED_STR,
      Project, enum, POINTER(c_size_t), ERROR),

    # mte-refi.h: REFI-QDA projects and codebooks
    D("mte_refi_format_to_string", c_char_p, enum),
    D("mte_refi_format_from_string", c_int, c_char_p),
    D("mte_refi_mapping_new", RefiMapping),
    D("mte_refi_mapping_free", None, RefiMapping),
    D("mte_refi_mapping_set_code", gboolean, RefiMapping, enum, c_char_p, ERROR),
    D("mte_refi_mapping_set_study_unit", None, RefiMapping, enum),
    D("mte_refi_mapping_set_match_existing", None, RefiMapping, gboolean),
    D("mte_refi_mapping_load_file", gboolean, RefiMapping, c_char_p, ERROR),
    D("mte_refi_report_free", None, RefiReport),
    D("mte_refi_report_get_n_made", guint, RefiReport),
    D("mte_refi_report_get_made", c_char_p, RefiReport, guint, POINTER(c_uint)),
    D("mte_refi_report_get_n_losses", guint, RefiReport),
    D("mte_refi_report_get_loss", c_char_p,
      RefiReport, guint, POINTER(c_char_p), POINTER(c_uint)),
    D("mte_refi_report_get_n_details", guint, RefiReport, guint),
    D("mte_refi_report_get_detail", c_char_p, RefiReport, guint, guint),
    D("mte_refi_report_to_text", OWNED_STR, RefiReport),
    D("mte_refi_report_to_json", OWNED_STR, RefiReport),
    D("mte_refi_describe", OWNED_STR, c_char_p, c_size_t, c_char_p, gboolean, ERROR),
    D("mte_project_import_refi", RefiReport,
      Project, c_char_p, c_size_t, c_char_p, enum, RefiMapping, enum, ERROR),
    D("mte_project_import_refi_from_file", RefiReport,
      Project, c_char_p, enum, RefiMapping, enum, ERROR),
    D("mte_project_export_refi", BYTES, Project, enum, POINTER(RefiReport), ERROR),
    D("mte_project_write_refi", gboolean,
      Project, c_char_p, enum, POINTER(RefiReport), ERROR),

    # mte-similarity.h: the text-similarity index
    D("mte_text_index_new", TextIndex, c_char_p, enum, ERROR),
    D("mte_text_index_free", None, TextIndex),
    D("mte_text_index_languages", STRV),
    D("mte_text_index_get_language", c_char_p, TextIndex),
    D("mte_text_index_get_weighting", enum, TextIndex),
    D("mte_text_index_set", gboolean, TextIndex, c_char_p, c_char_p, ERROR),
    # frees the document's memory; nothing the bindings hold points into it
    # (matches are copied out at once), but it frees, so it is marked.
    D("mte_text_index_remove", gboolean, TextIndex, c_char_p, frees=True),
    D("mte_text_index_contains", gboolean, TextIndex, c_char_p),
    D("mte_text_index_get_n_documents", guint, TextIndex),
    D("mte_text_index_terms", OWNED_STRV, TextIndex, c_char_p),
    D("mte_text_index_query", Matches, TextIndex, c_char_p, guint, c_char_p),
    D("mte_text_index_query_key", Matches, TextIndex, c_char_p, guint),
    D("mte_matches_free", None, Matches),
    D("mte_matches_get_n", guint, Matches),
    D("mte_matches_get_key", c_char_p, Matches, guint),
    D("mte_matches_get_score", c_double, Matches, guint),
    D("mte_matches_get_shared", STRV, Matches, guint),
)

#: Exported functions the bindings deliberately do not call, with the reason.
UNWRAPPED: dict[str, str] = {
    "mte_refi_mapping_get_code":
        "the bindings build a REFI-QDA mapping from keyword arguments for one call and never read it back",
    "mte_refi_mapping_get_study_unit":
        "the bindings build a REFI-QDA mapping from keyword arguments for one call and never read it back",
    "mte_refi_mapping_get_match_existing":
        "the bindings build a REFI-QDA mapping from keyword arguments for one call and never read it back",
    "mte_framework_get_levels_of":
        "the 0.1 name of a function renamed in 0.2; the bindings call the new name",
    "mte_line_of_argument_get_levels":
        "the 0.1 name of a function renamed in 0.2; the bindings call the new name",
    "mte_project_get_dependents":
        "the 0.1 name of a function renamed in 0.2; the bindings call the new name",
    "mte_project_get_study_order":
        "the 0.1 name of a function renamed in 0.2; the bindings call the new name",
    "mte_entity_get_project":
        "every Python entity already holds its Project; asking C would only "
        "return the pointer the entity was resolved through",
    "mte_grid_get_project":
        "every Python result already holds its Project (result.project)",
    "mte_relatedness_get_project":
        "every Python result already holds its Project (result.project)",
    "mte_translation_table_get_project":
        "every Python result already holds its Project (result.project)",
    "mte_line_of_argument_get_project":
        "every Python result already holds its Project (result.project)",
    "mte_suggestions_get_project":
        "every Python result already holds its Project (result.project)",
    "mte_project_file_get_path":
        "ProjectFile keeps the path object it was opened with (str, bytes or "
        "os.PathLike), which the C copy, bytes only, would lose",
}
