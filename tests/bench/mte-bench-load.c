/* mte-bench-load: how loading and saving compare with libxml2 alone.
 *
 * For one project file, in one run: libxml2 parsing the same bytes into a
 * DOM and with an empty SAX handler (the baselines), then
 * mte_project_load_from_file(), mte_project_to_data() and
 * mte_project_save_to_file(). Each is repeated and the median reported,
 * with the ratios the acceptance targets are stated in (docs/performance.md)
 * and the peak memory of each step, measured in a process of its own, relative to
 * the file's size. Nothing here fails on a timing: the figures are printed
 * for people to read.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#define _GNU_SOURCE
#include "bench-gen.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlversion.h>

typedef struct {
  const char *path;             /* the project file */
  char       *save_path;        /* where saves go (same folder as a tmp file) */
  int         xml_options;
  guint       repeat;
  gint64      size;
  MteProject *project;          /* loaded once for to_data and save */
} Bench;

typedef gboolean (*BenchOp) (Bench *bench, GError **error);

static double
clock_seconds (clockid_t clock)
{
  struct timespec ts;

  clock_gettime (clock, &ts);
  return (double) ts.tv_sec + (double) ts.tv_nsec / 1e9;
}

static double
now_seconds (void)
{
  return clock_seconds (CLOCK_MONOTONIC);
}

/* CPU time of this process (user and system): less disturbed than wall
 * time when other work shares the machine. */
static double
cpu_seconds (void)
{
  return clock_seconds (CLOCK_PROCESS_CPUTIME_ID);
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

  g_array_sort (samples, compare_doubles);
  if (n == 0)
    return 0.0;
  if (n % 2 == 1)
    return g_array_index (samples, double, n / 2);
  return (g_array_index (samples, double, n / 2 - 1) + g_array_index (samples, double, n / 2)) / 2;
}

/* ------------------------------------------------------------------ */
/* The operations                                                     */
/* ------------------------------------------------------------------ */

static gboolean
set_xml_error (xmlParserCtxtPtr   ctxt,
               const char        *path,
               GError           **error)
{
  const xmlError *e = ctxt ? xmlCtxtGetLastError (ctxt) : NULL;

  g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED, "%s:%d: libxml2: %s", path,
               e ? e->line : 0, e && e->message ? g_strchomp (e->message) : "parse failed");
  return FALSE;
}

static gboolean
op_nothing (Bench   *bench,
            GError **error)
{
  return TRUE;
}

static gboolean
op_dom_file (Bench   *bench,
             GError **error)
{
  xmlParserCtxtPtr ctxt = xmlNewParserCtxt ();
  xmlDocPtr doc = xmlCtxtReadFile (ctxt, bench->path, NULL, bench->xml_options);
  gboolean ok = doc != NULL || set_xml_error (ctxt, bench->path, error);

  xmlFreeDoc (doc);
  xmlFreeParserCtxt (ctxt);
  return ok;
}

static gboolean
op_dom_memory (Bench   *bench,
               GError **error)
{
  g_autofree char *data = NULL;
  gsize length;
  xmlParserCtxtPtr ctxt;
  xmlDocPtr doc;
  gboolean ok;

  if (!g_file_get_contents (bench->path, &data, &length, error))
    return FALSE;
  ctxt = xmlNewParserCtxt ();
  doc = xmlCtxtReadMemory (ctxt, data, (int) length, bench->path, NULL, bench->xml_options);
  ok = doc != NULL || set_xml_error (ctxt, bench->path, error);
  xmlFreeDoc (doc);
  xmlFreeParserCtxt (ctxt);
  return ok;
}

static void
sax_start (void           *ctx,
           const xmlChar  *localname,
           const xmlChar  *prefix,
           const xmlChar  *uri,
           int             nb_namespaces,
           const xmlChar **namespaces,
           int             nb_attributes,
           int             nb_defaulted,
           const xmlChar **attributes)
{
}

static void
sax_end (void          *ctx,
         const xmlChar *localname,
         const xmlChar *prefix,
         const xmlChar *uri)
{
}

static void
sax_characters (void          *ctx,
                const xmlChar *ch,
                int            len)
{
}

