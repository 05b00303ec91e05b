/* mte-refi-private.h: REFI-QDA (.qdpx, .qde, .qdc) inside the library.
 *
 * Three layers, each in its own file:
 *  - mte-refi-read.c parses a .qde or .qdc document, tolerantly, into the
 *    plain structures below (a faithful picture of the file: nothing of
 *    metaethno's model), and resolves selections against source texts;
 *  - mte-refi-import.c maps that picture onto a project through a mapping
 *    and writes the data-loss report;
 *  - mte-refi-write.c writes a project as a strict REFI-QDA 1.5 project
 *    (and codebook) under the metaethno convention of docs/refi.md.
 * The archive itself (.qdpx is a zip) is mte-zip-private.h's business.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#ifndef MTE_REFI_PRIVATE_H
#define MTE_REFI_PRIVATE_H

#include <glib.h>

#include <metaethno/metaethno.h>

G_BEGIN_DECLS

/* Bounds on what a REFI document may hold (documented in docs/refi.md). */
#define MTE_REFI_MAX_XML_BYTES   (256u * 1024u * 1024u)  /* the .qde/.qdc */
#define MTE_REFI_MAX_DEPTH       256u    /* element nesting */
#define MTE_REFI_MAX_CODE_DEPTH  64u     /* codes nested in codes */
#define MTE_REFI_MAX_ELEMENTS    2000000u

typedef enum {
  MTE_REFI_DOC_PROJECT,         /* <Project> of urn:QDA-XML:project:1.0 */
  MTE_REFI_DOC_CODEBOOK         /* <CodeBook> of urn:QDA-XML:codebook:1.0 or :0:4 */
} MteRefiDocKind;

typedef enum {
  MTE_REFI_SOURCE_TEXT,
  MTE_REFI_SOURCE_PDF,
  MTE_REFI_SOURCE_PICTURE,
  MTE_REFI_SOURCE_AUDIO,
  MTE_REFI_SOURCE_VIDEO
} MteRefiSourceKind;

typedef struct _MteRefiCode MteRefiCode;

/* Every structure below records the line of its element in the XML
 * (1-based; 0 when unknown) so that reports can say FILE:LINE.
 *
 * The reader keeps what it can use: an object whose required attribute
 * is missing is kept with the field NULL (a notice says so) unless the
 * object is then of no use, when it is left out (with a notice): a user
 * or variable without a guid (only ever named by it), a selection without
 * readable positions, a coding, value or reference that names no target,
 * a link or edge without both ends. So a guid is NULL only where a
 * comment says it may be. Every GPtrArray is there, perhaps empty. */

typedef struct {
  char *guid;                   /* never NULL */
  char *name;                   /* may be NULL */
  guint line;
} MteRefiUser;

struct _MteRefiCode {
  char *guid;                   /* may be NULL (noticed): then no lookup finds it */
  char *name;                   /* "" when the file has none */
  char *description;            /* <Description>, or the non-standard
                                 * description attribute; NULL when absent */
  char *color;                  /* "#RRGGBB" as written, or NULL */
  gboolean codable;             /* isCodable; TRUE when absent or unreadable */
  MteRefiCode *parent;          /* NULL at the root */
  GPtrArray *children;          /* MteRefiCode*, owned, in file order */
  GPtrArray *note_refs;         /* char* (note GUIDs): memos on the code */
  guint line;
};

typedef struct {
  char *guid;                   /* may be NULL (tolerated) */
  char *code_guid;              /* the CodeRef's targetGUID */
  char *creator_guid;           /* NULL when absent */
  gint64 created;               /* Unix seconds; 0 when absent */
  guint line;
} MteRefiCoding;

/* A <PlainTextSelection> of a text source, or of a PDF source's text
 * representation. Positions are as written in the file (see
 * mte_refi_source_text_normalise() for what they count); start may
 * exceed end (noticed), which mte_refi_source_select() refuses. */
typedef struct {
  char *guid;                   /* may be NULL (noticed) */
  char *name;                   /* may be NULL */
  char *description;            /* <Description>, NULL when absent */
  guint64 start;
  guint64 end;
  char *creator_guid;
  gint64 created;
  GPtrArray *codings;           /* MteRefiCoding*, owned */
  GPtrArray *note_refs;         /* char* (note GUIDs), owned */
  guint line;
} MteRefiSelection;

typedef struct {
  char *variable_guid;          /* the <VariableRef> targetGUID */
  char *value;                  /* whichever typed value was given, as text
                                 * (a <TextValue> as written, the others
                                 * trimmed); NULL when none was */
  guint line;
} MteRefiVariableValue;

