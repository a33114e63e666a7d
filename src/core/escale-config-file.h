/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One problem in the configuration, as an administrator must see it:
 * "activities/visio.ini:12: icon: no such icon “camra”". */
typedef struct
{
  char *file;
  guint line; /* 0 when the whole file is concerned */
  char *key;  /* NULL when no key is concerned */
  char *message;
} EscaleConfigProblem;

void escale_config_problem_free (EscaleConfigProblem *problem);
char *escale_config_problem_to_string (const EscaleConfigProblem *problem);
void escale_config_problem_add (GPtrArray *problems, const char *file, guint line, const char *key,
                                const char *format, ...) G_GNUC_PRINTF (5, 6);

typedef enum
{
  ESCALE_KEY_STRING,
  ESCALE_KEY_INT,
  ESCALE_KEY_BOOL,
  ESCALE_KEY_ID,   /* lower-case letters, digits and dashes */
  ESCALE_KEY_URL,  /* http or https, with a host */
  ESCALE_KEY_PATH, /* a file or folder relative to the config folder */
} EscaleKeyType;

/* What a group may hold. A group ending in " *" matches "Name 1", "Name 2"...;
 * a key ending in "-*" matches "step-1", "step-2"... */
typedef struct
{
  const char *group;
  const char *key;
  EscaleKeyType type;
  int min;
  int max;
  gboolean required;
} EscaleKeySpec;

typedef struct _EscaleConfigFile EscaleConfigFile;

EscaleConfigFile *escale_config_file_load (const char *path, const char *display_name,
                                           GPtrArray *problems, GError **error);
void escale_config_file_free (EscaleConfigFile *self);
GPtrArray *escale_config_list_ini_names (const char *dir, GError **error);
const char *escale_config_file_get_name (EscaleConfigFile *self);
GKeyFile *escale_config_file_get_key_file (EscaleConfigFile *self);
guint escale_config_file_get_line (EscaleConfigFile *self, const char *group, const char *key);
void escale_config_file_validate (EscaleConfigFile *self, const EscaleKeySpec *const *spec_lists,
                                  const char *base_dir, GPtrArray *problems);
void escale_config_file_problem (EscaleConfigFile *self, GPtrArray *problems, const char *group,
                                 const char *key, const char *format, ...) G_GNUC_PRINTF (5, 6);
char *escale_key_file_get_text (GKeyFile *key_file, const char *group, const char *key);
char **escale_config_file_get_numbered (EscaleConfigFile *self, const char *group,
                                        const char *key_prefix);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EscaleConfigFile, escale_config_file_free)

G_END_DECLS
