/* metaethno: the names of the project file format (mte-names-private.h).
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "mte-names-private.h"

#define MTE_IO_NAME(suffix, name) name,

const char * const mte_io_element_names[MTE_EL_N] = {
  NULL,
  MTE_IO_ELEMENTS (MTE_IO_NAME)
};

const char * const mte_io_attribute_names[MTE_AT_N] = {
  MTE_IO_ATTRIBUTES (MTE_IO_NAME)
};

const MteIoElement mte_io_study_fields[MTE_STUDY_N_FIELDS] = {
  MTE_EL_TITLE, MTE_EL_SOURCE, MTE_EL_VOLUME, MTE_EL_ISSUE, MTE_EL_PAGES,
  MTE_EL_DOI, MTE_EL_URL, MTE_EL_COUNTRY, MTE_EL_SETTING,
  MTE_EL_PARTICIPANTS, MTE_EL_CONDITION, MTE_EL_DATA_COLLECTION,
  MTE_EL_ANALYSIS, MTE_EL_NOTES,
};

const MteIoElement mte_io_record_fields[MTE_RECORD_N_FIELDS] = {
  MTE_EL_TITLE, MTE_EL_SOURCE, MTE_EL_VOLUME, MTE_EL_ISSUE, MTE_EL_PAGES,
  MTE_EL_DOI, MTE_EL_URL, MTE_EL_ABSTRACT, MTE_EL_DATABASE, MTE_EL_NOTES,
};

const MteIoElement mte_io_protocol_fields[MTE_PROTOCOL_N_FIELDS] = {
  MTE_EL_RATIONALE, MTE_EL_INCLUSION, MTE_EL_EXCLUSION,
  MTE_EL_SEARCH_STRATEGY, MTE_EL_REGISTRATION,
};
