/* metaethno command: declarations shared by the subcommands.
 *
 * The command is a thin consumer of the public API: it includes
 * <metaethno/metaethno.h> and nothing from lib/.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#ifndef MTE_CLI_H
#define MTE_CLI_H

#include <stdio.h>

#include <glib.h>
#include <json-glib/json-glib.h>
#include <metaethno/metaethno.h>

G_BEGIN_DECLS

/* Exit statuses, the same for every subcommand. */
#define MTE_CLI_EXIT_OK      0 /* success */
#define MTE_CLI_EXIT_INVALID 1 /* invalid input, failed check, I/O error */
#define MTE_CLI_EXIT_USAGE   2 /* unknown subcommand or option, bad arguments */
#define MTE_CLI_EXIT_NOT_DURABLE 3 /* saved, but the folder sync failed */

/* The name used for standard input and output on the command line. */
#define MTE_CLI_STDIO "-"
/* The name standard input gets in error messages. */
#define MTE_CLI_STDIN_NAME "<stdin>"

/**
 * MteCliCommand:
 * @name: the subcommand as typed
 * @summary: one line for the command list of `metaethno --help`
 * @run: runs the subcommand; argv[0] is the subcommand's name and the
 *   return value is the exit status
 */
typedef struct {
  const char *name;
  const char *summary;
  int (*run) (int argc, char **argv);
} MteCliCommand;

int mte_cli_validate (int argc, char **argv);
int mte_cli_info (int argc, char **argv);
int mte_cli_convert (int argc, char **argv);
int mte_cli_import (int argc, char **argv);
int mte_cli_export (int argc, char **argv);
int mte_cli_report (int argc, char **argv);
int mte_cli_grid (int argc, char **argv);
int mte_cli_relate (int argc, char **argv);
int mte_cli_translate (int argc, char **argv);
int mte_cli_saturation (int argc, char **argv);
int mte_cli_check (int argc, char **argv);
int mte_cli_synthesize (int argc, char **argv);
int mte_cli_suggest (int argc, char **argv);

/* Authoring (cmd-new.c, cmd-author.c, cmd-review.c). */
int mte_cli_new (int argc, char **argv);
int mte_cli_list_templates (int argc, char **argv);
int mte_cli_add (int argc, char **argv);
int mte_cli_change (int argc, char **argv);
int mte_cli_remove (int argc, char **argv);
int mte_cli_list (int argc, char **argv);
int mte_cli_show (int argc, char **argv);
int mte_cli_classify (int argc, char **argv);
int mte_cli_unclassify (int argc, char **argv);
int mte_cli_appraise (int argc, char **argv);
int mte_cli_cerqual (int argc, char **argv);
int mte_cli_protocol (int argc, char **argv);
int mte_cli_emerge (int argc, char **argv);
int mte_cli_screen (int argc, char **argv);
int mte_cli_exclude (int argc, char **argv);
int mte_cli_include (int argc, char **argv);
int mte_cli_prisma (int argc, char **argv);

/* Project templates, bundled at build time from the XML files in templates/ by
 * templates/embed-templates.py: data, not code. */
typedef struct {
  const char *name;   /* the file's name without ".xml" */
  const char *data;   /* a project file, NUL-terminated */
  gsize       length;
} MteCliTemplate;

extern const MteCliTemplate mte_cli_templates[];
extern const guint mte_cli_n_templates;

/* Report subcommands (mte-cli-report.c, cmd-reports.c). */
typedef enum {
  MTE_CLI_REPORT_ORDER = 1 << 0,       /* --order */
  MTE_CLI_REPORT_THRESHOLD = 1 << 1,   /* --threshold */
  MTE_CLI_REPORT_MIN_STUDIES = 1 << 2  /* --min-studies */
} MteCliReportFlags;

typedef struct {
  MteStudyOrder   order;
  double          threshold;
  guint           min_studies;
  MteReportFormat format;
} MteCliReportOptions;

typedef struct {
  const char *name;
  const char *parameter_string;
  const char *summary;
  const char *description;
  guint       flags;            /* MteCliReportFlags */
  guint       formats;          /* 1 << MteReportFormat for each allowed */
  double      default_threshold;
  /* Returns the report, or NULL with @error set; may set *status. */
  char     *(*render) (MteProject *project, const MteCliReportOptions *options,
                       int *status, GError **error);
  /* When set, used instead of render: writes the report to @fd as it is
   * made (the big tables), FALSE with @error set on failure. */
  gboolean  (*write) (MteProject *project, const MteCliReportOptions *options,
                      int fd, GError **error);
} MteCliReport;

int mte_cli_run_report (const MteCliReport *report, int argc, char **argv);

/* Every subcommand, in the order `metaethno --help` lists them. */
extern const MteCliCommand mte_cli_commands[];
extern const guint mte_cli_n_commands;

/* The program's name in messages ("metaethno"). */
extern const char *mte_cli_program;

GOptionContext *mte_cli_option_context_new (const char         *command,
                                            const char         *parameter_string,
                                            const char         *summary,
                                            const char         *description,
                                            const GOptionEntry *entries,
                                            gboolean           *help);

gboolean mte_cli_parse (GOptionContext *context,
                        const char     *command,
                        int            *argc,
                        char         ***argv,
                        const gboolean *help,
                        int            *status);

int mte_cli_usage_error (const char *command,
                         const char *format,
                         ...) G_GNUC_PRINTF (2, 3);