typedef struct {
  char *guid;                   /* may be NULL (noticed) */
  char *name;                   /* may be NULL */
  MteRefiSourceKind kind;
  char *path;                   /* plainTextPath (text) or path (others): as written */
  char *rich_text_path;         /* richTextPath, or NULL */
  char *representation_path;    /* a PDF's <Representation plainTextPath>, or NULL */
  char *inline_text;            /* <PlainTextContent> (of a PDF: its
                                 * representation's), or NULL */
  char *description;
  char *creator_guid;
  gint64 created;
  GPtrArray *selections;        /* MteRefiSelection*, owned: text selections of
                                 * the source or of its representation */
  guint n_other_selections;     /* PDF, picture, audio, video, transcript
                                 * selections (and the text selections of a
                                 * PDF's second representation): counted,
                                 * never carried, their codings with them */
  guint n_transcripts;          /* an audio or video source's <Transcript>s:
                                 * counted, never carried */
  GPtrArray *codings;           /* codings of the whole source (of a PDF:
                                 * also those of its representation) */
  GPtrArray *variable_values;   /* MteRefiVariableValue*, owned */
  GPtrArray *note_refs;         /* char* */
  guint line;
} MteRefiSource;

typedef struct {
  char *guid;                   /* never NULL */
  char *name;                   /* may be NULL (noticed) */
  char *type;                   /* typeOfVariable as written; may be NULL */
  char *description;
  guint line;
} MteRefiVariable;

typedef struct {
  char *guid;                   /* may be NULL (noticed) */
  char *name;
  char *description;
  GPtrArray *source_guids;      /* <SourceRef> targetGUIDs: char* */
  GPtrArray *code_guids;        /* <CodeRef> targetGUIDs */
  GPtrArray *variable_values;   /* MteRefiVariableValue* */
  guint line;
} MteRefiCase;

typedef struct {
  char *guid;                   /* may be NULL (noticed) */
  char *name;
  char *text;                   /* <PlainTextContent>, or NULL */
  char *path;                   /* plainTextPath (the text in a file), or NULL */
  char *description;            /* <Description>, or NULL */
  char *creator_guid;
  gint64 created;
  GPtrArray *note_refs;
  guint line;
} MteRefiNote;

typedef struct {
  char *guid;                   /* may be NULL (noticed) */
  char *name;
  char *description;            /* <Description>, or the non-standard
                                 * description attribute */
  GPtrArray *code_guids;        /* <MemberCode> (targetGUID, or in a
                                 * codebook guid) */
  GPtrArray *source_guids;      /* <MemberSource> */
  GPtrArray *note_guids;        /* <MemberNote> */
  guint line;
} MteRefiSet;

typedef struct {
  char *guid;                   /* may be NULL (noticed) */
  char *name;
  char *represented_guid;       /* representedGUID, or NULL */
  guint line;
} MteRefiVertex;

typedef struct {
  char *guid;                   /* may be NULL (noticed) */
  char *name;
  char *source_vertex;          /* sourceVertex GUID */
  char *target_vertex;
  char *direction;              /* "Associative", "OneWay", "Bidirectional", or NULL */
  guint line;
} MteRefiEdge;

typedef struct {
  char *guid;                   /* may be NULL (noticed) */
  char *name;
  GPtrArray *vertices;          /* MteRefiVertex* */
  GPtrArray *edges;             /* MteRefiEdge* */
  guint line;
} MteRefiGraph;

typedef struct {
  char *guid;                   /* may be NULL (noticed) */
  char *name;
  char *origin_guid;            /* never NULL */
  char *target_guid;            /* never NULL */
  char *direction;
  guint line;
} MteRefiLink;

/* One tolerated deviation from the standard, kept for the loss report
 * ("line 12: <Sets> is empty, which the schema forbids"). At most 1000
 * are kept; a last one (line 0) then says how many more there were. The
 * message is one line; values from the file in it are escaped and cut. */
typedef struct {
  guint line;                   /* 0 when the notice is about no element */
  char *message;
} MteRefiNotice;