static gboolean
op_sax_file (Bench   *bench,
             GError **error)
{
  xmlSAXHandler handler;
  xmlParserCtxtPtr ctxt;
  gboolean ok;

  memset (&handler, 0, sizeof handler);
  handler.initialized = XML_SAX2_MAGIC;
  handler.startElementNs = sax_start;
  handler.endElementNs = sax_end;
  handler.characters = sax_characters;

  ctxt = xmlCreateFileParserCtxt (bench->path);
  if (ctxt == NULL)
    return set_xml_error (NULL, bench->path, error);
  memcpy (ctxt->sax, &handler, sizeof handler);
  xmlCtxtUseOptions (ctxt, bench->xml_options);
  xmlParseDocument (ctxt);
  ok = ctxt->wellFormed || set_xml_error (ctxt, bench->path, error);
  xmlFreeParserCtxt (ctxt);
  return ok;
}

static gboolean
op_load_file (Bench   *bench,
              GError **error)
{
  MteProject *project = mte_project_load_from_file (bench->path, MTE_LOAD_FLAGS_NONE, error);

  mte_project_free (project);
  return project != NULL;
}

static gboolean
op_keep_loaded (Bench   *bench,
                GError **error)
{
  g_clear_pointer (&bench->project, mte_project_free);
  bench->project = mte_project_load_from_file (bench->path, MTE_LOAD_FLAGS_NONE, error);
  return bench->project != NULL;
}

static gboolean
op_to_data (Bench   *bench,
            GError **error)
{
  g_autofree char *data = mte_project_to_data (bench->project, NULL, MTE_SAVE_FLAGS_NONE, error);

  return data != NULL;
}

static gboolean
op_save (Bench   *bench,
         GError **error)
{
  return mte_project_save_to_file (bench->project, bench->save_path, MTE_SAVE_NO_FSYNC, error);
}

static gboolean
op_save_fsync (Bench   *bench,
               GError **error)
{
  return mte_project_save_to_file (bench->project, bench->save_path, MTE_SAVE_FLAGS_NONE, error);
}

/* ------------------------------------------------------------------ */
/* Peak memory, in a fresh process per step                           */
/* ------------------------------------------------------------------ */

/* Reads a "Key:   1234 kB" line of /proc/self/status; -1 when missing. */
static gint64
proc_status_kb (const char *key)
{
  g_autofree char *status = NULL;
  gsize key_len = strlen (key);

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  for (const char *line = status; line && *line; line = strchr (line, '\n') ? strchr (line, '\n') + 1 : NULL)
    if (strncmp (line, key, key_len) == 0 && line[key_len] == ':')
      return g_ascii_strtoll (line + key_len + 1, NULL, 10);
  return -1;
}

/* Resets VmHWM to the current RSS (Linux >= 4.0). */
static gboolean
reset_peak (void)
{
  int fd = open ("/proc/self/clear_refs", O_WRONLY | O_CLOEXEC);
  gboolean ok;

  if (fd < 0)
    return FALSE;
  ok = write (fd, "5", 1) == 1;
  close (fd);
  return ok;
}

typedef struct {
  gint64 before_kb;     /* resident set when the step starts */
  gint64 peak_kb;       /* high-water mark during the step */
  int    reset;         /* whether the mark could be reset first */
} PeakSample;

static const struct {
  const char *name;
  BenchOp     prepare;
  BenchOp     op;
} memory_steps[] = {
  { "nothing", NULL, op_nothing },
  { "dom", NULL, op_dom_file },
  { "sax", NULL, op_sax_file },
  { "load", NULL, op_load_file },
  { "to-data", op_keep_loaded, op_to_data },
  { "save", op_keep_loaded, op_save },
};

/* The child's side (--measure-step): prepare, reset the high-water mark,
 * run the step, print "BEFORE_KB PEAK_KB RESET". Where the mark cannot be
 * reset, the mark at the start of the step is the baseline, which is what
 * the "nothing" step shows. */