void mte_cli_print_error (const char   *input,
                          const GError *error);

MteProject *mte_cli_load (const char  *input,
                          GError     **error);

MteProjectFile *mte_cli_open_for_change (const char  *input,
                                         GError     **error);

int mte_cli_save (MteProjectFile *file);

char *mte_cli_display_path (const char *path);

/* Set once a write error on standard output has been reported, so that it
 * is not reported a second time at exit. */
extern gboolean mte_cli_stdout_failed;

gboolean mte_cli_write_stdout (const char  *data,
                               gsize        length,
                               GError     **error);

/* Writes a report to OUTPUT (-o): standard output for NULL or "-", else
 * the file, replaced atomically; returns the exit status. */
int mte_cli_write_output (const char *output, const char *data, gsize length);
/* The same for output made by @write on a file descriptor (a report
 * rendered with mte_*_render_to_fd()): standard output, or a temporary
 * file renamed over @output when @write succeeds. */
typedef gboolean (*MteCliWriteFd) (int fd, gpointer data, GError **error);
int mte_cli_stream_output (const char *output, MteCliWriteFd write, gpointer data);

/* The -o/--output option of every command that prints a report. */
#define MTE_CLI_OUTPUT_ENTRY(variable) \
  { "output", 'o', G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, (variable), \
    "Write to OUT instead of standard output (replaced atomically)", "OUT" }

char *mte_cli_one_line (const char *text);

char *mte_cli_format_time (gint64 seconds);

/* Text layout (mte-cli-common.c): display widths count wide characters
 * twice and combining marks not at all. */
#define MTE_CLI_WRAP_WIDTH   78
#define MTE_CLI_NOT_RECORDED "(not recorded)"

gsize mte_cli_display_width (const char *text);
char *mte_cli_fit (const char *text, gsize max_width);
void mte_cli_append_padded (GString *out, const char *text, gsize width);
void mte_cli_append_field (GString *out, gsize margin, const char *label,
                           const char *value, gsize label_width);

/* JSON output (mte-cli-common.c). */
void mte_cli_json_add_string (JsonBuilder *builder, const char *key, const char *value);
void mte_cli_json_add_count (JsonBuilder *builder, const char *key, guint value);
char *mte_cli_json_finish (JsonBuilder *builder);

/* The translation session (cmd-translate.c), for `info` too: one line
 * of text (none without a session), and a "session" member (null
 * without one). */
void mte_cli_append_session_summary (GString *out, const MteProject *project,
                                     gsize label_width);
void mte_cli_json_add_session (JsonBuilder *builder, const MteProject *project);

/* Entities named on the command line, and the locked load-change-save
 * every authoring command runs (mte-cli-author.c). */

/* Errors the command itself raises (not the library). */
#define MTE_CLI_ERROR (mte_cli_error_quark ())
GQuark mte_cli_error_quark (void);
typedef enum {
  MTE_CLI_ERROR_REFUSED, /* unknown or ambiguous entity, invalid value: exit 1 */
  MTE_CLI_ERROR_USAGE    /* an option that does not fit the entity: exit 2 */
} MteCliError;

/* What a name on the command line may name: the entity kinds, with
 * constructs split by order as reviewers speak of them. */
typedef enum {
  MTE_CLI_KIND_MEMBER = 0,
  MTE_CLI_KIND_CHECKLIST,
  MTE_CLI_KIND_SEARCH,
  MTE_CLI_KIND_RECORD,
  MTE_CLI_KIND_STUDY,
  MTE_CLI_KIND_QUOTE,       /* first-order construct */
  MTE_CLI_KIND_THEME,       /* second-order construct */
  MTE_CLI_KIND_CONCEPT,
  MTE_CLI_KIND_TRANSLATION,
  MTE_CLI_KIND_FINDING,     /* third-order construct */
  MTE_CLI_KIND_LINK,        /* argument link */
  MTE_CLI_KIND_FRAMEWORK,
  MTE_CLI_KIND_MEMO,
  MTE_CLI_N_KINDS
} MteCliKind;

#define MTE_CLI_KINDS(k) (1u << (k))
#define MTE_CLI_ANY_KIND ((1u << MTE_CLI_N_KINDS) - 1)

const char *mte_cli_kind_to_string (MteCliKind kind);
int mte_cli_kind_from_string (const char *name);
MteCliKind mte_cli_kind_of (const MteEntity *entity);
const char *mte_cli_entity_label (const MteEntity *entity);
char *mte_cli_entity_describe (const MteEntity *entity);

GPtrArray *mte_cli_collect (const MteProject *project, guint kinds);

MteEntity *mte_cli_resolve (const MteProject *project,
                            const char       *file,
                            const char       *name,
                            guint             kinds,
                            GError          **error);

/* A change: returns the one line saying what it did, or NULL with @error
 * set and nothing changed that will be saved. */
typedef char *(*MteCliChangeFunc) (MteProject  *project,
                                   const char  *file,
                                   gpointer     data,
                                   GError     **error);

int mte_cli_run_change (const char       *command,
                        const char       *path,
                        MteCliChangeFunc  change,
                        gpointer          data);

void mte_cli_print_load_warnings (const MteProject *project);

gboolean mte_cli_parse_time (const char  *text,
                             gint64      *seconds,
                             GError     **error);

G_END_DECLS

#endif /* MTE_CLI_H */