typedef struct {
  MteRefiDocKind kind;
  char *name;                   /* the Project's name attribute, or NULL */
  char *origin;                 /* origin attribute, or NULL */
  char *namespace_uri;          /* the root's namespace as found, or NULL */
  char *description;            /* the Project's <Description>, or NULL */
  GPtrArray *note_refs;         /* char*: the Project's <NoteRef>s (notes on
                                 * the project as a whole) */
  GPtrArray *users;             /* MteRefiUser* */
  GPtrArray *codes;             /* root MteRefiCode*, owned (children own the rest) */
  GHashTable *codes_by_guid;    /* char* (lower-case GUID, braces removed) ->
                                 * MteRefiCode*, borrowed; codes without a
                                 * GUID are not in it */
  GPtrArray *variables;         /* MteRefiVariable* */
  GPtrArray *cases;             /* MteRefiCase* */
  GPtrArray *sources;           /* MteRefiSource* */
  GPtrArray *notes;             /* MteRefiNote* */
  GPtrArray *sets;              /* MteRefiSet* */
  GPtrArray *graphs;            /* MteRefiGraph* */
  GPtrArray *links;             /* MteRefiLink* */
  GPtrArray *notices;           /* MteRefiNotice* */
  GHashTable *unknown_elements; /* element local name -> GUINT_TO_POINTER (count):
                                 * elements the reader does not model, whether
                                 * the schema has them there (<SelectionRef>,
                                 * <TextDescription>, a <Coding>'s <NoteRef>)
                                 * or not (a vendor's own elements);
                                 * counted where the skipping starts, their
                                 * contents with them. Selections counted in
                                 * n_other_selections, and transcripts, are
                                 * not counted here too. */
  GHashTable *unknown_attributes; /* "Element@attribute" -> GUINT_TO_POINTER
                                 * (count): attributes of no namespace the
                                 * schema does not give that element (except
                                 * "description", read and noticed) */
} MteRefiDoc;

/* mte_refi_doc_parse:
 * @data, @length: the XML of a .qde or .qdc (a byte-order mark allowed)
 * @name: the file name for messages
 * @error: MTE_FORMAT_ERROR with NAME:LINE:COLUMN: not well-formed, empty,
 *   or a root that is not <Project> or <CodeBook> in one of REFI's
 *   namespaces or none (MALFORMED); a DOCTYPE, hence any DTD or entity
 *   (FORBIDDEN); too deep or too large (TOO_LARGE).
 *
 * Tolerant: unknown attributes and elements are counted, not refused;
 * the older codebook namespace (urn:QDA-XML:codebook:0:4), no namespace,
 * and what the XSD forbids (empty <Sets/>, "description" attributes, a
 * missing required attribute, a date that is not xsd:dateTime, which
 * reads as 0) are read, each noted in ->notices. GUIDs are compared
 * case-insensitively (braces ignored). The bounds above give
 * MTE_FORMAT_ERROR_TOO_LARGE: bytes at 1:1, nesting and element count
 * where the parse passed them, code depth at the deepest code's line.
 * Never touches the network or the file system.
 *
 * Returns: (transfer full): the document, or NULL with @error set. */
MteRefiDoc *mte_refi_doc_parse (const char *data,
                                gsize       length,
                                const char *name,
                                GError    **error);

void mte_refi_doc_free (MteRefiDoc *doc);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MteRefiDoc, mte_refi_doc_free)

/* The code with @guid (any case, with or without braces), or NULL;
 * borrowed from @doc. With two codes of one GUID, the first. */
MteRefiCode *mte_refi_doc_lookup_code (const MteRefiDoc *doc,
                                       const char       *guid);

/* The code's path from the root, names joined by "/" (newly allocated;
 * a "/" inside a name is not escaped). */
char *mte_refi_code_dup_path (const MteRefiCode *code);

/* mte_refi_source_text_normalise:
 * @data, @length: the bytes of a source's plain-text file (or inline
 *   <PlainTextContent>)
 * @error: MTE_FORMAT_ERROR_MALFORMED when the text is not UTF-8 or holds
 *   a NUL byte ("the text is not UTF-8 at line L, column C")
 *
 * The text a selection's positions count in, by the rule of docs/refi.md
 * ("Selection positions"): startPosition and endPosition count UTF-16
 * code units (a character outside the Basic Multilingual Plane, such as
 * an emoji, counts two) of the text as stored, after a leading byte-order
 * mark, which counts nothing; line ends count as written, so CR LF counts
 * two. Hence this drops a leading UTF-8 byte-order mark and leaves every
 * other character, CRs included, as it is. (A text with a UTF-16
 * byte-order mark is converted to UTF-8: the units it counts are the
 * same.) Verified on the NVivo for Windows (BOM, CR LF) and NVivo for
 * Mac (LF) exports of one project: see docs/refi.md.
 *
 * Returns: (transfer full): the UTF-8 text, or NULL with @error set. */
char *mte_refi_source_text_normalise (const char *data,
                                      gsize       length,
                                      GError    **error);

/* mte_refi_source_select:
 * @text: a text from mte_refi_source_text_normalise()
 * @start, @end: a selection's positions (UTF-16 code units, see above)
 * @out: (out) (transfer full): the selected text, its line ends read as
 *   LF (CR LF and a lone CR; a CR whose LF is just past @end is left
 *   out), so that the CR LF and LF twins of a text give the same words
 *
 * Returns: FALSE (and *out NULL) when the positions are reversed, fall
 *   outside @text, or split a character (between the two UTF-16 units
 *   of one outside the Basic Multilingual Plane). */