static gboolean
run_memory_step (Bench       *bench,
                 const char  *name,
                 GError     **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (memory_steps); i++)
    if (strcmp (memory_steps[i].name, name) == 0)
      {
        PeakSample s;

        if (memory_steps[i].prepare != NULL && !memory_steps[i].prepare (bench, error))
          return FALSE;
        s.reset = reset_peak ();
        s.before_kb = s.reset ? proc_status_kb ("VmRSS") : proc_status_kb ("VmHWM");
        if (!memory_steps[i].op (bench, error))
          return FALSE;
        s.peak_kb = proc_status_kb ("VmHWM");
        printf ("%" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %d\n", s.before_kb, s.peak_kb, s.reset);
        return TRUE;
      }
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, "unknown step %s", name);
  return FALSE;
}

/* Runs one step in a new process (this program again, with
 * --measure-step): a fresh address space, so that memory this process
 * freed but kept for reuse cannot hide the step's growth. */
static gboolean
measure_peak (Bench       *bench,
              const char  *xml_spec,
              const char  *workdir,
              const char  *step,
              PeakSample  *sample,
              GError     **error)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", error);
  g_autofree char *out = NULL;
  const char *argv[] = { self, "--measure-step", step, "--xml-options", xml_spec,
                         "--workdir", workdir, bench->path, NULL };
  int status;

  if (self == NULL)
    return FALSE;
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL,
                     &status, error) ||
      !g_spawn_check_wait_status (status, error))
    return FALSE;
  if (sscanf (out, "%" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %d", &sample->before_kb,
              &sample->peak_kb, &sample->reset) != 3)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED, "memory step %s printed \"%s\"", step, out);
      return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Timing                                                             */
/* ------------------------------------------------------------------ */

typedef struct {
  const char *name;
  BenchOp     op;
  GArray     *samples;         /* wall-clock seconds */
  GArray     *cpu_samples;     /* CPU seconds */
} Timed;

static gboolean
time_once (Bench    *bench,
           Timed    *timed,
           GError  **error)
{
  double start = now_seconds ();
  double cpu_start = cpu_seconds ();

  if (!timed->op (bench, error))
    return FALSE;
  g_array_append_val (timed->cpu_samples, (double) { cpu_seconds () - cpu_start });
  g_array_append_val (timed->samples, (double) { now_seconds () - start });
  return TRUE;
}

static const struct {
  const char *name;
  int         flag;
} xml_option_names[] = {
  { "nonet", XML_PARSE_NONET },
  { "huge", XML_PARSE_HUGE },
  { "noblanks", XML_PARSE_NOBLANKS },
  { "compact", XML_PARSE_COMPACT },
  { "nocdata", XML_PARSE_NOCDATA },
  { "nodict", XML_PARSE_NODICT },
  { "big-lines", XML_PARSE_BIG_LINES },
  { "noerror", XML_PARSE_NOERROR },
  { "nowarning", XML_PARSE_NOWARNING },
};

static gboolean
parse_xml_options (const char  *spec,
                   int         *options,
                   GError     **error)
{
  g_auto(GStrv) names = g_strsplit (spec, ",", -1);

  *options = 0;
  for (guint i = 0; names[i]; i++)
    {
      gboolean known = FALSE;

      if (names[i][0] == '\0')
        continue;
      for (guint j = 0; j < G_N_ELEMENTS (xml_option_names); j++)
        if (strcmp (names[i], xml_option_names[j].name) == 0)
          {
            *options |= xml_option_names[j].flag;
            known = TRUE;
          }
      if (!known)
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       "unknown libxml2 option \"%s\"", names[i]);
          return FALSE;
        }
    }
  return TRUE;
}

static void
print_ratio (const char *what,
             Timed      *a,
             Timed      *b,
             const char *target)
{
  printf ("  %-40s %6.2f   %6.2f%s%s\n", what, median (a->samples) / median (b->samples),
          median (a->cpu_samples) / median (b->cpu_samples),
          target ? "   target " : "", target ? target : "");
}

/* Round trip: the file loads, serialises to the same bytes (for files
 * this library version wrote) and reloads to an equal model. */