gboolean mte_refi_source_select (const char *text,
                                 guint64     start,
                                 guint64     end,
                                 char      **out);

/* The byte offset in @text of the UTF-16 position @position (the rule
 * above). Returns: FALSE when @position is past the end of @text or
 * between the two units of one character. */
gboolean mte_refi_source_offset (const char *text,
                                 guint64     position,
                                 gsize      *offset);

/* The UTF-16 code units of the first @length bytes of the UTF-8 @text
 * (which must not end inside a character): a position under the rule
 * above, as the exporter writes it. */
guint64 mte_refi_utf16_length (const char *text,
                               gsize       length);

/* The part of a source path the archive holds: "internal://X.txt" gives
 * "X.txt" (looked up under sources/ or Sources/); "relative://a/b" gives
 * "a/b" ("relative:///X.mp4", as ATLAS.ti writes it, gives "X.mp4");
 * absolute:// and anything else give NULL (never read). So does a name
 * that could leave the folder it is looked up in or that no archive entry
 * has: an empty, "." or ".." part, a backslash, a control character.
 * Returns: (transfer full) (nullable): the name. */
char *mte_refi_path_to_archive_name (const char *path);


/* ------------------------------------------------------------------ */
/* The data-loss report (public as MteRefiReport, see mte-refi.h)      */
/* ------------------------------------------------------------------ */

typedef struct _MteRefiReport MteRefiReport;

/* An empty report. */
MteRefiReport *mte_refi_report_new (void);

/* mte_refi_loss:
 * @report: a report
 * @what: the kind of thing not carried, a short plural noun phrase that
 *   also keys the entry: "PDF selections", "translations", "sets"
 * @why: why, one sentence without a final full stop; the first call for a
 *   @what sets it
 * @detail_format: (nullable): printf format of one item ("line 12:
 *   selection \"x\" of source \"Interview 3\""), or NULL to count only
 *
 * Counts one element not carried. Entries keep the order of their first
 * call. */
void mte_refi_loss (MteRefiReport *report,
                    const char    *what,
                    const char    *why,
                    const char    *detail_format,
                    ...) G_GNUC_PRINTF (4, 5);

/* As mte_refi_loss() for @n elements at once, with one detail for them
 * all (@detail_format may be NULL). Nothing when @n is 0. */
void mte_refi_loss_n (MteRefiReport *report,
                      const char    *what,
                      const char    *why,
                      guint          n,
                      const char    *detail_format,
                      ...) G_GNUC_PRINTF (5, 6);

/* Adds @n to the entry's count without details. */
void mte_refi_loss_count (MteRefiReport *report,
                          const char    *what,
                          const char    *why,
                          guint          n);

/* What was carried ("studies", "quotes", ...), counted for the summary
 * line: "made 12 studies, 240 quotes, ...". */
void mte_refi_made (MteRefiReport *report,
                    const char    *what,
                    guint          n);

/* ------------------------------------------------------------------ */
/* Export (mte-refi-write.c)                                           */
/* ------------------------------------------------------------------ */


typedef struct {
  char *name;                   /* archive path, e.g. "sources/<guid>.txt" */
  GBytes *data;
} MteRefiPart;

void mte_refi_part_free (MteRefiPart *part);

/* mte_refi_write_project:
 * @project: a project
 * @parts: (out) (transfer full): a new array of MteRefiPart*: first
 *   "project.qde", then one text per study under "sources/", in study
 *   order; freed with g_ptr_array_unref()
 * @report: (nullable): what the project holds that REFI cannot carry is
 *   added to it
 * @error: MTE_MODEL_ERROR or G_IO_ERROR on failure
 *
 * The project as REFI-QDA 1.5 under the metaethno convention of
 * docs/refi.md; the same project gives the same bytes. */
gboolean mte_refi_write_project (const MteProject *project,
                                 GPtrArray       **parts,
                                 MteRefiReport    *report,
                                 GError          **error);

/* mte_refi_write_codebook:
 * Returns: (transfer full): a .qdc (Codebook.xsd) of the four convention
 *   codes with the key concepts and third-order constructs under theirs;
 *   NULL with @error set on failure. */
char *mte_refi_write_codebook (const MteProject *project,
                               MteRefiReport    *report,
                               GError          **error);

/* The GUID of the metaethno convention for an object: UUIDv5 of
 * "@kind:@id" ("study:s1") in metaethno's namespace, lower-case. Also
 * used by the import to recognise the convention's codes. */
char *mte_refi_guid (const char *kind,
                     const char *id);

G_END_DECLS

#endif /* MTE_REFI_PRIVATE_H */