static gboolean
verify (Bench       *bench,
        MteProject  *generated,
        GError     **error)
{
  g_autoptr(MteProject) loaded = NULL;
  g_autoptr(MteProject) again = NULL;
  g_autofree char *original = NULL;
  g_autofree char *data = NULL;
  gsize original_length, length;

  loaded = mte_project_load_from_file (bench->path, MTE_LOAD_FLAGS_NONE, error);
  if (loaded == NULL)
    return FALSE;
  if (generated != NULL && !mte_project_equal (generated, loaded))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                   "%s: the loaded project differs from the generated one", bench->path);
      return FALSE;
    }
  data = mte_project_to_data (loaded, &length, MTE_SAVE_FLAGS_NONE, error);
  if (data == NULL)
    return FALSE;
  if (!g_file_get_contents (bench->path, &original, &original_length, error))
    return FALSE;
  if (generated != NULL && (length != original_length || memcmp (data, original, length) != 0))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                   "%s: saving the loaded project gives different bytes", bench->path);
      return FALSE;
    }
  again = mte_project_load_from_data (data, (gssize) length, "round-trip", MTE_LOAD_FLAGS_NONE, error);
  if (again == NULL)
    return FALSE;
  if (!mte_project_equal (loaded, again))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                   "%s: the project changed across save and reload", bench->path);
      return FALSE;
    }
  printf ("verify: round trip OK%s\n", generated ? " (and equal to the generated model)" : "");
  return TRUE;
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *generate = NULL;
  g_autofree char *xml_spec = NULL;
  g_autofree char *measure_step = NULL;
  g_autofree char *workdir = NULL;
  g_autofree char *own_dir = NULL;
  g_autofree char *generated_path = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MteProject) generated = NULL;
  gint repeat = 5;
  gint64 seed = 1988;
  gboolean no_memory = FALSE, do_verify = FALSE, keep = FALSE, fsync_too = FALSE;
  Bench bench = { 0 };
  GStatBuf st;
  int rc = 1;
  GOptionEntry entries[] = {
    { "generate", 'g', 0, G_OPTION_ARG_STRING, &generate,
      "Generate a project of this shape first (e.g. 500:100) instead of reading FILE", "STUDIES:M" },
    { "seed", 's', 0, G_OPTION_ARG_INT64, &seed, "Seed for --generate (default 1988)", "SEED" },
    { "repeat", 'r', 0, G_OPTION_ARG_INT, &repeat, "Runs of each step; the median is reported (default 5)", "N" },
    { "xml-options", 0, 0, G_OPTION_ARG_STRING, &xml_spec,
      "libxml2 options of the baselines, comma-separated (default: nonet,huge, as the loader)", "LIST" },
    { "workdir", 'w', 0, G_OPTION_ARG_FILENAME, &workdir,
      "Folder for generated and saved files (default: a new folder in $TMPDIR)", "DIR" },
    { "no-memory", 0, 0, G_OPTION_ARG_NONE, &no_memory, "Skip the peak-memory measurements", NULL },
    { "fsync", 0, 0, G_OPTION_ARG_NONE, &fsync_too, "Also time saving with fsync", NULL },
    { "verify", 0, 0, G_OPTION_ARG_NONE, &do_verify, "Check the round trip before timing", NULL },
    { "keep", 0, 0, G_OPTION_ARG_NONE, &keep, "Keep the generated and saved files", NULL },
    { "measure-step", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_STRING, &measure_step,
      "Internal: run one step of the memory measurement and print its figures", "STEP" },
    { NULL }
  };
  Timed dom = { "libxml2 DOM (xmlCtxtReadFile)", op_dom_file, NULL, NULL };
  Timed dom_mem = { "libxml2 DOM (read + xmlCtxtReadMemory)", op_dom_memory, NULL, NULL };
  Timed sax = { "libxml2 SAX, empty callbacks", op_sax_file, NULL, NULL };
  Timed load = { "mte_project_load_from_file", op_load_file, NULL, NULL };
  Timed to_data = { "mte_project_to_data", op_to_data, NULL, NULL };
  Timed save = { "mte_project_save_to_file (no fsync)", op_save, NULL, NULL };
  Timed save_fsync = { "mte_project_save_to_file (fsync)", op_save_fsync, NULL, NULL };
  Timed *all[] = { &dom, &dom_mem, &sax, &load, &to_data, &save, &save_fsync };

  context = g_option_context_new ("[FILE] - time loading and saving against libxml2 alone");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "mte-bench-load: %s\n", error->message);
      return 2;
    }
  if ((generate == NULL) == (argc != 2) || repeat < 1 || seed < 0 || seed > G_MAXUINT32)
    {
      fprintf (stderr, "mte-bench-load: give one FILE or --generate STUDIES:M (see --help)\n");
      return 2;
    }
  if (xml_spec == NULL)
    xml_spec = g_strdup ("nonet,huge");
  if (!parse_xml_options (xml_spec, &bench.xml_options, &error))
    {
      fprintf (stderr, "mte-bench-load: %s\n", error->message);
      return 2;
    }
  bench.repeat = (guint) repeat;
  xmlInitParser ();

  if (measure_step != NULL)
    {
      /* A child of measure_peak(). */
      if (workdir == NULL || generate != NULL)
        {
          fprintf (stderr, "mte-bench-load: --measure-step needs --workdir and FILE\n");
          return 2;
        }
      bench.path = argv[1];
      bench.save_path = g_build_filename (workdir, "mte-bench-saved.mte", NULL);
      if (!run_memory_step (&bench, measure_step, &error))
        {
          fprintf (stderr, "mte-bench-load: %s\n", error->message);
          rc = 1;
        }
      else
        rc = 0;
      g_clear_pointer (&bench.project, mte_project_free);
      g_free (bench.save_path);
      xmlCleanupParser ();
      return rc;
    }

  if (workdir == NULL)
    {
      own_dir = g_dir_make_tmp ("mte-bench-XXXXXX", &error);
      if (own_dir == NULL)
        goto out;
      workdir = g_strdup (own_dir);
    }
  bench.save_path = g_build_filename (workdir, "mte-bench-saved.mte", NULL);

  if (generate != NULL)
    {
      BenchGenParams params;
      double start = now_seconds ();

      bench_gen_params_init (&params);
      params.seed = (guint32) seed;
      if (!bench_gen_parse_shape (generate, &params, &error))
        goto out;
      generated = bench_gen_project (&params, NULL, &error);
      if (generated == NULL)
        goto out;
      generated_path = g_strdup_printf ("%s/generated-%u-%u.mte", workdir,
                                        params.n_studies, params.constructs_per_study);
      if (!mte_project_save_to_file (generated, generated_path, MTE_SAVE_NO_FSYNC, &error))
        goto out;
      bench.path = generated_path;
      printf ("generated %u studies x %u constructs (seed %u) in %.2f s\n", params.n_studies,
              params.constructs_per_study, params.seed, now_seconds () - start);
    }
  else
    bench.path = argv[1];

  if (g_stat (bench.path, &st) != 0)
    {
      g_set_error (&error, G_FILE_ERROR, g_file_error_from_errno (errno), "%s: %s",
                   bench.path, g_strerror (errno));
      goto out;
    }
  bench.size = (gint64) st.st_size;
  printf ("file: %s\nsize: %" G_GINT64_FORMAT " bytes (%.1f MiB)\n", bench.path, bench.size,
          bench.size / 1048576.0);
  printf ("libxml2 %s, metaethno %s, %ld CPUs online, %u runs per step (median)\n",
          LIBXML_DOTTED_VERSION, mte_get_version_string (), sysconf (_SC_NPROCESSORS_ONLN), bench.repeat);

  if (do_verify && !verify (&bench, generated, &error))
    goto out;
  g_clear_pointer (&generated, mte_project_free);

  if (!no_memory)
    {
      PeakSample nothing, s_dom, s_sax, s_load, s_to_data, s_save;
      double mib = 1024.0, file_kb = bench.size / 1024.0;

      if (!measure_peak (&bench, xml_spec, workdir, "nothing", &nothing, &error) ||
          !measure_peak (&bench, xml_spec, workdir, "dom", &s_dom, &error) ||
          !measure_peak (&bench, xml_spec, workdir, "sax", &s_sax, &error) ||
          !measure_peak (&bench, xml_spec, workdir, "load", &s_load, &error) ||
          !measure_peak (&bench, xml_spec, workdir, "to-data", &s_to_data, &error) ||
          !measure_peak (&bench, xml_spec, workdir, "save", &s_save, &error))
        goto out;

      printf ("\npeak memory above the starting resident set (%s):\n",
              s_load.reset ? "VmHWM after resetting it through /proc/self/clear_refs"
                           : "VmHWM minus the inherited mark");
      printf ("  %-36s %9.1f MiB  %5.2f x file\n", "do nothing (baseline child)",
              (nothing.peak_kb - nothing.before_kb) / mib, (nothing.peak_kb - nothing.before_kb) / file_kb);
      printf ("  %-36s %9.1f MiB  %5.2f x file\n", dom.name,
              (s_dom.peak_kb - s_dom.before_kb) / mib, (s_dom.peak_kb - s_dom.before_kb) / file_kb);
      printf ("  %-36s %9.1f MiB  %5.2f x file\n", sax.name,
              (s_sax.peak_kb - s_sax.before_kb) / mib, (s_sax.peak_kb - s_sax.before_kb) / file_kb);
      printf ("  %-36s %9.1f MiB  %5.2f x file   target <= 3\n", load.name,
              (s_load.peak_kb - s_load.before_kb) / mib, (s_load.peak_kb - s_load.before_kb) / file_kb);
      printf ("  %-36s %9.1f MiB  %5.2f x file   (model resident: %.1f MiB)\n", to_data.name,
              (s_to_data.peak_kb - s_to_data.before_kb) / mib,
              (s_to_data.peak_kb - s_to_data.before_kb) / file_kb, s_to_data.before_kb / mib);
      printf ("  %-36s %9.1f MiB  %5.2f x file\n", save.name,
              (s_save.peak_kb - s_save.before_kb) / mib, (s_save.peak_kb - s_save.before_kb) / file_kb);
      fflush (stdout);
    }

  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    {
      all[i]->samples = g_array_new (FALSE, FALSE, sizeof (double));
      all[i]->cpu_samples = g_array_new (FALSE, FALSE, sizeof (double));
    }

  /* Interleaved, so that drift in the machine's state hits every step. */
  for (guint r = 0; r < bench.repeat; r++)
    if (!time_once (&bench, &dom, &error) || !time_once (&bench, &sax, &error) ||
        !time_once (&bench, &dom_mem, &error) || !time_once (&bench, &load, &error))
      goto out;
  if (!op_keep_loaded (&bench, &error))
    goto out;
  for (guint r = 0; r < bench.repeat; r++)
    if (!time_once (&bench, &to_data, &error) || !time_once (&bench, &save, &error) ||
        (fsync_too && !time_once (&bench, &save_fsync, &error)))
      goto out;

  printf ("\ntimes (median of %u):                       wall        CPU   wall MiB/s\n", bench.repeat);
  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    if (all[i]->samples->len > 0)
      {
        double m = median (all[i]->samples);

        printf ("  %-40s %8.3f s %8.3f s %8.1f\n", all[i]->name, m, median (all[i]->cpu_samples),
                bench.size / 1048576.0 / m);
      }

  printf ("\nratios:                                    wall      CPU\n");
  print_ratio ("load / libxml2 DOM parse", &load, &dom, "<= 1.5");
  print_ratio ("load / libxml2 SAX parse", &load, &sax, NULL);
  print_ratio ("load / libxml2 read + DOM from memory", &load, &dom_mem, NULL);
  print_ratio ("save (no fsync) / load", &save, &load, NULL);
  print_ratio ("to_data / load", &to_data, &load, NULL);
  rc = 0;

out:
  if (error != NULL)
    fprintf (stderr, "mte-bench-load: %s\n", error->message);
  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    {
      if (all[i]->samples != NULL)
        g_array_unref (all[i]->samples);
      if (all[i]->cpu_samples != NULL)
        g_array_unref (all[i]->cpu_samples);
    }
  g_clear_pointer (&bench.project, mte_project_free);
  if (!keep)
    {
      if (bench.save_path != NULL)
        g_remove (bench.save_path);
      if (generated_path != NULL)
        g_remove (generated_path);
      if (own_dir != NULL)
        g_rmdir (own_dir);
    }
  else if (generated_path != NULL)
    printf ("kept %s\n", generated_path);
  g_free (bench.save_path);
  xmlCleanupParser ();
  return rc;
}
